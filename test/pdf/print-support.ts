import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { addressBlock } from '../../main/core/pdf/address-block';
import { formReference, printDocument, type PrintJob } from '../../main/core/pdf/print-document';
import { renderPdf } from '../../main/core/pdf/render';
import type { Client, Partner } from '../../shared/api/contract';
import { PartnerInputSchema } from '../../shared/api/schemas/partner';
import { recipientGreeting } from '../../shared/domain/salutation';
import { inputFieldsOf, type ColumnDefinition, type FormDefinition, type InputFieldDefinition } from '../../shared/forms';
import { prefilledValues } from '../../shared/forms/fill';
import type { PrefillContext } from '../../shared/forms/prefill';
import { validateFormValues, type CellValue, type FieldValue, type FormValues, type LineRow } from '../../shared/forms/values';
import { clientInput } from '../support/core';
import { TEST_SETTINGS } from '../support/settings';
import { pdfWords, type PdfWord } from '../support/pdf-words';

/** Helpers for the tests that print form definitions through printDocument and read the PDF back. */

export const CREATED = new Date('2026-11-25T10:00:00Z');

export const SAMPLE_PARTNER: Partner = {
  ...PartnerInputSchema.parse({
    name: 'Jugendmigrationsdienst Düren',
    department: 'SkF Düren e. V.',
    address: { street: 'Friedrichstraße 12', postalCode: '52351', city: 'Düren' },
    phone: '02421 1234-0',
    email: 'jmd@example.org',
  }),
  id: 'partner-jmd',
  services: [],
  contacts: [],
  archived: false,
  verification: 'unverified',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

export function sampleClient(): Client {
  return {
    ...clientInput({
      fileNumber: 'KI-2026-0815',
      phone: '0151 2345678',
      email: 'ayse.mueller@example.org',
      birthPlace: 'Izmir',
      sex: 'female',
      nationalities: ['türkisch'],
      preferredContact: 'phone',
      customerNumber: '123D456789',
      bgNumber: '35301BG0012345',
      languages: [
        { language: 'Türkisch', interpreterNeeded: true },
        { language: 'Deutsch', interpreterNeeded: false },
      ],
      counselingFields: ['recognition'],
      germanLevel: { level: 'B1', certificate: 'telc Deutsch B1', certificateDate: '2025-06-30' },
      qualifications: [
        {
          titleOriginal: 'Hemşirelik Lisans Diploması',
          titleGerman: 'Bachelor Krankenpflege',
          country: 'Türkei',
          year: 2014,
          kind: 'Hochschulabschluss',
          referenceOccupation: 'Pflegefachfrau',
          regulated: true,
        },
      ],
      residenceValidUntil: '2027-03-31',
    }),
    id: 'client-1',
    closedOn: null,
    closedReason: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** A context as the core makes it: the greeting follows from the client and partner given (no contact). */
export function sampleContext(overrides: Partial<PrefillContext> = {}): PrefillContext {
  const context = {
    client: sampleClient(),
    partner: SAMPLE_PARTNER,
    settings: TEST_SETTINGS,
    consent: null,
    residenceStatusLabel: 'Aufenthaltserlaubnis',
    today: '2026-11-25',
    ...overrides,
  };
  return { salutation: recipientGreeting({ ...context, contact: null }), ...context };
}

export function partnerLines(partner: Partner = SAMPLE_PARTNER): string[] {
  return addressBlock({
    name: partner.name,
    department: partner.department,
    street: partner.address.street,
    postalCode: partner.address.postalCode,
    city: partner.address.city,
  }).lines;
}

/** The address block a built-in form prints in its window: the sample partner, the sample client, or none. */
export function recipientLinesOf(form: FormDefinition): string[] {
  if (form.recipient === 'partner') return partnerLines();
  if (form.recipient === 'client') {
    const client = sampleClient();
    return addressBlock({ name: `${client.givenName} ${client.familyName}`, ...client.address }).lines;
  }
  return [];
}

/** A final print of `form` for the sample client, as the documents service builds it (`draft` and more through `overrides`). */
export function builtInFormJob(form: FormDefinition, values: FormValues, overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    form,
    values,
    omittedFields: [],
    context: sampleContext(),
    recipientLines: recipientLinesOf(form),
    partnerName: (id) => (id === SAMPLE_PARTNER.id ? SAMPLE_PARTNER.name : ''),
    creationDate: CREATED,
    reference: formReference(form),
    draft: false,
    ...overrides,
  };
}

/** The values a new document of `form` starts with for the sample client. */
export function prefilledFormValues(form: FormDefinition): FormValues {
  return validateFormValues(form, prefilledValues(form, sampleContext()).values, { complete: false }).values;
}

function sampleCell(column: ColumnDefinition, row: number): CellValue {
  switch (column.type) {
    case 'text':
      return `${column.label} ${row + 1}`.slice(0, column.max ?? 500);
    case 'money':
      return 2500 * (row + 1);
    case 'number':
      return row + 1;
    case 'date':
      return '2026-12-01';
    case 'checkbox':
      return true;
    case 'select':
      return column.options[0]!.value;
  }
}

function sampleValue(field: InputFieldDefinition, current: FieldValue | undefined): FieldValue {
  switch (field.type) {
    case 'text': {
      const max = field.max ?? 500;
      return max <= 10 ? '2014'.slice(0, max) : `Beispiel: ${field.label}`.slice(0, max);
    }
    case 'textarea':
      return `Beispieltext für „${field.label}“. Er hat zwei Sätze.\n\nUnd einen zweiten Absatz.`.slice(0, field.max ?? 10000);
    case 'date':
      return '2026-12-01';
    case 'money':
      return 12345;
    case 'number':
      return Math.min(field.max ?? 3, Math.max(field.min ?? 3, 3));
    case 'select':
      return field.options[0]!.value;
    case 'multiselect':
      return field.options.slice(0, 2).map((option) => option.value);
    case 'checkbox':
      return true;
    case 'partner':
      return SAMPLE_PARTNER.id;
    case 'lines': {
      const rows = Array.isArray(current) && current.length > 0 ? (current as LineRow[]) : [{}, {}];
      return rows.map((row, index) => Object.fromEntries(field.columns.map((column) => [column.id, sampleCell(column, index) ?? row[column.id] ?? null])));
    }
  }
}

/** Every field filled in (prefilled ones keep their value). */
export function filledFormValues(form: FormDefinition): FormValues {
  const start = prefilledValues(form, sampleContext()).values;
  const values: Record<string, unknown> = {};
  for (const field of inputFieldsOf(form)) {
    const current = start[field.id];
    const blank =
      current === undefined ||
      current === '' ||
      current === null ||
      current === false ||
      (Array.isArray(current) && (current.length === 0 || field.type === 'lines'));
    values[field.id] = blank ? sampleValue(field, current) : current;
  }
  const result = validateFormValues(form, values, { complete: true });
  expect(result.errors, form.id).toEqual({});
  return result.values;
}

export interface RenderedFile {
  file: string;
  pages: number;
  words: PdfWord[];
  /** pdftotext output, whitespace collapsed to single spaces. */
  flat: string;
  texts: ReturnType<typeof printDocument>['texts'];
}

export async function renderJob(job: PrintJob, file: string): Promise<RenderedFile> {
  const { definition, texts } = printDocument(job);
  const rendered = await renderPdf(definition);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rendered.bytes);
  return { file, pages: rendered.pages, words: pdfWords(file), flat: flatText(file), texts };
}

export function flatText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The same text with every whitespace collapsed, for `toContain` against `flat`. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

export function expectValidPdfWithEmbeddedFonts(file: string): void {
  // execFileSync throws on a non-zero exit status.
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors found/);
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n');
  const embCol = (lines[0] ?? '').indexOf('emb');
  const rows = lines.slice(2);
  expect(embCol).toBeGreaterThan(0);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.slice(embCol, embCol + 3), row).toBe('yes');
}

