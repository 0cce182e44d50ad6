import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { Client, LotseDocument, MethodOutput } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';

/** clients.search with sort and filter: the client list (issue 14, item 6). */

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

type Page = MethodOutput<'clients.search'>;
const list = (input: Record<string, unknown>) => callOk<Page>(core, 'clients.search', { query: '', limit: 50, ...input });
const names = async (input: Record<string, unknown>) => (await list(input)).items.map((client) => client.familyName);
const setTimes = (id: string, updatedAt: string) => core.db.prepare('UPDATE clients SET updated_at = ? WHERE id = ?').run(updatedAt, id);

describe('the client list', () => {
  beforeEach(async () => {
    const create = (input: Record<string, unknown>) =>
      callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, birthDate: null, givenName: '', address: { street: '', postalCode: '', city: '' }, ...input });
    const zander = await create({ familyName: 'Zander', residenceStatus: 'p24', residenceValidUntil: '2027-03-04', counselingFields: ['recognition'] });
    const ozdemir = await create({
      familyName: 'Özdemir',
      residenceStatus: 'duldung',
      residenceValidUntil: '2026-12-31',
      counselingFields: ['duldung-gestattung'],
    });
    const otto = await create({
      familyName: 'Otto',
      residenceStatus: 'p24',
      residenceValidUntil: '2026-12-01',
      counselingFields: ['recognition', 'language-courses'],
    });
    const abel = await create({ familyName: 'Abel', residenceStatus: null, residenceValidUntil: null });
    setTimes(zander.id, '2026-01-10T09:00:00.000Z');
    setTimes(ozdemir.id, '2026-06-01T09:00:00.000Z');
    setTimes(otto.id, '2025-05-01T09:00:00.000Z');
    setTimes(abel.id, '2026-11-20T09:00:00.000Z');
    // A letter to Otto in October: that is the last contact, not the older change of the record.
    const letter = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: otto.id,
      values: { subject: 'Termin', body: 'Text.' },
    });
    core.db.prepare('UPDATE documents SET created_at = ? WHERE id = ?').run('2026-10-02T09:00:00.000Z', letter.id);
    setTimes(otto.id, '2025-05-01T09:00:00.000Z');
  });

  it('sorts by name as a German reader expects (Ö with O), by permit end soonest first, by last contact either way', async () => {
    expect(await names({ sort: 'name' })).toEqual(['Abel', 'Otto', 'Özdemir', 'Zander']);
    // Without a permit end at the bottom.
    expect(await names({ sort: 'residenceValidUntil' })).toEqual(['Otto', 'Özdemir', 'Zander', 'Abel']);
    expect(await names({ sort: 'lastContactOldest' })).toEqual(['Zander', 'Özdemir', 'Otto', 'Abel']);
    expect(await names({ sort: 'lastContactNewest' })).toEqual(['Abel', 'Otto', 'Özdemir', 'Zander']);
    expect(await names({ sort: 'recent' })).toEqual(['Abel', 'Özdemir', 'Zander', 'Otto']);
  });

  it('gives each client the last contact: the newest document or change of the record', async () => {
    const items = (await list({ sort: 'name' })).items;
    expect(items.map((client) => [client.familyName, client.lastContact])).toEqual([
      ['Abel', '2026-11-20T09:00:00.000Z'],
      ['Otto', '2026-10-02T09:00:00.000Z'],
      ['Özdemir', '2026-06-01T09:00:00.000Z'],
      ['Zander', '2026-01-10T09:00:00.000Z'],
    ]);
  });

  it('filters by residence status, permit end, counseling field and last contact; every filter given must hold', async () => {
    expect(await names({ filter: { residenceStatus: 'p24' } })).toEqual(['Otto', 'Zander']);
    expect(await names({ filter: { validUntilFrom: '2026-12-15', validUntilTo: '2027-12-31' } })).toEqual(['Özdemir', 'Zander']);
    expect(await names({ filter: { counselingField: 'recognition' } })).toEqual(['Otto', 'Zander']);
    expect(await names({ filter: { counselingField: 'language-courses' } })).toEqual(['Otto']);
    expect(await names({ filter: { lastContactBefore: '2026-06-01' } })).toEqual(['Zander']);
    expect(await names({ filter: { residenceStatus: 'p24', counselingField: 'recognition', validUntilTo: '2026-12-31' } })).toEqual(['Otto']);
  });

  it('combines the search words with sort and filter', async () => {
    expect(await names({ query: 'o', sort: 'name' })).toEqual(['Otto', 'Özdemir']);
    expect(await names({ query: 'oz', filter: { residenceStatus: 'p24' } })).toEqual([]);
  });

  it('leaves out closed cases when asked', async () => {
    const [otto] = (await list({ query: 'Otto', sort: 'name' })).items;
    await callOk(core, 'clients.close', { id: otto!.id, closedOn: '2026-11-01' });
    expect(await names({ filter: { openOnly: true } })).toEqual(['Abel', 'Özdemir', 'Zander']);
  });

  it('refuses unknown sorts and filters with a German message', async () => {
    expect(errorOf(await dispatch(core, 'clients.search', { query: '', sort: 'age' })).code).toBe('invalid_input');
    expect(errorOf(await dispatch(core, 'clients.search', { query: '', filter: { counselingField: 'cooking' } })).code).toBe('invalid_input');
    expect(errorOf(await dispatch(core, 'clients.search', { query: '', filter: { lastContactBefore: '01.06.2026' } })).fields).toEqual({
      'filter.lastContactBefore': 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben.',
    });
    expect(errorOf(await dispatch(core, 'clients.search', { query: '', filter: { mood: 'good' } })).code).toBe('invalid_input');
  });
});

