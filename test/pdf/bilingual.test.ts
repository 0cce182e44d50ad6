import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import type { Client, LotseDocument } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';
import { expectPdfA2b } from './pdfa-checks';

/**
 * Bilingual documents on paper (issue 17): the consent form, the invitation
 * and the Art. 13 sheet printed in German and the client's language. The
 * German comes first (or left), every translated block and every page say
 * „Übersetzung – maßgeblich ist der deutsche Text“ in both languages, the
 * name prints as the person writes it beside the Latin form, and the
 * address block stays Latin. KEEP_PAGES=1 writes the page images to /tmp/i17-bilingual for a look.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

const IMAGES = '/tmp/i17-bilingual';

function writePdf(base64: string, name: string): string {
  const file = path.join(dataDir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** pdftotext of every page; with KEEP_PAGES=1 the pages also go to IMAGES as PNG at 60 dpi, for looking at. */
function textOf(file: string, name: string): string {
  if (process.env.KEEP_PAGES) {
    fs.mkdirSync(IMAGES, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(IMAGES, name)]);
  }
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** Lines of pdftotext joined where the layout broke them, for phrases that may wrap. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The letters of a text in logical order, nothing else. pdftotext wraps a
 * right-to-left run in embedding marks, moves its closing full stop to the
 * run's other end and gives Arabic vowel marks (المُلزِم) as words of their
 * own; the letters themselves come back in reading order, and that is what
 * is compared.
 */
const lettersOf = (text: string) => text.replace(/[^\p{L}]/gu, '');

async function client(overrides: Record<string, unknown> = {}): Promise<Client> {
  return callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, ...overrides });
}

const olena = () =>
  client({ familyName: 'Kovalenko', givenName: 'Olena', otherNames: ['Олена Коваленко'], languages: [{ language: 'Ukrainisch', interpreterNeeded: false }] });
const mahmoud = () =>
  client({ familyName: 'Haddad', givenName: 'Mahmoud', otherNames: ['محمود حداد'], languages: [{ language: 'Arabisch', interpreterNeeded: true }] });

const CONSENT_VALUES = {
  recipients: [{ name: 'Jobcenter Kreis Düren' }],
  purposes: [{ purpose: 'Beratung zur Anerkennung' }],
  dataCategories: ['identity', 'contact'],
  exchange: 'one-way',
};

async function renderText(document: LotseDocument, name: string): Promise<{ text: string; file: string }> {
  const rendered = await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id });
  const file = writePdf(rendered.pdfBase64, name);
  return { text: textOf(file, name), file };
}

describe('a bilingual consent form', () => {
  it('in Ukrainian: German and Ukrainian text on the page, the binding-language note in both languages, the name in its own script', async () => {
    const person = await olena();
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: person.id,
      values: CONSENT_VALUES,
    });
    expect(document.translationLanguage).toBe('uk');
    expect(document.translationReview).toBeNull();
    const { text, file } = await renderText(document, 'consent-uk');
    const words = flat(text);
    expect(words).toContain('Einwilligung in die Übermittlung personenbezogener Daten');
    expect(words).toContain('Згода на передачу персональних даних');
    expect(words).toContain('Die Einwilligung ist freiwillig.');
    expect(words).toContain('Згода є добровільною.');
    expect(words).toContain('Übersetzung – maßgeblich ist der deutsche Text');
    expect(words).toContain('Переклад – чинним є текст німецькою мовою.');
    expect(words).toContain('Олена Коваленко');
    // German before its translation.
    expect(words.indexOf('Die Einwilligung ist freiwillig.')).toBeLessThan(words.indexOf('Згода є добровільною.'));
    // A section heading with its translation is never left alone at the foot of a page: it goes with its first block.
    const pages = text.split('\f');
    const headed = pages.findIndex((page) => page.split('\n').includes('Einwilligung'));
    expect(headed).toBeGreaterThanOrEqual(0);
    expect(pages[headed]).toContain('Erklärung');
    expectPdfA2b(file);
  });

  it('side by side: German left, Ukrainian right, on the same lines', async () => {
    const person = await olena();
    const draft = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'consent-data-transfer', clientId: person.id, values: CONSENT_VALUES });
    const document = await callOk<LotseDocument>(core, 'documents.update', { id: draft.id, values: draft.values, bilingualLayout: 'side-by-side' });
    const { file, text } = await renderText(document, 'consent-uk-side-by-side');
    expect(flat(text)).toContain('Згода є добровільною.');
    // The German text and its translation (headed by the label's translation) start on the same line of the page, the translation to the right.
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const line = layout.split('\n').find((entry) => entry.includes('Die Einwilligung ist freiwillig.'));
    expect(line).toBeDefined();
    expect(line!.indexOf('Добровільність')).toBeGreaterThan(line!.indexOf('Die Einwilligung ist freiwillig.'));
    expectPdfA2b(file);
  });

  it('German only prints no translation and no binding note', async () => {
    const person = await olena();
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: person.id,
      values: CONSENT_VALUES,
      translationLanguage: null,
    });
    const { text } = await renderText(document, 'consent-de');
    expect(flat(text)).toContain('Die Einwilligung ist freiwillig.');
    expect(flat(text)).not.toContain('maßgeblich ist der deutsche Text');
    expect(flat(text)).not.toContain('Згода');
    // The name in own script is printed in its field all the same.
    expect(flat(text)).toContain('Олена Коваленко');
  });

  // Needs the Arabic fonts and the bidi of branch i17-pdf: on a branch without them the print check refuses
  // the Arabic text (unprintable_text, right to left), as it does for every Arabic text today.
  it('in Arabic: German and Arabic text on the page, the binding-language note in both languages', async () => {
    const person = await mahmoud();
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: person.id,
      values: CONSENT_VALUES,
    });
    expect(document.translationLanguage).toBe('ar');
    const { text, file } = await renderText(document, 'consent-ar');
    const words = flat(text);
    expect(words).toContain('Die Einwilligung ist freiwillig.');
    expect(words).toContain('الموافقة طوعية');
    expect(words).toContain('Übersetzung – maßgeblich ist der deutsche Text');
    expect(lettersOf(text)).toContain(lettersOf('ترجمة – النص الألماني هو النص المُلزِم.'));
    expect(words).toContain('محمود حداد');
    expectPdfA2b(file);
  });

  it('in Persian, from a client whose record says "Persisch (Dari)"', async () => {
    const person = await client({ familyName: 'Rahimi', givenName: 'Zahra', languages: [{ language: 'Persisch (Dari)', interpreterNeeded: true }] });
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: person.id,
      values: CONSENT_VALUES,
    });
    expect(document.translationLanguage).toBe('fa');
    const { text, file } = await renderText(document, 'consent-fa');
    expect(flat(text)).toContain('Die Einwilligung ist freiwillig.');
    expect(lettersOf(text)).toContain(lettersOf('ترجمه – متن آلمانی ملاک است.'));
    expectPdfA2b(file);
  });
});

