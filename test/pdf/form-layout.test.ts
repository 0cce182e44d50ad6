import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDocument, type PrintJob } from '../../main/core/pdf/print-document';
import { BUILT_IN_FORMS, loadFormDefinition, type FormDefinitionSource } from '../../shared/forms';
import { prefilledValues } from '../../shared/forms/fill';
import { validateFormValues, type FormValues, type LineRow } from '../../shared/forms/values';
import {
  CREATED,
  darkShare,
  expectLine,
  expectNoOverlapInsideMargins,
  expectValidPdfWithEmbeddedFonts,
  findLastPhrase,
  findPhrase,
  flat,
  flatText,
  partnerLines,
  rasterize,
  renderJob,
  sampleContext,
  SAMPLE_PARTNER,
  type RenderedFile,
} from './print-support';
import { sampleLogoPng } from '../support/images';
import type { PdfWord } from '../support/pdf-words';

/**
 * Form definitions printed through printDocument and rendered with pdfmake,
 * read back with poppler: every field type on an A4 form, a form-based
 * DIN 5008 letter, data minimisation and hostile values.
 */

const EPS = 0.01;

/** Set LOTSE_KEEP_PDF to a directory to keep the PDFs for a look. */
const KEEP = process.env.LOTSE_KEEP_PDF;
let dir: string;
beforeAll(() => {
  if (KEEP) fs.mkdirSync(KEEP, { recursive: true });
  dir = KEEP ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-form-'));
});
afterAll(() => {
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

const HOSTILE = ['<script>alert(1)</script>', `Er sagte: "Nein" und 'doch' – „so“`, '{{client.fullName}} ${process.env.HOME} &amp; %s'];

// ---------------------------------------------------------------------------
// (a) every field type on an A4 form

const ALL_TYPES: FormDefinitionSource = {
  id: 'all-types',
  version: 3,
  title: 'Testantrag mit allen Feldarten',
  layout: 'form',
  recipient: 'partner',
  sections: [
    {
      id: 'person',
      title: 'Angaben zur Person',
      fields: [
        { id: 'fullName', type: 'text', label: 'Name, Vorname', prefill: 'client.fullName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate', personal: 'identity' },
        { id: 'children', type: 'number', label: 'Anzahl der Kinder' },
        { id: 'hours', type: 'number', label: 'Wochenstunden', decimals: 1 },
        { id: 'income', type: 'money', label: 'Monatliches Einkommen' },
        {
          id: 'contactWay',
          type: 'select',
          label: 'Erreichbar über',
          options: [
            { value: 'phone', label: 'telefonisch' },
            { value: 'mail', label: 'per E-Mail' },
            { value: 'letter', label: 'per Post' },
          ],
        },
        {
          id: 'languages',
          type: 'multiselect',
          label: 'Sprachen',
          options: [
            { value: 'tr', label: 'Türkisch' },
            { value: 'ar', label: 'Arabisch' },
            { value: 'uk', label: 'Ukrainisch' },
            { value: 'fa', label: 'Farsi' },
            { value: 'ru', label: 'Russisch' },
            { value: 'en', label: 'Englisch' },
            { value: 'fr', label: 'Französisch' },
            { value: 'ti', label: 'Tigrinya' },
          ],
        },
        { id: 'interpreter', type: 'checkbox', label: 'Dolmetschung erforderlich' },
        { id: 'regulated', type: 'checkbox', label: 'Reglementierter Beruf' },
        { id: 'agency', type: 'partner', label: 'Zuständige Beratungsstelle' },
        { id: 'emptyRemark', type: 'text', label: 'Bemerkung zum Termin' },
        { id: 'emptyDate', type: 'date', label: 'Wiedervorlage am' },
      ],
    },
    {
      id: 'reason',
      title: 'Begründung',
      fields: [{ id: 'reasonText', type: 'textarea', label: 'Warum die Anerkennung nötig ist', max: 10000 }],
    },
    {
      id: 'costs',
      title: 'Kosten',
      fields: [
        {
          id: 'costLines',
          type: 'lines',
          label: 'Kostenaufstellung',
          maxRows: 20,
          columns: [
            { id: 'kind', type: 'text', label: 'Kostenart' },
            { id: 'pages', type: 'number', label: 'Seiten' },
            { id: 'due', type: 'date', label: 'Fällig am' },
            { id: 'quote', type: 'checkbox', label: 'Angebot' },
            { id: 'amount', type: 'money', label: 'Betrag' },
          ],
        },
        { id: 'costTotal', type: 'money', label: 'Summe der Kosten', sumOf: { field: 'costLines', column: 'amount' } },
      ],
    },
    {
      id: 'legal',
      title: 'Erklärungen',
      fields: [
        {
          id: 'declaration',
          type: 'block',
          label: 'Erklärung zur Mitwirkung',
          text: 'Ich, {{fullName}}, versichere, dass meine Angaben vollständig sind.\n\nÄnderungen teile ich dem {{settings.office.organization}} unverzüglich mit.',
          stand: '2026-11-01',
        },
        { id: 'signatures', type: 'signature', label: 'Unterschriften', signers: ['Unterschrift antragstellende Person', 'Unterschrift Beraterin / Berater'] },
        {
          id: 'decision',
          type: 'office-box',
          label: 'Entscheidung des Jobcenters',
          lines: ['Bewilligt in Höhe von', 'Abgelehnt, Grund', 'Datum, Handzeichen'],
        },
      ],
    },
  ],
};

const SENTENCES = Array.from(
  { length: 60 },
  (_, i) => `Satz${i + 1}: Die Anerkennung als Pflegefachfrau ist für die Arbeit im Krankenhaus in Düren nötig, weil der Beruf reglementiert ist.`,
);
const LONG_TEXT = `${SENTENCES.slice(0, 30).join(' ')}\n\n${SENTENCES.slice(30).join(' ')}`.slice(0, 6000).padEnd(6000, ' .');

const COST_ROWS: LineRow[] = [
  ...Array.from({ length: 11 }, (_, i): LineRow => ({
    kind: `Kostenposten${i + 1}`,
    pages: i + 1,
    due: '2026-12-0' + ((i % 9) + 1),
    quote: i % 2 === 0,
    amount: 10000,
  })),
  { kind: 'Verfahrensgebühr', pages: null, due: '', quote: false, amount: 13456 },
];

function allTypesValues(overrides: FormValues = {}): FormValues {
  const form = loadFormDefinition(ALL_TYPES);
  const { values } = prefilledValues(form, sampleContext());
  const result = validateFormValues(
    form,
    {
      ...values,
      children: 2,
      hours: 19.5,
      income: 123400,
      contactWay: 'mail',
      languages: ['tr', 'fa'],
      interpreter: true,
      regulated: false,
      agency: SAMPLE_PARTNER.id,
      reasonText: LONG_TEXT,
      costLines: COST_ROWS,
      ...overrides,
    },
    { complete: false },
  );
  expect(result.errors).toEqual({});
  return result.values;
}

function allTypesJob(overrides: Partial<PrintJob> = {}, values: FormValues = allTypesValues()): PrintJob {
  return {
    form: loadFormDefinition(ALL_TYPES),
    values,
    omittedFields: [],
    context: sampleContext(),
    recipientLines: partnerLines(),
    partnerName: (id) => (id === SAMPLE_PARTNER.id ? SAMPLE_PARTNER.name : id),
    creationDate: CREATED,
    reference: 'Testantrag mit allen Feldarten · Vorlage all-types, Version 3',
    draft: false,
    ...overrides,
  };
}

describe('form layout: every field type', () => {
  let out: RenderedFile;
  beforeAll(async () => {
    out = await renderJob(allTypesJob(), path.join(dir, 'all-types.pdf'));
  });

  it('is a valid PDF with embedded fonts only, over more than one page', () => {
    expectValidPdfWithEmbeddedFonts(out.file);
    expect(out.pages).toBeGreaterThan(1);
  });

  it('numbers every page and names the document on each', () => {
    for (let page = 1; page <= out.pages; page++) {
      const words = out.words.filter((w) => w.page === page);
      findPhrase(words, `Seite ${page} von ${out.pages}`, page);
      findPhrase(words, 'Vorlage all-types, Version 3', page);
    }
    expect(out.flat).toContain(`Seite 2 von ${out.pages}`);
  });

  it('prints the letterhead, title, date and recipient', () => {
    for (const part of ['Kreis Düren', 'Kommunales Integrationszentrum', 'Testantrag mit allen Feldarten', 'Datum: 25.11.2026', 'An:', ...partnerLines()]) {
      expect(out.flat).toContain(flat(part));
    }
  });

  it('prints every section title and every label', () => {
    const form = loadFormDefinition(ALL_TYPES);
    for (const section of form.sections) {
      expect(out.flat).toContain(section.title);
      for (const field of section.fields) {
        if (field.type === 'block' && field.label === section.title) continue;
        expect(out.flat, field.id).toContain(flat(field.label));
        if (field.type === 'lines') for (const column of field.columns) expect(out.flat).toContain(column.label);
        if (field.type === 'select' || field.type === 'multiselect') for (const option of field.options) expect(out.flat).toContain(option.label);
        if (field.type === 'signature') for (const signer of field.signers) expect(out.flat).toContain(signer);
        if (field.type === 'office-box') for (const line of field.lines) expect(out.flat).toContain(line);
      }
    }
    expect(out.flat.match(/Ort, Datum/g)).toHaveLength(2);
  });

  it('prints every value as it reads on paper', () => {
    for (const value of ['Ayşe Müller', '12.03.1990', '19,5', '1.234,00 €', 'Jugendmigrationsdienst Düren']) expect(out.flat).toContain(value);
    findPhrase(out.words, 'Anzahl der Kinder 2');
    // Lines: every row with its cells, then the total in bold.
    for (let i = 1; i <= 11; i++) {
      const row = findPhrase(out.words, `Kostenposten${i}`);
      const sameLine = out.words.filter((w) => w.page === row[0]!.page && Math.abs(w.y0 - row[0]!.y0) < 1).map((w) => w.text);
      expect(sameLine).toEqual(expect.arrayContaining([String(i), `0${((i - 1) % 9) + 1}.12.2026`, '100,00', '€']));
    }
    expect(out.flat).toContain('Verfahrensgebühr');
    expect(out.flat).toContain('134,56 €');
    expectLine(out.words, 'Summe der Kosten 1.234,56 €');
    // The long text, every sentence of it, across the page break.
    const tokens = new Set(out.words.map((w) => w.text));
    const last = LONG_TEXT.trim()
      .split(/\s+/)
      .filter((t) => /^Satz\d+:$/.test(t));
    expect(last.length).toBeGreaterThan(40);
    for (const token of last) expect(tokens.has(token), token).toBe(true);
    const firstSentence = findPhrase(out.words, 'Satz1:')[0]!;
    const lastSentence = findPhrase(out.words, last[last.length - 1]!)[0]!;
    expect(lastSentence.page).toBeGreaterThan(firstSentence.page);
  });

  it('fills the block placeholders and prints its Stand', () => {
    expect(out.flat).toContain('Ich, Ayşe Müller, versichere, dass meine Angaben vollständig sind.');
    expect(out.flat).toContain('Änderungen teile ich dem Kreis Düren unverzüglich mit.');
    expect(out.flat).toContain('Stand: 01.11.2026');
  });

  it('keeps every word inside the margins and no two words on top of each other', () => {
    expectNoOverlapInsideMargins(out.words, out.pages);
  });

  it('keeps the body above the footer on every page', () => {
    for (let page = 1; page <= out.pages; page++) {
      const footerTop = findLastPhrase(out.words, 'Testantrag mit allen Feldarten · Vorlage all-types, Version 3', page)[0]!.y0;
      const above = out.words.filter((w) => w.page === page && w.y1 <= footerTop + EPS);
      const below = out.words.filter((w) => w.page === page && w.y0 >= footerTop - 3);
      expect(above.length).toBeGreaterThan(0);
      // Only the footer line itself is that low: the reference, and on page 1 the page number (later pages have it at the top).
      expect(below.map((w) => w.text).join(' ')).toBe(
        `Testantrag mit allen Feldarten · Vorlage all-types, Version 3${page === 1 ? ` Seite 1 von ${out.pages}` : ''}`,
      );
    }
  });

  it('draws check boxes as vectors, crossed where ticked, and never prints box characters', () => {
    expect(out.flat).not.toMatch(/[☐☑☒✓✔✗✘]/);
    const image = rasterize(out.file, 1, 150);
    const boxBefore = (label: string) => {
      const word = findPhrase(out.words, label, 1)[0]!;
      // The box sits left of its label: about 4 mm wide, centred on the text line.
      const middle = (word.y0 + word.y1) / 2;
      return {
        outline: darkShare(image, word.x0 - 5.5, middle - 2.5, word.x0 - 0.3, middle + 2.5),
        centre: darkShare(image, word.x0 - 3.9, middle - 0.4, word.x0 - 3.1, middle + 0.4),
      };
    };
    const ticked = boxBefore('Dolmetschung erforderlich');
    const unticked = boxBefore('Reglementierter Beruf');
    expect(ticked.outline).toBeGreaterThan(0.05);
    expect(unticked.outline).toBeGreaterThan(0.05);
    expect(ticked.centre).toBeGreaterThan(0.3);
    expect(unticked.centre).toBe(0);
    // Options: the chosen ones crossed.
    expect(boxBefore('per E-Mail').centre).toBeGreaterThan(0.3);
    expect(boxBefore('per Post').centre).toBe(0);
    expect(boxBefore('Farsi').centre).toBeGreaterThan(0.3);
    expect(boxBefore('Arabisch').centre).toBe(0);
  });

  it('draws a writing line for blank fields instead of leaving them out', () => {
    const image = rasterize(out.file, 1, 150);
    const label = findPhrase(out.words, 'Bemerkung zum Termin', 1);
    const y = label[0]!.y1;
    // The value column (from 25 + 58 mm) has a horizontal rule below the label's line.
    expect(darkShare(image, 90, y, 180, y + 5, 200)).toBeGreaterThan(0.01);
  });

  it('lists every printed string for the glyph check, by field path', () => {
    const paths = out.texts.map((t) => t.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'values.fullName',
        'values.reasonText',
        'values.agency',
        'values.costLines.0.kind',
        'values.costLines.11.amount',
        'values.costTotal',
        'recipient',
        'settings',
        'template.declaration',
        'template',
      ]),
    );
    expect(out.texts.find((t) => t.path === 'values.agency')?.text).toBe('Jugendmigrationsdienst Düren');
    expect(out.texts.find((t) => t.path === 'values.costLines.11.amount')).toMatchObject({ label: 'Kostenaufstellung, Zeile 12, Betrag', text: '134,56 €' });
    expect(out.texts.find((t) => t.path === 'template.declaration')).toMatchObject({ label: 'Erklärung zur Mitwirkung' });
    // The block's own wording and the case data it names; the form fields it names are listed under their own paths.
    expect(out.texts.find((t) => t.path === 'template.declaration')?.text).toContain('unverzüglich mit');
    expect(out.texts.find((t) => t.path === 'template.declaration')?.text).toContain('Kreis Düren');
    expect(out.texts.find((t) => t.path === 'values.fullName')?.text).toBe('Ayşe Müller');
    expect(out.texts.find((t) => t.path === 'settings')?.text).toContain('Kreis Düren');
    expect(out.texts.find((t) => t.path === 'template')?.text).toContain('Kostenart');
    // Nothing that prints blank is listed.
    expect(paths).not.toContain('values.emptyRemark');
  });

  it('renders byte-identically twice', async () => {
    const again = await renderJob(allTypesJob(), path.join(dir, 'all-types-again.pdf'));
    expect(fs.readFileSync(again.file).equals(fs.readFileSync(out.file))).toBe(true);
  });

  it('prints a blank form with writing lines, empty rows and every option unticked', async () => {
    const form = loadFormDefinition(ALL_TYPES);
    const blank = validateFormValues(form, {}, { complete: false }).values;
    const empty = await renderJob(allTypesJob({ recipientLines: [] }, blank), path.join(dir, 'blank.pdf'));
    expectValidPdfWithEmbeddedFonts(empty.file);
    expectNoOverlapInsideMargins(empty.words, empty.pages);
    expect(empty.flat).not.toContain('An:');
    for (const label of ['Name, Vorname', 'Warum die Anerkennung nötig ist', 'Kostenart', 'Türkisch', 'Tigrinya', 'Entscheidung des Jobcenters']) {
      expect(empty.flat).toContain(label);
    }
    expectLine(empty.words, 'Summe der Kosten 0,00 €');
    // A blank field named in a block leaves a gap to write in.
    expect(empty.flat).toContain('Ich, _______________, versichere');
  });
});

