import { test as base, expect, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIso } from '../../shared/domain/iso-date';
import { TEST_SETTINGS } from '../support/settings';

export interface LotseHost {
  /** The address printed at start, with the token fragment. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output(): string;
}

/** Completes the first-run setup through the API, as a script would: the letterhead of TEST_SETTINGS. */
async function completeSetup(host: LotseHost): Promise<void> {
  const response = await fetch(`${host.origin}/api/settings.update`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(TEST_SETTINGS),
  });
  const answer = (await response.json()) as { ok: boolean };
  if (!answer.ok) throw new Error(`settings.update answered ${JSON.stringify(answer)}`);
}

/**
 * Starts `node dist/start.cjs --browser …` (what `npm start` runs after
 * building), waits for its URL line and completes the setup with
 * TEST_SETTINGS, unless `freshInstall`.
 */
export async function startBrowserHost(dataDir: string, { freshInstall = false } = {}): Promise<{ host: LotseHost; process: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/start.cjs', '--browser', '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not print its URL:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  const host = { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), dataDir, output: () => output };
  if (!freshInstall) {
    try {
      await completeSetup(host);
    } catch (error) {
      child.kill('SIGTERM');
      throw error;
    }
  }
  return { process: child, host };
}

export async function stopBrowserHost(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/**
 * Each test file gets its own host and data dir, set up with TEST_SETTINGS
 * unless the file asks for a fresh install (`test.use({ freshInstall: true })`);
 * every request any page makes is recorded so tests can assert that Lotse
 * stays on loopback.
 */
export const test = base.extend<{ requests: string[] }, { lotse: LotseHost; freshInstall: boolean }>({
  freshInstall: [false, { scope: 'worker', option: true }],
  lotse: [
    async ({ freshInstall }, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-'));
      const { host, process: child } = await startBrowserHost(dataDir, { freshInstall });
      await use(host);
      await stopBrowserHost(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  requests: async ({ context }, use) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await use(requests);
  },
});

/**
 * Requests that left the app's own origin. blob: and data: URLs are local by
 * construction; chrome:// resources are served from inside the browser
 * binary (Chromium's PDF viewer loads its stylesheets from there, sometimes
 * before a test ends, sometimes after), never from the network.
 */
export function foreignRequests(requests: string[], origin: string): string[] {
  const local = [`${origin}/`, 'blob:', 'data:', 'chrome://'];
  return requests.filter((url) => !local.some((prefix) => url.startsWith(prefix)));
}

/** The app's main navigation, in either language (Start may show a second one, the deadline pager). */
export const mainNavigation = (page: Page) => page.getByRole('navigation', { name: /^(Hauptnavigation|Main navigation)$/ });

export async function openApp(page: Page, lotse: LotseHost): Promise<void> {
  await page.goto(lotse.url);
  await expect(mainNavigation(page)).toBeVisible();
}

/** Today (or a day relative to it) in the local time zone, as the host and the browser see it. */
export function isoDay(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return todayIso(date);
}

export { formatGermanDate as germanDate } from '../../shared/domain/iso-date';
export { expect };

/** Calls the host's API with its token, as a script would, and fails the test on an error answer. */
export async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value: MethodOutput<M> };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value;
}

/** Moves the app to a route as a link would, without reloading the page. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}
