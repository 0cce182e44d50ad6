import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let built: string | undefined;

/**
 * The serial-letter worker bundled as main/build.mjs bundles it, for tests
 * that run the core from source. It is written inside the project (under
 * test-results/, one file per test process) so that its external packages
 * resolve from node_modules as they do in dist/.
 */
export function batchWorkerScript(): string {
  if (built) return built;
  const outfile = path.join(root, 'test-results', `batch-worker-${process.pid}.cjs`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'main/core/services/batch-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'pdfmake', 'fontkit'],
    logLevel: 'warning',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  built = outfile;
  return outfile;
}
