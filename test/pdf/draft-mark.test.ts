import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_NOTICE, markedAsDraft } from '../../main/core/pdf/draft-mark';
import { FONT_FAMILY } from '../../main/core/pdf/fonts';
import { renderPdf } from '../../main/core/pdf/render';
import { BUILT_IN_FORMS, type FormDefinition } from '../../shared/forms';
import type { FormValues } from '../../shared/forms/values';
import {
  builtInFormJob,
  CREATED,
  expectValidPdfWithEmbeddedFonts,
  filledFormValues,
  flatText,
  prefilledFormValues,
  rasterize,
  pdfOutputDir,
  renderJob,
} from './print-support';

/**
 * A draft must not pass for a letter: every page of a draft of each built-in
 * form says ENTWURF, none of the final does; the title says so; the mark is
 * light grey and lies behind the text, which reads exactly as in the final.
 * Set LOTSE_KEEP_PDF to a directory to keep the PDFs for a look.
 */

const outputDir = pdfOutputDir('lotse-draft-');

/** The free letter starts blank: give it a body, the others start as prefilled. */
function startValues(form: FormDefinition): FormValues {
  return form.id === 'free-letter' ? filledFormValues(form) : prefilledFormValues(form);
}

async function render(form: FormDefinition, values: FormValues, draft: boolean) {
  return renderJob(builtInFormJob(form, values, { draft }), path.join(outputDir(), `${form.id}-${draft ? 'draft' : 'final'}.pdf`));
}

function pdfTitle(file: string): string {
  const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return /^Title:\s+(.*)$/m.exec(info)?.[1] ?? '';
}

function xmpTitle(file: string): string {
  const qdf = `${file}.qdf.pdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  const xmp = fs.readFileSync(qdf, 'utf8');
  return /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)?.[1] ?? '';
}

describe('a draft is marked on every page, a final document nowhere', () => {
  for (const form of Object.values(BUILT_IN_FORMS)) {
    it(`${form.id}: ENTWURF on every page of the draft and in its title, the text otherwise as in the final`, async () => {
      const values = startValues(form);
      const draft = await render(form, values, true);
      const final = await render(form, values, false);
      expectValidPdfWithEmbeddedFonts(draft.file);
      expect(draft.pages).toBe(final.pages);
      for (let page = 1; page <= draft.pages; page++) {
        const draftText = flatText(draft.file, page);
        const finalText = flatText(final.file, page);
        expect(draftText, `draft page ${page}`).toContain(DRAFT_NOTICE);
        expect(finalText, `final page ${page}`).not.toMatch(/ENTWURF|Entwurf/);
        // The diagonal mark is no text: the page reads word for word, in order, as the final one, with the notice on top.
        expect(draftText.replace(DRAFT_NOTICE, '').trim(), `page ${page}`).toBe(finalText.trim());
      }
      expect(pdfTitle(draft.file)).toMatch(/^Entwurf – nicht versenden: /);
      expect(pdfTitle(draft.file)).toBe(`Entwurf – nicht versenden: ${pdfTitle(final.file)}`);
      expect(xmpTitle(draft.file)).toBe(pdfTitle(draft.file));
      expect(pdfTitle(final.file)).not.toMatch(/Entwurf/);
    });
  }

  it('names the client in the draft title of a referral letter', async () => {
    const form = BUILT_IN_FORMS['referral-letter']!;
    const draft = await render(form, prefilledFormValues(form), true);
    expect(pdfTitle(draft.file)).toBe('Entwurf – nicht versenden: Überleitung: Ayşe Müller');
  });
});

describe('the mark lies light grey behind the text', () => {
  const DPI = 100;

  it('leaves every stroke of the text black where the mark crosses it, and is light grey elsewhere', async () => {
    const form = BUILT_IN_FORMS['recognition-cost-application']!;
    const values = filledFormValues(form);
    const draft = await render(form, values, true);
    const final = await render(form, values, false);
    // The mark alone, on an empty page of the same size: where it is drawn.
    const markOnly = await renderPdf(markedAsDraft({ pageSize: 'A4', info: { creationDate: CREATED }, defaultStyle: { font: FONT_FAMILY }, content: [] }));
    const markFile = path.join(outputDir(), 'mark-only.pdf');
    fs.writeFileSync(markFile, markOnly.bytes);
    const mark = rasterize(markFile, 1, DPI);
    for (let page = 1; page <= draft.pages; page++) {
      const drafted = rasterize(draft.file, page, DPI);
      const plain = rasterize(final.file, page, DPI);
      let markPixels = 0;
      const markOnPaper: number[] = [];
      let textUnderMark = 0;
      let textGreyed = 0;
      // Below the notice line at the top edge (which is text, not the mark).
      for (let i = Math.round((12 / 25.4) * DPI) * mark.width; i < mark.pixels.length; i++) {
        // Inside the mark's letters, not on their anti-aliased edges.
        if (mark.pixels[i]! > 225) continue;
        markPixels++;
        if (plain.pixels[i] === 255) {
          markOnPaper.push(drafted.pixels[i]!);
        } else if (plain.pixels[i]! < 64) {
          // Text in the final: as dark in the draft (a mark on top would grey it).
          textUnderMark++;
          if (drafted.pixels[i]! >= 64) textGreyed++;
        }
      }
      // A large mark that crosses text on this page.
      expect(markPixels / mark.pixels.length, `page ${page}`).toBeGreaterThan(0.03);
      expect(textUnderMark, `page ${page}`).toBeGreaterThan(100);
      expect(textGreyed, `page ${page}`).toBe(0);
      // Where the final has paper, the draft has the mark's light grey: visible, and light enough to read through.
      expect(markOnPaper.length).toBeGreaterThan(markPixels / 2);
      expect(Math.min(...markOnPaper), `page ${page}`).toBeGreaterThanOrEqual(200);
      expect(Math.max(...markOnPaper), `page ${page}`).toBeLessThanOrEqual(235);
    }
  });
});
