import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formReference, printDocument, unprintableTexts } from '../../main/core/pdf/print-document';
import { BUILT_IN_FORMS, isInputField, type FormDefinition } from '../../shared/forms';
import { conditionHolds, isFieldShown, type FormValues } from '../../shared/forms/values';
import {
  builtInFormJob,
  expectNoOverlapInsideMargins,
  expectValidPdfWithEmbeddedFonts,
  filledFormValues,
  flat,
  prefilledFormValues,
  pdfOutputDir,
  renderJob,
} from './print-support';

/**
 * Every built-in form prints: once with the values a new document starts
 * with (prefilled from the client and the settings), once with every field
 * filled in. Set LOTSE_KEEP_PDF to a directory to keep the PDFs for a look.
 */

const outputDir = pdfOutputDir('lotse-built-in-');

const jobFor = (form: FormDefinition, values: FormValues) => builtInFormJob(form, values);

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
  it('has the nine shipped forms', () => {
    expect(forms.map((form) => form.id).sort()).toEqual(
      [
        'appointment-invitation',
        'consent-data-transfer',
        'course-referral',
        'data-processing-information',
        'data-access-information',
        'free-letter',
        'recognition-cost-application',
        'referral-letter',
        'residence-104c-checklist',
      ].sort(),
    );
  });

  for (const form of forms) {
    describe(form.id, () => {
      it('prints the prefilled values of a new document', async () => {
        const values = prefilledFormValues(form);
        const out = await renderJob(jobFor(form, values), path.join(outputDir(), `${form.id}-prefilled.pdf`));
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
        const values = filledFormValues(form);
        const out = await renderJob(jobFor(form, values), path.join(outputDir(), `${form.id}-filled.pdf`));
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
    const { definition, texts } = printDocument(jobFor(form, { subject: 'Glückwunsch 🎉', body: 'مرحبا שלום' }));
    expect(definition.content).toBeDefined();
    expect(unprintableTexts(texts).map((entry) => [entry.path, entry.label, entry.missing])).toEqual([
      ['values.subject', 'Betreff', ['🎉']],
      ['values.body', 'Text', ['ש', 'ל', 'ו', 'ם']],
    ]);
  });
});
