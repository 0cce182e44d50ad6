import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The browser host keeps each store's key in the user's config folder (main/core/store-key.ts): tests keep theirs in a temp folder.
process.env.XDG_CONFIG_HOME ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-keys-'));

/**
 * End-to-end tests drive the real browser host in Debian's Chromium:
 * Playwright's own browser download cannot work on our build machines.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores: one browser and one host at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright-artifacts',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.LOTSE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
