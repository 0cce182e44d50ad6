/**
 * Run in a separate Node process (bundled by test/pdf/child-process.ts):
 * renders the sample letter of test/pdf/sample-letter.ts and prints its
 * sha256, for comparison with the same render elsewhere. With
 * `--after-others` it first renders the letters of LETTERS_BEFORE, so the
 * fonts pdfkit shares between documents are warm. With `--scripts` the
 * letter is scriptLetterContent (Noto fallback fonts), after
 * SCRIPT_LETTERS_BEFORE too.
 */
import { din5008Letter } from '../../../main/core/pdf/layouts/din5008-letter';
import { renderPdf } from '../../../main/core/pdf/render';
import { LETTERS_BEFORE, SCRIPT_LETTERS_BEFORE, sampleLetterContent, scriptLetterContent } from '../sample-letter';

async function main(): Promise<void> {
  const scripts = process.argv.includes('--scripts');
  if (process.argv.includes('--after-others')) {
    for (const content of scripts ? [...SCRIPT_LETTERS_BEFORE(), ...LETTERS_BEFORE()] : LETTERS_BEFORE()) await renderPdf(din5008Letter(content));
  }
  process.stdout.write((await renderPdf(din5008Letter(scripts ? scriptLetterContent() : sampleLetterContent()))).sha256);
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
