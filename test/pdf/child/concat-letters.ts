/**
 * Run in a separate Node process (bundled by test/pdf/child-process.ts as the
 * app's entry points are, pdfmake external): joins the sample letter twice,
 * as a serial letter does, and prints the combined PDF as base64. Proves that
 * a bundle finds the ICC profile of the output intent (pdfkit's file, found
 * through pdfmake) and that the combined bytes are the same in any process.
 */
import { PdfConcatenator } from '../../../main/core/pdf/concat';
import { din5008Letter } from '../../../main/core/pdf/layouts/din5008-letter';
import { renderPdf } from '../../../main/core/pdf/render';
import { sampleLetterContent } from '../sample-letter';

async function main(): Promise<void> {
  const letter = (await renderPdf(din5008Letter(sampleLetterContent()))).bytes;
  const combined = new PdfConcatenator({ title: 'Serienbrief: Probe (2 Briefe)', language: 'de-DE', creationDate: new Date('2026-11-25T10:00:00Z') });
  combined.add(letter, { newSheet: true });
  combined.add(letter, { newSheet: true });
  process.stdout.write(combined.finish().toString('base64'));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
