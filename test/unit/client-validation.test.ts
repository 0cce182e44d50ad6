import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { Client } from '../../shared/api/contract';
import { createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { valueOf, errorOf, countRows } from '../support/results';

/**
 * Every validation rule of the client record (schema in
 * shared/api/schemas/client.ts, plausibility in main/core/services/clients.ts):
 * refused with `invalid_input`, a German message at the exact field path, and
 * nothing written — neither on create nor on update.
 *
 * The fixed clock of openTestCore says today is 2026-11-25.
 */

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

async function createSample(overrides: Record<string, unknown> = {}): Promise<Client> {
  // The same sample person more than once: look-alikes made on purpose.
  return createLookAlike(core, { ...SAMPLE_CLIENT, ...overrides });
}

const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

interface Rule {
  name: string;
  overrides: Record<string, unknown>;
  field: string;
  message: RegExp;
}

const RULES: Rule[] = [
  // Names and lengths
  { name: 'family name missing', overrides: { familyName: undefined }, field: 'familyName', message: /^Bitte ausfüllen\.$/ },
  { name: 'family name empty', overrides: { familyName: '' }, field: 'familyName', message: /^Bitte ausfüllen\.$/ },
  { name: 'family name blank only', overrides: { familyName: '  \t  ' }, field: 'familyName', message: /^Bitte ausfüllen\.$/ },
  { name: 'family name over 200 characters', overrides: { familyName: 'ä'.repeat(201) }, field: 'familyName', message: /Höchstens 200 Zeichen/ },
  { name: 'family name not a string', overrides: { familyName: 42 }, field: 'familyName', message: /nicht die erwartete Art/ },
  { name: 'given name over 200 characters', overrides: { givenName: 'x'.repeat(201) }, field: 'givenName', message: /Höchstens 200 Zeichen/ },
  { name: 'birth place over 200 characters', overrides: { birthPlace: 'x'.repeat(201) }, field: 'birthPlace', message: /Höchstens 200 Zeichen/ },
  {
    name: 'street over 200 characters',
    overrides: { address: { street: 'x'.repeat(201), postalCode: '', city: '' } },
    field: 'address.street',
    message: /Höchstens 200 Zeichen/,
  },
  {
    name: 'city over 100 characters',
    overrides: { address: { street: '', postalCode: '', city: 'x'.repeat(101) } },
    field: 'address.city',
    message: /Höchstens 100 Zeichen/,
  },
  { name: 'customer number over 30 characters', overrides: { customerNumber: '1'.repeat(31) }, field: 'customerNumber', message: /Höchstens 30 Zeichen/ },
  { name: 'BG number over 30 characters', overrides: { bgNumber: '1'.repeat(31) }, field: 'bgNumber', message: /Höchstens 30 Zeichen/ },
  { name: 'file number over 50 characters', overrides: { fileNumber: '1'.repeat(51) }, field: 'fileNumber', message: /Höchstens 50 Zeichen/ },
  { name: 'education over 2000 characters', overrides: { education: 'x'.repeat(2001) }, field: 'education', message: /Höchstens 2000 Zeichen/ },
  { name: 'notes over 20000 characters', overrides: { notes: 'x'.repeat(20001) }, field: 'notes', message: /Höchstens 20000 Zeichen/ },
  {
    name: 'certificate name over 200 characters',
    overrides: { germanLevel: { level: 'B1', certificate: 'x'.repeat(201), certificateDate: null } },
    field: 'germanLevel.certificate',
    message: /Höchstens 200 Zeichen/,
  },

  // Control characters
  { name: 'BEL in the family name', overrides: { familyName: 'Mül\u0007ler' }, field: 'familyName', message: /Steuerzeichen/ },
  {
    name: 'NUL in the street',
    overrides: { address: { street: 'Haupt\u0000straße 5', postalCode: '', city: '' } },
    field: 'address.street',
    message: /Steuerzeichen/,
  },
  { name: 'ESC in the notes', overrides: { notes: 'Termin\u001B[31m verschoben' }, field: 'notes', message: /Steuerzeichen/ },
  { name: 'DEL in the given name', overrides: { givenName: 'Ay\u007Fşe' }, field: 'givenName', message: /Steuerzeichen/ },
  { name: 'vertical tab in another name', overrides: { otherNames: ['Iva\u000Bnova'] }, field: 'otherNames.0', message: /Steuerzeichen/ },

  // Dates
  { name: 'birth date not in the calendar (2023-02-29)', overrides: { birthDate: '2023-02-29' }, field: 'birthDate', message: /gültiges Datum/ },
  {
    name: 'birth date in German notation',
    overrides: { birthDate: '12.03.1990' },
    field: 'birthDate',
    message: /gültiges Datum im Format TT\.MM\.JJJJ angeben/,
  },
  { name: 'birth date tomorrow', overrides: { birthDate: '2026-11-26' }, field: 'birthDate', message: /Zukunft/ },
  { name: 'birth date before 1900', overrides: { birthDate: '1899-12-31' }, field: 'birthDate', message: /vor 1900/ },
  {
    name: 'valid-until not in the calendar',
    overrides: { residenceStatus: 'p24', residenceValidUntil: '2027-02-30' },
    field: 'residenceValidUntil',
    message: /gültiges Datum/,
  },
  {
    name: 'certificate date in the future',
    overrides: { germanLevel: { level: 'B1', certificate: 'telc', certificateDate: '2026-11-26' } },
    field: 'germanLevel.certificateDate',
    message: /Zukunft/,
  },
  {
    name: 'certificate date not in the calendar',
    overrides: { germanLevel: { level: 'B1', certificate: 'telc', certificateDate: '2026-13-01' } },
    field: 'germanLevel.certificateDate',
    message: /gültiges Datum/,
  },

  // Formats
  {
    name: 'postal code with 4 digits',
    overrides: { address: { street: '', postalCode: '5234', city: '' } },
    field: 'address.postalCode',
    message: /fünfstellige Postleitzahl/,
  },
  {
    name: 'postal code with 6 digits',
    overrides: { address: { street: '', postalCode: '523490', city: '' } },
    field: 'address.postalCode',
    message: /fünfstellige Postleitzahl/,
  },
  {
    name: 'postal code with a letter',
    overrides: { address: { street: '', postalCode: '5234a', city: '' } },
    field: 'address.postalCode',
    message: /fünfstellige Postleitzahl/,
  },
  { name: 'e-mail without @', overrides: { email: 'ayse.example.de' }, field: 'email', message: /gültige E-Mail-Adresse/ },
  { name: 'e-mail without domain dot', overrides: { email: 'ayse@example' }, field: 'email', message: /gültige E-Mail-Adresse/ },
  { name: 'e-mail with a space', overrides: { email: 'ay se@example.de' }, field: 'email', message: /gültige E-Mail-Adresse/ },
  { name: 'e-mail over 200 characters', overrides: { email: `${'a'.repeat(195)}@x.de1` }, field: 'email', message: /Höchstens 200 Zeichen/ },
  { name: 'phone with letters', overrides: { phone: '02421 ABC' }, field: 'phone', message: /nur Ziffern/ },
  { name: 'phone too short', overrides: { phone: '12' }, field: 'phone', message: /nur Ziffern/ },
  { name: 'phone over 60 characters', overrides: { phone: '1'.repeat(61) }, field: 'phone', message: /Höchstens 60 Zeichen/ },

  // Enumerations
  { name: 'unknown sex', overrides: { sex: 'f' }, field: 'sex', message: /vorgesehenen Werte/ },
  { name: 'unknown contact channel', overrides: { preferredContact: 'fax' }, field: 'preferredContact', message: /vorgesehenen Werte/ },
  {
    name: 'unknown German level',
    overrides: { germanLevel: { level: 'B3', certificate: '', certificateDate: null } },
    field: 'germanLevel.level',
    message: /vorgesehenen Werte/,
  },
  {
    name: 'unknown counseling field',
    overrides: { counselingFields: ['recognition', 'astrology'] },
    field: 'counselingFields.1',
    message: /vorgesehenen Werte/,
  },
  { name: 'counseling field twice', overrides: { counselingFields: ['recognition', 'recognition'] }, field: 'counselingFields', message: /nur einmal/ },

  // Lists
  { name: 'more than 10 other names', overrides: { otherNames: many(11, (i) => `Name ${i}`) }, field: 'otherNames', message: /Höchstens 10 Einträge/ },
  { name: 'an empty other name', overrides: { otherNames: ['Іванова', ' '] }, field: 'otherNames.1', message: /^Bitte ausfüllen\.$/ },
  { name: 'more than 5 nationalities', overrides: { nationalities: many(6, (i) => `Land ${i}`) }, field: 'nationalities', message: /Höchstens 5 Einträge/ },
  { name: 'an empty nationality', overrides: { nationalities: [''] }, field: 'nationalities.0', message: /^Bitte ausfüllen\.$/ },
  {
    name: 'more than 10 languages',
    overrides: { languages: many(11, (i) => ({ language: `Sprache ${i}` })) },
    field: 'languages',
    message: /Höchstens 10 Einträge/,
  },
  {
    name: 'a language row without language',
    overrides: { languages: [{ language: '', interpreterNeeded: true }] },
    field: 'languages.0.language',
    message: /^Bitte ausfüllen\.$/,
  },
  {
    name: 'more than 10 qualifications',
    overrides: { qualifications: many(11, () => ({ titleOriginal: 'x' })) },
    field: 'qualifications',
    message: /Höchstens 10 Einträge/,
  },

  // Qualifications
  {
    name: 'qualification year in the future',
    overrides: { qualifications: [{ titleOriginal: 'Бакалавр', year: 2027 }] },
    field: 'qualifications.0.year',
    message: /Zukunft/,
  },
  {
    name: 'second qualification year in the future',
    overrides: { qualifications: [{ year: 2010 }, { year: 2030 }] },
    field: 'qualifications.1.year',
    message: /Zukunft/,
  },
  { name: 'qualification year before 1900', overrides: { qualifications: [{ year: 1899 }] }, field: 'qualifications.0.year', message: /mindestens 1900/ },
  {
    name: 'qualification year not whole',
    overrides: { qualifications: [{ year: 2001.5 }] },
    field: 'qualifications.0.year',
    message: /nicht die erwartete Art/,
  },

  // Residence status
  { name: 'unknown residence status code', overrides: { residenceStatus: 'aufenthaltstitel-x' }, field: 'residenceStatus', message: /gibt es nicht/ },
  { name: 'malformed residence status code', overrides: { residenceStatus: 'Duldung!' }, field: 'residenceStatus', message: /Format stimmt nicht/ },
  {
    name: 'valid-until without a status',
    overrides: { residenceStatus: null, residenceValidUntil: '2027-05-01' },
    field: 'residenceStatus',
    message: /Aufenthaltsstatus angeben/,
  },
];

describe('client validation: every rule refuses with a German message at the field and writes nothing', () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('clients.create refuses %s', async (_name, rule) => {
    const auditBefore = countRows(core, 'audit');
    const error = errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, ...rule.overrides }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Bitte die Eingaben prüfen.');
    expect(Object.keys(error.fields ?? {})).toEqual([rule.field]);
    expect(error.fields?.[rule.field]).toMatch(rule.message);
    expect(countRows(core, 'clients')).toBe(0);
    expect(countRows(core, 'clients_search')).toBe(0);
    expect(countRows(core, 'client_search_keys')).toBe(0);
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('clients.update refuses %s and keeps the record as it was', async (_name, rule) => {
    const stored = await createSample({ customerNumber: 'KD 123 456', notes: 'Erstgespräch am 20.11.' });
    const auditBefore = countRows(core, 'audit');
    const rowBefore = core.db.prepare('SELECT * FROM clients WHERE id = ?').get(stored.id);
    const error = errorOf(await dispatch(core, 'clients.update', { ...SAMPLE_CLIENT, familyName: 'Geändert', ...rule.overrides, id: stored.id }));
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual([rule.field]);
    expect(error.fields?.[rule.field]).toMatch(rule.message);
    expect(valueOf<Client>(await dispatch(core, 'clients.get', { id: stored.id }))).toEqual(stored);
    expect(core.db.prepare('SELECT * FROM clients WHERE id = ?').get(stored.id)).toEqual(rowBefore);
    expect(countRows(core, 'clients')).toBe(1);
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });
});

describe('client validation: what is allowed', () => {
  it('accepts every limit exactly at its bound', async () => {
    const client = await createSample({
      familyName: 'ä'.repeat(200),
      givenName: 'x'.repeat(200),
      otherNames: many(10, (i) => `Name ${i}`),
      nationalities: many(5, (i) => `Land ${i}`),
      languages: many(10, (i) => ({ language: `Sprache ${i}` })),
      qualifications: many(10, () => ({ year: 2026 })),
      notes: 'n'.repeat(20000),
      education: 'e'.repeat(2000),
      customerNumber: '1'.repeat(30),
      fileNumber: '1'.repeat(50),
      phone: '1'.repeat(60),
      birthDate: '1900-01-01',
      counselingFields: ['recognition', 'language-courses', 'training-work', 'duldung-gestattung', 'residence-title'],
      germanLevel: { level: 'C2', certificate: 'Goethe', certificateDate: '2026-11-25' },
    });
    expect(client.familyName).toHaveLength(200);
    expect(client.notes).toHaveLength(20000);
    expect(client.qualifications).toHaveLength(10);
    expect(countRows(core, 'clients')).toBe(1);
  });

  it('accepts a birth date of today and a real leap day', async () => {
    expect((await createSample({ birthDate: '2026-11-25' })).birthDate).toBe('2026-11-25');
    expect((await createSample({ birthDate: '2024-02-29' })).birthDate).toBe('2024-02-29');
  });

  it('accepts tabs and line breaks in the notes', async () => {
    const notes = 'Termin:\t02.12.\nMitbringen:\r\n- Pass\n- Zeugnisse';
    expect((await createSample({ notes })).notes).toBe(notes);
  });

  it('accepts empty postal code, e-mail and phone, and the usual phone separators', async () => {
    const client = await createSample({
      address: { street: '', postalCode: '', city: '' },
      email: '',
      phone: '+49 (2421) 22-10/35',
    });
    expect(client).toMatchObject({ address: { postalCode: '' }, email: '', phone: '+49 (2421) 22-10/35' });
  });

  it('accepts a residence status from the data with its valid-until date', async () => {
    const client = await createSample({ residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
    expect(client).toMatchObject({ residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
  });

  it('reports every plausibility problem at once', async () => {
    const error = errorOf(
      await dispatch(core, 'clients.create', {
        ...SAMPLE_CLIENT,
        birthDate: '2030-01-01',
        germanLevel: { level: 'A2', certificate: '', certificateDate: '2027-01-01' },
        qualifications: [{ year: 2028 }],
        residenceStatus: 'gibtsnicht',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['birthDate', 'germanLevel.certificateDate', 'qualifications.0.year', 'residenceStatus']);
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('reports every schema problem at once', async () => {
    const error = errorOf(
      await dispatch(core, 'clients.create', {
        familyName: ' ',
        email: 'kaputt',
        sex: 'x',
        address: { street: '', postalCode: '1', city: '' },
      }),
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['address.postalCode', 'email', 'familyName', 'sex']);
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('stores hostile but valid text and reads it back byte-identical', async () => {
    const longNotes = Array.from({ length: 250 }, (_, i) => `${i}\t"Zitat" <b>fett</b> ؟ Ёё 🇩🇪\n`)
      .join('')
      .slice(0, 5000)
      .padEnd(5000, '·');
    expect(longNotes).toHaveLength(5000);
    const hostile = {
      familyName: `O'Brien "Bobby"); DROP TABLE clients;--`,
      givenName: '<script>alert("x")</script>',
      otherNames: ['Іванова Олена', 'أحمد الخطيب', 'Mu\u0308ller', '👩🏽‍⚕️ Dr. 😀'],
      birthPlace: 'Алматы / ألماتي',
      nationalities: ['سوريا', 'Україна'],
      address: { addition: 'c/o <b>Weber</b> & "Söhne" \\n', street: 'Straße "am Bach" 5 <a href=x>', postalCode: '52349', city: "D'üren %_ \\" },
      languages: [{ language: 'العربية', interpreterNeeded: true }],
      education: '${process.exit()} {{7*7}} %s %n',
      qualifications: [
        {
          titleOriginal: 'Бакалавр права',
          titleGerman: 'Bachelor Recht',
          country: 'Україна',
          year: 2015,
          kind: 'Hochschulabschluss',
          referenceOccupation: '"Jurist*in"',
          regulated: true,
        },
      ],
      customerNumber: 'KD\'1"2',
      notes: longNotes,
    };
    const created = await createSample(hostile);
    const fetched = valueOf<Client>(await dispatch(core, 'clients.get', { id: created.id }));
    for (const [key, value] of Object.entries(hostile)) {
      expect(fetched[key as keyof Client], key).toEqual(value);
    }
    // Byte for byte, not just equal after normalisation: the decomposed ü stays decomposed.
    expect(Buffer.from(fetched.otherNames[2]!, 'utf8')).toEqual(Buffer.from('Mu\u0308ller', 'utf8'));
    expect(Buffer.from(fetched.notes, 'utf8').equals(Buffer.from(longNotes, 'utf8'))).toBe(true);
    const row = core.db.prepare('SELECT family_name, given_name FROM clients WHERE id = ?').get(created.id) as { family_name: string; given_name: string };
    expect(row).toEqual({ family_name: hostile.familyName, given_name: hostile.givenName });
    expect(countRows(core, 'clients')).toBe(1);
  });
});

describe('client validation: lengths count characters, not UTF-16 units', () => {
  it('accepts 200 emoji as a family name and refuses 201', async () => {
    expect((await createSample({ familyName: '😀'.repeat(200) })).familyName).toBe('😀'.repeat(200));
    const error = errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: '😀'.repeat(201) }));
    expect(error.fields).toEqual({ familyName: 'Höchstens 200 Zeichen erlaubt.' });
    expect(countRows(core, 'clients')).toBe(1);
  });
});

describe('client validation: text that cannot be printed or stored as typed', () => {
  // C1 controls (U+0080–U+009F) are as invisible as C0 ones.
  it('refuses C1 control characters (U+0085, U+009B) like C0 ones', async () => {
    for (const familyName of ['Mül\u0085ler', 'Mül\u009Bler']) {
      const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { familyName: expect.stringMatching(/Steuerzeichen/) } } });
    }
    expect(countRows(core, 'clients')).toBe(0);
  });

  // A lone surrogate (reachable through JSON) would be stored as U+FFFD.
  it('does not silently change text with a lone surrogate', async () => {
    const familyName = 'Mül\uD800ler';
    const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { familyName: expect.stringMatching(/unvollständiges Zeichen/) } } });
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('refuses bidi overrides, which make a name read differently from what is stored', async () => {
    const result = await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Müller\u202Erenhcs' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { familyName: expect.stringMatching(/Steuerzeichen/) } } });
  });
});

describe('clients.update: nothing half saved', () => {
  it('keeps the record when a valid change comes with an implausible value', async () => {
    const stored = await createSample();
    const error = errorOf(
      await dispatch(core, 'clients.update', {
        ...SAMPLE_CLIENT,
        id: stored.id,
        familyName: 'Neuer Name',
        notes: 'neue Notiz',
        birthDate: '2027-01-01',
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', fields: { birthDate: expect.stringMatching(/Zukunft/) } });
    const fetched = valueOf<Client>(await dispatch(core, 'clients.get', { id: stored.id }));
    expect(fetched).toEqual(stored);
    // The search index still knows the old name only.
    const found = valueOf<{ items: Client[] }>(await dispatch(core, 'clients.search', { query: 'Neuer' }));
    expect(found.items).toEqual([]);
    expect(core.db.prepare("SELECT count(*) FROM audit WHERE action = 'clients.update'").pluck().get()).toBe(0);
  });

  it('applies a valid update (the refusals above are not refusals of everything)', async () => {
    const stored = await createSample();
    const updated = valueOf<Client>(await dispatch(core, 'clients.update', { ...SAMPLE_CLIENT, id: stored.id, familyName: 'Neuer Name' }));
    expect(updated.familyName).toBe('Neuer Name');
    expect(valueOf<Client>(await dispatch(core, 'clients.get', { id: stored.id })).familyName).toBe('Neuer Name');
  });

  it('answers an update of an unknown id with not_found and writes nothing', async () => {
    // The test core's setup (settings.update) is the only line before.
    const linesBefore = countRows(core, 'audit');
    const error = errorOf(await dispatch(core, 'clients.update', { ...SAMPLE_CLIENT, id: 'nope' }));
    expect(error.code).toBe('not_found');
    expect(countRows(core, 'clients')).toBe(0);
    expect(countRows(core, 'audit')).toBe(linesBefore);
  });
});
