import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { foldedVariants } from '../../shared/domain/fold';
import type { Client } from '../../shared/api/contract';
import { clientToInput, openTestCore } from '../support/core';
import { callOk } from '../support/results';
import { decryptedBytes } from '../support/store-key';

/** A name that occurs nowhere else, so finding its bytes means a leftover. */
const FAMILY_NAME = 'Zyxwäbcq';
const OTHER_NAME = 'Зыхвабцк';
const NOTE = 'Vertraulich: Qwpmvtrx';

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

/** A client with something in every place a person's data can end up. */
async function clientWithEverything(): Promise<string> {
  const client = await callOk<{ id: string }>(core, 'clients.create', {
    familyName: FAMILY_NAME,
    givenName: 'Ayşe',
    otherNames: [OTHER_NAME],
    birthDate: '1990-03-12',
    customerNumber: 'KD-99887766',
    notes: NOTE,
    residenceStatus: 'p104c',
    residenceValidUntil: '2026-12-20',
    address: { addition: 'c/o Familie Weber', street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' },
  });
  await callOk(core, 'clients.update', { ...clientToInput(await callOk<Client>(core, 'clients.get', { id: client.id })), givenName: 'Ayşe Nur' });
  await callOk(core, 'consents.create', {
    clientId: client.id,
    recipients: [{ name: 'Jugendmigrationsdienst' }],
    purposes: [`Beratung von ${FAMILY_NAME}`],
    dataCategories: ['identity'],
    signedOn: '2026-11-20',
  });
  const document = await callOk<{ id: string }>(core, 'documents.create', {
    templateId: 'free-letter',
    clientId: client.id,
    values: { subject: `Einladung für Frau ${FAMILY_NAME}`, body: 'Bitte kommen Sie.' },
  });
  await callOk(core, 'documents.render', { id: document.id });
  return client.id;
}

/** The store's bytes, raw and as they would be unencrypted (the store is encrypted at rest: test/db/encryption-at-rest.test.ts), and its WAL's. */
function databaseBytes(): Buffer {
  return Buffer.concat(
    ['lotse.sqlite', 'lotse.sqlite-wal']
      .map((file) => path.join(dataDir, file))
      .filter((file) => fs.existsSync(file))
      .flatMap((file) => [fs.readFileSync(file), decryptedBytes(file, path.join(dataDir, 'lotse.sqlite'))]),
  );
}

/** Every form the name could be stored in: as typed, folded for search, in UTF-16. */
function traces(): Buffer[] {
  const forms = [FAMILY_NAME, OTHER_NAME, NOTE, 'KD-99887766', 'kd99887766', ...foldedVariants(FAMILY_NAME), ...foldedVariants(OTHER_NAME)];
  return forms.flatMap((form) => [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]);
}

describe('clients.erase', () => {
  it('checks itself: before the erasure the name is in the file', async () => {
    await clientWithEverything();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = databaseBytes();
    expect(traces().some((trace) => bytes.includes(trace))).toBe(true);
  });

  it('removes the person and everything attached, leaving no trace of the name in the file', async () => {
    const id = await clientWithEverything();
    expect(await callOk(core, 'clients.erase', { id })).toEqual({ erased: true });

    for (const table of ['clients', 'documents', 'consents', 'consent_recipients', 'client_search_keys']) {
      expect(core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect((await callOk<{ items: unknown[] }>(core, 'clients.search', { query: FAMILY_NAME })).items).toEqual([]);
    expect(await dispatch(core, 'clients.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The audit trail is append-only: it keeps what was done, and that an erasure happened, but no longer whom it concerned.
    const audit = (await callOk<{ items: Array<{ action: string; subjectType: string; subjectId: string | null }> }>(core, 'audit.list', {})).items;
    expect(audit.map((entry) => entry.action)).toEqual([
      'clients.erase',
      'documents.create',
      'consents.create',
      'clients.update',
      'clients.create',
      'settings.update',
    ]);
    expect(audit.filter((entry) => entry.subjectType === 'client').map((entry) => entry.subjectId)).toEqual([null, null, null]);
    expect(JSON.stringify(audit)).not.toContain(id);
    expect(core.db.prepare('SELECT count(*) FROM audit WHERE client_id = ? OR subject_id = ?').pluck().get(id, id)).toBe(0);

    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.exec('VACUUM');
    const bytes = databaseBytes();
    for (const trace of traces()) expect(bytes.includes(trace), `found ${trace.toString('utf8')}`).toBe(false);
  });

  it('leaves the file clean even without a VACUUM, as the app runs', async () => {
    const id = await clientWithEverything();
    await callOk(core, 'clients.erase', { id });
    const bytes = databaseBytes();
    for (const trace of traces()) expect(bytes.includes(trace), `found ${trace.toString('utf8')}`).toBe(false);
  });

  it('leaves other clients alone', async () => {
    const keep = await callOk<{ id: string }>(core, 'clients.create', { familyName: 'Bleibt' });
    const id = await clientWithEverything();
    await callOk(core, 'clients.erase', { id });
    expect(await callOk(core, 'clients.get', { id: keep.id })).toMatchObject({ familyName: 'Bleibt' });
    expect((await callOk<{ items: unknown[] }>(core, 'clients.search', { query: 'Bleibt' })).items).toHaveLength(1);
  });

  it('answers an unknown id with not_found and changes nothing', async () => {
    await clientWithEverything();
    const result = await dispatch(core, 'clients.erase', { id: 'nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
  });
});

describe('clients.export', () => {
  it('gives one ZIP with everything held about the person and the documents as PDFs', async () => {
    const id = await clientWithEverything();
    const other = await callOk<{ id: string }>(core, 'clients.create', { familyName: 'Andere' });
    const exported = await callOk<{ fileName: string; zipBase64: string }>(core, 'clients.export', { id });
    expect(exported.fileName).toBe(`Auskunft-${FAMILY_NAME}-2026-11-25.zip`);

    const files = unzipSync(Buffer.from(exported.zipBase64, 'base64'));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['Auskunft-nach-Art-15-DSGVO.pdf', 'dokumente/001-free-letter-2026-11-25.pdf', 'klientin.json']);
    expect(strFromU8(files['dokumente/001-free-letter-2026-11-25.pdf']!.subarray(0, 5))).toBe('%PDF-');

    const record = JSON.parse(strFromU8(files['klientin.json']!));
    expect(record.client).toMatchObject({ id, familyName: FAMILY_NAME, otherNames: [OTHER_NAME], notes: NOTE, customerNumber: 'KD-99887766' });
    expect(record.client.address).toEqual({ addition: 'c/o Familie Weber', street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' });
    expect(record.consents).toHaveLength(1);
    expect(record.consents[0]).toMatchObject({ recipients: [{ name: 'Jugendmigrationsdienst' }], state: 'valid' });
    expect(record.documents).toHaveLength(1);
    expect(record.documents[0]).toMatchObject({ values: { subject: `Einladung für Frau ${FAMILY_NAME}` }, pdf: 'dokumente/001-free-letter-2026-11-25.pdf' });
    expect(record.audit.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'clients.create',
      'clients.update',
      'consents.create',
      'documents.create',
    ]);
    expect(JSON.stringify(record)).not.toContain(other.id);
  });
});
