/**
 * Run in a separate Node process (bundled by test/pdf/child-process.ts as the
 * app's entry points are, pdfmake and fontkit external): starts the browser
 * host's server on a fresh store, answers the Start screen's calls, and then
 * prints a letter. Prints as JSON which of the PDF packages Node had loaded
 * after the start and after the letter, and how many parsed fonts pdfkit
 * shares (fonts.ts), so the test sees that a start pays for no PDF code and
 * the first document still gets fontkit's sharing wrapper.
 */
import { randomBytes } from 'node:crypto';
import { dispatch } from '../../../main/core/api/dispatch';
import { openCore } from '../../../main/core/open-core';
import { loadedFallbackFamilies, sharedFontCount } from '../../../main/core/pdf/fonts';
import { din5008Letter } from '../../../main/core/pdf/layouts/din5008-letter';
import { renderPdf } from '../../../main/core/pdf/render';
import { startWebHost } from '../../../main/web/server';
import { sampleLetterContent } from '../sample-letter';

const PDF_PACKAGES = ['pdfmake', 'pdfkit', 'fontkit'];

function loadedPdfPackages(): string[] {
  const files = Object.keys(require.cache);
  return PDF_PACKAGES.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)));
}

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: start-then-print <dataDir>');
  const core = openCore({ dataDir, host: 'browser', version: '0.0.0-child' });
  const token = randomBytes(32).toString('hex');
  const host = await startWebHost({ core, port: 0, token, staticDir: dataDir });
  try {
    const call = async (method: string, input: unknown) => {
      const answer = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await answer.json()) as { ok: boolean }).ok;
    };
    const started = { appInfo: await call('app.info', {}), deadlines: await call('deadlines.list', { limit: 25 }), loaded: loadedPdfPackages() };
    const letter = await renderPdf(din5008Letter(sampleLetterContent()));
    const check = await dispatch(core, 'app.info', {});
    process.stdout.write(
      JSON.stringify({
        started,
        printed: {
          pages: letter.pages,
          loaded: loadedPdfPackages(),
          sharedFonts: sharedFontCount(),
          fallbackFamilies: loadedFallbackFamilies(),
          appInfo: check.ok,
        },
      }),
    );
  } finally {
    await host.close();
    core.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