describe('the client list at 100,000 clients', () => {
  it('answers each sort and filter quickly', async () => {
    const insert = core.db.prepare(
      `INSERT INTO clients (id, family_name, given_name, birth_date, residence_status, residence_valid_until, street, postal_code, city, details, sort_name, created_at, updated_at)
       VALUES (?, ?, '', NULL, ?, ?, '', '', '', ?, ?, '2026-01-01T00:00:00.000Z', ?)`,
    );
    const index = core.db.prepare('INSERT INTO clients_search (rowid, names) VALUES (?, ?)');
    const statuses = ['p24', 'duldung', 'gestattung', 'p25a', null];
    const fields = ['recognition', 'language-courses', 'training-work', 'duldung-gestattung', 'residence-title'];
    core.db.transaction(() => {
      for (let n = 0; n < 100_000; n += 1) {
        const status = statuses[n % statuses.length] ?? null;
        const until = status === null ? null : `2027-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
        const family = `Person${String(n).padStart(6, '0')}`;
        const updated = `2026-${String(1 + (n % 11)).padStart(2, '0')}-01T00:00:00.000Z`;
        const { lastInsertRowid } = insert.run(
          `bulk-${n}`,
          family,
          status,
          until,
          JSON.stringify({ counselingFields: [fields[n % fields.length]] }),
          family.toLowerCase(),
          updated,
        );
        index.run(lastInsertRowid, family.toLowerCase());
      }
    })();
    const timings: Record<string, number> = {};
    for (const [title, input] of Object.entries({
      name: { sort: 'name' },
      permitEnd: { sort: 'residenceValidUntil' },
      lastContact: { sort: 'lastContactOldest' },
      status: { filter: { residenceStatus: 'duldung' } },
      field: { filter: { counselingField: 'residence-title' } },
      contact: { filter: { lastContactBefore: '2026-02-01' }, sort: 'name' },
      everything: { query: 'person01', sort: 'residenceValidUntil', filter: { residenceStatus: 'p24', counselingField: 'recognition' } },
    })) {
      const started = performance.now();
      const page = await list(input);
      timings[title] = Math.round(performance.now() - started);
      expect(page.items.length).toBeGreaterThan(0);
    }
    console.log(`clients.search with sort/filter at 100,000 clients (ms): ${JSON.stringify(timings)}`);
    for (const elapsed of Object.values(timings)) expect(elapsed).toBeLessThan(1500);
  }, 120_000);
});
