import type { APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, mainNavigation, openApp, startBrowserHost, stopBrowserHost, test, type LotseHost } from './fixtures';
import { shots, WIDE } from './shots';

/**
 * Issue 12, backups through the UI: Einstellungen → Sicherungen takes a
 * backup and lists it; a store damaged on disk opens on the recovery screen,
 * which restores the newest good backup and keeps the damaged file aside.
 * Screenshots at 1280 × 800 and 1024 × 640 go to this test's output folder
 * (and to LOTSE_SHOTS_DIR when set).
 */

type ApiAnswer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function api<M extends MethodName>(request: APIRequestContext, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<ApiAnswer> {
  const response = await request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  return (await response.json()) as ApiAnswer;
}

test('Einstellungen → Sicherungen: a backup taken now is listed, checked, and its restore asks first', async ({ page, lotse, requests }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
  const section = page.getByRole('region', { name: 'Sicherungen' });
  await expect(section).toBeVisible();
  await expect(section.getByText(path.join(lotse.dataDir, 'backups'))).toBeVisible();

  await section.getByRole('button', { name: 'Sicherung jetzt erstellen' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'wurde erstellt und geprüft' })).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: 'Von Hand' }).first();
  await expect(row).toContainText('In Ordnung');
  await expect(section.getByText('Letzte Sicherung')).toBeVisible();

  // The restore says what happens and changes nothing until confirmed; Escape puts focus back.
  const restore = row.getByRole('button', { name: /wiederherstellen$/ });
  await restore.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Der jetzige Datenbestand wird zuerst als Sicherung „Vor Wiederherstellung“ aufbewahrt.');
  await expectNoSeriousA11yViolations(page, 'the restore confirmation');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(restore).toBeFocused();

  // The host takes the day's backup by itself, some seconds after its start, with the full check.
  const daily = async () =>
    ((await api(page.request, lotse, 'backups.list', {})).value as { items: Array<{ kind: string; integrity: string }> }).items.find(
      (item) => item.kind === 'daily',
    );
  await expect.poll(daily, { timeout: 30_000 }).toMatchObject({ integrity: 'ok' });

  await section.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page, 'settings with backups');
  await shots(page, 'settings-backups', (name) => testInfo.outputPath(name), section);
  expect(foreignRequests(requests, lotse.origin)).toEqual([]);
});

test('a damaged store opens on the recovery screen, which restores the newest good backup', async ({ page, requests }, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-damaged-'));
  try {
    let { host, process: child } = await startBrowserHost(dataDir);
    const client = (await api(page.request, host, 'clients.create', {
      familyName: 'Beschädigt-Probe',
      givenName: 'Olena',
      address: { street: 'Schenkelstraße 3', postalCode: '52349', city: 'Düren' },
    })) as { value: { id: string } };
    expect((await api(page.request, host, 'backups.create', {})).ok).toBe(true);
    await stopBrowserHost(child);

    const store = path.join(dataDir, 'lotse.sqlite');
    fs.truncateSync(store, Math.floor(fs.statSync(store).size / 2));
    const damaged = fs.readFileSync(store);

    ({ host, process: child } = await startBrowserHost(dataDir, { freshInstall: true }));
    try {
      expect(host.output()).toContain('Der Datenbestand ist beschädigt und wurde nicht verändert');
      await page.setViewportSize(WIDE);
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Der Datenbestand ist beschädigt' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Lotse hat ihn nicht verändert.');
      await expect(page.getByRole('row').filter({ hasText: 'Von Hand' })).toHaveCount(1);
      await expectNoSeriousA11yViolations(page, 'the recovery screen');
      await shots(page, 'recovery', (name) => testInfo.outputPath(name));
      expect(fs.readFileSync(store).equals(damaged)).toBe(true);

      await page.getByRole('button', { name: 'Diese Sicherung wiederherstellen …' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText('Der beschädigte Datenbestand wird unverändert in den Ordner der Sicherungen gelegt');
      await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
      await expect(page.getByText(/Die Sicherung vom .* wurde wiederhergestellt\./)).toBeVisible();
      await expect(mainNavigation(page)).toBeVisible();

      const found = (await api(page.request, host, 'clients.get', { id: client.value.id })) as { ok: boolean; value: { familyName: string } };
      expect(found.value.familyName).toBe('Beschädigt-Probe');
      const aside = fs.readdirSync(path.join(dataDir, 'backups')).find((name) => name.startsWith('beschaedigt-') && name.endsWith('.sqlite'));
      expect(fs.readFileSync(path.join(dataDir, 'backups', aside!)).equals(damaged)).toBe(true);
      expect(foreignRequests(requests, host.origin)).toEqual([]);
    } finally {
      await stopBrowserHost(child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a backup downloaded with a passphrase is restored on another desk with it; a wrong passphrase changes nothing', async ({
  page,
  lotse,
  requests,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
  const section = page.getByRole('region', { name: 'Sicherungen' });
  await section.getByRole('button', { name: 'Sicherung jetzt erstellen' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'wurde erstellt und geprüft' })).toBeVisible();
  await section.getByLabel('Kennwort für heruntergeladene Sicherungen').fill('Kennwort für Düren');
  const row = section.getByRole('row').filter({ hasText: 'Von Hand' }).first();
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: /herunterladen$/ }).click();
  const file = testInfo.outputPath('sicherung.sqlite');
  await (await downloading).saveAs(file);
  // Encrypted: no SQLite header, no plain text.
  expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  expect(foreignRequests(requests, lotse.origin)).toEqual([]);

  // Another desk: its own data folder, its own key.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-desk-'));
  const { host, process: child } = await startBrowserHost(dataDir);
  try {
    await openApp(page, host);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
    const other = page.getByRole('region', { name: 'Sicherungen' });
    const passphrase = other.getByLabel('Kennwort der Sicherungsdatei');
    await passphrase.fill('falsches Kennwort');
    await other.getByLabel('Sicherungsdatei', { exact: true }).setInputFiles(file);
    await expect(other.getByRole('alert')).toContainText('lässt sich mit diesem Kennwort nicht öffnen');
    expect(
      ((await api(page.request, host, 'backups.list', {})).value as { items: unknown[] }).items.filter(
        (item) => (item as { kind: string }).kind === 'uploaded',
      ),
    ).toEqual([]);

    await passphrase.fill('Kennwort für Düren');
    await other.getByLabel('Sicherungsdatei', { exact: true }).setInputFiles(file);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Der jetzige Datenbestand wird zuerst als Sicherung „Vor Wiederherstellung“ aufbewahrt.');
    await expectNoSeriousA11yViolations(page, 'the backups section with passphrases');
    await page.keyboard.press('Escape');
    await other.scrollIntoViewIfNeeded();
    await shots(page, 'settings-backups-passphrase', (name) => testInfo.outputPath(name), other);
  } finally {
    await stopBrowserHost(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
