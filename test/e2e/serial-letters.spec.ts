import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, startBrowserHost, stopBrowserHost, test, type LotseHost } from './fixtures';

/**
 * Issue 6, serial letters: a letter to 50 clients chosen by residence status
 * and permit end, with progress shown, gives one PDF with 50 letters (each
 * on a fresh sheet) and 50 final documents; a cancelled batch records
 * nothing; the preview pages and zooms; print opens the PDF for the browser.
 */

const LETTERS = 50;
const SUBJECT = 'Ihr Aufenthalt nach § 104c: bitte Termin vereinbaren';

/** Today (or a day relative to it) in the local time zone, as the host and the browser see it. */
function isoDay(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A call straight to the browser host, as another script would make it. */
async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${lotse.token}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

const address = { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' };

test.describe.configure({ mode: 'serial' });

test.describe('serial letters', () => {
  // A host of its own: the shared one holds other specs' clients, and the counts here must be exact.
  let lotse: LotseHost;
  let hostProcess: ChildProcess;
  let dataDir: string;

  test.beforeAll(async ({ browser }) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-serial-'));
    ({ host: lotse, process: hostProcess } = await startBrowserHost(dataDir));
    const page = await browser.newPage();
    for (let index = 1; index <= LETTERS; index += 1) {
      await api(page, lotse, 'clients.create', {
        familyName: `Serienbrief ${String(index).padStart(2, '0')}`,
        givenName: 'Test',
        residenceStatus: 'p104c',
        residenceValidUntil: isoDay(60 + index),
        address,
      });
    }
    // Not chosen: a § 104c permit that ends much later, another status. Chosen but left out: no street.
    await api(page, lotse, 'clients.create', { familyName: 'Später', residenceStatus: 'p104c', residenceValidUntil: isoDay(500), address });
    await api(page, lotse, 'clients.create', { familyName: 'Anderer Status', residenceStatus: 'p25a', residenceValidUntil: isoDay(30), address });
    await api(page, lotse, 'clients.create', {
      familyName: 'Ohne Straße',
      residenceStatus: 'p104c',
      residenceValidUntil: isoDay(40),
      address: { ...address, street: '' },
    });
    await page.close();
  });

  test.afterAll(async () => {
    await stopBrowserHost(hostProcess);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openSerialScreen(page: Page, lotse: LotseHost): Promise<void> {
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumente' }).click();
    await page.getByRole('link', { name: 'Serienbrief erstellen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Serienbrief' })).toBeVisible();
  }

  async function fillLetter(page: Page): Promise<void> {
    await expect(page.getByRole('radio', { name: 'Freier Brief' })).toBeChecked();
    await page.getByLabel('Betreff').fill(SUBJECT);
    await page
      .getByLabel('Text')
      .fill('Ihre Aufenthaltserlaubnis nach § 104c endet bald.\n\nBitte vereinbaren Sie einen Termin, damit wir den Antrag nach § 25a oder § 25b vorbereiten.');
    await page.getByRole('combobox', { name: 'Aufenthaltsstatus' }).selectOption('p104c');
    await page.getByLabel('Erlaubnis endet').selectOption('6');
    await expect(page.getByRole('status').filter({ hasText: `${LETTERS} Klient*innen bekommen den Brief.` })).toBeVisible();
  }

  /** Starting asks first, naming the count (issue 14): confirmed in the dialog. */
  async function confirmStart(page: Page, count: number): Promise<void> {
    // Once the list and the sample letter above the button have loaded: until then the page grows and the button moves under the pointer.
    await expect(page.getByRole('status').filter({ hasText: `${count} Klient*innen bekommen den Brief.` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Musterbrief (PDF)' }).getByRole('img', { name: /^Seite 1 von/ })).toBeVisible();
    await page.getByRole('button', { name: `${count} Briefe erstellen` }).click();
    const dialog = page.getByRole('dialog', { name: `${count} Briefe endgültig erstellen?` });
    await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await dialog.getByRole('button', { name: `${count} Briefe erstellen` }).click();
  }

  test('a letter to 50 clients: progress, one PDF with 50 letters on fresh sheets, 50 documents', async ({ page, requests }, testInfo) => {
    test.setTimeout(240_000);
    await openSerialScreen(page, lotse);
    await fillLetter(page);
    await page.getByText('1 Person wird ausgelassen – warum?').click();
    await expect(page.getByText('Die Anschrift von Ohne Straße ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein Postfach.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Einstellungen');
    await page.screenshot({ path: testInfo.outputPath('serial-setup.png'), fullPage: true });

    // Every status the page asks for while the batch runs, to check the progress it was shown.
    const statuses: Array<{ state: string; done: number; total: number }> = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/api/batches.status')) return;
      void response.json().then((body: { ok: boolean; value?: { state: string; done: number; total: number } }) => body.value && statuses.push(body.value));
    });
    await confirmStart(page, LETTERS);
    const progress = page.getByRole('progressbar', { name: 'Fortschritt' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('max', String(LETTERS));
    await expect(page.getByRole('heading', { name: '„Freier Brief“ wird erstellt' })).toBeFocused();
    await expect(page.getByText(new RegExp(`\\d+ von ${LETTERS} Briefen erstellt|Alle Briefe erstellt`)).first()).toBeVisible();
    // The batch may be done by now on a fast machine; look at the progress while it is there.
    if (await progress.isVisible()) await page.screenshot({ path: testInfo.outputPath('serial-progress.png'), fullPage: true });
    if (await progress.isVisible()) await expectNoSeriousA11yViolations(page, 'Serienbrief: Fortschritt');

    const done = page.getByRole('heading', { name: 'Serienbrief fertig' });
    await expect(done).toBeVisible({ timeout: 180_000 });
    await expect(done).toBeFocused();
    await expect(page.getByText(`${LETTERS} Briefe wurden erstellt und als Dokumente abgelegt.`)).toBeVisible();
    const running = statuses.filter((status) => status.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.map((status) => status.done)).toEqual(running.map((status) => status.done).sort((a, b) => a - b));
    expect(running.every((status) => status.total === LETTERS && status.done <= LETTERS)).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: 'done', done: LETTERS, total: LETTERS });

    // The preview: first page drawn, paging and zoom by buttons and keys.
    const preview = page.getByRole('region', { name: 'Serienbrief (PDF)' });
    await expect(preview.locator('canvas')).toBeVisible();
    await expect(preview.locator('canvas')).toHaveAttribute('aria-label', 'Seite 1 von 99');
    await expect(preview.getByText(`99 Seiten`)).toBeVisible();
    await preview.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect(preview.getByText('Seite 2 von 99', { exact: true })).toBeVisible();
    await preview.getByRole('region', { name: 'Seite 2 von 99' }).focus();
    await page.keyboard.press('PageDown');
    await expect(preview.getByText('Seite 3 von 99', { exact: true })).toBeVisible();
    await page.keyboard.press('End');
    await expect(preview.getByText('Seite 99 von 99', { exact: true })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(preview.getByText('Seite 1 von 99', { exact: true })).toBeVisible();
    const zoomText = preview.locator('.preview-zoom');
    await preview.getByRole('button', { name: 'Seitenbreite' }).click();
    const fitted = await zoomText.textContent();
    await preview.getByRole('button', { name: 'Vergrößern' }).click();
    await expect(zoomText).not.toHaveText(fitted ?? '');
    await expect(preview.getByRole('button', { name: 'Seitenbreite' })).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('0');
    await expect(zoomText).toHaveText(fitted ?? '');
    await expect(preview.locator('canvas')).toHaveAttribute('aria-label', 'Seite 1 von 99');
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Ergebnis');
    await page.screenshot({ path: testInfo.outputPath('serial-result.png'), fullPage: true });

    // Print in the browser: the PDF opens in a tab of its own for the browser's print dialog.
    const popupPromise = page.waitForEvent('popup');
    await preview.getByRole('button', { name: 'Drucken' }).click();
    const popup = await popupPromise;
    expect(popup.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await expect(preview.getByText('Das PDF ist in einem neuen Tab geöffnet.', { exact: false })).toBeVisible();
    await popup.close();

    // The PDF read back: 50 letters, each on the front of a new sheet, in the order of the names.
    const downloadPromise = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'PDF speichern' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^Serienbrief-Freier_Brief-\d{4}-\d{2}-\d{2}\.pdf$/);
    const saved = testInfo.outputPath('serienbrief.pdf');
    await download.saveAs(saved);
    expect(execFileSync('qpdf', ['--check', saved], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    // The built host writes it as PDF/A-2b (the full checks: test/db/batches.test.ts with test/pdf/pdfa-checks.ts): catalog, XMP, output intent.
    const bytes = fs.readFileSync(saved).toString('latin1');
    expect(bytes).toMatch(/\/Type \/Catalog\n\/Pages 1 0 R\n\/Metadata \d+ 0 R\n\/OutputIntents \[\d+ 0 R\]\n\/Lang \(de-DE\)/);
    expect(bytes).toContain('<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(bytes).toContain('<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>');
    const pages = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages).toHaveLength(2 * LETTERS - 1);
    for (let letter = 0; letter < LETTERS; letter += 1) {
      expect(pages[2 * letter], `page ${2 * letter + 1}`).toContain(`Test Serienbrief ${String(letter + 1).padStart(2, '0')}`);
      expect(pages[2 * letter]).toContain(SUBJECT);
      if (letter < LETTERS - 1) expect(pages[2 * letter + 1]!.trim()).toBe('');
    }
    expect(pages.join('\n')).not.toContain('Später');
    expect(pages.join('\n')).not.toContain('Ohne Straße');

    // Each letter is a final document of its own.
    const documents = await api(page, lotse, 'documents.list', { templateId: 'free-letter', status: 'final' });
    expect(documents.items).toHaveLength(LETTERS);
    expect(new Set(documents.items.map((document) => document.clientName)).size).toBe(LETTERS);
    expect(fs.statSync(saved).size).toBeGreaterThan(LETTERS * 5_000);
    // The print tab shows the PDF in Chromium's built-in viewer, an extension inside the browser: not a request off the machine.
    expect(foreignRequests(requests, lotse.origin).filter((url) => !url.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'))).toEqual([]);
  });

  test('a cancelled serial letter records nothing', async ({ page }) => {
    const before = (await api(page, lotse, 'documents.list', {})).items.length;
    await openSerialScreen(page, lotse);
    await fillLetter(page);
    await confirmStart(page, LETTERS);
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    const stopped = page.getByRole('heading', { name: 'Serienbrief abgebrochen' });
    await expect(stopped).toBeVisible();
    await expect(stopped).toBeFocused();
    await expect(page.getByText('Es wurde nichts gespeichert.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Serienbrief: abgebrochen');
    expect((await api(page, lotse, 'documents.list', {})).items.length).toBe(before);
    await page.getByRole('button', { name: 'Neuer Serienbrief' }).click();
    await expect(page.getByRole('radio', { name: 'Freier Brief' })).toBeVisible();
  });

  test('refuses a letter without a subject, at the field', async ({ page }) => {
    await openSerialScreen(page, lotse);
    await page.getByRole('combobox', { name: 'Aufenthaltsstatus' }).selectOption('p104c');
    await page.getByLabel('Text').fill('Nur Text.');
    // Without the permit filter the one whose permit ends much later is chosen too.
    await confirmStart(page, LETTERS + 1);
    await expect(page.getByLabel('Betreff')).toBeFocused();
    await expect(page.getByText('Bitte ausfüllen.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Fehler');
  });
});
