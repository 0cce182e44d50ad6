import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { makeTempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs one of test/pdf/child/*.ts in a fresh Node process, bundled with
 * esbuild as the app's own entry points are (main/build.mjs: pdfmake, fontkit
 * and better-sqlite3 stay external, loaded from the repo's node_modules).
 * Returns what the script writes to stdout.
 */
export function runInChildProcess(script: string, args: string[] = []): string {
  const temp = makeTempDir('lotse-child-');
  try {
    const outfile = path.join(temp.dir, `${path.basename(script, '.ts')}.cjs`);
    buildSync({
      entryPoints: [path.join(__dirname, 'child', script)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', 'better-sqlite3', 'pdfmake', 'fontkit'],
      logLevel: 'error',
    });
    if (!fs.existsSync(outfile)) throw new Error(`esbuild wrote no ${outfile}`);
    return execFileSync(process.execPath, [outfile, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // The bundle lives in a temp dir: the external packages come from the repo.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
  } finally {
    temp.cleanup();
  }
}
