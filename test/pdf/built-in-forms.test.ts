import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressBlock } from '../../main/core/pdf/address-block';
import { formReference, printDocument, unprintableTexts, type PrintJob } from '../../main/core/pdf/print-document';
import { BUILT_IN_FORMS, inputFieldsOf, isInputField, type ColumnDefinition, type FormDefinition, type InputFieldDefinition } from '../../shared/forms';
import { prefilledValues } from '../../shared/forms/fill';
import { conditionHolds, isFieldShown, validateFormValues, type CellValue, type FieldValue, type FormValues, type LineRow } from '../../shared/forms/values';
import {
  CREATED,
  expectNoOverlapInsideMargins,
  expectValidPdfWithEmbeddedFonts,
  flat,
  partnerLines,
  renderJob,
  sampleClient,
  sampleContext,
  SAMPLE_PARTNER,
} from './print-support';

/**
 * Every built-in form prints: once with the values a new document starts
 * with (prefilled from the client and the settings), once with every field
 * filled in. Set LOTSE_KEEP_PDF to a directory to keep the PDFs for a look.
 */

const KEEP = process.env.LOTSE_KEEP_PDF;
let dir: string;
beforeAll(() => {
  if (KEEP) fs.mkdirSync(KEEP, { recursive: true });
  dir = KEEP ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-built-in-'));
});
afterAll(() => {
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

function recipientLinesOf(form: FormDefinition): string[] {
  if (form.recipient === 'partner') return partnerLines();
  if (form.recipient === 'client') {
    const client = sampleClient();
    return addressBlock({ name: `${client.givenName} ${client.familyName}`, ...client.address }).lines;
  }
  return [];
}

function jobFor(form: FormDefinition, values: FormValues): PrintJob {
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
  };
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

/** The values a new document starts with. */
function prefilled(form: FormDefinition): FormValues {
  return validateFormValues(form, prefilledValues(form, sampleContext()).values, { complete: false }).values;
}

/** Every field filled in (prefilled ones keep their value). */
function filled(form: FormDefinition): FormValues {
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

/** Titles of the sections that print something: letters print a title only above more than plain paragraphs, none where it is for the editor only. */
function expectedTitles(form: FormDefinition, values: FormValues): string[] {
  return form.sections
    .filter((section) => section.printTitle !== false && conditionHolds(section.showIf, values))
    .filter((section) => {
      const printed = section.fields.filter((field) => isFieldShown(section, field, values) && !(isInputField(field) && field.print === 'none'));
      if (form.layout === 'form') return printed.length > 0;
      return printed.some((field) => !(isInputField(field) && field.print === 'paragraphs'));
    })
    .map((section) => section.title);
}

const forms = Object.values(BUILT_IN_FORMS);

describe('built-in forms print', () => {
  it('has the six shipped forms', () => {
    expect(forms.map((form) => form.id).sort()).toEqual(
      ['consent-data-transfer', 'course-referral', 'free-letter', 'recognition-cost-application', 'referral-letter', 'residence-104c-checklist'].sort(),
    );
  });

  for (const form of forms) {
    describe(form.id, () => {
      it('prints the prefilled values of a new document', async () => {
        const values = prefilled(form);
        const out = await renderJob(jobFor(form, values), path.join(dir, `${form.id}-prefilled.pdf`));
        expectValidPdfWithEmbeddedFonts(out.file);
        expect(unprintableTexts(out.texts)).toEqual([]);
        expectNoOverlapInsideMargins(out.words, out.pages);
        if (form.layout === 'form') {
          for (const title of expectedTitles(form, values)) expect(out.flat, title).toContain(flat(title));
        }
        for (let page = 1; page <= out.pages; page++) expect(out.flat).toContain(`Seite ${page} von ${out.pages}`);
        expect(out.flat).toContain(flat(formReference(form)));
      });

      it('prints every field filled in, under every section title', async () => {
        const values = filled(form);
        const out = await renderJob(jobFor(form, values), path.join(dir, `${form.id}-filled.pdf`));
        expectValidPdfWithEmbeddedFonts(out.file);
        expect(unprintableTexts(out.texts)).toEqual([]);
        expectNoOverlapInsideMargins(out.words, out.pages);
        for (const title of expectedTitles(form, values)) expect(out.flat, title).toContain(flat(title));
        // Every printed value is in the PDF (what the glyph check saw is what was printed).
        for (const entry of out.texts.filter((text) => text.path.startsWith('values.'))) {
          for (const part of entry.text.split(/\n+/).filter((line) => line.trim() !== '')) {
            expect(out.flat, entry.path).toContain(flat(part));
          }
        }
      });
    });
  }

  it('gives the definition and texts without rendering (the caller checks glyphs first)', () => {
    const form = BUILT_IN_FORMS['free-letter']!;
    const { definition, texts } = printDocument(jobFor(form, { subject: 'Glückwunsch 🎉', body: 'مرحبا' }));
    expect(definition.content).toBeDefined();
    expect(unprintableTexts(texts).map((entry) => [entry.path, entry.label, entry.missing])).toEqual([
      ['values.subject', 'Betreff', ['🎉']],
      ['values.body', 'Text', ['م', 'ر', 'ح', 'ب', 'ا']],
    ]);
  });
});
