import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

// __dirname, not import.meta: the bench's CommonJS bundle loads this file too (through test/support/core.ts), and vitest gives both.
const root = path.resolve(__dirname, '../..');
const built = new Map<string, string>();

/**
 * A worker bundled as main/build.mjs bundles it, for tests that run the core
 * from source. It is written inside the project (as test-results/<name>.cjs)
 * so that its external packages resolve from node_modules as they do in
 * dist/. Test processes run side by side: each builds to a file of its own
 * and renames it into place, which replaces the file whole, so no process
 * ever starts a half-written worker.
 */
function bundledWorker(entry: string, name: string): string {
  const done = built.get(name);
  if (done) return done;
  const target = path.join(root, 'test-results', `${name}.cjs`);
  const outfile = path.join(root, 'test-results', `${name}.${process.pid}.tmp.cjs`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'fontkit'],
    logLevel: 'warning',
  });
  fs.renameSync(outfile, target);
  built.set(name, target);
  return target;
}

/** The serial-letter worker. */
export const batchWorkerScript = (): string => bundledWorker('main/core/services/batches/worker.ts', 'batch-worker');

/** The checkpoint worker. */
export const checkpointWorkerScript = (): string => bundledWorker('main/core/db/checkpoint-worker.ts', 'checkpoint-worker');

/** The partner-import worker. */
export const importWorkerScript = (): string => bundledWorker('main/core/services/partner-import/worker.ts', 'partner-import-worker');
