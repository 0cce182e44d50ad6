import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from '../../main/electron-binary';
import { ensureElectronNativeBinding } from '../../main/electron/native-binding';

/**
 * The Electron host end to end (DESIGN.md §7). Runs where an Electron binary
 * is installed; elsewhere it reports itself skipped with the reason.
 */
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
// Found without require('electron'), which would try to download the binary.
const executablePath = installedElectronBinary(projectDir);

test.skip(executablePath === null, 'Electron binary not available on this machine (it cannot be downloaded here); the Electron host is covered by unit tests');

interface LotseWindow {
  lotse: { call(method: string, input?: unknown): Promise<unknown>; on(event: string, listener: (payload: unknown) => void): () => void };
  require?: unknown;
  process?: unknown;
}

test.describe('Electron host', () => {
  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(async () => {
    // `npm start` builds the Electron copy of better-sqlite3; this spec launches Electron directly.
    test.setTimeout(15 * 60_000);
    await ensureElectronNativeBinding({ projectDir, log: (line) => console.log(line) });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-electron-'));
    app = await electron.launch({
      executablePath: executablePath!,
      args: [path.join(projectDir, 'dist', 'electron', 'main.cjs'), '--data-dir', dataDir],
      cwd: projectDir,
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the window with the German UI from the app scheme', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: /Lotse/ }).first()).toBeVisible();
    expect(page.url()).toMatch(/^lotse:\/\/app\//);
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('Lotse');
  });

  test('calls the core over IPC as the electron host', async () => {
    const page = await app.firstWindow();
    const info = await page.evaluate(() => (window as unknown as LotseWindow).lotse.call('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const unknown = await page.evaluate(() => (window as unknown as LotseWindow).lotse.call('no.such.method', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  test('gives the page no Node and no IPC beyond the bridge', async () => {
    const page = await app.firstWindow();
    const exposed = await page.evaluate(() => {
      const w = window as unknown as LotseWindow;
      return { require: typeof w.require, process: typeof w.process, bridge: Object.keys(w.lotse).sort() };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'on'] });
  });

  test('blocks navigation away from the app and new windows', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      window.open('https://example.org/', '_blank');
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^lotse:\/\/app\//);
    expect(app.windows()).toHaveLength(1);
  });
});
