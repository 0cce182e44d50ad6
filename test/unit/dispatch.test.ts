import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import { SCHEMA_VERSION } from '../../main/core/db/open';
import type { Core } from '../../main/core/core';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { countRows } from '../support/results';

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

describe('dispatch', () => {
  it('answers an unknown method with unknown_method', async () => {
    const result = await dispatch(core, 'clients.explode', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'Unbekannte Funktion „clients.explode“.', key: 'common.unknownMethod', params: { method: 'clients.explode' } },
    });
  });

  it('does not treat inherited object keys as methods', async () => {
    const result = await dispatch(core, 'constructor', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unknown_method');
  });

  it('answers a malformed input with invalid_input, German messages and their keys per field path, and writes nothing', async () => {
    const result = await dispatch(core, 'clients.create', {
      familyName: '',
      birthDate: '1990-02-30',
      address: { street: 'x', postalCode: '123', city: 'Düren' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error).toMatchObject({ message: 'Bitte die Eingaben prüfen.', key: 'common.checkInput' });
    expect(result.error.fields).toMatchObject({
      familyName: 'Bitte ausfüllen.',
      birthDate: 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben.',
      'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.',
    });
    expect(result.error.fieldIssues).toEqual({
      familyName: { key: 'input.required' },
      birthDate: { key: 'input.date' },
      'address.postalCode': { key: 'input.postalCode' },
    });
    // Optional fields may be left out; they are not reported.
    expect(result.error.fields).not.toHaveProperty('givenName');
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('refuses control characters that cannot be printed', async () => {
    const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Mül\u0007ler' });
    expect(!result.ok && result.error.fields?.familyName).toContain('Steuerzeichen');
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('refuses a birth date in the future with a message at the field', async () => {
    const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, birthDate: '2030-01-01' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { birthDate: 'Das Geburtsdatum liegt in der Zukunft.' },
        fieldIssues: { birthDate: { key: 'clients.birthDateInFuture' } },
      },
    });
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('stores optional fields left out as empty', async () => {
    const result = await dispatch(core, 'clients.create', { familyName: 'Nießen' });
    expect(result).toMatchObject({
      ok: true,
      value: { familyName: 'Nießen', givenName: '', birthDate: null, address: { street: '', postalCode: '', city: '' } },
    });
  });

  it('creates a client and returns the record with its id', async () => {
    const result = await dispatch(core, 'clients.create', SAMPLE_CLIENT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ ...SAMPLE_CLIENT, id: expect.any(String) });
    const fetched = await dispatch(core, 'clients.get', { id: (result.value as { id: string }).id });
    expect(fetched).toEqual(result);
  });

  it('answers an unknown id with not_found', async () => {
    const result = await dispatch(core, 'clients.get', { id: 'does-not-exist' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'Die Klient*in wurde nicht gefunden.', key: 'notFound.client' } });
  });

  it('sends a limit as a param of the message, so any language can name it', async () => {
    const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'x'.repeat(201) });
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { familyName: 'Höchstens 200 Zeichen erlaubt.' }, fieldIssues: { familyName: { key: 'input.maxLength', params: { maximum: 200 } } } },
    });
  });

  it('words a message inside a message: the reason a logo is refused', async () => {
    const settings = await dispatch(core, 'settings.get', {});
    if (!settings.ok) throw new Error('settings.get failed');
    const current = settings.value as { office: object };
    const result = await dispatch(core, 'settings.update', {
      ...current,
      office: { ...current.office, logo: { mimeType: 'image/png', dataBase64: Buffer.from('not an image').toString('base64') } },
    });
    const reason = { key: 'logo.notAnImage' };
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Das Logo kann nicht verwendet werden: Die Datei ist kein PNG- oder JPEG-Bild. Bitte ein Logo als PNG oder JPEG wählen.',
        key: 'settings.logoUnusable',
        params: { reason },
        fields: { 'office.logo': 'Die Datei ist kein PNG- oder JPEG-Bild. Bitte ein Logo als PNG oder JPEG wählen.' },
        fieldIssues: { 'office.logo': reason },
      },
    });
  });

  it('turns an unexpected failure into internal without leaking the stack, and rolls back', async () => {
    core.db.exec("CREATE TRIGGER sabotage AFTER INSERT ON clients BEGIN SELECT RAISE(ABORT, 'secret detail'); END");
    const originalError = console.error;
    console.error = () => {};
    try {
      const result = await dispatch(core, 'clients.create', SAMPLE_CLIENT);
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten. Es wurde nichts gespeichert.', key: 'common.internal' },
      });
      expect(JSON.stringify(result)).not.toContain('secret detail');
    } finally {
      console.error = originalError;
    }
    core.db.exec('DROP TRIGGER sabotage');
    expect(countRows(core, 'clients')).toBe(0);
    expect(countRows(core, 'clients_search')).toBe(0);
  });

  it('does not claim "nothing saved" when the handler ran and only its answer broke the contract', async () => {
    // An id the contract does not allow, as an import before schema 90 could store it.
    core.db
      .prepare(
        'INSERT INTO partners (id, name, name_key, postal_code, assured_date, archived, record, created_at, updated_at) SELECT ?, name, name_key, postal_code, assured_date, archived, record, created_at, updated_at FROM partners LIMIT 1',
      )
      .run('x'.repeat(88));
    const originalError = console.error;
    console.error = () => {};
    try {
      const result = await dispatch(core, 'partners.list', {});
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message:
            'Ein interner Fehler ist aufgetreten: Die Antwort konnte nicht gelesen werden. Eine Änderung wurde womöglich trotzdem gespeichert; bitte die Ansicht neu laden und prüfen.',
          key: 'common.internalAnswer',
        },
      });
    } finally {
      console.error = originalError;
    }
  });

  it('refuses document values the template does not know, and writes nothing (a draft may be incomplete)', async () => {
    const created = await dispatch(core, 'clients.create', SAMPLE_CLIENT);
    const clientId = created.ok ? (created.value as { id: string }).id : '';
    const result = await dispatch(core, 'documents.create', {
      templateId: 'free-letter',
      clientId,
      values: { subject: 'Einladung', body: '', extra: 'x' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'values.extra': expect.stringContaining('kennt kein Feld') } },
    });
    expect(result.ok ? {} : result.error.fields).not.toHaveProperty('values.body');
    expect(countRows(core, 'documents')).toBe(0);
  });

  it('describes the contract as JSON Schema', async () => {
    const result = await dispatch(core, 'app.describe', {});
    expect(result.ok).toBe(true);
    const methods = result.ok ? (result.value as { methods: Record<string, { input: { properties?: object } }> }).methods : {};
    expect(Object.keys(methods)).toEqual(expect.arrayContaining(['app.info', 'clients.create', 'documents.render']));
    expect(methods['clients.create']?.input.properties).toHaveProperty('familyName');
  });

  it('reports version, schema, host and the state of the setup in app.info', async () => {
    const result = await dispatch(core, 'app.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        schemaVersion: SCHEMA_VERSION,
        dataDir: core.dataDir,
        host: 'browser',
        setupMissing: [],
        storeDamage: null,
        locked: false,
        keyMode: 'keyFile',
      },
    });
  });
});
