import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, openApp, test, type LotseHost } from './fixtures';

/**
 * Issue 17, items 3 and 4, through the UI: a name written right to left
 * shows as the person writes it (dir="auto" on inputs and cells, the name in
 * its own script beside the Latin one); the client form offers the known
 * languages; a consent for a client whose record says "Persisch" starts with
 * Persian chosen, warns that the translation is not checked, and prints
 * German and Persian with the binding-language note; the template editor
 * edits a translation side by side with the German. Screenshots at 1280×800
 * and 1024×640 for a person to look at go to /tmp/i17-ui/ (and
 * test-results). Every client made here is erased at the end.
 */

const SHOTS = '/tmp/i17-ui';
const FAMILY = 'Haddad';
const GIVEN = 'Mahmoud';
const OWN_SCRIPT = 'محمود حداد';

async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value: MethodOutput<M> };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const created: string[] = [];

test.afterAll(async ({ browser, lotse }) => {
  const page = await browser.newPage();
  for (const id of created) await api(page, lotse, 'clients.erase', { id });
  await page.close();
});

test.describe.configure({ mode: 'serial' });

test('a name in Arabic script shows right to left, beside its Latin form, in the client page, the list and the form', async ({ page, lotse }) => {
  const client = await api(page, lotse, 'clients.create', {
    familyName: FAMILY,
    givenName: GIVEN,
    otherNames: [OWN_SCRIPT],
    birthPlace: 'حلب',
    sex: 'male',
    birthDate: '1987-02-11',
    address: { addition: '', street: 'Kölnstraße 3', postalCode: '52351', city: 'Düren' },
    languages: [{ language: 'Arabisch', interpreterNeeded: true }],
    notes: 'يحتاج إلى موعد صباحي. Termin bitte vormittags.',
  });
  created.push(client.id);
  await openApp(page, lotse);
  await goTo(page, `#/clients/${encodeURIComponent(client.id)}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(`${GIVEN} ${FAMILY}${OWN_SCRIPT}`);
  // The own-script name is a run of its own whose direction the browser takes from its letters: right to left.
  const own = heading.locator('.own-script-name');
  await expect(own).toHaveAttribute('dir', 'auto');
  expect(await own.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(page.locator('.client-notes')).toHaveAttribute('dir', 'auto');
  await expectNoSeriousA11yViolations(page, 'Klient*in mit arabischem Namen');
  await shoot(page, 'client-arabic-name');

  // The search finds the person by the Arabic name and shows both forms.
  await goTo(page, '#/clients');
  await page.getByRole('searchbox', { name: 'Suche' }).fill('محمود');
  const result = page.getByRole('link', { name: new RegExp(`${FAMILY}, ${GIVEN}`) });
  await expect(result).toContainText(OWN_SCRIPT);
  await result.scrollIntoViewIfNeeded();
  await shoot(page, 'client-search-arabic');

  // Every text input and textarea of the form takes its direction from what is typed (dates, always TT.MM.JJJJ, aside).
  await goTo(page, `#/clients/${encodeURIComponent(client.id)}/edit`);
  await expect(page.getByLabel('Familienname', { exact: true })).toHaveValue(FAMILY);
  const directions = await page.locator('form input[type="text"]:not(.date-input), form input[type="search"], form textarea').evaluateAll((inputs) =>
    inputs.map((input) => ({ id: input.id, dir: input.getAttribute('dir') })),
  );
  expect(directions.length).toBeGreaterThan(10);
  expect(directions.filter((input) => input.dir !== 'auto')).toEqual([]);
  const otherName = page.getByLabel('Schreibweise 1', { exact: true });
  await expect(otherName).toHaveValue(OWN_SCRIPT);
  expect(await otherName.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await shoot(page, 'client-form-arabic');
});
