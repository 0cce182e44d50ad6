import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * `npm start` (main/launch.mjs) builds what changed since the last build, or
 * nothing (main/build-stamp.mjs, DESIGN.md §8). Run here on a small copy of
 * the project: the real launcher, build script and stamp, with esbuild and
 * Vite replaced by stand-ins that write the outputs and log each call, and a
 * dist/start.cjs that prints the arguments it was started with.
 */

const ROOT = path.resolve(__dirname, '../..');

const FAKE_ESBUILD = `import fs from 'node:fs';
import path from 'node:path';
export async function build(options) {
  const root = path.resolve(path.dirname(options.outfile), options.outfile.includes('/dist/') ? options.outfile.slice(0, options.outfile.indexOf('/dist/')) : '.');
  fs.appendFileSync(path.join(root, 'build-log.txt'), 'esbuild ' + path.relative(root, options.outfile) + '\\n');
  if (process.env.FAKE_BUILD_FAILS) throw new Error('esbuild failed');
  if (process.env.FAKE_EDIT_DURING_BUILD) fs.appendFileSync(path.join(root, process.env.FAKE_EDIT_DURING_BUILD), '// saved while building\\n');
  fs.mkdirSync(path.dirname(options.outfile), { recursive: true });
  const program = options.outfile.endsWith('start.cjs')
    ? "console.log('START ' + JSON.stringify(process.argv.slice(2)));"
    : options.outfile.endsWith('team-admin.cjs')
      ? "console.log('TEAM-ADMIN ' + JSON.stringify(process.argv.slice(2)));"
      : '';
  fs.writeFileSync(options.outfile, program + '// ' + Math.random() + '\\n');
}
`;

const FAKE_VITE = `import fs from 'node:fs';
import path from 'node:path';
export async function build({ configFile }) {
  const root = path.resolve(path.dirname(configFile), '..');
  fs.appendFileSync(path.join(root, 'build-log.txt'), 'vite\\n');
  fs.mkdirSync(path.join(root, 'dist/renderer/assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/renderer/index.html'), '<!doctype html>' + Math.random());
  fs.writeFileSync(path.join(root, 'dist/renderer/assets/index.js'), '// ' + Math.random());
}
`;

let temp: { dir: string; cleanup(): void };

function write(relative: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(temp.dir, relative)), { recursive: true });
  fs.writeFileSync(path.join(temp.dir, relative), content);
}

/** What the stand-ins built (one line per esbuild bundle, 'vite' for the renderer), and forgets it. */
function built(): string[] {
  const log = path.join(temp.dir, 'build-log.txt');
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  fs.rmSync(log, { force: true });
  return lines
    .map((line) => (line.startsWith('esbuild') ? 'hosts' : 'renderer'))
    .filter((part, index, all) => all.indexOf(part) === index)
    .sort();
}

