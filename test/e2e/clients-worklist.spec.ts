import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, goTo, isoDay, openApp, test, type LotseHost } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * Issue 14, items 1, 5 and the client list of 6: a likely duplicate is shown
 * before saving and can be saved anyway; edits of the client and partner
 * forms survive going elsewhere, and the reminder says when a form has
 * errors; the client list sorts and filters. The host is shared with other
 * specs: every client made here is erased at the end of its test.
 */

async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

async function eraseAll(page: Page, lotse: LotseHost, query: string): Promise<void> {
  const { items } = await api(page, lotse, 'clients.search', { query, limit: 50 });
  for (const client of items) await api(page, lotse, 'clients.erase', { id: client.id });
}

async function bothSizes(page: Page, what: string): Promise<void> {
  for (const size of [WIDE, SMALL]) {
    await page.setViewportSize(size);
    await expectNoSeriousA11yViolations(page, `${what} (${size.width}×${size.height})`);
  }
  await page.setViewportSize(WIDE);
}

test('a likely duplicate is shown with a link before saving, and saved anyway', async ({ page, lotse, requests }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  const existing = await api(page, lotse, 'clients.create', {
    familyName: 'Kovaltschuk',
    givenName: 'Oleksandra',
    address: { street: '', postalCode: '', city: 'Düren' },
  });

  await goTo(page, '#/clients/new');
  // The same names in the other order, in other letters.
  await page.getByLabel('Familienname', { exact: true }).fill('OLEKSANDRA');
  await page.getByLabel('Vorname', { exact: true }).fill('Kovaltschuk');
  const panel = page.getByRole('region', { name: 'Gibt es diese Person schon?' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Kovaltschuk, Oleksandra' })).toHaveAttribute('href', `#/clients/${existing.id}`);
  await expect(panel).toContainText('Hinweis: gleicher Name');
  await bothSizes(page, 'Dublettenhinweis');
  await shots(page, 'duplicate-warning', testInfo.outputPath.bind(testInfo), panel);

  // Saving without a decision is refused by the core; the list takes focus.
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Diese Person ist vielleicht schon erfasst');
  await expect(page.locator('#client-duplicates')).toBeFocused();

  await panel.getByRole('button', { name: 'Keine dieser Personen – trotzdem speichern' }).click();
  await expect(page.getByText('Kovaltschuk Oleksandra wurde angelegt.')).toBeVisible();
  const { items } = await api(page, lotse, 'clients.search', { query: 'Kovaltschuk', limit: 10 });
  expect(items).toHaveLength(2);

  await eraseAll(page, lotse, 'Kovaltschuk');
  expect(foreignRequests(requests, lotse.origin)).toEqual([]);
});

test('unsaved client and partner edits survive navigation; the reminder says when a form has errors', async ({ page, lotse }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  await goTo(page, '#/clients/new');
  await page.getByLabel('Familienname', { exact: true }).fill('Entwurfowa');
  await page.getByLabel('Vorname', { exact: true }).fill('Nina');
  await page.getByLabel('E-Mail', { exact: true }).fill('nina-at-example');

  // Elsewhere through the main navigation: the reminder names the form and its error.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk' }).click();
  const reminder = page.getByRole('region', { name: 'Nicht gespeicherte Änderungen' });
  await expect(reminder).toContainText('Neue Klient*in: noch nicht gespeichert.');
  await expect(reminder).toContainText('Das Formular enthält Fehler, die vor dem Speichern behoben werden müssen.');
  await bothSizes(page, 'Erinnerung an nicht gespeicherte Änderungen');
  await shots(page, 'unsaved-reminder', testInfo.outputPath.bind(testInfo), reminder);

  // Back: everything typed is there.
  await reminder.getByRole('link', { name: 'Weiter bearbeiten: Neue Klient*in' }).click();
  await expect(page.getByLabel('Familienname', { exact: true })).toHaveValue('Entwurfowa');
  await expect(page.getByLabel('Vorname', { exact: true })).toHaveValue('Nina');
  await expect(page.getByLabel('E-Mail', { exact: true })).toHaveValue('nina-at-example');
  await expect(page.getByText('Ihre nicht gespeicherten Änderungen sind wiederhergestellt.')).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await page.getByLabel('E-Mail', { exact: true }).fill('nina@example.org');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('Nina Entwurfowa wurde angelegt.')).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // An existing client: a changed phone number survives opening another screen and coming back.
  const { items } = await api(page, lotse, 'clients.search', { query: 'Entwurfowa', limit: 1 });
  await goTo(page, `#/clients/${items[0]!.id}/edit`);
  await page.getByLabel('Telefon', { exact: true }).fill('02421 555');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
  await expect(reminder).toContainText('Nina Entwurfowa: noch nicht gespeichert.');
  await expect(reminder).not.toContainText('Fehler');
  await reminder.getByRole('link', { name: 'Weiter bearbeiten: Nina Entwurfowa' }).click();
  await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('02421 555');

  // The partner form: kept the same way; "Verwerfen" in the reminder asks first, then forgets it.
  await goTo(page, '#/network/new');
  await page.getByLabel('Name der Stelle', { exact: true }).fill('Entwurfsstelle Düren');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
  await expect(reminder).toContainText('Neue Partnerstelle: noch nicht gespeichert.');
  await expect(reminder).toContainText('Nina Entwurfowa: noch nicht gespeichert.');
  await reminder.getByRole('link', { name: 'Weiter bearbeiten: Neue Partnerstelle' }).click();
  await expect(page.getByLabel('Name der Stelle', { exact: true })).toHaveValue('Entwurfsstelle Düren');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
  await reminder.getByRole('button', { name: 'Verwerfen: Neue Partnerstelle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Änderungen verwerfen?' });
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Verwerfen', exact: true }).click();
  await expect(reminder).not.toContainText('Neue Partnerstelle');
  await reminder.getByRole('button', { name: 'Verwerfen: Nina Entwurfowa' }).click();
  await page.getByRole('dialog', { name: 'Änderungen verwerfen?' }).getByRole('button', { name: 'Verwerfen', exact: true }).click();
  await expect(reminder).toHaveCount(0);
  await goTo(page, '#/network/new');
  await expect(page.getByLabel('Name der Stelle', { exact: true })).toHaveValue('');

  await eraseAll(page, lotse, 'Entwurfowa');
});

test('the client list sorts and filters by permit end, residence status, counseling field and name', async ({ page, lotse }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  const make = (familyName: string, residenceStatus: string, days: number, counselingFields: Array<'recognition' | 'language-courses'>) =>
    api(page, lotse, 'clients.create', { familyName, givenName: 'Test', residenceStatus, residenceValidUntil: isoDay(days), counselingFields });
  await make('Listprobe-Zeta', 'p24', 20, ['recognition']);
  await make('Listprobe-Alpha', 'duldung', 200, ['language-courses']);
  await make('Listprobe-Ömer', 'p24', 60, ['language-courses']);

  await goTo(page, '#/clients');
  await page.getByLabel('Suche', { exact: true }).fill('Listprobe');
  const names = page.locator('.result-list .result-link');
  await page.getByLabel('Reihenfolge', { exact: true }).selectOption({ label: 'Aufenthalt gültig bis (früheste zuerst)' });
  await expect(names).toHaveText(['Listprobe-Zeta, Test', 'Listprobe-Ömer, Test', 'Listprobe-Alpha, Test']);
  await expect(page.locator('.result-list')).toContainText(`gültig bis`);

  await page.getByLabel('Status des Aufenthalts', { exact: true }).selectOption('p24');
  await expect(names).toHaveText(['Listprobe-Zeta, Test', 'Listprobe-Ömer, Test']);
  await page.getByLabel('Reihenfolge', { exact: true }).selectOption({ label: 'Name (A–Z)' });
  await expect(names).toHaveText(['Listprobe-Ömer, Test', 'Listprobe-Zeta, Test']);
  // By keyboard: Tab reaches the counseling field, the arrow key chooses the first field (Anerkennung).
  const field = page.getByLabel('Beratungsfeld', { exact: true });
  await field.focus();
  await page.keyboard.press('ArrowDown');
  await expect(field).toHaveValue('recognition');
  await expect(names).toHaveText(['Listprobe-Zeta, Test']);
  await page.getByLabel('Erlaubnis endet', { exact: true }).selectOption({ label: 'in den nächsten 30 Tagen' });
  await expect(names).toHaveText(['Listprobe-Zeta, Test']);
  await expect(page.getByRole('status').filter({ hasText: '1 Klient*in gefunden.' })).toBeVisible();
  await bothSizes(page, 'Klientenliste sortiert und gefiltert');
  await shots(page, 'client-list-filtered', testInfo.outputPath.bind(testInfo));

  await page.getByRole('button', { name: 'Sortierung und Filter zurücksetzen' }).click();
  await expect(names).toHaveCount(3);
  await eraseAll(page, lotse, 'Listprobe');
});
