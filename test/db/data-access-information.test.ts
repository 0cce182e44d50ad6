import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { DATA_ACCESS_PDF } from '../../main/core/services/client-export';
import type { Client, Consent, Settings, TemplateSummary } from '../../shared/api/contract';
import { clientToInput, openTestCore } from '../support/core';
import { callOk } from '../support/results';
import { makeTempDir } from '../support/temp-dir';

/**
 * The Art. 15 information (issue 14, item 7): the export of a person's data
 * carries a German letter that lists every stored fact in plain words. Read
 * back with poppler, as the person would read it, and checked with qpdf.
 */

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

/** Codes and keys of the store that must never stand on the person's page. */
const CODES = [
  'female',
  'male',
  'p104c',
  'free-letter',
  'referral-letter',
  'clients.create',
  'clients.update',
  'consents.create',
  'documents.create',
  'identity',
  'language-education',
  'one-way',
  'mutual',
  'recognition',
  'language-courses',
  'familyName',
  'givenName',
  'birthDate',
  'customerNumber',
  'counselingFields',
  'in-person',
  'draft',
  'final',
  'valid',
  'created',
  'null',
  'undefined',
  'true',
  'false',
  'fact1',
];

async function personWithEverything(): Promise<string> {
  const settings = await callOk<Settings>(core, 'settings.get', {});
  await callOk(core, 'settings.update', { ...settings, counselor: { ...settings.counselor, name: 'Carsten Muschenich' } });
  const { id } = await callOk<Client>(core, 'clients.create', {
    familyName: 'Kovalenko',
    givenName: 'Olena',
    sex: 'female',
    birthDate: '1979-06-23',
    birthPlace: 'Charkiw',
    nationalities: ['ukrainisch'],
    address: { addition: '', street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
    preferredContact: 'in-person',
    languages: [{ language: 'Ukrainisch', interpreterNeeded: true }],
    customerNumber: 'KD-4711',
    counselingFields: ['recognition', 'language-courses'],
    germanLevel: { level: 'B1', certificate: 'telc Deutsch B1', certificateDate: '2025-05-02' },
    qualifications: [{ titleOriginal: 'Інженер', titleGerman: 'Ingenieurin', country: 'Ukraine', year: 2001, kind: 'Hochschulabschluss', regulated: true }],
    residenceStatus: 'p104c',
    residenceValidUntil: '2027-03-31',
    notes: 'Termin <b>nur</b> vormittags & mit "Dolmetschung".',
  });
  await callOk(core, 'clients.update', { ...clientToInput(await callOk<Client>(core, 'clients.get', { id })), phone: '02421 123456' });
  await callOk<Consent>(core, 'consents.create', {
    clientId: id,
    recipients: [{ name: 'Jugendmigrationsdienst Düren' }],
    purposes: ['Begleitung bei der Anerkennung des Abschlusses'],
    dataCategories: ['identity', 'language-education'],
    exchange: 'mutual',
    signedOn: '2026-11-20',
  });
  await callOk(core, 'documents.create', { templateId: 'free-letter', clientId: id, values: { subject: 'Einladung zum Gespräch', body: 'Bitte kommen Sie.' } });
  return id;
}

async function exportedFiles(id: string): Promise<Record<string, Uint8Array>> {
  const { zipBase64 } = await callOk<{ zipBase64: string }>(core, 'clients.export', { id });
  return unzipSync(Buffer.from(zipBase64, 'base64'));
}

/** A PDF's text as it reads on paper (`pdftotext -layout`: a label beside its value), every run of white space folded to one space. */
function layoutText(pdf: Uint8Array): string {
  const temp = makeTempDir('lotse-art15-');
  try {
    const file = path.join(temp.dir, 'auskunft.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    temp.cleanup();
  }
}

function informationText(files: Record<string, Uint8Array>): string {
  const pdf = files[DATA_ACCESS_PDF];
  if (!pdf) throw new Error(`${DATA_ACCESS_PDF} fehlt im Export`);
  return layoutText(pdf);
}

describe('the Art. 15 information in the export', () => {
  it('names every stored fact in plain German words, with no code or key of the store', async () => {
    const id = await personWithEverything();
    const files = await exportedFiles(id);
    const text = informationText(files);

    for (const expected of [
      'Auskunft über Ihre bei uns gespeicherten Daten',
      'Sehr geehrte Frau Kovalenko,',
      'Familienname Kovalenko',
      'Vorname Olena',
      'Geschlecht weiblich',
      'Geburtsdatum 23.06.1979',
      'Geburtsort Charkiw',
      'Kölnstraße 12, 52351 Düren',
      'Telefon 02421 123456',
      'Bevorzugter Kontaktweg persönlich',
      'Ukrainisch (Dolmetschen nötig)',
      'Kundennummer KD-4711',
      'Anerkennung ausländischer Abschlüsse; Zugang zu Sprach- und Integrationskursen',
      'B1, Zertifikat: telc Deutsch B1, Datum des Zertifikats: 02.05.2025',
      'Ingenieurin',
      'Reglementiert: ja',
      'Gültig bis 31.03.2027',
      'Termin <b>nur</b> vormittags & mit "Dolmetschung".',
      'Jugendmigrationsdienst Düren',
      'Begleitung bei der Anerkennung des Abschlusses',
      'Personalien (Name, Geburtsdatum, Staatsangehörigkeit); Sprachkenntnisse, Schul- und Berufsbildung, Abschlüsse',
      'gegenseitig (in beide Richtungen)',
      'Unterschrieben am 20.11.2026',
      'Freier Brief',
      'Entwurf, nicht versandt',
      'Klient*in angelegt',
      'Klient*in geändert',
      'Einwilligung erfasst',
      'Dokument angelegt',
      'Carsten Muschenich',
      'Ihre Rechte',
    ]) {
      expect(text).toContain(expected);
    }
    // The residence status by its label (data of the office), never by its code.
    const status = (await callOk<{ items: Array<{ code: string; label: string }> }>(core, 'residenceStatuses.list', {})).items.find(
      (item) => item.code === 'p104c',
    );
    expect(text).toContain(`Aufenthaltsstatus ${status!.label}`);
    for (const code of CODES) expect(text, code).not.toMatch(new RegExp(`(^|[^\\p{L}\\p{N}.-])${code.replace('.', '\\.')}($|[^\\p{L}\\p{N}-])`, 'u'));
  });

  it('is a sound PDF addressed to the person, not marked as a draft', async () => {
    const id = await personWithEverything();
    const files = await exportedFiles(id);
    const temp = makeTempDir('lotse-art15-');
    try {
      const file = path.join(temp.dir, DATA_ACCESS_PDF);
      fs.writeFileSync(file, files[DATA_ACCESS_PDF]!);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
      expect(firstPage).toContain('Frau');
      expect(firstPage).toContain('Olena Kovalenko');
      expect(firstPage).toContain('52351 Düren');
      expect(firstPage).not.toMatch(/Entwurf – nicht versenden|ENTWURF/);
    } finally {
      temp.cleanup();
    }
  });

  it('prints the office’s own wording: the explanations are template data with their Stand', async () => {
    const id = await personWithEverything();
    const template = await callOk<{ version: number }>(core, 'templates.get', { id: 'data-access-information' });
    const wording = 'Ihre Daten löschen wir spätestens drei Jahre nach dem Ende der Beratung.';
    await callOk(core, 'templates.update', {
      id: 'data-access-information',
      baseVersion: template.version,
      blocks: { retention: { text: wording, stand: '2027-01-01' } },
    });
    const text = informationText(await exportedFiles(id));
    expect(text).toContain(wording);
    expect(text).toContain('Stand 01.01.2027');
  });

  it('still gives the information when a name is in a script the fonts cannot print yet, and says where the full text is', async () => {
    const { id } = await callOk<Client>(core, 'clients.create', { familyName: 'Haddad', givenName: 'Rana', otherNames: ['رنا حداد'], notes: 'Kontakt per 📱' });
    const files = await exportedFiles(id);
    const text = informationText(files);
    expect(text).toContain('Haddad');
    expect(text).toContain('[…]');
    expect(text).toContain('klientin.json');
    expect(JSON.parse(strFromU8(files['klientin.json']!)).client.otherNames).toEqual(['رنا حداد']);
  });

  it('says "keine" where the person has no consents and no documents', async () => {
    const { id } = await callOk<Client>(core, 'clients.create', { familyName: 'Neu' });
    const text = informationText(await exportedFiles(id));
    expect(text).toMatch(/Einwilligungen keine/);
    expect(text).toMatch(/Schreiben und Formulare keine/);
  });
});

describe('the Art. 15 template', () => {
  it('previews in the template editor as the letter it fills in, for a made-up person, marked as a draft', async () => {
    const preview = await callOk<{ pdfBase64: string }>(core, 'templates.preview', {
      id: 'data-access-information',
      baseVersion: 1,
      blocks: { rights: { text: 'Neuer Wortlaut zu Ihren Rechten.', stand: '2026-12-02' } },
    });
    const text = layoutText(Buffer.from(preview.pdfBase64, 'base64'));
    expect(text).toContain('Familienname Beispiel');
    expect(text).toContain('Neuer Wortlaut zu Ihren Rechten.');
    expect(text).toMatch(/ENTWURF/);
    expect(core.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });

  it('is edited like any template but never made into a document or a serial letter', async () => {
    const summary = (await callOk<{ items: TemplateSummary[] }>(core, 'templates.list', {})).items.find((item) => item.id === 'data-access-information');
    expect(summary).toMatchObject({ purpose: 'data-access', title: 'Auskunft nach Art. 15 DSGVO' });
    const { id } = await callOk<Client>(core, 'clients.create', { familyName: 'Neu' });
    const refused = await dispatch(core, 'documents.create', { templateId: 'data-access-information', clientId: id, values: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { templateId: expect.stringContaining('Lotse füllt sie selbst') } } });
    const batch = await dispatch(core, 'batches.preview', { templateId: 'data-access-information', values: {}, filter: {} });
    expect(batch).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
  });
});
