/**
 * Run in a separate Node process (bundled by test/pdf/child-process.ts):
 * opens the core on a data dir and prints `documents.render` of one document
 * as JSON. Compared with the same render in the test process, it shows that a
 * reprint does not depend on anything the process holds (caches, clock, order
 * of earlier renders).
 */
import { dispatch } from '../../../main/core/api/dispatch';
import { openCore } from '../../../main/core/open-core';

async function main(): Promise<void> {
  const [dataDir, id] = process.argv.slice(2);
  if (!dataDir || !id) throw new Error('usage: render-document <dataDir> <documentId>');
  // A clock that differs from the test's: a final document must not care.
  const core = openCore({ dataDir, host: 'browser', version: '0.0.0-child', now: () => new Date() });
  try {
    const result = await dispatch(core, 'documents.render', { id });
    process.stdout.write(JSON.stringify(result));
  } finally {
    core.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