describe('form layout: long values', () => {
  it('lets long values in label/value rows and table cells run over pages without losing a word', async () => {
    const form = loadFormDefinition({
      id: 'long-values',
      version: 1,
      title: 'Lange Werte',
      layout: 'form',
      recipient: 'none',
      sections: [
        {
          id: 'main',
          title: 'Angaben',
          fields: [
            { id: 'short', type: 'text', label: 'Kurz' },
            { id: 'long', type: 'text', label: 'Sehr lange Angabe', max: 20000 },
            { id: 'token', type: 'text', label: 'Ein Wort' },
            {
              id: 'rows',
              type: 'lines',
              label: 'Zeilen',
              columns: [
                { id: 'note', type: 'text', label: 'Notiz', max: 2000 },
                { id: 'amount', type: 'money', label: 'Betrag' },
              ],
            },
          ],
        },
      ],
    });
    const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
    const long = words('Wort', 700).join(' ');
    const note = words('Notiz', 200).join(' ');
    const token = 'Donaudampfschifffahrtsgesellschaftskapitänsmütze'.repeat(4);
    const { values, errors } = validateFormValues(
      form,
      {
        short: 'kurz',
        long,
        token,
        rows: [
          { note, amount: 100 },
          { note: 'zweite', amount: 200 },
        ],
      },
      { complete: false },
    );
    expect(errors).toEqual({});
    const out = await renderJob(
      { ...allTypesJob(), form, values, recipientLines: [], reference: 'Lange Werte · Vorlage long-values, Version 1' },
      path.join(dir, 'long-values.pdf'),
    );
    expectValidPdfWithEmbeddedFonts(out.file);
    expect(out.pages).toBeGreaterThan(1);
    expectNoOverlapInsideMargins(out.words, out.pages);
    const printed = new Set(out.words.map((w) => w.text));
    for (const word of [...words('Wort', 700), ...words('Notiz', 200)]) expect(printed.has(word), word).toBe(true);
    // A word wider than the column is broken, not cut: its pieces give it back.
    expect(out.flat.replace(/ /g, '')).toContain(token);
    expect(out.flat).toContain('zweite');
  });
});

