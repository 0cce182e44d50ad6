import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, startBrowserHost, stopBrowserHost, test } from './fixtures';
import { shots, WIDE } from './shots';

/**
 * Issue 13 item 1, passphrase mode, on its own browser host (the shared one
 * keeps its key file): Einstellungen → Verschlüsselung sets a passphrase; after a
 * restart Lotse shows only its unlock screen, refuses a wrong passphrase at the
 * field and opens with the right one, all by keyboard. Screenshots at
 * 1280 × 800 and 1024 × 640 go to this test's output folder (and LOTSE_SHOTS_DIR).
 */

const PASSPHRASE = 'Rurufer am Morgen 7';

test('a passphrase set in Einstellungen locks the next start; a wrong one is refused at the field, the right one opens Lotse', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-passphrase-'));
  try {
    let { host, process: child } = await startBrowserHost(dataDir);
    try {
      await page.setViewportSize(WIDE);
      await page.goto(host.url);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
      const section = page.getByRole('region', { name: 'Verschlüsselung' });
      await expect(section).toContainText('Schlüsseldatei');
      await section.getByLabel('Neue Passphrase').focus();
      await page.keyboard.type('zu kurz');
      await page.keyboard.press('Enter');
      await expect(section.getByText('Die Passphrase braucht mindestens 10 Zeichen.')).toBeVisible();
      await section.getByLabel('Neue Passphrase').fill('');
      await section.getByLabel('Neue Passphrase').focus();
      await page.keyboard.type(PASSPHRASE);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSPHRASE);
      await section.screenshot({ path: testInfo.outputPath('settings-passphrase-1280x800.png') });
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expectNoSeriousA11yViolations(page, 'the passphrase confirmation');
      await expect(dialog).toContainText('Ab dem nächsten Start fragt Lotse nach der Passphrase.');
      await dialog.getByRole('button', { name: 'Passphrase einrichten' }).click();
      await expect(section.getByText('Die Passphrase ist eingerichtet.')).toBeVisible();
      await expect(section).toContainText('Lotse fragt beim Start danach');
    } finally {
      await stopBrowserHost(child);
    }

    ({ host, process: child } = await startBrowserHost(dataDir, { freshInstall: true }));
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Lotse entsperren' })).toBeVisible();
      await expect(page.getByRole('navigation')).toHaveCount(0);
      const field = page.getByLabel('Passphrase');
      await expect(field).toBeFocused();
      await expectNoSeriousA11yViolations(page, 'the unlock screen');
      await shots(page, 'unlock', (name) => testInfo.outputPath(name));

      await page.keyboard.type('Rurufer am Abend 7');
      await page.keyboard.press('Enter');
      await expect(page.getByText('Die Passphrase ist falsch')).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toBeFocused();
      await expectNoSeriousA11yViolations(page, 'the unlock screen with its error');
      await shots(page, 'unlock-wrong', (name) => testInfo.outputPath(name));

      await page.keyboard.type(PASSPHRASE);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' })).toBeVisible();
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
      await expect(page.getByRole('region', { name: 'Verschlüsselung' })).toContainText('Lotse fragt beim Start danach');
    } finally {
      await stopBrowserHost(child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
