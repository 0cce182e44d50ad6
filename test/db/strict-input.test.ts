import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { contract, type Client, type LotseDocument, type MethodName } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf } from '../support/results';

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

const unknownField = (key: string) => `Unbekanntes Feld „${key}“: bitte nur die vorgesehenen Felder senden.`;

describe('a key the contract does not know', () => {
  it('is refused at the top level, named at its own path, and nothing is written', async () => {
    const error = errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, nickname: 'Ayşe' }));
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Bitte die Eingaben prüfen.' });
    expect(error.fields).toEqual({ nickname: unknownField('nickname') });
    expect(error.fieldIssues).toEqual({ nickname: { key: 'input.unknownKey', params: { key: 'nickname' } } });
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('refuses a misspelled address key instead of saving the address empty', async () => {
    const address = { strasse: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' };
    const error = errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, address }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ 'address.strasse': unknownField('strasse') });
    expect(countRows(core, 'clients')).toBe(0);

    const client = await callOk<Client>(core, 'clients.create', SAMPLE_CLIENT);
    const update = errorOf(await dispatch(core, 'clients.update', { ...SAMPLE_CLIENT, id: client.id, address }));
    expect(update.fields).toEqual({ 'address.strasse': unknownField('strasse') });
    expect((await callOk<Client>(core, 'clients.get', { id: client.id })).address.street).toBe('Hauptstraße 5');
  });

  it('is named in objects inside lists and in nested objects, each key on its own', async () => {
    const partners = countRows(core, 'partners');
    const partner = errorOf(
      await dispatch(core, 'partners.create', {
        name: 'Jugendmigrationsdienst',
        services: [{ name: 'Beratung' }, { name: 'Sprachcafé', altersgruppe: '12-27', ort: 'Düren' }],
        contacts: [{ name: 'Frau Weber', fax: '02421 1234' }],
      }),
    );
    expect(partner.fields).toEqual({
      'services.1.altersgruppe': unknownField('altersgruppe'),
      'services.1.ort': unknownField('ort'),
      'contacts.0.fax': unknownField('fax'),
    });
    expect(countRows(core, 'partners')).toBe(partners);

    const settings = await callOk<z.input<(typeof contract)['settings.update']['input']>>(core, 'settings.get', {});
    const badSettings = { ...settings, office: { ...settings.office, fax: '02421 1' }, counselor: { ...settings.counselor, zimmer: '12' } };
    expect(errorOf(await dispatch(core, 'settings.update', badSettings)).fields).toEqual({
      'office.fax': unknownField('fax'),
      'counselor.zimmer': unknownField('zimmer'),
    });
    expect(errorOf(await dispatch(core, 'batches.preview', { templateId: 'free-letter', filter: { wohnort: 'Düren' } })).fields).toEqual({
      'filter.wohnort': unknownField('wohnort'),
    });
  });

  it('in a document’s values is a field the form does not have, named with the form', async () => {
    const client = await callOk<Client>(core, 'clients.create', SAMPLE_CLIENT);
    const created = errorOf(await dispatch(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { betreff: 'Termin' } }));
    expect(created.code).toBe('invalid_input');
    expect(created.fields).toEqual({ 'values.betreff': 'Die Vorlage „Freier Brief“ kennt kein Feld „betreff“.' });
    expect(countRows(core, 'documents')).toBe(0);

    const draft = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { subject: 'Termin' } });
    const updated = errorOf(await dispatch(core, 'documents.update', { id: draft.id, values: { subject: 'Neu', body: 'Text', anlage: 'x' } }));
    expect(updated.fields).toEqual({ 'values.anlage': 'Die Vorlage „Freier Brief“ kennt kein Feld „anlage“.' });
    expect((await callOk<LotseDocument>(core, 'documents.get', { id: draft.id })).values.subject).toBe('Termin');
  });

  it('is refused as `__proto__` too, also where a record would drop it without a word', async () => {
    const client = await callOk<Client>(core, 'clients.create', SAMPLE_CLIENT);
    // As the browser host reads a request body: JSON.parse keeps `__proto__` as an own key.
    const values = JSON.parse('{"subject": "Termin", "__proto__": {"body": "untergeschoben"}}') as unknown;
    const error = errorOf(await dispatch(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values }));
    expect(error.fields).toEqual({ 'values.__proto__': unknownField('__proto__') });
    expect(countRows(core, 'documents')).toBe(0);

    const address = JSON.parse('{"street": "Hauptstraße 5", "__proto__": {"city": "Düren"}}') as unknown;
    expect(errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, address })).fields).toEqual({ 'address.__proto__': unknownField('__proto__') });
    expect(countRows(core, 'clients')).toBe(1);

    const topLevel = JSON.parse('{"familyName": "Yılmaz", "__proto__": {"notes": "x"}, "constructor": "y"}') as unknown;
    const fields = errorOf(await dispatch(core, 'clients.create', topLevel)).fields ?? {};
    expect(Object.entries(fields)).toEqual([
      ['__proto__', unknownField('__proto__')],
      ['constructor', unknownField('constructor')],
    ]);
    expect(countRows(core, 'clients')).toBe(1);
  });

  it('is refused by every object of every method’s input, as its JSON Schema shows', () => {
    const open: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${where}[${index}]`));
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      // An object with named keys must refuse others; a record (additionalProperties: a schema) has no named keys.
      if (schema.type === 'object' && schema.additionalProperties !== false && schema.propertyNames === undefined) open.push(where);
      for (const [key, child] of Object.entries(schema)) visit(child, `${where}.${key}`);
    };
    for (const [method, { input }] of Object.entries(contract)) visit(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }), method);
    expect(open).toEqual([]);
  });
});

describe('outputs', () => {
  it('stay readable when a stored record carries a key an older Lotse wrote', async () => {
    const row = core.db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get() as string;
    core.db.prepare("UPDATE settings SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...JSON.parse(row), retiredPart: { x: 1 } }));
    const settings = await callOk<Record<string, unknown>>(core, 'settings.get', {});
    expect(settings).not.toHaveProperty('retiredPart');
    // What settings.get answers can be sent back as it is.
    await callOk(core, 'settings.update', settings);
  });
});

/** What each method needs besides the id to get as far as looking it up; a method not here is sent its id alone. */
const REST_OF_INPUT: Partial<Record<MethodName, Record<string, unknown>>> = {
  'clients.update': SAMPLE_CLIENT,
  'clients.close': { closedOn: '2026-11-01' },
  'residenceStatuses.update': { label: 'Aufenthaltserlaubnis', expires: true, reminderLeadDays: 90, stand: '2026-01-01' },
  'consents.sign': { signedOn: '2026-11-25' },
  'partners.update': { name: 'Jugendmigrationsdienst' },
  'templates.update': { baseVersion: 1 },
  'templates.preview': { baseVersion: 1 },
  'documents.update': { values: {} },
  'documents.setStatus': { referralStatus: 'handed-over' },
  'team.resolve': { pick: {} },
};

/** The key that names what a method works on: `id`, or the run or code it is asked about. */
const SUBJECT_KEYS = ['id', 'batchId', 'importId', 'code'];

function subjectKeyOf(method: MethodName): string | undefined {
  const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return SUBJECT_KEYS.find((key) => schema.properties?.[key] !== undefined);
}

/** Lists that take an id as a filter, not a lookup: an unknown one lists nothing, as an unknown client id does (checked below). */
const FILTERS_BY_ID: readonly MethodName[] = ['documents.list'];

const byIdMethods = (Object.keys(contract) as MethodName[]).filter(
  (method) => subjectKeyOf(method) !== undefined && !method.endsWith('.create') && !FILTERS_BY_ID.includes(method),
);

describe('a lookup by id', () => {
  it('covers the methods that work on one thing by its id', () => {
    expect(byIdMethods).toEqual(
      expect.arrayContaining(['templates.restore', 'templates.get', 'clients.get', 'documents.render', 'batches.result', 'backups.restore']),
    );
  });

  it('documents.list: Object.prototype’s names as a serial letter list nothing', async () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(await callOk(core, 'documents.list', { batchId: id })).toEqual({ items: [] });
    }
  });

  it.each(byIdMethods)('%s: Object.prototype’s names find nothing', async (method) => {
    const key = subjectKeyOf(method)!;
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const error = errorOf(await dispatch(core, method, { ...REST_OF_INPUT[method], [key]: id }));
      if (error.code === 'invalid_input') {
        // Only an id the schema itself refuses (a backup's id is a file name ending in .sqlite); anything else wants REST_OF_INPUT.
        expect(Object.keys(error.fields ?? {}), `${method} ${id}: ${JSON.stringify(error.fields)}`).toEqual([key]);
      } else {
        expect(error.code, `${method} ${id}: ${error.message}`).toBe('not_found');
      }
    }
  });
});
