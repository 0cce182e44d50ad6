import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, test } from './fixtures';

const HOSTILE_GIVEN_NAME = '<script>alert("x")</script> Văn';

/**
 * The README shows this screen (test/e2e/screenshots/letter.png). Every run
 * takes it into test-results; `LOTSE_UPDATE_README_SCREENSHOT=1` also
 * replaces the committed file, so an ordinary run leaves the tree clean.
 */
const README_SCREENSHOT = fileURLToPath(new URL('screenshots/letter.png', import.meta.url));

test.describe('the first slice: client → search → letter as PDF', () => {
  test('a counselor creates a client, finds them and prints a letter to them', async ({ page, lotse, requests }, testInfo) => {
    // Seven axe runs and a PDF: about 45 s when the whole suite shares the two cores.
    test.setTimeout(120_000);
    await openApp(page, lotse);
    // The token travels in the fragment once and is then removed from the address bar.
    expect(page.url()).not.toContain('token=');
    await expectNoSeriousA11yViolations(page, 'Start');

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
    await expectNoSeriousA11yViolations(page, 'Klient*innen');
    await page.getByRole('button', { name: 'Neue Klient*in' }).click();
    await page.getByLabel('Familienname').fill('Nguyễn');
    await page.getByLabel('Vorname').fill(HOSTILE_GIVEN_NAME);
    await page.getByLabel('Geburtsdatum').fill('12.03.1990');
    await page.getByLabel('Straße und Hausnummer').fill('Hauptstraße 5');
    await page.getByLabel('PLZ').fill('52349');
    await page.getByLabel('Ort').fill('Düren');
    await expectNoSeriousA11yViolations(page, 'Neue Klient*in');
    await page.getByRole('button', { name: 'Speichern' }).click();

    // The client page shows the hostile name as text; no script ran.
    await expect(page.getByText(HOSTILE_GIVEN_NAME, { exact: false }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Klient*in');

    // Found by a spelling without diacritics.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
    await page.getByLabel('Suche').fill('Nguyen');
    // Other spec files share this host and have their own Nguyễn: take this one.
    const result = page.getByRole('link', { name: `Nguyễn, ${HOSTILE_GIVEN_NAME}`, exact: true }).first();
    await expect(result).toBeVisible();
    await result.click();

    // A letter is a document of the form "Freier Brief": chosen on the client's page, written in the editor.
    await page.getByRole('button', { name: 'Neues Dokument', exact: true }).click();
    await page.getByRole('group', { name: 'Vorlage', exact: true }).getByRole('radio', { name: 'Freier Brief', exact: true }).check();
    await page.getByRole('button', { name: 'Dokument anlegen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Freier Brief');
    await page.getByLabel('Betreff', { exact: true }).fill('Einladung zur Informationsveranstaltung');
    await page.getByLabel('Text', { exact: true }).fill('wir laden Sie herzlich ein.\n\nBitte bringen Sie Ihren Ausweis mit.');
    await expectNoSeriousA11yViolations(page, 'Brief');
    await page.getByRole('button', { name: 'Vorschau', exact: true }).click();

    const preview = page.getByRole('region', { name: 'Vorschau' });
    await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    await expect(preview).toHaveAttribute('aria-busy', 'false');
    await expectNoSeriousA11yViolations(page, 'Vorschau');
    await page.screenshot({ path: testInfo.outputPath('preview.png'), fullPage: true });

    const downloadPromise = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'PDF speichern' }).click();
    const download = await downloadPromise;
    const saved = testInfo.outputPath('brief.pdf');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nguyễn');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('Einladung zur Informationsveranstaltung');
    expect(text).toContain('Kommunales Integrationszentrum');
    // A draft's PDF says so in its name: Freier_Brief-<Name>-<date>-Entwurf.pdf.
    expect(download.suggestedFilename()).toMatch(/^Freier_Brief-.+-\d{4}-\d{2}-\d{2}-Entwurf\.pdf$/);
    expect(download.suggestedFilename()).toContain('Nguy');
    // Still a draft: printing a preview does not finalize.
    await expect(page.getByRole('button', { name: 'Fertigstellen', exact: true })).toBeVisible();

    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the README screenshot: a letter to a client, written and previewed', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    const response = await page.request.post(`${lotse.origin}/api/clients.create`, {
      headers: { Authorization: `Bearer ${lotse.token}` },
      data: { familyName: 'Nguyễn', givenName: 'Thị Lan', address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' } },
    });
    const client = ((await response.json()) as { value: { id: string } }).value;
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      `#/clients/${encodeURIComponent(client.id)}`,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thị Lan Nguyễn');
    await page.getByRole('button', { name: 'Neues Dokument', exact: true }).click();
    await page.getByRole('group', { name: 'Vorlage', exact: true }).getByRole('radio', { name: 'Freier Brief', exact: true }).check();
    await page.getByRole('button', { name: 'Dokument anlegen', exact: true }).click();
    await page.getByLabel('Betreff', { exact: true }).fill('Einladung zur Informationsveranstaltung Anerkennung');
    await page
      .getByLabel('Text', { exact: true })
      .fill('wir laden Sie herzlich zu unserer Informationsveranstaltung am 10.12.2026 um 10 Uhr in Zimmer 68 ein.\n\nBitte bringen Sie Ihre Zeugnisse mit.');
    await expect(page.getByRole('status').filter({ hasText: /^Gespeichert \d{2}:\d{2}$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Vorschau', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    await expect(preview).toHaveAttribute('aria-busy', 'false');
    // Moving the pointer away: no hover state in the picture.
    await page.mouse.move(0, 0);
    const shot = testInfo.outputPath('letter.png');
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    if (process.env.LOTSE_UPDATE_README_SCREENSHOT === '1') fs.copyFileSync(shot, README_SCREENSHOT);
    expect(fs.existsSync(README_SCREENSHOT), `${path.basename(README_SCREENSHOT)} for the README`).toBe(true);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('every screen is reachable by keyboard and passes axe, in German and English', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    for (const name of ['Start', 'Klient*innen', 'Dokumente', 'Netzwerk', 'Vorlagen', 'Protokoll', 'Einstellungen']) {
      const link = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true });
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page, name);
    }
    await page.getByLabel('Sprache').selectOption('en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients', exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Settings (English)');
    await page.getByLabel('Language').selectOption('de');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen', exact: true })).toBeVisible();
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a form keeps what was typed and shows German messages at the fields', async ({ page, lotse }) => {
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
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

  test('in the English interface, the messages of the core are English too', async ({ page, lotse }) => {
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByLabel('Postal code').fill('123');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Please fill this in.').first()).toBeVisible();
    await expect(page.getByText('Please enter a five-digit postal code.')).toBeVisible();
    await expect(page.getByText('Bitte eine fünfstellige Postleitzahl angeben.')).toHaveCount(0);
  });
});
