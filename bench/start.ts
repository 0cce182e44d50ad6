import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { TEST_SETTINGS } from '../test/support/settings';
import { count, type Figure } from './stats';

/**
 * Figure 5: the browser host from process start to its URL line and to the first
 * screen drawn (Chromium navigates to the URL until the main navigation is visible),
 * on a store that was set up before (one start, not measured, saves TEST_SETTINGS);
 * and `npm start` with nothing changed since the last build, to the URL line: bench.mjs
 * built the app just before, so main/launch.mjs finds dist/build-stamp.json current
 * and builds nothing (test/unit/build-stamp.test.ts).
 */

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/m;

interface Started {
  child: ChildProcess;
  url: string;
  urlMs: number;
}

/** Spawns `command` in a process group of its own (npm starts node through a shell) and waits for the URL line. */
function startHost(command: string, args: string[]): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = URL_LINE.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, urlMs: performance.now() - started });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

/** Stops the host's process group (only the processes this bench started) and waits for it to end. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

export async function startFigures(): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-start-'));
  const dataDir = path.join(dir, 'data');
  const keyFile = path.join(dir, 'lotse.key');
  const hostArgs = ['--browser', '--no-open', '--port', '0', '--data-dir', dataDir, '--key-file', keyFile];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    // Setup (not measured): the store is made and the letterhead saved, so the app opens on its Start screen.
    const setup = await startHost(process.execPath, ['dist/start.cjs', ...hostArgs]);
    const parsed = new URL(setup.url);
    const answer = await fetch(`${parsed.origin}/api/settings.update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${parsed.hash.replace('#token=', '')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(TEST_SETTINGS),
    });
    if (!((await answer.json()) as { ok: boolean }).ok) throw new Error('settings.update refused');
    await stopHost(setup.child);

    const toUrl: number[] = [];
    const toScreen: number[] = [];
    for (let run = 0; run < count(5, 2); run += 1) {
      const started = performance.now();
      const host = await startHost(process.execPath, ['dist/start.cjs', ...hostArgs]);
      toUrl.push(host.urlMs);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByRole('navigation', { name: /^(Hauptnavigation|Main navigation)$/ }).waitFor({ state: 'visible', timeout: 30_000 });
      toScreen.push(performance.now() - started);
      await context.close();
      await stopHost(host.child);
    }

    const npmStart: number[] = [];
    for (let run = 0; run < count(3, 1); run += 1) {
      const host = await startHost('npm', ['start', '--', ...hostArgs]);
      npmStart.push(host.urlMs);
      await stopHost(host.child);
    }
    return {
      figures: [
        { figure: 'node dist/start.cjs → URL printed', unit: 'ms', samples: toUrl, goal: 'informs' },
        {
          figure: 'node dist/start.cjs → first screen drawn (Chromium)',
          unit: 'ms',
          samples: toScreen,
          goal: '≤ 1.5 s',
          check: { stat: 'median', limit: 1500 },
        },
        {
          figure: '`npm start` again, nothing changed → URL printed',
          unit: 'ms',
          samples: npmStart,
          goal: '≤ 1.5 s (no rebuild)',
          check: { stat: 'median', limit: 1500 },
        },
      ],
      raw: {},
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
