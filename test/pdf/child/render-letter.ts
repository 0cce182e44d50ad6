/**
 * Run in a separate Node process (bundled by test/pdf/child-process.ts):
 * renders the sample letter of test/pdf/sample-letter.ts and prints its
 * sha256, for comparison with the same render in the test process.
 */
import { din5008Letter } from '../../../main/core/pdf/layouts/din5008-letter';
import { renderPdf } from '../../../main/core/pdf/render';
import { sampleLetterContent } from '../sample-letter';

renderPdf(din5008Letter(sampleLetterContent()))
  .then((rendered) => process.stdout.write(rendered.sha256))
  .catch((error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.stack : error));
    process.exit(1);
  });
