import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, isoDay, startBrowserHost, stopBrowserHost, test, type LotseHost } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * Issue 14, item 3: editors that fit a laptop. A long referral draft keeps
 * its action bar in view, jumps to a section by keyboard, shows its preview
 * in view (beside the form on a wide window, over it on a laptop), and the
 * finalize dialog starts on "Abbrechen". Dates are typed TT.MM.JJJJ, stored
 * as ISO and refused in German. Its own host: the store of the shared one
 * stays as it was.
 */

let host: LotseHost;
let child: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-editor-'));
  ({ host, process: child } = await startBrowserHost(dataDir));
});

test.afterAll(async () => {
  await stopBrowserHost(child);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${host.origin}/api/${method}`, { headers: { Authorization: `Bearer ${host.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).first()).toBeVisible();
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

/** The whole box of an element lies inside the window. */
async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(size.height + 0.5);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(size.width + 0.5);
}

test.describe.serial('editors that fit a laptop', () => {
  test('a long referral draft: the bar stays, sections are jumped to by keyboard, the preview opens in view, finalizing starts on Abbrechen', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const client = await api(page, 'clients.create', {
      familyName: 'Bondarenko',
      givenName: 'Iryna',
      sex: 'female',
      birthDate: '1984-09-02',
      nationalities: ['ukrainisch'],
      address: { street: 'Wirtelstraße 3', postalCode: '52349', city: 'Düren' },
      languages: [{ language: 'Ukrainisch', interpreterNeeded: true }],
      counselingFields: ['language-courses'],
      residenceStatus: 'p24',
      residenceValidUntil: isoDay(200),
      notes: '',
    });
    const referral = await api(page, 'documents.create', {
      templateId: 'referral-letter',
      clientId: client.id,
      partnerId: 'seed-vhs-rur-eifel',
      values: { reason: 'Frau Bondarenko möchte einen Integrationskurs besuchen.', request: 'Bitte beraten Sie sie zu einem Kursplatz.' },
    });

    await page.setViewportSize(SMALL);
    await goTo(page, `#/documents/${referral.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Iryna Bondarenko');
    const bar = page.getByRole('region', { name: 'Entwurf: Aktionen' });
    const finalize = bar.getByRole('button', { name: 'Fertigstellen', exact: true });
    const previewButton = bar.getByRole('button', { name: 'Vorschau', exact: true });
    await expect(finalize).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Rückfragen', exact: true })).toBeAttached();
    // A long page: several windows high.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3 * SMALL.height);

    // The bar with Vorschau, Fertigstellen and the state of the draft stays in view at the bottom and at the top.
    for (const where of ['bottom', 'top'] as const) {
      await page.evaluate((to) => window.scrollTo(0, to === 'bottom' ? document.documentElement.scrollHeight : 0), where);
      await page.waitForFunction((to) => (to === 'bottom' ? window.scrollY > 1000 : window.scrollY === 0), where);
      await expectInView(page, bar, `the bar at the ${where}`);
      await expectInView(page, finalize, `Fertigstellen at the ${where}`);
      await expectInView(page, previewButton, `Vorschau at the ${where}`);
      await expect(bar.getByRole('status')).toHaveText(/Entwurf: Änderungen werden automatisch gespeichert\.|Gespeichert \d{2}:\d{2}/);
      await expectInView(page, bar.getByRole('status'), `the save state at the ${where}`);
    }
    // A change shows in the bar as saved.
    await page.getByLabel('Anlass', { exact: true }).fill('Frau Bondarenko möchte einen Integrationskurs am Vormittag besuchen.');
    await expect(bar.getByRole('status')).toHaveText(/^Gespeichert \d{2}:\d{2}$/);

    // Sections listed in the bar, jumped to by keyboard: focus lands on the section's heading, below the bar.
    await page.evaluate(() => window.scrollTo(0, 0));
    const toggle = bar.getByRole('button', { name: 'Abschnitte', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const nav = page.getByRole('navigation', { name: 'Abschnitte des Formulars' });
    const links = nav.getByRole('link');
    await expect(links.first()).toBeVisible();
    const titles = await links.allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['Einleitung', 'Anliegen', 'Datenschutz', 'Rückfragen']));
    await expectNoSeriousA11yViolations(page, 'Entwurf: Abschnitte');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    const target = 'Datenschutz';
    for (let index = 0; index <= titles.indexOf(target); index += 1) await page.keyboard.press('Tab');
    await expect(links.filter({ hasText: target })).toBeFocused();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: target, exact: true });
    await expect(heading).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expectInView(page, heading, 'the heading jumped to');
    const barBox = (await bar.boundingBox())!;
    expect((await heading.boundingBox())!.y, 'the heading shows below the bar').toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
    await page.screenshot({ path: testInfo.outputPath('editor-section-jump-1024x640.png') });

    // Vorschau on a laptop: over the form, in view, its heading focused; back to the form puts focus on Vorschau.
    await page.setViewportSize(SMALL);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await previewButton.click();
    const dialog = page.getByRole('dialog', { name: 'Vorschau' });
    await expect(dialog).toBeVisible();
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('heading', { name: 'Vorschau' })).toBeFocused();
    await expectInView(page, preview, 'the preview at 1024x640');
    await expectInView(page, dialog, 'the preview dialog at 1024x640');
    await expectNoSeriousA11yViolations(page, 'Entwurf: Vorschau 1024x640');
    await page.screenshot({ path: testInfo.outputPath('editor-preview-1024x640.png') });
    await dialog.getByRole('button', { name: 'Zurück zum Formular', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(previewButton).toBeFocused();

    // On a wide window the preview stands beside the form and stays in view while the form scrolls.
    await page.setViewportSize(WIDE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await previewButton.click();
    await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(preview.getByRole('heading', { name: 'Vorschau' })).toBeFocused();
    await expectInView(page, preview, 'the preview at 1280x800');
    const formBox = (await page.locator('form.editor-form').boundingBox())!;
    expect((await preview.boundingBox())!.x, 'the preview stands right of the form').toBeGreaterThanOrEqual(formBox.x + formBox.width);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 1000);
    await expectInView(page, preview, 'the preview at 1280x800, scrolled to the end of the form');
    const wideBar = (await bar.boundingBox())!;
    expect((await preview.boundingBox())!.y, 'the preview sticks below the bar, not under it').toBeGreaterThanOrEqual(wideBar.y + wideBar.height - 1);
    await expectNoSeriousA11yViolations(page, 'Entwurf: Vorschau 1280x800');
    await page.screenshot({ path: testInfo.outputPath('editor-preview-1280x800.png') });
    await bar.getByRole('button', { name: 'Vorschau schließen', exact: true }).click();
    await expect(preview).toHaveCount(0);
    await expect(previewButton).toBeFocused();

    // The finalize dialog starts on the safe choice, at both sizes.
    for (const size of [WIDE, SMALL]) {
      await page.setViewportSize(size);
      await finalize.click();
      const finalizing = page.getByRole('dialog', { name: 'Dokument fertigstellen' });
      await expect(finalizing).toBeVisible();
      await expect(finalizing.getByRole('button', { name: 'Abbrechen', exact: true })).toBeFocused();
      await expectNoSeriousA11yViolations(page, `Fertigstellen ${size.width}x${size.height}`);
      await page.keyboard.press('Escape');
      await expect(finalizing).toHaveCount(0);
      await expect(finalize).toBeFocused();
    }
    // The discard confirmation, too.
    await page.getByRole('button', { name: 'Entwurf verwerfen', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Abbrechen', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page, 'Entwurf 1024x640');
    await page.setViewportSize(WIDE);
    await expectNoSeriousA11yViolations(page, 'Entwurf 1280x800');
  });

  test('a birth date typed as TT.MM.JJJJ is stored as ISO and shown German; 31.02.2020 is refused in German', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await goTo(page, '#/clients');
    await page.getByRole('button', { name: 'Neue Klient*in' }).click();
    await page.getByLabel('Familienname').fill('Melnyk');
    await page.getByLabel('Vorname').fill('Taras');
    const birthDate = page.getByLabel('Geburtsdatum', { exact: true });
    await expect(birthDate).toHaveAccessibleDescription(/TT\.MM\.JJJJ/);
    await birthDate.fill('5.3.1988');
    await birthDate.blur();
    await expect(birthDate).toHaveValue('05.03.1988');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taras Melnyk');
    const id = decodeURIComponent(/#\/clients\/([^/?#]+)$/.exec(page.url())![1]!);
    expect((await api(page, 'clients.get', { id })).birthDate).toBe('1988-03-05');
    await expect(page.getByText('05.03.1988').first()).toBeVisible();

    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    await expect(birthDate).toHaveValue('05.03.1988');
    await birthDate.fill('31.02.2020');
    await birthDate.blur();
    const message = 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben, z. B. 23.06.1979.';
    await expect(birthDate).toHaveAttribute('aria-invalid', 'true');
    await expect(birthDate).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
    await shots(page, 'date-field-error', testInfo.outputPath.bind(testInfo), page.locator('.field').filter({ has: birthDate }));
    await page.setViewportSize(SMALL);
    await expectNoSeriousA11yViolations(page, 'Datum falsch 1024x640');
    await page.setViewportSize(WIDE);
    await expectNoSeriousA11yViolations(page, 'Datum falsch 1280x800');
    // Saving refuses it (the core's message names the format as well), and the stored date stays.
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByText(/Format TT\.MM\.JJJJ/).first()).toBeVisible();
    await expect(birthDate).toHaveValue('31.02.2020');
    expect((await api(page, 'clients.get', { id })).birthDate).toBe('1988-03-05');
  });

  test('the template editor keeps its save button and Vorschau in view and brings the preview into view', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(SMALL);
    await goTo(page, '#/templates/referral-letter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Überleitung');
    const bar = page.getByRole('region', { name: 'Vorlage: Aktionen' });
    await expect(bar.getByRole('button', { name: 'Als neue Version speichern', exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3 * SMALL.height);
    for (const where of [0.1, 0.5]) {
      await page.evaluate((share) => window.scrollTo(0, document.documentElement.scrollHeight * share), where);
      await expectInView(page, bar, `the template bar at ${where * 100} % of the page`);
    }
    await page.screenshot({ path: testInfo.outputPath('template-bar-1024x640.png') });
    await bar.getByRole('button', { name: 'Vorschau zeigen', exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Vorschau mit Beispieldaten', exact: true });
    await expect(heading).toBeFocused();
    await expectInView(page, heading, 'the template preview heading');
    const preview = page.getByRole('region', { name: 'Vorschau', exact: true });
    await expect(preview).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expectNoSeriousA11yViolations(page, 'Vorlage 1024x640');
    await page.setViewportSize(WIDE);
    await expectNoSeriousA11yViolations(page, 'Vorlage 1280x800');
  });
});
