import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, test } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * Issue 15: the network screen exports the directory as HSDS 3.0 in the
 * form the counselor picks: full organizations as one JSON file (the
 * default), or the tabular package as a ZIP, saved as its bytes.
 */

async function openNetwork(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Netzwerk' })).toBeVisible();
}

test.describe('network: HSDS export', () => {
  test('the counselor picks the form; the JSON file and the ZIP package download as what they are', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    await openNetwork(page);
    const choice = page.getByRole('group', { name: 'Exportformat (HSDS 3.0)' });
    const json = choice.getByRole('radio', { name: 'Organisationen als JSON-Datei' });
    const zip = choice.getByRole('radio', { name: 'Tabellenpaket als ZIP-Datei' });
    await expect(json).toBeChecked();
    await expect(zip).not.toBeChecked();
    await choice.scrollIntoViewIfNeeded();
    for (const size of [WIDE, SMALL]) {
      await page.setViewportSize(size);
      await expectNoSeriousA11yViolations(page, `Netzwerk: Export ${size.width}x${size.height}`);
    }
    await page.setViewportSize(WIDE);
    const share = page.getByRole('region', { name: 'Teilen' });
    await shots(page, 'network-export-choice', (name) => testInfo.outputPath(name), share);

    // The default: one JSON file, an HSDS /organizations page.
    let downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Netzwerk exportieren' }).click();
    const jsonDownload = await downloading;
    expect(jsonDownload.suggestedFilename()).toMatch(/^netzwerk-hsds-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonPath = testInfo.outputPath(jsonDownload.suggestedFilename());
    await jsonDownload.saveAs(jsonPath);
    const pageObject = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { total_items: number; contents: Array<{ id: string; name: string }> };
    expect(pageObject.total_items).toBe(pageObject.contents.length);
    expect(pageObject.contents.map((organization) => organization.name)).toContain('Jugendmigrationsdienst (JMD)');
    await expect(page.getByRole('status').filter({ hasText: jsonDownload.suggestedFilename() })).toBeVisible();

    // The package: chosen by keyboard, saved as ZIP bytes (not base64 text).
    await json.focus();
    await page.keyboard.press('ArrowDown');
    await expect(zip).toBeChecked();
    downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Netzwerk exportieren' }).click();
    const zipDownload = await downloading;
    expect(zipDownload.suggestedFilename()).toMatch(/^netzwerk-hsds-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipPath = testInfo.outputPath(zipDownload.suggestedFilename());
    await zipDownload.saveAs(zipPath);
    const bytes = fs.readFileSync(zipPath);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['datapackage.json', 'organizations.csv', 'services.csv', 'addresses.csv']));
    expect(strFromU8(files['organizations.csv']!)).toContain('Jugendmigrationsdienst (JMD)');
    await expect(page.getByRole('status').filter({ hasText: zipDownload.suggestedFilename() })).toBeVisible();
    await shots(page, 'network-export-done', (name) => testInfo.outputPath(name), share);
    await expectNoSeriousA11yViolations(page, 'Netzwerk: Export fertig');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });
});
