import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, test } from './fixtures';

const HOSTILE_GIVEN_NAME = '<script>alert("x")</script> Văn';

test.describe('the first slice: client → search → letter as PDF', () => {
  test('a counselor creates a client, finds them and prints a letter to them', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    // The token travels in the fragment once and is then removed from the address bar.
    expect(page.url()).not.toContain('token=');
    await expectNoSeriousA11yViolations(page, 'Start');

    await page.getByRole('navigation').getByRole('link', { name: 'Klient*innen' }).click();
    await expectNoSeriousA11yViolations(page, 'Klient*innen');
    await page.getByRole('button', { name: 'Neue Klient*in' }).click();
    await page.getByLabel('Familienname').fill('Nguyễn');
    await page.getByLabel('Vorname').fill(HOSTILE_GIVEN_NAME);
    await page.getByLabel('Geburtsdatum').fill('1990-03-12');
    await page.getByLabel('Straße und Hausnummer').fill('Hauptstraße 5');
    await page.getByLabel('PLZ').fill('52349');
    await page.getByLabel('Ort').fill('Düren');
    await expectNoSeriousA11yViolations(page, 'Neue Klient*in');
    await page.getByRole('button', { name: 'Speichern' }).click();

    // The client page shows the hostile name as text; no script ran.
    await expect(page.getByText(HOSTILE_GIVEN_NAME, { exact: false }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Klient*in');

    // Found by a spelling without diacritics.
    await page.getByRole('navigation').getByRole('link', { name: 'Klient*innen' }).click();
    await page.getByLabel('Suche').fill('Nguyen');
    const result = page.getByRole('link', { name: /Nguyễn/ }).first();
    await expect(result).toBeVisible();
    await result.click();

    await page.getByRole('button', { name: 'Brief schreiben' }).click();
    await page.getByLabel('Betreff').fill('Einladung zur Informationsveranstaltung');
    await page.getByLabel('Text').fill('wir laden Sie herzlich ein.\n\nBitte bringen Sie Ihren Ausweis mit.');
    await expectNoSeriousA11yViolations(page, 'Brief');
    await page.getByRole('button', { name: 'PDF erstellen' }).click();

    const preview = page.getByRole('region', { name: 'Vorschau' });
    await expect(preview.locator('canvas').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Vorschau');
    await page.screenshot({ path: testInfo.outputPath('preview.png'), fullPage: true });

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF speichern' }).click();
    const download = await downloadPromise;
    const saved = testInfo.outputPath('brief.pdf');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nguyễn');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('Einladung zur Informationsveranstaltung');
    expect(text).toContain('Kommunales Integrationszentrum');
    expect(path.extname(download.suggestedFilename())).toBe('.pdf');

    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('every screen is reachable by keyboard and passes axe, in German and English', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    for (const name of ['Start', 'Klient*innen', 'Dokumente', 'Netzwerk', 'Vorlagen', 'Einstellungen']) {
      const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page, name);
    }
    await page.getByLabel('Sprache').selectOption('en');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Clients', exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Settings (English)');
    await page.getByLabel('Language').selectOption('de');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Klient*innen', exact: true })).toBeVisible();
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a form keeps what was typed and shows German messages at the fields', async ({ page, lotse }) => {
    await openApp(page, lotse);
    await page.getByRole('navigation').getByRole('link', { name: 'Klient*innen' }).click();
    await page.getByRole('button', { name: 'Neue Klient*in' }).click();
    await page.getByLabel('Vorname').fill('Ayşe');
    await page.getByLabel('PLZ').fill('123');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByLabel('Familienname')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Bitte ausfüllen.').first()).toBeVisible();
    await expect(page.getByText('Bitte eine fünfstellige Postleitzahl angeben.')).toBeVisible();
    await expect(page.getByLabel('Vorname')).toHaveValue('Ayşe');
    await expectNoSeriousA11yViolations(page, 'Formular mit Fehlern');
  });
});
