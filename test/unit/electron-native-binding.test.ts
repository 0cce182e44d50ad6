import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildElectronNativeBinding,
  electronNativeBindingPath,
  ensureElectronNativeBinding,
  installedElectronVersion,
  isElectronNativeBindingCurrent,
  MissingNativeBindingError,
  nodeGypArgs,
  nodeGypCandidates,
  resolveNativeBinding,
  resolveNodeGyp,
} from '../../main/electron/native-binding';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

describe('where the Electron build of better-sqlite3-multiple-ciphers lives', () => {
  it('is dist/native/electron-<version>/better_sqlite3.node under the app root', () => {
    expect(electronNativeBindingPath('/work/lotse', '45.5.0')).toBe(path.join('/work/lotse', 'dist', 'native', 'electron-45.5.0', 'better_sqlite3.node'));
  });

  it('is not used in a packaged app (electron-builder rebuilt node_modules)', () => {
    expect(
      resolveNativeBinding({ isPackaged: true, appRoot: '/opt/Lotse/resources/app.asar', electronVersion: '45.5.0', exists: () => false }),
    ).toBeUndefined();
  });

  it('is used unpackaged when present', () => {
    const seen: string[] = [];
    const file = resolveNativeBinding({
      isPackaged: false,
      appRoot: '/work/lotse',
      electronVersion: '45.5.0',
      exists: (candidate) => (seen.push(candidate), true),
    });
    expect(file).toBe(path.join('/work/lotse', 'dist', 'native', 'electron-45.5.0', 'better_sqlite3.node'));
    expect(seen).toEqual([file]);
  });

  it('fails with instructions unpackaged when missing', () => {
    const attempt = () => resolveNativeBinding({ isPackaged: false, appRoot: '/work/lotse', electronVersion: '45.5.0', exists: () => false });
    expect(attempt).toThrow(MissingNativeBindingError);
    expect(attempt).toThrow(/npm start/);
  });

  it('reads the installed Electron version without loading electron', () => {
    expect(installedElectronVersion(projectDir)).toBe(JSON.parse(fs.readFileSync(path.join(projectDir, 'node_modules/electron/package.json'), 'utf8')).version);
  });
});