describe('form layout: long text in every kind of element', () => {
  const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const form = loadFormDefinition({
    id: 'long-everything',
    version: 1,
    title: 'Antrag mit sehr langen Texten in jedem Element, damit nichts abgeschnitten wird oder sich überlagert',
    layout: 'form',
    recipient: 'none',
    sections: [
      {
        id: 'main',
        title: 'Ein Abschnitt mit einem Titel, der so lang ist, dass er auf zwei Zeilen umbrechen muss, ohne die Linie darunter zu überdecken',
        fields: [
          { id: 'story', type: 'textarea', label: 'Begründung', max: 20000 },
          { id: 'consent', type: 'checkbox', label: words('Kästchenlabel', 18).join(' ') },
          {
            id: 'choice',
            type: 'multiselect',
            label: 'Auswahl mit langen Optionen',
            options: Array.from({ length: 8 }, (_, i) => ({ value: `o${i}`, label: words(`Option${i}Wort`, 12).join(' ') })),
          },
          { id: 'legal', type: 'block', label: 'Rechtlicher Hinweis', text: words('Hinweiswort', 400).join(' '), stand: '2026-11-01' },
          {
            id: 'signatures',
            type: 'signature',
            label: 'Unterschriften',
            signers: ['Antragstellende Person mit einem sehr langen Namen der Rolle', 'Beratungsfachkraft'],
          },
          {
            id: 'decision',
            type: 'office-box',
            label: 'Vom Jobcenter auszufüllen: Entscheidung',
            lines: ['Eingang am', words('Entscheidungsvermerk', 12).join(' '), 'Bewilligter Betrag', 'Datum, Unterschrift'],
          },
        ],
      },
    ],
  });
  const story = Array.from({ length: 30 }, (_, i) => words(`Absatz${i + 1}Wort`, 40).join(' ')).join('\n\n');
  let out: RenderedFile;
  beforeAll(async () => {
    const { values, errors } = validateFormValues(form, { story, consent: true, choice: ['o1', 'o6'] }, { complete: false });
    expect(errors).toEqual({});
    out = await renderJob(
      { ...allTypesJob(), form, values, recipientLines: [], reference: 'Lange Texte · Vorlage long-everything, Version 1' },
      path.join(dir, 'long-everything.pdf'),
    );
  });

  it('prints every word of every element, none outside the margins or on top of another', () => {
    expectValidPdfWithEmbeddedFonts(out.file);
    expect(out.pages).toBeGreaterThan(2);
    expectNoOverlapInsideMargins(out.words, out.pages);
    const printed = new Set(out.words.map((w) => w.text));
    const expected = [
      ...Array.from({ length: 30 }, (_, i) => words(`Absatz${i + 1}Wort`, 40)).flat(),
      ...words('Kästchenlabel', 18),
      ...Array.from({ length: 8 }, (_, i) => words(`Option${i}Wort`, 12)).flat(),
      ...words('Hinweiswort', 400),
      ...words('Entscheidungsvermerk', 12),
    ];
    const missing = expected.filter((word) => !printed.has(word));
    expect(missing).toEqual([]);
    for (let page = 1; page <= out.pages; page++) expect(flatText(out.file, page)).toContain(`Seite ${page} von ${out.pages}`);
  });

  it('keeps the body above the footer, on every page', () => {
    for (let page = 1; page <= out.pages; page++) {
      const footer = findLastPhrase(out.words, 'Lange Texte · Vorlage long-everything, Version 1', page)[0]!;
      const body = out.words.filter((w) => w.page === page && w.y1 < footer.y0 - 3 && w.y0 > 20);
      expect(body.length, `page ${page}`).toBeGreaterThan(0);
      const inFooterBand = out.words.filter((w) => w.page === page && w.y0 > 297 - 22 && w.y0 < footer.y0 - 3);
      expect(
        inFooterBand.map((w) => w.text),
        `page ${page}`,
      ).toEqual([]);
    }
  });

  it('keeps each signature line with its caption, and the decision box whole, on one page', () => {
    const caption = out.words.find((w) => w.text === 'Beratungsfachkraft')!;
    const place = out.words.filter((w) => w.text === 'Ort,' && w.page === caption.page);
    expect(place).toHaveLength(2);
    const box = out.words.filter((w) => ['Eingang', 'Bewilligter', 'Entscheidungsvermerk12'].includes(w.text) || w.text === 'Vom');
    expect(new Set(box.map((w) => w.page)).size).toBe(1);
    // The box's frame: dark pixels left and right of its captions, from its title to its last line.
    const page = rasterize(out.file, box[0]!.page, 100);
    const top = Math.min(...box.map((w) => w.y0));
    const bottom = Math.max(...box.map((w) => w.y1));
    // A 1 pt rule is one or two pixel columns of the five looked at, over the whole height.
    expect(darkShare(page, 24.6, top, 25.6, bottom, 160)).toBeGreaterThanOrEqual(0.19);
    expect(darkShare(page, 189.4, top, 190.4, bottom, 160)).toBeGreaterThanOrEqual(0.19);
    // Nothing dark between the frame and the captions: the captions are inside, not on the rule.
    expect(darkShare(page, 26.2, top, 27.2, bottom, 160)).toBe(0);
  });

  it('keeps short label/value rows whole and lets only long values break', () => {
    const form = loadFormDefinition({
      id: 'rows',
      version: 1,
      title: 'Zeilen',
      layout: 'form',
      recipient: 'none',
      sections: [
        {
          id: 'main',
          title: 'Angaben',
          fields: [
            { id: 'a', type: 'text', label: 'Kurz' },
            { id: 'b', type: 'text', label: 'Lang', max: 20000 },
            { id: 'c', type: 'checkbox', label: 'Kästchen' },
          ],
        },
      ],
    });
    const { definition } = printDocument({ ...allTypesJob(), form, values: { a: 'x', b: 'Wort '.repeat(300), c: true }, recipientLines: [] });
    const tables: Array<{ dontBreakRows?: boolean; body: unknown[][] }> = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node && typeof node === 'object') {
        const table = (node as { table?: { dontBreakRows?: boolean; body: unknown[][]; widths?: unknown[] } }).table;
        if (table?.widths?.length === 2) tables.push(table);
        Object.values(node).forEach(visit);
      }
    };
    visit(definition.content);
    const texts = (table: { body: unknown[][] }) => JSON.stringify(table.body);
    expect(
      tables.map((table) => [table.dontBreakRows, texts(table).includes('Kurz'), texts(table).includes('Lang'), texts(table).includes('Kästchen')]),
    ).toEqual([
      [true, true, false, false],
      [false, false, true, false],
      [true, false, false, true],
    ]);
  });

  it('leaves no writing line without its label at the foot of a page (prefilled cost application with a logo)', async () => {
    // Here the page break once fell between the label of "Zuständige Stelle" and its line.
    const context = sampleContext();
    context.settings = {
      ...context.settings,
      office: { ...context.settings.office, contact: 'Frau Silke Nießen', logo: { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') } },
    };
    const form = BUILT_IN_FORMS['recognition-cost-application']!;
    const out = await renderJob(
      { ...allTypesJob(), form, values: {}, context, recipientLines: [], reference: 'Antrag · Vorlage recognition-cost-application, Version 1' },
      path.join(dir, 'cost-logo.pdf'),
    );
    for (let number = 1; number < out.pages; number++) {
      const page = rasterize(out.file, number, 100);
      const footer = findLastPhrase(out.words, 'Antrag · Vorlage recognition-cost-application, Version 1', number)[0]!;
      const lowest = Math.max(...out.words.filter((w) => w.page === number && w.y1 < footer.y0 - 4).map((w) => w.y1));
      // Below the last word of the page and above the footer's rule: nothing drawn in the value column.
      expect(darkShare(page, 100, lowest + 2.5, 185, footer.y0 - 4, 200), `page ${number}`).toBe(0);
    }
  });

  it('draws the ticked box crossed and the unticked ones empty, as vectors', () => {
    const label = out.words.find((w) => w.text === 'Kästchenlabel1')!;
    const page = rasterize(out.file, label.page, 100);
    // The box sits left of its label, on the first line.
    expect(darkShare(page, label.x0 - 6, label.y0, label.x0 - 1, label.y1, 160)).toBeGreaterThan(0.15);
    const ticked = out.words.find((w) => w.text === 'Option1Wort1')!;
    const unticked = out.words.find((w) => w.text === 'Option2Wort1')!;
    const boxShare = (w: PdfWord) => darkShare(rasterize(out.file, w.page, 100), w.x0 - 5.5, w.y0, w.x0 - 1.5, w.y1, 160);
    expect(boxShare(ticked)).toBeGreaterThan(boxShare(unticked) + 0.1);
    expect(out.flat).not.toMatch(/[☐☑☒]/);
  });
});

