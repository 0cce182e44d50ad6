import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Partner } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, openApp, test, type LotseHost } from './fixtures';

/**
 * A large import in the network screen (issue 12): the file is checked in
 * the host's worker while the screen shows how far it has got, and the
 * counselor can cancel it from the keyboard, after which nothing is saved.
 * A small file is then imported to the end. Only entries of its own
 * ("Importprobe …") are written; the seeded directory is left alone.
 */

const PREFIX = 'Importprobe';

// A trace would copy the 16 MB upload into its network log, stalling the page for seconds: long enough to miss the whole import.
test.use({ trace: 'off' });

async function ownEntries(request: APIRequestContext, lotse: LotseHost): Promise<Partner[]> {
  const response = await request.post(`${lotse.origin}/api/partners.list`, {
    headers: { Authorization: `Bearer ${lotse.token}` },
    data: { query: PREFIX, includeArchived: true },
  });
  return ((await response.json()) as { value: { items: Partner[] } }).value.items;
}

/** `count` organizations with short ids and names: 250,000 of them stay within the 20 MB a file may have and take the worker long enough to watch. */
function hsdsFile(path: string, count: number, label: string): string {
  const organizations = Array.from({ length: count }, (_, index) => ({ id: `importprobe-${label}-${index}`, name: `${PREFIX} ${label} ${index}` }));
  fs.writeFileSync(path, JSON.stringify({ organizations }));
  return path;
}

async function openImport(page: Page, file: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Netzwerk' })).toBeVisible();
  await page.getByLabel(/^Datei\(en\):/).setInputFiles(file);
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
}

test('a large import shows its progress and is cancelled from the keyboard, saving nothing; a small one is applied', async ({ page, lotse }, testInfo) => {
  // Two large files checked on a machine shared with other tests.
  test.setTimeout(180_000);
  await openApp(page, lotse);
  expect(await ownEntries(page.request, lotse)).toEqual([]);

  const large = hsdsFile(testInfo.outputPath('gross.json'), 250_000, 'gross');
  await openImport(page, large);
  const progress = page.locator('p').filter({ hasText: /^Eintrag [\d.]+ von 250\.000 geprüft$/ });
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Fortschritt des Imports' })).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Import abbrechen' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Import abgebrochen. Es wurde nichts gespeichert.' })).toBeVisible();
  await expect(cancel).toHaveCount(0);
  // The host stayed responsive throughout, and nothing of the file is in the directory.
  expect(await ownEntries(page.request, lotse)).toEqual([]);

  // The screen while an import runs, checked by axe; the check takes a while, so the import may have finished by then: it is only a preview.
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('import-progress.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'Import läuft');
  if (await cancel.isVisible()) await cancel.click();
  await expect(page.getByText('Import abgebrochen. Es wurde nichts gespeichert.').or(page.getByRole('group', { name: 'Vorschau: gross.json' }))).toBeVisible();
  expect(await ownEntries(page.request, lotse)).toEqual([]);

  await page.getByLabel(/^Datei\(en\):/).setInputFiles(hsdsFile(testInfo.outputPath('klein.json'), 3, 'klein'));
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  const preview = page.getByRole('group', { name: 'Vorschau: klein.json' });
  await expect(preview).toContainText('3 neu, 0 geändert, 0 unverändert');
  await preview.getByRole('button', { name: 'Import übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import übernommen: 3 neu, 0 geändert, 0 unverändert.' })).toBeVisible();
  expect((await ownEntries(page.request, lotse)).map((partner) => partner.name).sort()).toEqual([0, 1, 2].map((index) => `${PREFIX} klein ${index}`));
});
