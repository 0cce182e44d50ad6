// Builds everything `npm start` and the tests run: the renderer with Vite,
// and the Node/Electron entry points bundled with esbuild. Native and
// font-carrying packages stay external: they are loaded from node_modules at
// run time (electron-builder packs them, rebuilt for Electron).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'fontkit'];

const nodeBundle = (entry, outfile) => ({
  entryPoints: [path.join(root, entry)],
  outfile: path.join(root, outfile),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
});

const started = Date.now();
await Promise.all([
  viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' }),
  esbuild(nodeBundle('main/start.ts', 'dist/start.cjs')),
  esbuild(nodeBundle('main/electron/main.ts', 'dist/electron/main.cjs')),
  // Serial letters render in a worker thread (DESIGN.md §6); both hosts start it from this file.
  esbuild(nodeBundle('main/core/services/batches/worker.ts', 'dist/batch-worker.cjs')),
  // A large partner import is read and matched in a worker thread, so the host stays responsive.
  esbuild(nodeBundle('main/core/services/partner-import/worker.ts', 'dist/partner-import-worker.cjs')),
  // A sandboxed preload may require only 'electron'; everything else is bundled in.
  esbuild({ ...nodeBundle('main/preload/preload.ts', 'dist/preload/preload.cjs'), platform: 'browser', external: ['electron'] }),
]);
console.log(`Lotse gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
