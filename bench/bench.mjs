// `npm run bench` (issue 16, DESIGN.md §8): builds the app as `npm run build` does (the
// start figures run dist/), bundles bench/run.ts with esbuild as main/build.mjs bundles
// the hosts, and runs it in a Node of its own, so that flags like --cpu-prof can be
// given: `BENCH_NODE_ARGS=--cpu-prof npm run bench`. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Which groups run: `npm run bench -- team` (argv) or BENCH_ONLY=team,letter; all when neither names one.
const only = [...(process.env.BENCH_ONLY ?? '').split(','), ...process.argv.slice(2)].filter(Boolean);
// The team group (issue 18) runs the core from source against PostgreSQL: it needs neither dist/ nor Chromium.
const teamOnly = only.length > 0 && only.every((group) => group === 'team');

// Debian's Chromium (the printToPDF comparison, the first screen) and poppler's pdfinfo, as the tests need them.
const missing = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/pdfinfo', 'poppler-utils'],
].filter(([file]) => !teamOnly && !fs.existsSync(file));
if (missing.length > 0) {
  console.error(
    `npm run bench braucht ${missing.map(([, name]) => name).join(' und ')}: apt-get install ${missing.map(([, name]) => name).join(' ')} (wie .ci/run).`,
  );
  process.exit(1);
}

if (process.env.BENCH_SKIP_BUILD !== '1' && !teamOnly) {
  const build = spawnSync(process.execPath, [path.join(root, 'main/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const outfile = path.join(root, 'bench/dist/run.cjs');
buildSync({
  // The team group's desks run in worker threads of their own (bench/team-real-desk.ts, bench/team-sim-thread.ts),
  // each from its own bundle.
  entryPoints: ['bench/run.ts', 'bench/team-real-desk.ts', 'bench/team-sim-thread.ts'].map((entry) => path.join(root, entry)),
  outdir: path.dirname(outfile),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Packages load from node_modules as they do for dist/ (pdfmake and fontkit find their fonts there).
  packages: 'external',
  logLevel: 'warning',
});

// Store keys of the bench's stores go to a temp folder, never the user's ~/.config (as test/support/key-folder.ts does for tests).
const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-keys-'));
const env = { ...process.env, XDG_CONFIG_HOME: keys };
delete env.LOTSE_KEY_FILE;
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const run = spawnSync(process.execPath, [...nodeArgs, '--enable-source-maps', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env,
});
fs.rmSync(keys, { recursive: true, force: true });
process.exit(run.status ?? 1);