// ---------------------------------------------------------------------------
// (b) a letter built from a form

const LETTER: FormDefinitionSource = {
  id: 'test-referral',
  version: 2,
  title: 'Testüberleitung',
  layout: 'letter',
  recipient: 'partner',
  letter: { subject: 'Überleitung: {{clientName}}', salutation: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen' },
  sections: [
    {
      id: 'intro',
      title: 'Anlass',
      fields: [{ id: 'introText', type: 'textarea', label: 'Einleitung', print: 'paragraphs' }],
    },
    {
      id: 'client',
      title: 'Zur Person',
      fields: [
        { id: 'clientName', type: 'text', label: 'Name', prefill: 'client.fullName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate', personal: 'identity' },
        { id: 'phone', type: 'text', label: 'Telefon', prefill: 'client.phone', personal: 'contact' },
        { id: 'fileNumber', type: 'text', label: 'Aktenzeichen', prefill: 'client.fileNumber' },
        { id: 'interpreter', type: 'checkbox', label: 'Dolmetschung erforderlich', prefill: 'client.interpreterNeeded' },
        { id: 'regulated', type: 'checkbox', label: 'Reglementierter Beruf' },
        { id: 'emptyNote', type: 'text', label: 'Hinweis zur Erreichbarkeit' },
        {
          id: 'urgency',
          type: 'select',
          label: 'Dringlichkeit',
          options: [
            { value: 'normal', label: 'normal' },
            { value: 'high', label: 'dringend' },
          ],
        },
      ],
    },
    {
      id: 'attachments',
      title: 'Anlagen',
      fields: [
        {
          id: 'attachmentLines',
          type: 'lines',
          label: 'Anlagen',
          columns: [
            { id: 'name', type: 'text', label: 'Unterlage' },
            { id: 'pages', type: 'number', label: 'Seiten' },
            { id: 'fee', type: 'money', label: 'Gebühr' },
          ],
        },
        { id: 'feeTotal', type: 'money', label: 'Gebühren gesamt', sumOf: { field: 'attachmentLines', column: 'fee' } },
      ],
    },
    {
      id: 'privacy',
      title: 'Datenschutz',
      fields: [
        {
          id: 'privacyNote',
          type: 'block',
          label: 'Datenschutz',
          text: 'Frau/Herr {{clientName}} hat am {{consentDate}} schriftlich eingewilligt, dass wir diese Angaben an Sie übermitteln.',
          stand: '2026-10-15',
        },
        { id: 'consentDate', type: 'date', label: 'Einwilligung vom', print: 'none' },
      ],
    },
  ],
};

function letterJob(values: FormValues, overrides: Partial<PrintJob> = {}): PrintJob {
  const form = loadFormDefinition(LETTER);
  const result = validateFormValues(form, { ...prefilledValues(form, sampleContext()).values, ...values }, { complete: false });
  expect(result.errors).toEqual({});
  return {
    form,
    values: result.values,
    omittedFields: [],
    context: sampleContext(),
    recipientLines: partnerLines(),
    partnerName: () => '',
    creationDate: CREATED,
    reference: 'Testüberleitung · Vorlage test-referral, Version 2',
    draft: false,
    ...overrides,
  };
}

const LETTER_VALUES: FormValues = {
  introText: 'wir bitten Sie, Frau Müller bei der Anerkennung ihres Abschlusses zu beraten.\n\nSie spricht gut Deutsch.',
  urgency: 'high',
  consentDate: '2026-11-20',
  attachmentLines: [
    { name: 'Lebenslauf', pages: 2, fee: 1500 },
    { name: '', pages: null, fee: null },
    { name: 'Diplom mit Übersetzung', pages: 4, fee: 4000 },
  ],
};

describe('letter layout built from a form', () => {
  let out: RenderedFile;
  beforeAll(async () => {
    out = await renderJob(letterJob(LETTER_VALUES), path.join(dir, 'letter.pdf'));
  });

  it('is a valid PDF with embedded fonts only', () => {
    expectValidPdfWithEmbeddedFonts(out.file);
  });

  it('puts exactly the recipient in the Anschriftzone', () => {
    const page1 = out.words.filter((w) => w.page === 1);
    const anschrift = page1.filter((w) => w.x1 > 20 + EPS && w.x0 < 105 - EPS && w.y1 > 62.7 + EPS && w.y0 < 90 - EPS && w.y0 >= 62.7 - EPS);
    expect(anschrift.map((w) => w.text).sort()).toEqual(
      partnerLines()
        .flatMap((line) => line.split(/\s+/))
        .sort(),
    );
    for (const w of anschrift) {
      expect(w.x0).toBeGreaterThanOrEqual(25 - EPS);
      expect(w.y1).toBeLessThanOrEqual(90 + EPS);
    }
  });

  it('fills subject and info block, with the file number as "Unser Zeichen"', () => {
    expect(out.flat).toContain('Überleitung: Ayşe Müller');
    expect(out.flat).toContain('Sehr geehrte Damen und Herren,');
    const zeichen = findPhrase(out.words, 'Unser Zeichen', 1);
    const number = findPhrase(out.words, 'KI-2026-0815', 1);
    expect(zeichen[0]!.x0).toBeGreaterThanOrEqual(125 - EPS);
    expect(Math.abs(number[0]!.y0 - zeichen[0]!.y0)).toBeLessThan(2);
    expect(out.flat).toContain('25.11.2026');
    // Not a second time in the body.
    expect(out.flat).not.toContain('Aktenzeichen');
  });

  it('prints the paragraphs, the filled rows under their section titles, the table and the block', () => {
    for (const part of [
      'wir bitten Sie, Frau Müller bei der Anerkennung ihres Abschlusses zu beraten.',
      'Sie spricht gut Deutsch.',
      'Zur Person',
      'Dolmetschung erforderlich',
      'Anlagen',
      'Frau/Herr Ayşe Müller hat am 20.11.2026 schriftlich eingewilligt, dass wir diese Angaben an Sie übermitteln.',
      'Stand: 15.10.2026',
      'Mit freundlichen Grüßen',
      'Erika Mustermann',
    ]) {
      expect(out.flat).toContain(part);
    }
    for (const row of [
      'Name Ayşe Müller',
      'Geburtsdatum 12.03.1990',
      'Telefon 0151 2345678',
      'Dringlichkeit dringend',
      'Unterlage Seiten Gebühr',
      'Lebenslauf 2 15,00 €',
      'Diplom mit Übersetzung 4 40,00 €',
      'Gebühren gesamt 55,00 €',
    ]) {
      expectLine(out.words, row);
    }
    // The section of paragraphs only has no title; the block's label is its section's title, printed once.
    expect(out.flat).not.toContain('Anlass');
    expect(out.flat.match(/Datenschutz/g)).toHaveLength(1);
    expect(out.flat).toContain('Vorlage test-referral, Version 2');
  });

  it('leaves out blank fields, unticked boxes, blank rows and fields printed only through placeholders', () => {
    expect(out.flat).not.toContain('Hinweis zur Erreichbarkeit');
    expect(out.flat).not.toContain('Reglementierter Beruf');
    expect(out.flat).not.toContain('Einwilligung vom');
    // Two rows printed, the blank one left out: header, two rows, total.
    const table = out.words.filter((w) => ['Lebenslauf', 'Diplom', 'Gebühren'].includes(w.text));
    expect(table).toHaveLength(3);
  });

  it('keeps every word inside the margins and no two words on top of each other', () => {
    expectNoOverlapInsideMargins(out.words, out.pages);
  });

  it('prints a free-letter-like body exactly as paragraphs, without section titles', async () => {
    const plain = await renderJob(
      letterJob({ introText: 'Nur ein Absatz.' }, { omittedFields: ['clientName', 'birthDate', 'phone', 'fileNumber', 'interpreter'] }),
      path.join(dir, 'letter-plain.pdf'),
    );
    expect(plain.flat).toContain('Nur ein Absatz.');
    // Everything else is blank or omitted: only the subject's fixed part remains of the form.
    expect(plain.flat).not.toContain('Zur Person');
    expect(plain.flat).not.toContain('Anlagen');
    expect(plain.flat).toContain('Überleitung:');
  });
});

// ---------------------------------------------------------------------------
// (c) data minimisation

describe('omitted fields', () => {
  it('leaves omitted fields out of a form entirely, label and value', async () => {
    const omitted = ['birthDate', 'languages', 'interpreter', 'reasonText'];
    const values = allTypesValues();
    const blanked = { ...values, birthDate: '', languages: [], interpreter: false, reasonText: '' };
    const out = await renderJob(allTypesJob({ omittedFields: omitted }, blanked), path.join(dir, 'omitted-form.pdf'));
    for (const gone of ['Geburtsdatum', '12.03.1990', 'Sprachen', 'Türkisch', 'Farsi', 'Dolmetschung', 'Warum die Anerkennung', 'Satz1:']) {
      expect(out.flat, gone).not.toContain(gone);
    }
    // The section that held only the omitted text field is gone with it.
    expect(out.flat).not.toContain('Begründung');
    expect(out.flat).toContain('Name, Vorname');
    for (const entry of out.texts)
      expect(
        omitted.some((id) => entry.path === `values.${id}`),
        entry.path,
      ).toBe(false);
  });

  it('leaves omitted fields out of a letter, also where a placeholder names them', async () => {
    const job = letterJob(LETTER_VALUES);
    const omitted = ['birthDate', 'phone', 'clientName'];
    const out = await renderJob(
      { ...job, omittedFields: omitted, values: { ...job.values, birthDate: '', phone: '', clientName: '' } },
      path.join(dir, 'omitted-letter.pdf'),
    );
    for (const gone of ['Geburtsdatum', '12.03.1990', '0151', 'Ayşe']) expect(out.flat, gone).not.toContain(gone);
    expect(out.flat).toContain('Lebenslauf');
    for (const entry of out.texts)
      expect(
        omitted.some((id) => entry.path === `values.${id}`),
        entry.path,
      ).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// (d) hostile values print literally; only template text is filled

describe('hostile values', () => {
  it('prints user values literally in forms, never substituting placeholders typed as values', async () => {
    const values = allTypesValues({
      fullName: HOSTILE[2]!,
      emptyRemark: HOSTILE[0]!,
      reasonText: HOSTILE.join('\n\n'),
      costLines: [{ kind: HOSTILE[1]!, pages: 1, due: '', quote: false, amount: 100 }],
    });
    const out = await renderJob(allTypesJob({}, values), path.join(dir, 'hostile-form.pdf'));
    for (const s of HOSTILE) expect(out.flat).toContain(flat(s));
    // The block's own placeholder is filled with the value as typed, not resolved again.
    expect(out.flat).toContain('Ich, {{client.fullName}} ${process.env.HOME} &amp; %s, versichere');
    // The client's real name appears nowhere: every {{client.fullName}} in the output is the typed text.
    expect(out.flat).not.toContain('Ayşe Müller');
    expectValidPdfWithEmbeddedFonts(out.file);
  });

  it('prints user values literally in letters, also inside the subject', async () => {
    const out = await renderJob(
      letterJob({ clientName: '{{client.fullName}}', introText: HOSTILE.join('\n\n'), emptyNote: '{{settings.office.organization}}' }),
      path.join(dir, 'hostile-letter.pdf'),
    );
    for (const s of HOSTILE) expect(out.flat).toContain(flat(s));
    expect(out.flat).toContain('Überleitung: {{client.fullName}}');
    expectLine(out.words, 'Hinweis zur Erreichbarkeit {{settings.office.organization}}');
    expect(out.flat).toContain('Frau/Herr {{client.fullName}} hat am');
    expect(out.flat).not.toContain('Ayşe Müller');
  });
});