const EPS = 0.01;
const overlaps = (a: PdfWord, b: PdfWord) => a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;

/** The DIN 5008 information block of a letter's page 1 (x 125–200, from y 50) may reach 10 mm past the text margin. */
const inInformationBlock = (w: PdfWord) => w.page === 1 && w.x0 >= 125 - EPS && w.y0 >= 50 - EPS && w.y1 <= 100;

/** Every word inside the text area's width (page 1's information block: to x 200) and above the bottom edge, and no two words on top of each other. */
export function expectNoOverlapInsideMargins(words: PdfWord[], pages: number, margins = { left: 25, right: 190 }): void {
  for (let page = 1; page <= pages; page++) {
    const onPage = words.filter((w) => w.page === page);
    expect(onPage.length, `page ${page} is empty`).toBeGreaterThan(0);
    for (const w of onPage) {
      expect(w.x0, `page ${page}: ${w.text}`).toBeGreaterThanOrEqual(margins.left - EPS);
      expect(w.x1, `page ${page}: ${w.text}`).toBeLessThanOrEqual((inInformationBlock(w) ? 200 : margins.right) + EPS);
      expect(w.y0, `page ${page}: ${w.text}`).toBeGreaterThanOrEqual(5);
      expect(w.y1, `page ${page}: ${w.text}`).toBeLessThanOrEqual(297 - 5);
    }
    // Sorted from the top: a word can only overlap the ones that start above its bottom.
    const byTop = [...onPage].sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < byTop.length; i++) {
      const a = byTop[i]!;
      for (let k = i + 1; k < byTop.length && byTop[k]!.y0 < a.y1; k++) {
        const b = byTop[k]!;
        if (overlaps(a, b)) expect.fail(`page ${page}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  }
}

/** The boxes of `phrase`'s words where it occurs last on `page`: a footer line, when the same words also stand higher up. */
export function findLastPhrase(words: PdfWord[], phrase: string, page: number): PdfWord[] {
  const wanted = phrase.split(/\s+/).filter(Boolean);
  const onPage = words.filter((w) => w.page === page);
  for (let i = onPage.length - wanted.length; i >= 0; i--) {
    if (wanted.every((t, k) => onPage[i + k]?.text === t)) return onPage.slice(i, i + wanted.length);
  }
  throw new Error(`"${phrase}" not found on page ${page}`);
}

/** The boxes of `phrase`'s words as they follow each other on `page` (any page when omitted). */
export function findPhrase(words: PdfWord[], phrase: string, page?: number): PdfWord[] {
  const wanted = phrase.split(/\s+/).filter(Boolean);
  const pages = page ? [page] : [...new Set(words.map((w) => w.page))];
  for (const p of pages) {
    const onPage = words.filter((w) => w.page === p);
    for (let i = 0; i + wanted.length <= onPage.length; i++) {
      if (wanted.every((t, k) => onPage[i + k]?.text === t)) return onPage.slice(i, i + wanted.length);
    }
  }
  throw new Error(`"${phrase}" not found${page ? ` on page ${page}` : ''}`);
}

export interface Gray {
  width: number;
  height: number;
  dpi: number;
  pixels: Buffer;
}

/** One page as 8-bit grey (binary PGM from `pdftoppm -gray`). */
export function rasterize(file: string, page: number, dpi: number): Gray {
  const prefix = `${file}-p${page}-${dpi}`;
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const data = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, dpi, pixels: data.subarray(header[0].length) };
}

/** Share of pixels darker than `threshold` (mid-grey) in the rectangle x0–x1, y0–y1 (mm). */
export function darkShare(image: Gray, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  const px = (v: number) => Math.round((v / 25.4) * image.dpi);
  let dark = 0;
  let all = 0;
  for (let y = px(y0); y <= px(y1); y++) {
    for (let x = px(x0); x <= px(x1); x++) {
      all++;
      if ((image.pixels[y * image.width + x] ?? 255) < threshold) dark++;
    }
  }
  return all === 0 ? 0 : dark / all;
}

/**
 * The words regrouped into printed lines (same page, vertical centres within
 * 1.2 mm), left to right: table rows and label/value pairs read as one line,
 * whatever order pdftotext gives the cells in.
 */
export function textLines(words: PdfWord[]): string[] {
  const sorted = [...words].sort((a, b) => a.page - b.page || (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines: PdfWord[][] = [];
  for (const word of sorted) {
    const centre = (word.y0 + word.y1) / 2;
    const current = lines[lines.length - 1];
    const first = current?.[0];
    if (current && first && first.page === word.page && Math.abs((first.y0 + first.y1) / 2 - centre) < 1.2) current.push(word);
    else lines.push([word]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(' '),
  );
}

export function expectLine(words: PdfWord[], phrase: string): void {
  const lines = textLines(words);
  expect(
    lines.some((line) => line.includes(phrase)),
    `no line contains "${phrase}":\n${lines.join('\n')}`,
  ).toBe(true);
}

/**
 * Where a test file writes its PDFs: the directory LOTSE_KEEP_PDF names, to
 * keep them for a look, else a temp dir removed after the file's tests.
 * Call at the top of the file; the returned function gives the directory.
 */
export function pdfOutputDir(tempPrefix: string): () => string {
  const keep = process.env.LOTSE_KEEP_PDF;
  let dir = '';
  beforeAll(() => {
    if (keep) fs.mkdirSync(keep, { recursive: true });
    dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  });
  afterAll(() => {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