describe('finding node-gyp', () => {
  const base = { execPath: '/usr/local/bin/node', projectDir: '/work/lotse' };

  it("prefers npm's own, then the one beside node, then the project's", () => {
    expect(nodeGypCandidates({ ...base, env: { npm_config_node_gyp: '/npm/node-gyp.js' } })).toEqual([
      '/npm/node-gyp.js',
      path.join('/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
      path.join('/usr/local/bin/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
      path.join('/work/lotse/node_modules/node-gyp/bin/node-gyp.js'),
    ]);
    expect(nodeGypCandidates({ ...base, env: {} })[0]).toBe('/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  });

  it('takes the first that exists', () => {
    const only = (file: string) => (candidate: string) => candidate === file;
    expect(resolveNodeGyp({ ...base, env: { npm_config_node_gyp: '/npm/node-gyp.js' }, exists: () => true })).toBe('/npm/node-gyp.js');
    expect(resolveNodeGyp({ ...base, env: { npm_config_node_gyp: '/gone.js' }, exists: only('/work/lotse/node_modules/node-gyp/bin/node-gyp.js') })).toBe(
      '/work/lotse/node_modules/node-gyp/bin/node-gyp.js',
    );
    expect(() => resolveNodeGyp({ ...base, env: {}, exists: () => false })).toThrow(/node-gyp nicht gefunden/);
  });

  it('finds one on this machine', () => {
    expect(fs.existsSync(resolveNodeGyp({ env: process.env, execPath: process.execPath, projectDir }))).toBe(true);
  });

  it('builds against Electron headers', () => {
    expect(nodeGypArgs('45.5.0', 'x64', '/home/a/.electron-gyp')).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--devdir=/home/a/.electron-gyp',
    ]);
  });
});

describe('building the copy (with a stand-in node-gyp)', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A project with a better-sqlite3-multiple-ciphers package (whose build/ holds Node's addon) and a fake node-gyp. */
  function fakeProject(gypExitCode = 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-native-'));
    made.push(dir);
    const pkg = path.join(dir, 'node_modules', 'better-sqlite3-multiple-ciphers');
    fs.mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
    fs.mkdirSync(path.join(pkg, 'src'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.9.9' }));
    fs.writeFileSync(path.join(pkg, 'binding.gyp'), '{}');
    fs.writeFileSync(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
    fs.writeFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI');
    const gyp = path.join(dir, 'fake-node-gyp.cjs');
    // Records its arguments and what it saw, then "builds" the addon.
    fs.writeFileSync(
      gyp,
      `const fs = require('fs');
       const seen = { args: process.argv.slice(2), cwd: process.cwd(), hadOldBuild: fs.existsSync('build'), hadSource: fs.existsSync('src/better_sqlite3.cpp') };
       fs.writeFileSync(${JSON.stringify(path.join(dir, 'gyp-call.json'))}, JSON.stringify(seen));
       console.log('gyp info ok');
       if (${gypExitCode} !== 0) { console.error('gyp ERR! kaputt'); process.exit(${gypExitCode}); }
       fs.mkdirSync('build/Release', { recursive: true });
       fs.writeFileSync('build/Release/better_sqlite3.node', 'ELECTRON-ABI ' + seen.args.find((a) => a.startsWith('--target=')));`,
    );
    const gypCall = () =>
      JSON.parse(fs.readFileSync(path.join(dir, 'gyp-call.json'), 'utf8')) as { args: string[]; cwd: string; hadOldBuild: boolean; hadSource: boolean };
    return { dir, pkg, gyp, gypCall };
  }

  it('builds in a copy without build/, stores the addon and its stamp, leaves node_modules alone', async () => {
    const { dir, pkg, gyp, gypCall } = fakeProject();
    const log: string[] = [];
    const target = await buildElectronNativeBinding({ projectDir: dir, electronVersion: '45.5.0', log: (line) => log.push(line), nodeGyp: gyp, arch: 'x64' });

    expect(target).toBe(path.join(dir, 'dist', 'native', 'electron-45.5.0', 'better_sqlite3.node'));
    expect(fs.readFileSync(target, 'utf8')).toBe('ELECTRON-ABI --target=45.5.0');
    expect(fs.readFileSync(path.join(path.dirname(target), 'better-sqlite3-multiple-ciphers.version'), 'utf8')).toBe('12.9.9');
    expect(fs.existsSync(`${target}.partial`)).toBe(false);

    const call = gypCall();
    expect(call.args).toEqual(expect.arrayContaining(['rebuild', '--release', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers']));
    expect(call.hadOldBuild).toBe(false);
    expect(call.hadSource).toBe(true);
    expect(path.resolve(call.cwd)).not.toBe(path.resolve(pkg));
    expect(fs.existsSync(call.cwd)).toBe(false); // the temp copy is gone
    expect(fs.readFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE-ABI');
    expect(log).toContain('  gyp info ok');
    expect(isElectronNativeBindingCurrent(dir, '45.5.0')).toBe(true);
  });

  it('reports a failed build with node-gyp output and leaves no addon', async () => {
    const { dir, gyp } = fakeProject(3);
    const attempt = buildElectronNativeBinding({ projectDir: dir, electronVersion: '45.5.0', log: () => {}, nodeGyp: gyp });
    await expect(attempt).rejects.toThrow(/Exit-Code 3[\s\S]*gyp ERR! kaputt/);
    expect(fs.existsSync(electronNativeBindingPath(dir, '45.5.0'))).toBe(false);
  });

  it('ensure builds only when the copy is missing or stale', async () => {
    const { dir, pkg, gyp } = fakeProject();
    const callFile = path.join(dir, 'gyp-call.json');
    const ensure = () => ensureElectronNativeBinding({ projectDir: dir, electronVersion: '45.5.0', log: () => {}, nodeGyp: gyp });

    expect(isElectronNativeBindingCurrent(dir, '45.5.0')).toBe(false);
    await ensure();
    expect(fs.existsSync(callFile)).toBe(true);

    fs.rmSync(callFile);
    await expect(ensure()).resolves.toBe(electronNativeBindingPath(dir, '45.5.0'));
    expect(fs.existsSync(callFile)).toBe(false); // current: not rebuilt

    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.10.0' }));
    expect(isElectronNativeBindingCurrent(dir, '45.5.0')).toBe(false);
    await ensure();
    expect(fs.existsSync(callFile)).toBe(true); // stale: rebuilt
    expect(fs.readFileSync(path.join(dir, 'dist', 'native', 'electron-45.5.0', 'better-sqlite3-multiple-ciphers.version'), 'utf8')).toBe('12.10.0');
  });
});