describe('the invitation letter', () => {
  it('in German and Russian: subject, greeting and closing in both, the name in its own script beside the Latin one, the address block Latin', async () => {
    const person = await client({
      familyName: 'Petrenko',
      givenName: 'Iwan',
      otherNames: ['Иван Петренко'],
      languages: [{ language: 'Russisch', interpreterNeeded: true }],
    });
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'appointment-invitation',
      clientId: person.id,
      values: { appointmentDate: '2026-12-10', appointmentTime: '10:30', bringIdentity: true, bringThisLetter: true },
    });
    expect(document.translationLanguage).toBe('ru');
    expect(document.values).toMatchObject({ personName: 'Iwan Petrenko (Иван Петренко)', interpreterNeeded: true, interpreterLanguage: 'Russisch' });
    const context = await callOk<{ recipientLines: string[] }>(core, 'documents.context', { id: document.id });
    expect(context.recipientLines.join('\n')).not.toMatch(/\p{Script=Cyrillic}/u);
    const { text, file } = await renderText(document, 'invitation-ru');
    const words = flat(text);
    expect(words).toContain('Einladung zum Beratungsgespräch am 10.12.2026 um 10:30 Uhr');
    expect(words).toContain('Приглашение на консультацию 10.12.2026 в 10:30');
    expect(words).toContain('Iwan Petrenko (Иван Петренко)');
    expect(words).toContain('Pass oder Ausweis und Aufenthaltstitel');
    expect(words).toContain('Паспорт или удостоверение личности и вид на жительство');
    expect(words).toContain('Dolmetscherin oder einen Dolmetscher');
    expect(words).toContain('Mit freundlichen Grüßen');
    expect(words).toContain('С уважением');
    expect(words).toContain('Перевод – обязательным является текст на немецком языке.');
    expectPdfA2b(file);
  });

  it('in German only for a client without a language it is translated into', async () => {
    const person = await client({ familyName: 'Beridze', givenName: 'Nino', languages: [{ language: 'Georgisch', interpreterNeeded: false }] });
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'appointment-invitation',
      clientId: person.id,
      values: { appointmentDate: '2026-12-10', appointmentTime: '9:00' },
    });
    expect(document.translationLanguage).toBeNull();
    const { text, file } = await renderText(document, 'invitation-de');
    expect(flat(text)).toContain('wir laden Sie zu einem persönlichen Beratungsgespräch ein.');
    expect(flat(text)).not.toContain('Dolmetscher');
    expectPdfA2b(file);
  });
});

describe('the Art. 13 information sheet', () => {
  it.each([
    ['tr', 'Türkisch', 'Verilerinizin işlenmesine ilişkin bilgilendirme'],
    ['uk', 'Ukrainisch', 'Інформація про обробку ваших даних'],
    ['en', 'Englisch', 'Information on the processing of your data'],
  ])('in German and %s, with the person named in their own script', async (code, language, title) => {
    const person = await client({ familyName: 'Yıldız', givenName: 'Emre', otherNames: ['Эмре'], languages: [{ language, interpreterNeeded: false }] });
    const document = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'data-processing-information', clientId: person.id, values: {} });
    expect(document.translationLanguage).toBe(code);
    const { text, file } = await renderText(document, `art13-${code}`);
    const words = flat(text);
    expect(words).toContain('Information zur Verarbeitung Ihrer Daten');
    expect(words).toContain(title);
    expect(words).toContain('Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen');
    expect(words).toContain('Art. 22 DSGVO');
    expect(words).toContain('Эмре');
    expectPdfA2b(file);
  });
});
