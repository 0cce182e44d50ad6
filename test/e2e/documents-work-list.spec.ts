import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, germanDate, isoDay, openApp, startBrowserHost, stopBrowserHost, test, type LotseHost } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * Issue 14, item 6 (documents half) and the reprint of item 2: the documents
 * list as a work list. A document copied for another person (with that
 * person's data), three documents printed as one PDF, and a finished serial
 * letter printed again from the list after one of its recipients was erased.
 */

/** A call straight to the browser host, as another script would make it. */
async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

async function a11yAtBothSizes(page: Page, screen: string): Promise<void> {
  for (const size of [WIDE, SMALL]) {
    await page.setViewportSize(size);
    await expectNoSeriousA11yViolations(page, `${screen} (${size.width}x${size.height})`);
  }
  await page.setViewportSize(WIDE);
}

function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const address = { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' };
const FIRST = 'Einladung zum Infoabend Anerkennung';
const SECOND = 'Terminbestaetigung Sprachkurs';
const THIRD = 'Unterlagen fuer die Kostenuebernahme';
const SERIAL = 'Sommerfest der Beratungsstelle';

test.describe.configure({ mode: 'serial' });

test.describe('the documents list as a work list', () => {
  // A host of its own: the counts and rows here must be exact.
  let lotse: LotseHost;
  let hostProcess: ChildProcess;
  let dataDir: string;
  const ids = { olena: '', omar: '', jan: '', petra: '', first: '', second: '', third: '' };

  test.beforeAll(async ({ browser }) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-worklist-'));
    ({ host: lotse, process: hostProcess } = await startBrowserHost(dataDir));
    const page = await browser.newPage();
    const person = async (familyName: string, givenName: string, birthDate: string) =>
      (await api(page, lotse, 'clients.create', { familyName, givenName, birthDate, address, residenceStatus: null, residenceValidUntil: null })).id;
    ids.olena = await person('Marchenko', 'Olena', '1981-02-14');
    ids.omar = await person('Hamdan', 'Omar', '1988-01-30');
    ids.jan = await person('Nowak', 'Jan', '1992-04-11');
    ids.petra = await person('Gelöscht', 'Petra', '1970-01-01');
    const letter = async (clientId: string, subject: string, final: boolean) => {
      const draft = await api(page, lotse, 'documents.create', {
        templateId: 'free-letter',
        clientId,
        partnerId: null,
        values: { subject, body: `Text zu ${subject}.` },
      });
      return final ? (await api(page, lotse, 'documents.finalize', { id: draft.id, omitFields: [] })).id : draft.id;
    };
    ids.first = await letter(ids.olena, FIRST, true);
    ids.second = await letter(ids.omar, SECOND, false);
    ids.third = await letter(ids.jan, THIRD, true);
    // A serial letter to four people, made through the API; one of them is erased afterwards.
    const started = await api(page, lotse, 'batches.render', {
      templateId: 'free-letter',
      values: { subject: SERIAL, body: 'wir laden Sie herzlich ein.' },
      filter: { clientIds: [ids.olena, ids.omar, ids.jan, ids.petra] },
      recipients: [ids.olena, ids.omar, ids.jan, ids.petra],
      duplex: false,
    });
    await expect.poll(async () => (await api(page, lotse, 'batches.status', { batchId: started.batchId })).state, { timeout: 60_000 }).toBe('done');
    await api(page, lotse, 'clients.erase', { id: ids.petra });
    await page.close();
  });

  test.afterAll(async () => {
    await stopBrowserHost(hostProcess);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openDocuments(page: Page): Promise<void> {
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumente' }).click();
    await expect(page.getByRole('heading', { name: 'Dokumente', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dokumente' })).toBeVisible();
  }

  test('a final letter copied for another person takes that person’s data; a draft duplicated for the same person', async ({ page }, testInfo) => {
    await openDocuments(page);
    await page.getByRole('button', { name: `Kopieren (${FIRST})` }).click();
    const dialog = page.getByRole('dialog', { name: 'Dokument kopieren' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Für Olena Marchenko (Duplikat)' })).toBeChecked();
    await dialog.getByRole('radio', { name: 'Für eine andere Person' }).check();
    await dialog.getByRole('searchbox', { name: 'Person suchen' }).fill('Hamdan');
    await dialog.getByRole('radio', { name: 'Hamdan, Omar, geb. 30.01.1988' }).check();
    await a11yAtBothSizes(page, 'Dokument kopieren');
    await shots(page, 'worklist-copy-dialog', testInfo.outputPath.bind(testInfo), dialog);
    await dialog.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await expect(dialog).toBeHidden();
    const done = page.getByRole('status').filter({ hasText: 'Entwurf für Omar Hamdan angelegt.' });
    await expect(done).toBeVisible();

    // The copy: Omar's draft with the letter's text, addressed to Omar; nothing of Olena in it.
    const copies = (await api(page, lotse, 'documents.list', { clientId: ids.omar, status: 'draft' })).items.filter((d) => d.values.subject === FIRST);
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(JSON.stringify(copy)).not.toContain('Marchenko');
    const rendered = await api(page, lotse, 'documents.render', { id: copy.id });
    const copyFile = testInfo.outputPath('copy.pdf');
    fs.writeFileSync(copyFile, Buffer.from(rendered.pdfBase64, 'base64'));
    const text = pdfPages(copyFile).join('\n');
    expect(text).toContain('Omar Hamdan');
    expect(text).toContain(`Text zu ${FIRST}.`);
    expect(text).not.toContain('Marchenko');
    // Olena's final letter is unchanged.
    expect(await api(page, lotse, 'documents.get', { id: ids.first })).toMatchObject({ status: 'final', clientId: ids.olena });
    await a11yAtBothSizes(page, 'Dokumente nach dem Kopieren');
    await shots(page, 'worklist-copied', testInfo.outputPath.bind(testInfo));

    // The link opens the new draft.
    await done.getByRole('link', { name: 'Entwurf öffnen' }).click();
    await expect(page).toHaveURL(new RegExp(`#/documents/${copy.id}$`));

    // A duplicate for the same person: the default choice.
    await openDocuments(page);
    await page.getByRole('button', { name: `Kopieren (${SECOND})` }).click();
    await page.getByRole('dialog', { name: 'Dokument kopieren' }).getByRole('button', { name: 'Entwurf anlegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Entwurf für Omar Hamdan angelegt.' })).toBeVisible();
    expect((await api(page, lotse, 'documents.list', { clientId: ids.omar, status: 'draft' })).items.filter((d) => d.values.subject === SECOND)).toHaveLength(
      2,
    );
  });

  test('three documents selected and printed as one PDF', async ({ page }, testInfo) => {
    await openDocuments(page);
    const table = page.getByRole('table', { name: 'Dokumente' });
    await table.getByRole('checkbox', { name: `${FIRST}, Olena Marchenko auswählen` }).check();
    // The original draft (the older of the two: the list is newest first), not the duplicate made above.
    await table
      .getByRole('checkbox', { name: `${SECOND}, Omar Hamdan auswählen` })
      .last()
      .check();
    await table.getByRole('checkbox', { name: `${THIRD}, Jan Nowak auswählen` }).check();
    await expect(page.getByText('3 Dokumente ausgewählt')).toBeVisible();
    await page.getByRole('button', { name: 'Ausgewählte als ein PDF drucken' }).click();
    const preview = page.getByRole('region', { name: 'Sammeldruck' });
    await expect(preview.getByRole('button', { name: 'PDF speichern' })).toBeVisible({ timeout: 30_000 });
    await expect(preview.locator('canvas')).toHaveAttribute('aria-label', /^Seite 1 von 3$/);
    await a11yAtBothSizes(page, 'Sammeldruck');
    await shots(page, 'worklist-print-selected', testInfo.outputPath.bind(testInfo));

    // Print in the browser: the PDF opens in a tab of its own, as a single document's does.
    const popupPromise = page.waitForEvent('popup');
    await preview.getByRole('button', { name: 'Drucken' }).click();
    const popup = await popupPromise;
    expect(popup.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await popup.close();

    const downloadPromise = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'PDF speichern' }).click();
    const saved = testInfo.outputPath('sammeldruck.pdf');
    await (await downloadPromise).saveAs(saved);
    expect(execFileSync('qpdf', ['--check', saved], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const pages = pdfPages(saved);
    expect(pages).toHaveLength(3);
    // In the order of the list (newest first): each page is one document's, the draft marked as such.
    const order = [THIRD, SECOND, FIRST];
    for (const [index, subject] of order.entries()) expect(pages[index], `page ${index + 1}`).toContain(`Text zu ${subject}.`);
    expect(pages[1]).toContain('ENTWURF');
    expect(pages[0]).not.toContain('ENTWURF');
    expect(pages[2]).not.toContain('ENTWURF');
    execFileSync('pdftoppm', ['-png', '-r', '40', saved, testInfo.outputPath('sammeldruck')]);
  });

  test('a serial letter printed again from the list: the letters still stored, one PDF', async ({ page }, testInfo) => {
    await openDocuments(page);
    const batches = page.getByRole('table', { name: 'Serienbriefe' });
    const label = `Serienbrief vom ${germanDate(isoDay())}, 3 Briefe`;
    await expect(batches.getByRole('cell', { name: label, exact: true })).toBeVisible();
    await batches.getByRole('button', { name: `Briefe zeigen (${label})` }).click();
    await expect(page.getByText(`Gezeigt: ${label}`)).toBeVisible();
    const table = page.getByRole('table', { name: 'Dokumente' });
    await expect(table.getByRole('row')).toHaveCount(4);
    await page.getByRole('checkbox', { name: 'Alle auswählen' }).check();
    await expect(page.getByText('3 Dokumente ausgewählt')).toBeVisible();
    await a11yAtBothSizes(page, 'Serienbrief in der Dokumentliste');
    await shots(page, 'worklist-batch', testInfo.outputPath.bind(testInfo));

    await batches.getByRole('button', { name: `Erneut drucken (${label})` }).click();
    const preview = page.getByRole('region', { name: label });
    await expect(preview.getByRole('button', { name: 'PDF speichern' })).toBeVisible({ timeout: 30_000 });
    await a11yAtBothSizes(page, 'Serienbrief erneut gedruckt');
    await shots(page, 'worklist-batch-reprint', testInfo.outputPath.bind(testInfo));
    const downloadPromise = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'PDF speichern' }).click();
    const saved = testInfo.outputPath('serienbrief-erneut.pdf');
    await (await downloadPromise).saveAs(saved);
    expect(execFileSync('qpdf', ['--check', saved], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const pages = pdfPages(saved);
    expect(pages).toHaveLength(3);
    // In the order of the family names; the erased person's letter is gone.
    expect(pages[0]).toContain('Omar Hamdan');
    expect(pages[1]).toContain('Olena Marchenko');
    expect(pages[2]).toContain('Jan Nowak');
    for (const page of pages) expect(page).toContain(SERIAL);
    expect(pages.join('\n')).not.toContain('Gelöscht');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', saved, testInfo.outputPath('serienbrief-erneut')]);
  });
});
