import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let built: string | undefined;

/**
 * The serial-letter worker bundled as main/build.mjs bundles it, for tests
 * that run the core from source. It is written inside the project (as
 * test-results/batch-worker.cjs) so that its external packages resolve from
 * node_modules as they do in dist/. Test processes run side by side: each
 * builds to a file of its own and renames it into place, which replaces the
 * file whole, so no process ever starts a half-written worker.
 */
export function batchWorkerScript(): string {
  if (built) return built;
  const target = path.join(root, 'test-results', 'batch-worker.cjs');
  const outfile = path.join(root, 'test-results', `batch-worker.${process.pid}.tmp.cjs`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'main/core/services/batches/worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'pdfmake', 'fontkit'],
    logLevel: 'warning',
  });
  fs.renameSync(outfile, target);
  built = target;
  return target;
}
