import type { Page } from '@playwright/test';
import fs from 'node:fs';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, test, type LotseHost } from './fixtures';
import { shots, WIDE } from './shots';

/**
 * Issue 13, item 5: the audit trail is visible. A person's record exported
 * with "Daten exportieren" shows on the Protokoll screen; filtering by action
 * narrows the list; the CSV of the filtered lines (for German Excel) holds
 * it. The host is shared with other specs: nothing here changes settings,
 * and filters live only in the page.
 */

async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

test('Protokoll shows the export of a person, narrows by action, and gives it as CSV', async ({ page, lotse, requests }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  const client = await api(page, lotse, 'clients.create', { familyName: 'Protokollowa', givenName: 'Irina' });

  // "Daten exportieren" on the client's screen.
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/clients/${encodeURIComponent(client.id)}`,
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Stammdaten' })).toBeVisible();
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Daten exportieren' }).click();
  expect((await zip).suggestedFilename()).toMatch(/\.zip$/);

  // The Protokoll screen, from the main navigation: the export is the newest line.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Protokolleinträge' });
  const exportRow = table.getByRole('row').filter({ hasText: client.id });
  await expect(exportRow.first()).toContainText('Daten einer Person exportiert');
  await expect(exportRow.first()).toContainText('Klient*in');
  await expect(exportRow.first()).toContainText('Erika Mustermann');
  await expect(table.getByRole('row').nth(1)).toContainText('Daten einer Person exportiert');
  const allLines = await table.getByRole('row').count();
  await expectNoSeriousA11yViolations(page, 'Protokoll');
  await shots(page, 'audit', (name) => testInfo.outputPath(name));

  // Filter by action, with the keyboard: only export lines remain, the person's among them.
  const action = page.getByLabel('Aktion', { exact: true });
  await action.focus();
  await action.selectOption({ label: 'Daten einer Person exportiert' });
  const status = page.getByRole('status').filter({ hasText: /^Einträge/ });
  await expect(status).toBeVisible();
  await expect(async () => {
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.slice(1).every((row) => row.includes('Daten einer Person exportiert'))).toBe(true);
    expect(rows.length).toBeLessThan(allLines);
  }).toPass();
  await expect(exportRow).toHaveCount(1);

  // …and by the person's id: exactly that line.
  await page.getByLabel('Kennung (ID)').fill(client.id);
  await expect(page.getByRole('status').filter({ hasText: 'Einträge 1–1 von 1' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'Protokoll, gefiltert');
  await shots(page, 'audit-filtered', (name) => testInfo.outputPath(name));

  // The CSV of the filtered lines, started from the keyboard.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als CSV exportieren' }).focus();
  await page.keyboard.press('Enter');
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^Protokoll-\d{4}-\d{2}-\d{2}\.csv$/);
  const saved = testInfo.outputPath(csv.suggestedFilename());
  await csv.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Zeitpunkt (UTC);Beraterin/Berater;Aktion;Bereich;Objekt;Details');
  expect(lines.filter((line) => line !== '').slice(1)).toEqual([expect.stringMatching(new RegExp(`;Erika Mustermann;clients\\.export;client;${client.id};`))]);
  await expect(page.getByRole('status').filter({ hasText: csv.suggestedFilename() })).toBeVisible();

  // The filters are the page's own: resetting shows every line again.
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(page.getByLabel('Aktion', { exact: true })).toHaveValue('');
  expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  // The host is shared: the person made up here goes again (the trail keeps that, without naming them).
  await api(page, lotse, 'clients.erase', { id: client.id });
});
