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
 * Issue 14, serial letters with a safety net: the letter is written with
 * merge fields inserted from the list beside the text, a sample of each
 * recipient's letter is shown (paged) before anything is written, a person
 * whose record leaves a merge field empty blocks the start until they are
 * left out, the start asks "3 Briefe endgültig erstellen?" with focus on
 * Abbrechen, and then exactly the ticked people have their letter.
 */

async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

const address = { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' };
const APPOINTMENT_DAY = isoDay(21);
const PLACE = 'Raum 2.14, Rathaus Düren';

test.describe.configure({ mode: 'serial' });

test.describe('serial letters with a safety net', () => {
  let lotse: LotseHost;
  let hostProcess: ChildProcess;
  let dataDir: string;

  test.beforeAll(async ({ browser }) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-serial-net-'));
    ({ host: lotse, process: hostProcess } = await startBrowserHost(dataDir));
    const page = await browser.newPage();
    const people: Array<[string, string, string | null]> = [
      ['Albers', 'Jana', isoDay(40)],
      ['Brandt', 'Milan', isoDay(55)],
      ['Celik', 'Deniz', isoDay(70)],
      ['Dorn', 'Ohne', null],
    ];
    for (const [familyName, givenName, residenceValidUntil] of people) {
      await api(page, lotse, 'clients.create', { familyName, givenName, residenceStatus: 'p104c', residenceValidUntil, address });
    }
    await api(page, lotse, 'clients.create', { familyName: 'Anderer', givenName: 'Status', residenceStatus: 'p25a', residenceValidUntil: isoDay(30), address });
    await page.close();
  });

  test.afterAll(async () => {
    await stopBrowserHost(hostProcess);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('sample, paging, one person left out, merge fields filled, confirmation, then N-1 documents', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize(WIDE);
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumente' }).click();
    await page.getByRole('link', { name: 'Serienbrief erstellen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Serienbrief' })).toBeVisible();

    // No criterion means no one: "alle" is a choice of its own, with the count.
    await expect(page.getByRole('radio', { name: 'alle 5 Klient*innen' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Klient*innen nach Merkmalen auswählen' })).toBeChecked();
    await expect(page.getByText('Bitte mindestens ein Merkmal wählen – oder oben ausdrücklich alle Klient*innen.')).toBeVisible();
    // Counts in the filter read as German.
    const months = page.getByLabel('Erlaubnis endet');
    await expect(months.locator('option', { hasText: 'im nächsten Monat' })).toHaveCount(1);
    await expect(months.locator('option', { hasText: 'in den nächsten 3 Monaten' })).toHaveCount(1);

    // The text, with merge fields inserted at the cursor from the list beside it (by mouse and by keyboard).
    const subject = page.getByLabel('Betreff');
    await subject.fill('Ihr Termin am ');
    await page.getByRole('button', { name: '{{appointment.date}} (Termin: Datum) einfügen' }).click();
    await expect(subject).toHaveValue('Ihr Termin am {{appointment.date}}');
    await expect(subject).toBeFocused();
    const body = page.getByRole('textbox', { name: 'Text' });
    await body.fill('Ihre Aufenthaltserlaubnis gilt bis ');
    await page.getByRole('button', { name: '{{client.residenceValidUntil}} (Aufenthalt gültig bis) einfügen' }).focus();
    await page.keyboard.press('Enter');
    await expect(body).toBeFocused();
    await page.keyboard.type('. Bitte kommen Sie am ');
    await page.getByRole('button', { name: '{{appointment.date}} (Termin: Datum) einfügen' }).click();
    await page.keyboard.type(' um ');
    await page.getByRole('button', { name: '{{appointment.time}} (Termin: Uhrzeit) einfügen' }).click();
    await page.keyboard.type(' Uhr in ');
    await page.getByRole('button', { name: '{{appointment.place}} (Termin: Ort) einfügen' }).click();
    await page.keyboard.type('.\n\nIhre Ansprechpartnerin: ');
    await page.getByRole('button', { name: '{{settings.counselor.name}} (Berater*in: Name) einfügen' }).click();
    await expect(body).toHaveValue(
      'Ihre Aufenthaltserlaubnis gilt bis {{client.residenceValidUntil}}. Bitte kommen Sie am {{appointment.date}} um {{appointment.time}} Uhr in {{appointment.place}}.\n\nIhre Ansprechpartnerin: {{settings.counselor.name}}',
    );
    await page.getByLabel('Datum des Termins').fill(APPOINTMENT_DAY);
    await page.getByRole('textbox', { name: 'Uhrzeit' }).fill('09:30');
    await page.getByRole('textbox', { name: 'Ort', exact: true }).fill(PLACE);

    // The recipients, each with a tick; the one whose record lacks the permit's end says so.
    await page.getByRole('combobox', { name: 'Aufenthaltsstatus' }).selectOption('p104c');
    await expect(page.getByRole('status').filter({ hasText: '4 Klient*innen bekommen den Brief.' })).toBeVisible();
    const recipients = page.getByRole('group', { name: 'Empfänger*innen: Haken entfernen, um jemanden auszulassen' });
    await expect(recipients.getByRole('checkbox')).toHaveCount(4);
    await expect(recipients.getByText('4 von 4 angehakt')).toBeVisible();
    await expect(recipients.getByText('fehlt: Aufenthalt gültig bis')).toBeVisible();

    // The sample: the first letter as it will print, then paging.
    const sample = page.getByRole('region', { name: '4. Musterbrief' });
    await expect(sample.getByText('Brief 1 von 4: Jana Albers')).toBeVisible();
    const pdf = sample.getByRole('region', { name: 'Musterbrief (PDF)' });
    await expect(pdf.locator('canvas')).toBeVisible({ timeout: 30_000 });
    await expect(pdf.locator('canvas')).toHaveAttribute('aria-label', 'Seite 1 von 1');
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Musterbrief (1280×800)');
    await shots(page, 'serial-net-sample', (name) => testInfo.outputPath(name));
    await page.setViewportSize(SMALL);
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Musterbrief (1024×640)');
    await page.setViewportSize(WIDE);

    // The sample PDF as the recipient would hold it.
    const downloadPromise = page.waitForEvent('download');
    await pdf.getByRole('button', { name: 'PDF speichern' }).click();
    const saved = testInfo.outputPath('musterbrief.pdf');
    await (await downloadPromise).saveAs(saved);
    // Words as the recipient reads them, lines joined.
    const sampleText = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(sampleText).toContain('Jana Albers');
    expect(sampleText).toContain(`Ihr Termin am ${germanDate(APPOINTMENT_DAY)}`);
    expect(sampleText).toContain(`gilt bis ${germanDate(isoDay(40))}`);
    expect(sampleText).toContain(`am ${germanDate(APPOINTMENT_DAY)} um 09:30 Uhr in ${PLACE}`);
    expect(sampleText).toContain('Erika Mustermann');
    expect(sampleText).toContain('ENTWURF');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', saved, testInfo.outputPath('musterbrief')]);

    await sample.getByRole('button', { name: 'Vor: nächster Brief' }).click();
    await expect(sample.getByText('Brief 2 von 4: Milan Brandt')).toBeVisible();
    await sample.getByRole('button', { name: 'Vor: nächster Brief' }).click();
    await sample.getByRole('button', { name: 'Vor: nächster Brief' }).click();
    await expect(sample.getByText('Brief 4 von 4: Ohne Dorn')).toBeVisible();
    await expect(sample.getByText('In diesem Brief bleibt leer: Aufenthalt gültig bis. Bitte in der Akte ergänzen oder die Person abwählen.')).toBeVisible();
    await sample.getByRole('button', { name: 'Zurück: vorheriger Brief' }).click();
    await expect(sample.getByText('Brief 3 von 4: Deniz Celik')).toBeVisible();

    // Nothing stored by previewing.
    expect((await api(page, lotse, 'documents.list', {})).items).toHaveLength(0);

    // Starting with the unfilled person ticked is refused, in German; leaving them out lets it go on.
    await page.getByRole('button', { name: '4 Briefe erstellen' }).click();
    const blocked = page.getByText('Bei 1 angehakten Person bleiben Platzhalter leer: Ohne Dorn.', { exact: false });
    await expect(blocked).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await recipients.getByRole('checkbox', { name: 'Ohne Dorn' }).uncheck();
    await expect(recipients.getByText('3 von 4 angehakt')).toBeVisible();
    await expect(sample.getByText('Brief 3 von 3: Deniz Celik')).toBeVisible();

    // The confirmation names the count; focus starts on Abbrechen, Escape closes it without writing.
    await page.getByRole('button', { name: '3 Briefe erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: '3 Briefe endgültig erstellen?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Bestätigung (1280×800)');
    await shots(page, 'serial-net-confirm', (name) => testInfo.outputPath(name));
    await page.setViewportSize(SMALL);
    await expectNoSeriousA11yViolations(page, 'Serienbrief: Bestätigung (1024×640)');
    await page.setViewportSize(WIDE);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: '3 Briefe erstellen' })).toBeFocused();
    expect((await api(page, lotse, 'documents.list', {})).items).toHaveLength(0);

    // By keyboard: open, step from Abbrechen to the action, confirm.
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: '3 Briefe erstellen' })).toBeFocused();
    await page.keyboard.press('Enter');

    const done = page.getByRole('heading', { name: 'Serienbrief fertig' });
    await expect(done).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText('3 Briefe wurden erstellt und als Dokumente abgelegt.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Serienbrief: fertig');

    // Exactly the ticked people have their letter, with the merge fields filled.
    const documents = (await api(page, lotse, 'documents.list', { templateId: 'free-letter', status: 'final' })).items;
    expect(documents.map((document) => document.clientName).sort()).toEqual(['Deniz Celik', 'Jana Albers', 'Milan Brandt']);
    const celik = documents.find((document) => document.clientName.includes('Celik'))!;
    expect(celik.values).toMatchObject({
      subject: `Ihr Termin am ${germanDate(APPOINTMENT_DAY)}`,
      body: expect.stringContaining(`gilt bis ${germanDate(isoDay(70))}. Bitte kommen Sie am ${germanDate(APPOINTMENT_DAY)} um 09:30 Uhr in ${PLACE}.`),
    });

    await page.getByRole('link', { name: 'Zu den Dokumenten', exact: true }).click();
    await expect(page.getByText('3 Dokumente')).toBeVisible();
    await shots(page, 'serial-net-documents', (name) => testInfo.outputPath(name));
  });
});
