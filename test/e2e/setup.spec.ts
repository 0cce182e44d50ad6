import type { APIRequestContext, Page } from '@playwright/test';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, test, type LotseHost } from './fixtures';

/**
 * Issue 11, "no fictional counselor", through the UI: a fresh data folder
 * opens on the setup, no letter is finalized before it is done, and a
 * counselor fills it in with the keyboard alone and lands on Start, after
 * which letters can be finalized. Screenshots at 1280 × 800 and 1024 × 640
 * go to this test's output folder.
 */

test.use({ freshInstall: true });

type ApiAnswer = { ok: boolean; value?: unknown; error?: { code: string; key?: string; message: string } };

async function api<M extends MethodName>(request: APIRequestContext, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<ApiAnswer> {
  const response = await request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  return (await response.json()) as ApiAnswer;
}

/** Presses Tab until the field labelled `label` has the focus: it must be reachable by keyboard, in a few steps. */
async function tabTo(page: Page, label: string): Promise<void> {
  const target = page.getByLabel(label, { exact: true });
  for (let step = 0; step < 12; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** What the page shows now, at one of the two window sizes a counselor's desk has. */
async function shot(page: Page, path: string, size: { width: number; height: number }, fullPage = false): Promise<void> {
  await page.setViewportSize(size);
  await page.screenshot({ path, fullPage });
}
const WIDE = { width: 1280, height: 800 };
const SMALL = { width: 1024, height: 640 };

/** Tabs to the field and types into it, as someone at the desk would. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

test('a fresh install leads through the setup, done with the keyboard, and finalizes letters only after it', async ({ page, lotse, requests }, testInfo) => {
  // Three axe runs and a PDF preview: about two minutes when other work shares the two cores.
  test.setTimeout(180_000);
  await page.setViewportSize(WIDE);

  // A draft exists before the setup (a script made it): it previews, but it is not finalized.
  const client = (
    await api(page.request, lotse, 'clients.create', {
      familyName: 'Kovalenko',
      givenName: 'Olena',
      address: { street: 'Schenkelstraße 3', postalCode: '52349', city: 'Düren' },
    })
  ).value as { id: string };
  const draft = (
    await api(page.request, lotse, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { subject: 'Einladung', body: 'Text.' } })
  ).value as { id: string };
  expect((await api(page.request, lotse, 'documents.render', { id: draft.id })).ok).toBe(true);
  const refused = await api(page.request, lotse, 'documents.finalize', { id: draft.id, omitFields: [] });
  expect(refused.error).toMatchObject({
    code: 'invalid_input',
    key: 'setup.incomplete',
    message: expect.stringContaining('Es fehlen noch: Name der Dienststelle;'),
  });

  // The first start lands on the setup, not on Start.
  await openApp(page, lotse);
  await expect(page).toHaveURL(/#\/settings\/setup$/);
  const heading = page.getByRole('heading', { level: 1, name: 'Einrichtung' });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('');
  await expectNoSeriousA11yViolations(page, 'Einrichtung');
  await shot(page, testInfo.outputPath('setup-1280x800.png'), WIDE);
  await shot(page, testInfo.outputPath('setup-1024x640.png'), SMALL);

  // Looking around is allowed; every screen reminds of the setup and leads back to it.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
  const reminder = page.locator('.setup-reminder');
  await expect(reminder).toContainText('Es fehlen noch: Name der Dienststelle; Anschrift der Dienststelle');
  await expectNoSeriousA11yViolations(page, 'Start mit Erinnerung an die Einrichtung');
  await shot(page, testInfo.outputPath('start-reminder-1280x800.png'), WIDE);
  await shot(page, testInfo.outputPath('start-reminder-1024x640.png'), SMALL);
  await reminder.getByRole('link', { name: 'Einrichtung abschließen' }).click();
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(reminder).toHaveCount(0);

  // Sent empty: every field a letter needs is marked, and focus goes to the first.
  await tabTo(page, 'Organisation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Ohne diese Angaben kann kein Brief abgeschlossen werden.');
  for (const label of ['Organisation', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Name (unter der Unterschrift)', 'Telefon (Durchwahl)'])
    await expect(page.getByLabel(label, { exact: true }), label).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Organisation', { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'Einrichtung mit Fehlern');
  await shot(page, testInfo.outputPath('setup-errors-1024x640.png'), SMALL);

  // The office, with the keyboard only.
  await page.keyboard.type('Stadt Beispielstadt');
  await typeInto(page, 'Abteilung', 'Integrationsbüro');
  await typeInto(page, 'Straße und Hausnummer', 'Marktplatz 1');
  await typeInto(page, 'PLZ', '12345');
  await typeInto(page, 'Ort', 'Beispielstadt');
  await typeInto(page, 'Zimmer', 'Zimmer 12');
  await typeInto(page, 'Telefon (zentral)', '01234 56-0');
  await typeInto(page, 'E-Mail (zentral)', 'integration@example.org');
  await typeInto(page, 'Sprechzeiten', 'Mo–Do 9–15 Uhr');
  // Not asked in the setup: rarely needed.
  await expect(page.getByLabel('Internetseite', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Fristen' })).toHaveCount(0);

  // The letterhead: the logo is optional; the preview shows the letterhead as typed.
  const previewButton = page.getByRole('button', { name: 'Briefkopf-Vorschau anzeigen' });
  for (let step = 0; step < 6 && !(await previewButton.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
  await expect(previewButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Vorschau' }).locator('canvas').first()).toBeVisible({ timeout: 20_000 });

  // The counselor.
  await typeInto(page, 'Name (unter der Unterschrift)', 'Max Mustermann');
  await typeInto(page, 'Funktion (unter dem Namen)', 'Integrationsberatung');
  await typeInto(page, 'E-Mail (persönlich)', 'max.mustermann@example.org');
  await shot(page, testInfo.outputPath('setup-filled-1280x800-full.png'), WIDE, true);

  const submit = page.getByRole('button', { name: 'Einrichtung abschließen' });
  await submit.focus();
  await page.keyboard.press('Enter');

  // Start, with the notice and without the reminder.
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Die Einrichtung ist abgeschlossen.' })).toBeVisible();
  await expect(page.locator('.setup-reminder')).toHaveCount(0);
  await shot(page, testInfo.outputPath('start-done-1280x800.png'), WIDE);
  await shot(page, testInfo.outputPath('start-done-1024x640.png'), SMALL);

  // Saved as typed; the letter made before the setup is now finalized, signed by the counselor entered.
  expect((await api(page.request, lotse, 'settings.get', {})).value).toMatchObject({
    office: { organization: 'Stadt Beispielstadt', street: 'Marktplatz 1', postalCode: '12345', city: 'Beispielstadt', web: '', postbox: null },
    counselor: { name: 'Max Mustermann', title: 'Integrationsberatung', phone: '', email: 'max.mustermann@example.org' },
  });
  expect((await api(page.request, lotse, 'app.info', {})).value).toMatchObject({ setupMissing: [] });
  const final = await api(page.request, lotse, 'documents.finalize', { id: draft.id, omitFields: [] });
  expect(final).toMatchObject({ ok: true, value: { status: 'final' } });
  expect(foreignRequests(requests, lotse.origin)).toEqual([]);
});
