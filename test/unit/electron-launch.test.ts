import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../main/launch-options';
import { appRootFromMainDir, electronAppArgs, readAppVersion, resolveDataDir } from '../../main/electron/launch';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

describe('Electron host arguments', () => {
  it('drops the executable, Chromium switches and the app path when unpackaged', () => {
    const argv = ['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '--data-dir', '/tmp/daten'];
    expect(electronAppArgs(argv, false)).toEqual(['--data-dir', '/tmp/daten']);
    expect(electronAppArgs(['/x/electron', '.'], false)).toEqual([]);
    expect(electronAppArgs(['/x/electron'], false)).toEqual([]);
  });

  it('drops only the executable when packaged', () => {
    expect(electronAppArgs(['/opt/Lotse/lotse', '--data-dir', '/tmp/daten', '--no-sandbox'], true)).toEqual(['--data-dir', '/tmp/daten', '--no-sandbox']);
  });

  it('yields the data dir through the shared flag parser, ignoring Chromium switches', () => {
    const argv = ['/x/electron', '--no-sandbox', 'dist/electron/main.cjs', '--data-dir=/tmp/daten', '--enable-logging'];
    expect(parseLaunchOptions(electronAppArgs(argv, false), { ignoreUnknownSwitches: true }).dataDir).toBe('/tmp/daten');
  });

  it('uses --data-dir, resolved, or <appData>/Lotse', () => {
    expect(resolveDataDir('/tmp/daten', '/home/a/.config')).toBe('/tmp/daten');
    expect(resolveDataDir('rel/daten', '/home/a/.config', '/work')).toBe(path.resolve('/work', 'rel/daten'));
    expect(resolveDataDir(undefined, '/home/a/.config')).toBe(path.join('/home/a/.config', 'Lotse'));
  });

  it('finds the app root and its version', () => {
    expect(appRootFromMainDir('/opt/lotse/resources/app.asar/dist/electron')).toBe(path.resolve('/opt/lotse/resources/app.asar'));
    expect(appRootFromMainDir(path.join(projectDir, 'dist', 'electron'))).toBe(path.resolve(projectDir));
    expect(readAppVersion(projectDir)).toMatch(/^\d+\.\d+\.\d+/);
    expect(readAppVersion(projectDir)).toBe(JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')).version);
    expect(readAppVersion(path.join(projectDir, 'does-not-exist'))).toBeUndefined();
  });
});
