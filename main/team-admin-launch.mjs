// `npm run team-admin -- …`: builds the hosts when their sources changed since
// the last build (main/build-stamp.mjs; on a fresh clone, once), then runs the
// CLI dist/team-admin.cjs (main/team-admin.ts) in this same process. The build
// talks on stderr, so stdout carries only what team-admin prints.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleParts } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (staleParts(root).includes('hosts')) {
  console.error('Seit dem letzten Bau geändert: Hosts; Lotse baut das neu.');
  const build = spawnSync(process.execPath, [path.join(root, 'main/build.mjs'), 'hosts'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
createRequire(import.meta.url)(path.join(root, 'dist/team-admin.cjs'));
