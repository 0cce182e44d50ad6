import { randomUUID } from 'node:crypto';
import type { Client, ClientInput } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { deleteAuditEntriesOfClient } from '../db/queries/audit';
import * as queries from '../db/queries/clients';
import { listConsents } from '../db/queries/consents';
import { listDocuments } from '../db/queries/documents';
import { getResidenceStatus } from '../db/queries/residence-statuses';
import type { FieldIssues } from '../../../shared/i18n/error-message';
import { invalid, notFound } from '../errors';
import { recordAudit } from './audit';

const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * Rules the schema cannot know: they depend on today or on data (the
 * residence statuses). All are checked, so the form shows every problem at
 * once.
 */
function checkPlausible(core: Core, input: ClientInput): void {
  const today = todayIso(core.now());
  const fields: FieldIssues = {};
  if (input.birthDate !== null && input.birthDate > today) fields.birthDate = { key: 'clients.birthDateInFuture' };
  if (input.birthDate !== null && input.birthDate < EARLIEST_BIRTH_DATE) fields.birthDate = { key: 'clients.birthDateBefore1900' };
  if (input.germanLevel.certificateDate !== null && input.germanLevel.certificateDate > today) {
    fields['germanLevel.certificateDate'] = { key: 'clients.certificateDateInFuture' };
  }
  const currentYear = Number(today.slice(0, 4));
  input.qualifications.forEach((qualification, index) => {
    if (qualification.year !== null && qualification.year > currentYear) fields[`qualifications.${index}.year`] = { key: 'clients.yearInFuture' };
  });
  if (input.residenceStatus !== null && !getResidenceStatus(core.db, input.residenceStatus)) {
    fields.residenceStatus = { key: 'clients.unknownResidenceStatus' };
  }
  if (input.residenceValidUntil !== null && input.residenceStatus === null) {
    fields.residenceStatus = { key: 'clients.residenceStatusMissing' };
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

export function createClient(core: Core, input: ClientInput): Client {
  checkPlausible(core, input);
  return core.db.transaction(() => {
    const client = queries.insertClient(core.db, randomUUID(), input, core.now().toISOString());
    recordAudit(core, { action: 'clients.create', subjectType: 'client', subjectId: client.id, clientId: client.id, details: {} });
    return client;
  })();
}

/** Names the fields whose value changed, never the values: the trail must not copy personal data. */
function changedFields(before: Client, after: ClientInput): string[] {
  return (Object.keys(after) as Array<keyof ClientInput>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export function updateClient(core: Core, id: string, input: ClientInput): Client {
  checkPlausible(core, input);
  return core.db.transaction(() => {
    const before = getClient(core, id);
    const client = queries.updateClient(core.db, id, input, core.now().toISOString());
    if (!client) throw notFound('client');
    recordAudit(core, { action: 'clients.update', subjectType: 'client', subjectId: id, clientId: id, details: { fields: changedFields(before, input) } });
    return client;
  })();
}

export function getClient(core: Core, id: string): Client {
  const client = queries.getClient(core.db, id);
  if (!client) throw notFound('client');
  return client;
}

export function searchClients(core: Core, query: string, limit: number): Client[] {
  return queries.searchClients(core.db, query, limit);
}

/**
 * GDPR Art. 17: the person, their documents, consents and audit lines go in
 * one transaction; one audit line without personal data records that an
 * erasure happened. secure_delete zeroes the freed pages, the search index
 * is compacted and the WAL checkpointed, so the name is nowhere in the files.
 */
export function eraseClient(core: Core, id: string): void {
  core.db.transaction(() => {
    const documents = listDocuments(core.db, { clientId: id }).length;
    const consents = listConsents(core.db, id, todayIso(core.now())).length;
    deleteAuditEntriesOfClient(core.db, id);
    if (!queries.deleteClient(core.db, id)) throw notFound('client');
    queries.compactSearchIndex(core.db);
    recordAudit(core, { action: 'clients.erase', subjectType: 'client', subjectId: null, clientId: null, details: { documents, consents } });
  })();
  try {
    queries.truncateWriteAheadLog(core.db);
  } catch (error) {
    // The erasure is committed, so the call must not answer "nothing saved". A checkpoint the disk
    // refuses (full, read-only) is done again when the store closes: SQLite checkpoints then and removes the WAL.
    console.error('[lotse] Das Write-Ahead-Log konnte nach dem Löschen nicht geleert werden:', error);
  }
}
