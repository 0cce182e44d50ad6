// Builds everything `npm start` and the tests run: the renderer with Vite,
// and the Node/Electron entry points bundled with esbuild. Native and
// font-carrying packages stay external: they are loaded from node_modules at
// run time (electron-builder packs them, rebuilt for Electron).
//
// `node main/build.mjs` (npm run build) builds both parts, always;
// `node main/build.mjs hosts` or `… renderer` builds that part only (main/launch.mjs
// asks for the parts that changed). Either way dist/build-stamp.json records
// what was built from which inputs (main/build-stamp.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, forgetParts, PART_NAMES, recordParts } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'fontkit'];

const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !PART_NAMES.includes(part));
if (unknown.length > 0) {
  console.error(`Unbekannter Teil „${unknown.join(', ')}“. Aufruf: node main/build.mjs [${PART_NAMES.join('] [')}]`);
  process.exit(2);
}
const parts = asked.length > 0 ? PART_NAMES.filter((part) => asked.includes(part)) : PART_NAMES;

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

async function buildHosts() {
  const { build: esbuild } = await import('esbuild');
  await Promise.all([
    esbuild(nodeBundle('main/start.ts', 'dist/start.cjs')),
    esbuild(nodeBundle('main/electron/main.ts', 'dist/electron/main.cjs')),
    // Serial letters render in a worker thread (DESIGN.md §6); both hosts start it from this file.
    esbuild(nodeBundle('main/core/services/batches/worker.ts', 'dist/batch-worker.cjs')),
    // A large partner import is read and matched in a worker thread, so the host stays responsive.
    esbuild(nodeBundle('main/core/services/partner-import/worker.ts', 'dist/partner-import-worker.cjs')),
    // Checkpoints of the store's WAL off the host's thread while a serial letter writes (main/core/db/checkpoints.ts).
    esbuild(nodeBundle('main/core/db/checkpoint-worker.ts', 'dist/checkpoint-worker.cjs')),
    // `npm run team-admin`: IT's setup of the team store on PostgreSQL (main/team-admin-launch.mjs runs it).
    esbuild(nodeBundle('main/team-admin.ts', 'dist/team-admin.cjs')),
    // A sandboxed preload may require only 'electron'; everything else is bundled in.
    esbuild({ ...nodeBundle('main/preload/preload.ts', 'dist/preload/preload.cjs'), platform: 'browser', external: ['electron'] }),
  ]);
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

const builders = { hosts: buildHosts, renderer: buildRenderer };

const started = Date.now();
// The inputs as they are before the build: a file saved while it runs makes the next start build again.
const inputs = Object.fromEntries(parts.map((part) => [part, fingerprint(root, part)]));
forgetParts(root, parts);
await Promise.all(parts.map((part) => builders[part]()));
recordParts(root, inputs);
console.log(`Lotse gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
