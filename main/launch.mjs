// `npm start`: builds what changed since the last build (main/build-stamp.mjs),
// or nothing, then runs the launcher dist/start.cjs in this same process
// (Electron where its binary can be had, otherwise the browser host; main/start.ts).
// With nothing changed no build tool is loaded: the check reads and hashes the
// sources in milliseconds (DESIGN.md §8: a second start does not rebuild).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTS, staleParts } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const stale = staleParts(root);
if (stale.length > 0) {
  console.log(`Seit dem letzten Bau geändert: ${stale.map((part) => PARTS[part].label).join(' und ')}; Lotse baut das neu.`);
  const build = spawnSync(process.execPath, [path.join(root, 'main/build.mjs'), ...stale], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
createRequire(import.meta.url)(path.join(root, 'dist/start.cjs'));
