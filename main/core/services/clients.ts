import { randomUUID } from 'node:crypto';
import type { Client, ClientInput, ClientListFilter, ClientSort } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { insertAuditEntry, pseudonymiseAuditOfClient } from '../db/queries/audit';
import * as queries from '../db/queries/clients';
import { logErasure, type Erasure } from '../db/queries/erasures';
import type { Db } from '../db/open';
import { getResidenceStatus } from '../db/queries/residence-statuses';
import type { FieldIssues } from '../../../shared/i18n/error-message';
import { DomainError, invalid, notFound } from '../errors';
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

/**
 * Stored clients that may be the person of an unsaved form (clients.similar).
 * The form shows them before saving; create and update refuse the same
 * finds unless the counselor named them as checked.
 */
export function similarClients(core: Core, person: queries.IdentityFields, excludeId?: string): queries.SimilarClient[] {
  return queries.similarClients(core.db, person, excludeId);
}

/**
 * Refuses with `duplicate_suspected` when someone the counselor did not
 * confirm as another person looks like this one; the ids of those confirmed
 * that the check found, for the audit line (ids only, no personal data).
 */
function checkDuplicates(core: Core, input: ClientInput, confirmed: readonly string[], excludeId?: string): string[] {
  const found = queries.similarClients(core.db, input, excludeId).map((entry) => entry.client.id);
  const unconfirmed = found.filter((id) => !confirmed.includes(id));
  if (unconfirmed.length > 0) throw new DomainError('duplicate_suspected', { key: 'clients.duplicateSuspected', params: { count: unconfirmed.length } });
  return found;
}

const IDENTITY_FIELDS = ['familyName', 'givenName', 'otherNames', 'birthDate', 'customerNumber', 'fileNumber'] as const;

export function createClient(core: Core, input: ClientInput, confirmedNotDuplicateOf: readonly string[] = []): Client {
  checkPlausible(core, input);
  return core.db.transaction(() => {
    const ignored = checkDuplicates(core, input, confirmedNotDuplicateOf);
    const client = queries.insertClient(core.db, randomUUID(), input, core.now().toISOString());
    recordAudit(core, {
      action: 'clients.create',
      subjectType: 'client',
      subjectId: client.id,
      clientId: client.id,
      details: ignored.length > 0 ? { duplicatesIgnored: ignored } : {},
    });
    return client;
  })();
}

/** Names the fields whose value changed, never the values: the trail must not copy personal data. */
function changedFields(before: Client, after: ClientInput): string[] {
  return (Object.keys(after) as Array<keyof ClientInput>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * The duplicate check runs only when a field that says who the person is
 * changed: a pair once saved as two people is not asked about at every edit.
 */
export function updateClient(core: Core, id: string, input: ClientInput, confirmedNotDuplicateOf: readonly string[] = []): Client {
  checkPlausible(core, input);
  return core.db.transaction(() => {
    const before = getClient(core, id);
    const fields = changedFields(before, input);
    const ignored = fields.some((field) => (IDENTITY_FIELDS as readonly string[]).includes(field))
      ? checkDuplicates(core, input, confirmedNotDuplicateOf, id)
      : [];
    const client = queries.updateClient(core.db, id, input, core.now().toISOString());
    if (!client) throw notFound('client');
    recordAudit(core, {
      action: 'clients.update',
      subjectType: 'client',
      subjectId: id,
      clientId: id,
      details: ignored.length > 0 ? { fields, duplicatesIgnored: ignored } : { fields },
    });
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

/** The client list with sort and filter (clients.search with either given); by name when only a filter is given. */
export function listClients(core: Core, query: string, limit: number, sort: ClientSort | undefined, filter: ClientListFilter | undefined) {
  return queries.listClients(core.db, query, filter ?? {}, sort ?? 'name', limit);
}

/**
 * Removes the person, their documents and consents, makes their audit lines
 * forget whom they concerned (the trail is append-only: the lines stay, see
 * migration 0100) inside the caller's transaction, and compacts the search
 * index; what was removed, or null when there was nobody with that id. Plain SQL on tables every schema
 * since 10 has (the audit trail where there is one): a backup of an older
 * Lotse is erased from in the same way (eraseFromBackups).
 */
export function removeClient(db: Db, id: string): { documents: number; consents: number } | null {
  const attached = queries.countAttached(db, id);
  if (queries.hasTable(db, 'audit')) pseudonymiseAuditOfClient(db, id);
  if (!queries.deleteClient(db, id)) return null;
  queries.compactSearchIndex(db);
  return attached;
}

/**
 * GDPR Art. 17: the person, their documents and consents go in one
 * transaction, their audit lines no longer name them (client and subject id
 * NULL; what was done, when and by whom stays); one audit line without
 * personal data records that an erasure happened, and the erasure log keeps
 * the id, so that a restore of an older backup erases the person again
 * (reapplyErasures). secure_delete
 * zeroes the freed pages, the search index is compacted and the WAL
 * checkpointed, so the name is nowhere in the files.
 */
export function eraseClient(core: Core, id: string): Erasure {
  const erasure = core.db.transaction(() => {
    const removed = removeClient(core.db, id);
    if (!removed) throw notFound('client');
    const logged = { clientId: id, erasedAt: core.now().toISOString() };
    logErasure(core.db, logged);
    recordAudit(core, { action: 'clients.erase', subjectType: 'client', subjectId: null, clientId: null, details: removed });
    return logged;
  })();
  try {
    queries.truncateWriteAheadLog(core.db);
  } catch (error) {
    // The erasure is committed, so the call must not answer "nothing saved". A checkpoint the disk
    // refuses (full, read-only) is done again when the store closes: SQLite checkpoints then and removes the WAL.
    console.error('[lotse] Das Write-Ahead-Log konnte nach dem Löschen nicht geleert werden:', error);
  }
  return erasure;
}

/**
 * A restored backup may hold people erased after it was taken, and every
 * backup still holds a person just erased: each client the erasure log names
 * is erased from `db` the same way (with an audit line marked `reapplied`)
 * and the log is carried over. A backup of a Lotse older than the log (or the
 * audit trail) just loses the person. Runs in the caller's transaction; the
 * number of people erased again.
 */
export function reapplyErasures(db: Db, erasures: readonly Erasure[], at: Date, actor: string): number {
  const withLog = queries.hasTable(db, 'erasures');
  const withAudit = queries.hasTable(db, 'audit');
  let erased = 0;
  for (const erasure of erasures) {
    const removed = removeClient(db, erasure.clientId);
    if (withLog) logErasure(db, erasure);
    if (!removed) continue;
    erased += 1;
    if (withAudit)
      insertAuditEntry(db, {
        at: at.toISOString(),
        action: 'clients.erase',
        subjectType: 'client',
        subjectId: null,
        clientId: null,
        actor,
        details: { ...removed, reapplied: true },
      });
  }
  return erased;
}
