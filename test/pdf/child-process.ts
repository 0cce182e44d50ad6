import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bundleChildScript } from '../support/child-bundle';
import { makeTempDir } from '../support/temp-dir';

/**
 * Runs one of test/pdf/child/*.ts in a fresh Node process, bundled as the
 * app's own entry points are (test/support/child-bundle.ts). Returns what
 * the script writes to stdout.
 */
export function runInChildProcess(script: string, args: string[] = []): string {
  const temp = makeTempDir('lotse-child-');
  try {
    const child = bundleChildScript(path.join(__dirname, 'child', script), temp.dir);
    return execFileSync(process.execPath, [child.file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: child.env });
  } finally {
    temp.cleanup();
  }
}