function run(script: string, args: string[] = [], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: temp.dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `npm start -- --browser --port 0`, as package.json runs it. */
const npmStart = (env: Record<string, string> = {}) => run('main/launch.mjs', ['--browser', '--port', '0'], env);

beforeEach(() => {
  temp = makeTempDir('lotse-build-stamp-');
  for (const file of ['main/launch.mjs', 'main/team-admin-launch.mjs', 'main/build.mjs', 'main/build-stamp.mjs'])
    write(file, fs.readFileSync(path.join(ROOT, file), 'utf8'));
  write('node_modules/esbuild/package.json', JSON.stringify({ name: 'esbuild', type: 'module', main: 'index.js' }));
  write('node_modules/esbuild/index.js', FAKE_ESBUILD);
  write('node_modules/vite/package.json', JSON.stringify({ name: 'vite', type: 'module', main: 'index.js' }));
  write('node_modules/vite/index.js', FAKE_VITE);
  write('node_modules/.package-lock.json', '{"lockfileVersion":3}');
  write('package.json', '{"name":"lotse","version":"0.1.0"}');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('tsconfig.json', '{}');
  write('main/start.ts', 'export {};');
  write('main/core/services/clients.ts', 'export const clients = 1;');
  write('shared/api/contract.ts', 'export const contract = {};');
  write('renderer/vite.config.ts', 'export default {};');
  write('renderer/src/app.tsx', 'export const App = () => null;');
});

afterEach(() => temp.cleanup());

describe('npm start builds only what changed', () => {
  it('builds everything when there is no dist/, then starts with the arguments it was given', () => {
    const first = npmStart();
    expect(first.status).toBe(0);
    expect(first.output).toContain('Seit dem letzten Bau geändert: Hosts und Oberfläche; Lotse baut das neu.');
    expect(first.output).toContain('START ["--browser","--port","0"]');
    expect(built()).toEqual(['hosts', 'renderer']);
  });

  it('npm run team-admin builds the hosts alone (on a fresh clone, or after a change), says so on stderr, and leaves stdout to the CLI', () => {
    const teamAdmin = () => spawnSync(process.execPath, ['main/team-admin-launch.mjs', 'init', '--url', 'postgres://x'], { cwd: temp.dir, encoding: 'utf8' });
    const first = teamAdmin();
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('TEAM-ADMIN ["init","--url","postgres://x"]\n');
    expect(first.stderr).toContain('Seit dem letzten Bau geändert: Hosts; Lotse baut das neu.');
    expect(built()).toEqual(['hosts']);
    const second = teamAdmin();
    expect([second.stdout, second.stderr]).toEqual(['TEAM-ADMIN ["init","--url","postgres://x"]\n', '']);
    expect(built()).toEqual([]);
    write('main/core/services/clients.ts', 'export const clients = 3;');
    expect(teamAdmin().status).toBe(0);
    expect(built()).toEqual(['hosts']);
  });

  it('builds nothing the second time with nothing changed, and says nothing about building', () => {
    npmStart();
    built();
    const second = npmStart();
    expect(second.status).toBe(0);
    expect(second.output).toBe('START ["--browser","--port","0"]\n');
    expect(built()).toEqual([]);
  });

  it('builds the hosts alone after a change in main/, the renderer alone after one in renderer/, both after one in shared/', () => {
    npmStart();
    built();
    write('main/core/services/clients.ts', 'export const clients = 2;');
    expect(npmStart().output).toContain('Seit dem letzten Bau geändert: Hosts; Lotse baut das neu.');
    expect(built()).toEqual(['hosts']);
    write('renderer/src/app.tsx', 'export const App = () => "Lotse";');
    expect(npmStart().output).toContain('Seit dem letzten Bau geändert: Oberfläche; Lotse baut das neu.');
    expect(built()).toEqual(['renderer']);
    write('shared/api/contract.ts', 'export const contract = { a: 1 };');
    npmStart();
    expect(built()).toEqual(['hosts', 'renderer']);
    expect(npmStart().output).not.toContain('baut das neu');
    expect(built()).toEqual([]);
  });

  it('builds again after a file is added or removed, or the packages or the build script change', () => {
    const changes = [
      () => write('shared/new-part.ts', 'export {};'),
      () => fs.rmSync(path.join(temp.dir, 'shared/new-part.ts')),
      () => write('package-lock.json', '{"lockfileVersion":3,"packages":{}}'),
      () => write('node_modules/.package-lock.json', '{"lockfileVersion":3,"packages":{}}'),
      () => fs.appendFileSync(path.join(temp.dir, 'main/build.mjs'), '\n// changed\n'),
    ];
    npmStart();
    built();
    for (const change of changes) {
      change();
      npmStart();
      expect(built(), String(change)).toEqual(['hosts', 'renderer']);
    }
  });

  it('goes by content: a file saved again unchanged needs no build, a change that keeps size and time does', () => {
    npmStart();
    built();
    const file = path.join(temp.dir, 'main/core/services/clients.ts');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    npmStart();
    expect(built()).toEqual([]);
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'export const clients = 9;');
    fs.utimesSync(file, mtime, mtime);
    npmStart();
    expect(built()).toEqual(['hosts']);
  });

  it('builds again when an output is missing or is not the file the recorded build wrote', () => {
    npmStart();
    built();
    fs.rmSync(path.join(temp.dir, 'dist/batch-worker.cjs'));
    npmStart();
    expect(built()).toEqual(['hosts']);
    fs.rmSync(path.join(temp.dir, 'dist/renderer/assets/index.js'));
    npmStart();
    expect(built()).toEqual(['renderer']);
    // Another checkout's build wrote over dist/ and left the stamp.
    fs.writeFileSync(path.join(temp.dir, 'dist/start.cjs'), "console.log('START old');");
    npmStart();
    expect(built()).toEqual(['hosts']);
    fs.rmSync(path.join(temp.dir, 'dist/build-stamp.json'));
    npmStart();
    expect(built()).toEqual(['hosts', 'renderer']);
  });

  it('starts nothing after a failed build, and builds again at the next start', () => {
    npmStart();
    built();
    write('main/start.ts', 'export const broken = true;');
    const failed = npmStart({ FAKE_BUILD_FAILS: '1' });
    expect(failed.status).not.toBe(0);
    expect(failed.output).not.toContain('START');
    built();
    npmStart();
    expect(built()).toEqual(['hosts']);
  });

  it('builds again when a source is saved while the build runs', () => {
    npmStart();
    built();
    write('main/start.ts', 'export const edited = 1;');
    npmStart({ FAKE_EDIT_DURING_BUILD: 'main/start.ts' });
    expect(built()).toEqual(['hosts']);
    npmStart();
    expect(built()).toEqual(['hosts']);
    npmStart();
    expect(built()).toEqual([]);
  });

  it('npm run build builds everything every time, and leaves a stamp npm start trusts', () => {
    expect(run('main/build.mjs').status).toBe(0);
    expect(built()).toEqual(['hosts', 'renderer']);
    expect(run('main/build.mjs').status).toBe(0);
    expect(built()).toEqual(['hosts', 'renderer']);
    expect(run('main/build.mjs', ['renderer']).status).toBe(0);
    expect(built()).toEqual(['renderer']);
    expect(npmStart().output).toBe('START ["--browser","--port","0"]\n');
    expect(built()).toEqual([]);
  });
});
