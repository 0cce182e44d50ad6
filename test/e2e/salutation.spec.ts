import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Client, LotseDocument } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { api, expect, foreignRequests, goTo, openApp, test } from './fixtures';
import { windowShots } from './shots';

/**
 * Issue 11, item 3, through the UI: a partner's contact person gets a form
 * of address and a title in the partner form; a letter to that partner names
 * the contact in the editor's "Ansprechperson" select (by keyboard), the
 * "Anrede" field shows the greeting the core will print, and the PDF from
 * the preview carries the contact's line and that greeting, or the
 * counselor's own. Screenshots at 1280×800 and 1024×640 for a person to look
 * at go to /tmp/i11-salutation/ (and test-results).
 */

const SHOTS = '/tmp/i11-salutation';
const PARTNER = 'Jugendmigrationsdienst Düren (Anrede)';

/** Opens the preview, saves its PDF, and gives back its text (and a PNG of page 1 in SHOTS). */
async function previewText(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Vorschau', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  const downloadPromise = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'PDF speichern' }).click();
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.mkdirSync(SHOTS, { recursive: true });
  await (await downloadPromise).saveAs(file);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, `${name}-page1`)]);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test.describe('salutation and contact person of a letter', () => {
  test("the partner form records the form of address; the letter greets the chosen contact, or the counselor's own words", async ({
    page,
    lotse,
    requests,
  }) => {
    // Screenshots at two sizes, a preview and two PDFs read back: slow on a shared two-core desk.
    test.slow();
    await openApp(page, lotse);
    const partner = await api(page, lotse, 'partners.create', {
      name: PARTNER,
      department: 'Beratung junger Menschen',
      address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
      contacts: [{ name: 'Anna Schmitz', role: 'Teamleitung' }],
    });
    const client = await api(page, lotse, 'clients.create', {
      familyName: 'Kovalenko',
      givenName: 'Olena',
      sex: 'female',
      address: { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' },
    });

    // The contact's form of address and title, in the partner form.
    await goTo(page, `#/network/${encodeURIComponent(partner.id)}/edit`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${PARTNER} bearbeiten`);
    await page.getByLabel('Anrede (Ansprechperson 1)', { exact: true }).selectOption('Frau');
    await page.getByLabel('Titel (Ansprechperson 1)', { exact: true }).fill('Dr.');
    await expectNoSeriousA11yViolations(page, 'Partnerstelle bearbeiten');
    await page.getByRole('heading', { name: 'Ansprechpersonen' }).scrollIntoViewIfNeeded();
    await windowShots(page, SHOTS, 'partner-form-contact');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'wurden gespeichert' })).toBeVisible();
    const saved = await api(page, lotse, 'partners.get', { id: partner.id });
    expect(saved.contacts[0]).toMatchObject({ name: 'Anna Schmitz', formOfAddress: 'Frau', title: 'Dr.' });

    // A free letter to the partner: first to the agency as a whole.
    const document: LotseDocument = await api(page, lotse, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      partnerId: partner.id,
      values: { subject: 'Anmeldung zur Beratung', body: 'wir bitten Sie, Frau Kovalenko zu beraten.' },
    });
    await goTo(page, `#/documents/${encodeURIComponent(document.id)}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Olena Kovalenko');
    const contact = page.getByLabel('Ansprechperson', { exact: true });
    const salutation = page.getByLabel('Anrede', { exact: true });
    await expect(salutation).toHaveValue('Sehr geehrte Damen und Herren,');

    // The contact, chosen by keyboard: the greeting follows at once.
    await contact.focus();
    await page.keyboard.press('ArrowDown');
    await expect(contact).toHaveValue(saved.contacts[0]!.id);
    await expect(salutation).toHaveValue('Sehr geehrte Frau Dr. Schmitz,');
    await expect(page.getByRole('status').filter({ hasText: /^Gespeichert \d{2}:\d{2}$/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Brief mit Ansprechperson');
    await windowShots(page, SHOTS, 'editor-contact');

    const text = await previewText(page, 'letter-contact');
    expect(text).toContain(`${PARTNER} Beratung junger Menschen Frau Dr. Anna Schmitz Kölnstraße 12 52351 Düren`);
    expect(text).toContain('Sehr geehrte Frau Dr. Schmitz,');
    await expectNoSeriousA11yViolations(page, 'Vorschau');
    await windowShots(page, SHOTS, 'editor-preview');
    // Back at full width the preview leaves its dialog for the side panel and its heading takes focus: type only after
    // that, as a counselor would (a fill racing that focus once typed into nothing).
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Vorschau' }).getByRole('heading', { name: 'Vorschau' })).toBeFocused();

    // The counselor's own greeting wins; emptying the field brings the computed one back.
    await salutation.fill('Liebe Frau Dr. Schmitz,');
    await page.keyboard.press('Tab');
    await expect(page.getByText('Eigene Anrede für diesen Brief.', { exact: false })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Gespeichert \d{2}:\d{2}$/ })).toBeVisible();
    const rendered = await api(page, lotse, 'documents.render', { id: document.id });
    const overrideFile = path.join(SHOTS, 'letter-override.pdf');
    fs.writeFileSync(overrideFile, Buffer.from(rendered.pdfBase64, 'base64'));
    expect(execFileSync('pdftotext', [overrideFile, '-'], { encoding: 'utf8' })).toContain('Liebe Frau Dr. Schmitz,');
    expect((await api(page, lotse, 'documents.get', { id: document.id })).salutationOverride).toBe('Liebe Frau Dr. Schmitz,');
    await salutation.fill('');
    await page.keyboard.press('Tab');
    await expect(salutation).toHaveValue('Sehr geehrte Frau Dr. Schmitz,');
    await expect.poll(async () => (await api(page, lotse, 'documents.get', { id: document.id })).salutationOverride, { timeout: 10_000 }).toBeNull();

    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the client form takes a title; a letter to the client greets by sex and title', async ({ page, lotse }) => {
    test.slow();
    await openApp(page, lotse);
    const client: Client = await api(page, lotse, 'clients.create', {
      familyName: 'Yılmaz-Öztürk',
      givenName: 'Mehmet',
      sex: 'male',
      address: { street: 'Markt 1', postalCode: '52349', city: 'Düren' },
    });
    await goTo(page, `#/clients/${encodeURIComponent(client.id)}/edit`);
    await page.getByLabel('Titel in der Anrede', { exact: true }).fill('Dr.');
    await expectNoSeriousA11yViolations(page, 'Klient*in bearbeiten');
    await page.getByLabel('Geschlecht', { exact: true }).scrollIntoViewIfNeeded();
    await windowShots(page, SHOTS, 'client-form-title');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    // The saved notice, not "Wird gespeichert …": the save navigates when it ends, and would undo a navigation made before.
    await expect(page.getByRole('status').filter({ hasText: 'Die Änderungen an Mehmet Yılmaz-Öztürk wurden gespeichert.' })).toBeVisible();

    const document: LotseDocument = await api(page, lotse, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Ihr Termin', body: 'bitte kommen Sie um 10 Uhr.' },
    });
    await goTo(page, `#/documents/${encodeURIComponent(document.id)}`);
    await expect(page.getByLabel('Anrede', { exact: true })).toHaveValue('Sehr geehrter Herr Dr. Yılmaz-Öztürk,');
    // A letter to the client has no contact person to choose.
    await expect(page.getByLabel('Ansprechperson', { exact: true })).toHaveCount(0);
    const text = await previewText(page, 'letter-client');
    expect(text).toContain('Herrn Dr. Mehmet Yılmaz-Öztürk Markt 1 52349 Düren');
    expect(text).toContain('Sehr geehrter Herr Dr. Yılmaz-Öztürk,');
  });
});
