import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

export interface ChildBundle {
  /** The .cjs file to run with Node. */
  file: string;
  /** The environment to run it in: the bundle lives in a temp dir, its external packages come from the repo. */
  env: NodeJS.ProcessEnv;
}

/**
 * Bundles a test's child script (TypeScript) into `outDir` with esbuild, as
 * the app's own entry points are (main/build.mjs: pdfmake, fontkit and
 * better-sqlite3 stay external). `withoutPdf` puts a pdfmake in front that
 * throws when used: loading the real one costs half a second per start, too
 * much for a child that is started hundreds of times and never prints.
 */
export function bundleChildScript(entry: string, outDir: string, { withoutPdf = false } = {}): ChildBundle {
  const file = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  buildSync({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'fontkit'],
    logLevel: 'error',
  });
  if (!fs.existsSync(file)) throw new Error(`esbuild wrote no ${file}`);
  const modulePaths = [path.join(ROOT, 'node_modules')];
  if (withoutPdf) {
    const stubs = path.join(outDir, 'stubs');
    fs.mkdirSync(path.join(stubs, 'pdfmake'), { recursive: true });
    fs.writeFileSync(
      path.join(stubs, 'pdfmake', 'index.js'),
      "module.exports = new Proxy({}, { get() { throw new Error('pdfmake is left out of this test child'); } });\n",
    );
    modulePaths.unshift(stubs);
  }
  return { file, env: { ...process.env, NODE_PATH: modulePaths.join(path.delimiter) } };
}
