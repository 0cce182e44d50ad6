import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from '../../main/electron-binary';
import { expect, test } from './fixtures';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

test.describe('npm start', () => {
  test('falls back to the browser host with a one-line reason where Electron cannot be had, and stops cleanly on SIGTERM', async () => {
    test.skip(installedElectronBinary(projectDir) !== null, 'An Electron binary is installed here: npm start launches Electron (covered by electron.spec.ts).');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-start-'));
    // What `npm start` runs (package.json): after `npm run build` it builds nothing (main/build-stamp.mjs) and runs dist/start.cjs.
    const child = spawn(process.execPath, ['main/launch.mjs', '--no-open', '--port', '0', '--data-dir', dataDir], { cwd: projectDir });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/m);

    const fallback = output.split('\n').filter((line) => line.includes('Browser-Modus'));
    expect(fallback[0]).toMatch(/^Electron ist hier nicht verfügbar \(.+\); Lotse startet im Browser-Modus\.$/);
    expect(output.split('\n')[0]).toBe(fallback[0]);
    expect(output).not.toContain('Lotse baut das neu');
    expect(fs.existsSync(path.join(dataDir, 'lotse.lock'))).toBe(true);

    const exitCode = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'lotse.lock'))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('refuses an unknown flag with the usage line', async () => {
    const child = spawn(process.execPath, ['dist/start.cjs', '--browsr'], { cwd: projectDir });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(exitCode).toBe(2);
    expect(output).toContain('Unbekannte Angabe „--browsr“');
    expect(output).toContain('Aufruf: npm start');
    expect(output).toContain('[--key-file DATEI]');
  });

  test('keeps the store key in the --key-file it is given, and refuses a wrong key at start in German, changing nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-start-key-'));
    const keyFile = path.join(`${dataDir}-schluessel`, 'lotse.key');
    const start = (key: string) => {
      const child = spawn(process.execPath, ['dist/start.cjs', '--browser', '--no-open', '--port', '0', '--data-dir', dataDir, '--key-file', key], {
        cwd: projectDir,
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      return { child, output: () => output, exit: new Promise<number | null>((resolve) => child.once('exit', resolve)) };
    };
    try {
      const first = start(keyFile);
      await expect.poll(first.output, { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/m);
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(0);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const store = fs.readFileSync(path.join(dataDir, 'lotse.sqlite'));
      expect(store.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

      const wrongKey = path.join(`${dataDir}-schluessel`, 'falsch.key');
      fs.writeFileSync(wrongKey, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
      const second = start(wrongKey);
      expect(await second.exit).toBe(1);
      expect(second.output()).toContain('Der Schlüssel passt nicht zum Datenbestand');
      expect(fs.readFileSync(path.join(dataDir, 'lotse.sqlite')).equals(store)).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}-schluessel`, { recursive: true, force: true });
    }
  });
});
