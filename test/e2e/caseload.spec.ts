import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, germanDate, isoDay, openApp, test, type LotseHost } from './fixtures';
import { decryptedBytes } from '../support/store-key';

/**
 * The caseload issue's "done when": hostile names and long notes shown as
 * text, search by every spelling and number, § 104c on the deadline list,
 * consent recorded and revoked, export as ZIP, erasure without a trace.
 */

// A mixed-script name with quotes and markup: it must arrive as text everywhere.
const HOSTILE_FAMILY_NAME = `O'Brien "Ивaнов" <script>alert(1)</script>`;
const VIETNAMESE_GIVEN_NAME = 'Thị Lan';
const CYRILLIC_SPELLING = 'Иванова';
const NOTE_LINE = 'Termin am 12.03.: „wichtig“ <b>fett</b> "doppelt" \'einfach\' & <i>kursiv</i> </p><img src=x onerror=alert(2)>\n';
const NOTES = NOTE_LINE.repeat(Math.ceil(5000 / NOTE_LINE.length)).slice(0, 5000);

/** A call straight to the browser host, as another script would make it. */
async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${lotse.token}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body, `${method} ${JSON.stringify(input)} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

async function openClient(page: Page, lotse: LotseHost, id: string): Promise<void> {
  await openApp(page, lotse);
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/clients/${encodeURIComponent(id)}`,
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Stammdaten' })).toBeVisible();
}

/** Types a query after an empty result, so the links seen afterwards are this query's results. */
async function search(page: Page, query: string): Promise<void> {
  const box = page.getByLabel('Suche', { exact: true });
  await box.fill('qqxqqxqq');
  await expect(page.getByText('Keine Klient*in gefunden.')).toBeVisible();
  await box.fill(query);
  await expect(page.getByText(/Klient\*in(nen)? gefunden\./)).toBeVisible();
}

const results = (page: Page) => page.locator('.result-list');

test.describe('caseload: people with several names, permits that run out, consents', () => {
  test('hostile names and 5,000-character notes are shown as text, in the form and on the page', async ({ page, lotse, requests }, testInfo) => {
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
    await page.getByRole('button', { name: 'Neue Klient*in' }).click();
    await expect(page.getByLabel('Familienname', { exact: true })).toBeFocused();

    await page.getByLabel('Familienname', { exact: true }).fill(HOSTILE_FAMILY_NAME);
    await page.getByLabel('Vorname', { exact: true }).fill(VIETNAMESE_GIVEN_NAME);
    await page.getByRole('button', { name: 'Schreibweise hinzufügen' }).click();
    await expect(page.getByLabel('Schreibweise 1', { exact: true })).toBeFocused();
    await page.getByLabel('Schreibweise 1', { exact: true }).fill(CYRILLIC_SPELLING);
    await page.getByLabel('Geschlecht', { exact: true }).selectOption({ label: 'weiblich' });
    await page.getByLabel('Geburtsdatum', { exact: true }).fill('21.07.1988');
    await page.getByRole('button', { name: 'Staatsangehörigkeit hinzufügen' }).click();
    await page.getByLabel('Staatsangehörigkeit 1', { exact: true }).fill('vietnamesisch');
    await page.getByLabel('Ort', { exact: true }).fill('Düren');
    await page.getByRole('group', { name: 'Beratungsfelder' }).getByLabel('Anerkennung ausländischer Abschlüsse').check();
    await page.getByLabel('Notizen', { exact: true }).fill(NOTES);
    await page.getByLabel('Aufenthaltsstatus', { exact: true }).selectOption('p24');
    await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await page.getByLabel('Sprache 1', { exact: true }).fill('Vietnamesisch');
    await page.getByLabel('Dolmetschen nötig (Sprache 1)', { exact: true }).check();
    // A second language row that is ticked but has no language: the core's message must land on that row.
    await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await page.getByLabel('Dolmetschen nötig (Sprache 2)', { exact: true }).check();
    await page.getByRole('button', { name: 'Abschluss hinzufügen' }).click();
    await page.getByLabel('Titel (Originalsprache) (Abschluss 1)', { exact: true }).fill('Kỹ sư xây dựng');
    await page.getByLabel('Titel (deutsch) (Abschluss 1)', { exact: true }).fill('Bauingenieurin');
    await page.getByLabel('Jahr (Abschluss 1)', { exact: true }).fill('2010');
    await page.getByLabel('Reglementiert (Abschluss 1)', { exact: true }).selectOption({ label: 'ja' });
    await page.getByLabel('Deutschniveau', { exact: true }).selectOption('B1');
    await expectNoSeriousA11yViolations(page, 'Neue Klient*in (ausgefüllt)');

    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const secondLanguage = page.getByLabel('Sprache 2', { exact: true });
    await expect(secondLanguage).toHaveAttribute('aria-invalid', 'true');
    await expect(secondLanguage).toBeFocused();
    // Nothing typed was lost.
    await expect(page.getByLabel('Familienname', { exact: true })).toHaveValue(HOSTILE_FAMILY_NAME);
    await expect(page.getByLabel('Notizen', { exact: true })).toHaveValue(NOTES);
    await expect(page.getByLabel('Schreibweise 1', { exact: true })).toHaveValue(CYRILLIC_SPELLING);
    await expectNoSeriousA11yViolations(page, 'Neue Klient*in (mit Fehler)');
    await page.getByRole('button', { name: 'Sprache 2 entfernen' }).click();
    await expect(page.getByLabel('Sprache 2', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();

    // The client page: every hostile value as text.
    const heading = page.getByRole('heading', { level: 1 });
    // The name in its own script (an other spelling in Cyrillic) stands beside the Latin form (issue 17).
    await expect(heading).toHaveText(`${VIETNAMESE_GIVEN_NAME} ${HOSTILE_FAMILY_NAME}${CYRILLIC_SPELLING}`);
    await expect(heading.getByText(CYRILLIC_SPELLING, { exact: true })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByText(HOSTILE_FAMILY_NAME, { exact: true })).toBeVisible();
    await expect(main.locator('dl.facts').getByText(CYRILLIC_SPELLING, { exact: true })).toBeVisible();
    await expect(main.getByText('Kỹ sư xây dựng', { exact: true })).toBeVisible();
    const notes = page.locator('.client-notes');
    expect(await notes.textContent()).toBe(NOTES);
    await expect(notes.locator('b, i, img, p')).toHaveCount(0);
    await expect(main.locator('script')).toHaveCount(0);
    for (const name of ['Stammdaten', 'Aufenthalt', 'Sprache & Qualifikation', 'Einwilligungen', 'Dokumente']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    // 5,000 characters of notes do not push the page sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'Klient*in mit feindseligen Werten');
    await page.screenshot({ path: testInfo.outputPath('client-page.png'), fullPage: true });

    // The edit form shows the same values.
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${VIETNAMESE_GIVEN_NAME} ${HOSTILE_FAMILY_NAME} bearbeiten`);
    await expect(page.getByLabel('Familienname', { exact: true })).toHaveValue(HOSTILE_FAMILY_NAME);
    await expect(page.getByLabel('Vorname', { exact: true })).toHaveValue(VIETNAMESE_GIVEN_NAME);
    await expect(page.getByLabel('Notizen', { exact: true })).toHaveValue(NOTES);
    await expect(page.getByLabel('Sprache 1', { exact: true })).toHaveValue('Vietnamesisch');
    await expect(page.getByLabel('Jahr (Abschluss 1)', { exact: true })).toHaveValue('2010');
    await expectNoSeriousA11yViolations(page, 'Klient*in bearbeiten');
    await page.screenshot({ path: testInfo.outputPath('edit-form.png'), fullPage: true });

    // A change is saved and the page says so.
    await page.getByLabel('Telefon', { exact: true }).fill('+49 2421 12345');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'wurden gespeichert' })).toBeVisible();
    await expect(main.getByText('+49 2421 12345', { exact: true })).toBeVisible();
    expect(await page.locator('.client-notes').textContent()).toBe(NOTES);

    expect(alerts).toEqual([]);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('clients are found by every spelling of their name, their birth date and their numbers', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const mueller = await api(page, lotse, 'clients.create', {
      familyName: 'Müller',
      givenName: 'Anna',
      customerNumber: '987D654321',
      address: { street: '', postalCode: '52349', city: 'Düren' },
    });
    const niessen = await api(page, lotse, 'clients.create', { familyName: 'Nießen', givenName: 'Silke', bgNumber: '98765BG0012345' });
    const nguyen = await api(page, lotse, 'clients.create', { familyName: 'Nguyễn', givenName: 'Thanh Hà', fileNumber: 'KIM-2026-0815' });
    const yilmaz = await api(page, lotse, 'clients.create', { familyName: 'Yılmaz', givenName: 'Şükrü', birthDate: '1990-03-12' });

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient*innen' }).click();
    await expect(page.getByText('12.03.1990', { exact: false }).first()).toBeVisible();
    const cases: Array<[string, { familyName: string; givenName: string }]> = [
      ['Muller', mueller],
      ['Mueller', mueller],
      ['Müller', mueller],
      ['987D654321', mueller],
      ['Niessen', niessen],
      ['Nießen', niessen],
      ['98765BG0012345', niessen],
      ['Nguyen', nguyen],
      ['Nguyễn', nguyen],
      ['KIM-2026-0815', nguyen],
      ['Sukru', yilmaz],
      ['Şükrü', yilmaz],
      ['12.03.1990', yilmaz],
      ['1990-03-12', yilmaz],
    ];
    for (const [query, client] of cases) {
      await search(page, query);
      await expect(results(page).getByRole('link', { name: `${client.familyName}, ${client.givenName}`, exact: true }), `search „${query}“`).toBeVisible();
    }
    // The result line says what tells people apart: birth date, city, file number.
    await search(page, 'Müller');
    await expect(results(page).getByRole('listitem').filter({ hasText: 'Müller, Anna' })).toContainText('Düren');
    await expect(results(page).getByRole('link', { name: 'Nießen, Silke' })).toHaveCount(0);
    await search(page, 'Nguyen');
    await expect(results(page).getByRole('listitem').filter({ hasText: 'Nguyễn, Thanh Hà' })).toContainText('Az. KIM-2026-0815');
    await search(page, 'Sukru');
    await expect(results(page).getByRole('listitem').filter({ hasText: 'Yılmaz, Şükrü' })).toContainText('geb. 12.03.1990');
    await expectNoSeriousA11yViolations(page, 'Suchergebnisse');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a § 104c permit running out shows on Start with the reminder text from the data', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    const { items: statuses } = await api(page, lotse, 'residenceStatuses.list', {});
    const p104c = statuses.find((status) => status.code === 'p104c');
    expect(p104c, 'residenceStatuses.list has p104c').toBeDefined();
    const reminder = p104c!.reminderText;
    expect(reminder.trim()).not.toBe('');
    expect(p104c!.expires).toBe(true);
    expect(p104c!.reminderLeadDays).toBeGreaterThanOrEqual(30);

    const validUntil = isoDay(30);
    const haddad = await api(page, lotse, 'clients.create', {
      familyName: 'Haddad',
      givenName: 'Omar',
      residenceStatus: 'p104c',
      residenceValidUntil: validUntil,
    });
    const overdueUntil = isoDay(-3);
    await api(page, lotse, 'clients.create', { familyName: 'Kowalczyk', givenName: 'Marta', residenceStatus: 'p104c', residenceValidUntil: overdueUntil });

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start', exact: true }).click();
    const deadlines = page.getByRole('region', { name: 'Fristen' });
    await expect(deadlines.getByRole('table')).toBeVisible();
    const row = deadlines.getByRole('row').filter({ has: page.getByRole('link', { name: /Haddad/ }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(germanDate(validUntil));
    await expect(row).toContainText('Aufenthalt läuft ab');
    // The status's legal note is shown once below the list, folded, not on every row.
    await expect(row).not.toContainText(reminder);
    await deadlines.locator('summary', { hasText: p104c!.label }).click();
    await expect(deadlines.getByText(reminder)).toBeVisible();
    await expect(row).not.toContainText('überfällig');
    const overdueRow = deadlines.getByRole('row').filter({ has: page.getByRole('link', { name: /Kowalczyk/ }) });
    await expect(overdueRow).toContainText('überfällig');
    await expect(overdueRow).toContainText(germanDate(overdueUntil));
    // Sorted by date: the overdue permit comes first.
    const names = await deadlines.getByRole('row').allTextContents();
    expect(names.findIndex((text) => text.includes('Kowalczyk'))).toBeLessThan(names.findIndex((text) => text.includes('Haddad')));
    await expectNoSeriousA11yViolations(page, 'Start mit Fristen');
    await page.screenshot({ path: testInfo.outputPath('start-deadlines.png'), fullPage: true });

    await row.getByRole('link', { name: /Haddad/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omar Haddad');
    await expect(page).toHaveURL(new RegExp(`#/clients/${haddad.id}$`));
    await expect(page.getByText(reminder, { exact: false })).toBeVisible();

    // The statuses are data, edited in Einstellungen.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Aufenthaltsstatus' })).toBeVisible();
    // Each status is a row that opens with the keyboard.
    const summary = page.locator('summary').filter({ hasText: p104c!.label });
    await summary.focus();
    await page.keyboard.press('Enter');
    const reminderField = page.getByLabel(`Hinweistext – ${p104c!.label}`, { exact: true });
    await expect(reminderField).toBeVisible();
    await expect(reminderField).toHaveValue(reminder);
    await expect(page.getByLabel(`Läuft ab (erscheint in den Fristen) – ${p104c!.label}`, { exact: true })).toBeChecked();
    await expect(page.getByRole('button', { name: `Status „${p104c!.label}“ speichern` })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Einstellungen mit Aufenthaltsstatus');
    await page.getByRole('heading', { level: 2, name: 'Aufenthaltsstatus' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('settings-statuses.png'), fullPage: true });
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a consent is recorded, covers its recipient, and is revoked', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    const client = await api(page, lotse, 'clients.create', { familyName: 'Petrenko', givenName: 'Olena' });
    await openClient(page, lotse, client.id);
    await expect(page.getByText('Für diese Klient*in ist noch keine Einwilligung erfasst.')).toBeVisible();

    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    // The recipient is picked from the network directory: the seeded youth migration service.
    const recipient = page.getByLabel('Empfänger 1', { exact: true });
    await expect(recipient).toBeFocused();
    await recipient.selectOption({ label: 'Jugendmigrationsdienst (JMD) – SkF Düren' });
    await page.getByLabel('Zweck 1', { exact: true }).fill('Vermittlung in einen Berufssprachkurs');
    await page.getByLabel('Unterschrieben am', { exact: true }).fill(germanDate(isoDay()));
    // Without a data category the core refuses; the message stands at the group and nothing is lost.
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const dataGroup = page.getByRole('group', { name: 'Datenarten' });
    await expect(dataGroup).toBeFocused();
    await expect(dataGroup.getByText('Bitte mindestens eine Datenart wählen.')).toBeVisible();
    await expect(recipient).toHaveValue('seed-jmd');

    await page.getByLabel('Personalien (Name, Geburtsdatum, Staatsangehörigkeit)').check();
    await page.getByLabel('Kontaktdaten (Anschrift, Telefon, E-Mail)').check();
    await page.getByLabel('gegenseitig (in beide Richtungen)').check();
    await page.getByLabel('Erläutert in Sprache', { exact: true }).fill('Ukrainisch');
    await expect(page.getByRole('group', { name: 'Gesundheitsdaten (Art. 9 DSGVO)' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Einwilligung erfassen');
    await page.getByRole('group', { name: 'Empfänger' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('consent-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();

    const consent = page.getByRole('article', { name: 'Einwilligung für Jugendmigrationsdienst (JMD)' });
    await expect(consent).toBeVisible();
    await expect(consent).toContainText('gültig');
    await expect(consent).toContainText(germanDate(isoDay()));
    await expect(consent).toContainText('Vermittlung in einen Berufssprachkurs');
    await expect(consent).toContainText('gegenseitig');
    await expect(consent).toContainText('nicht eingeschlossen');
    expect(await api(page, lotse, 'consents.covers', { clientId: client.id, partnerId: 'seed-jmd' })).toMatchObject({ covered: true });
    expect(await api(page, lotse, 'consents.covers', { clientId: client.id, recipientName: 'Jugendmigrationsdienst (JMD)' })).toMatchObject({
      covered: true,
    });
    await expectNoSeriousA11yViolations(page, 'Einwilligungen');
    await page.getByRole('heading', { level: 2, name: 'Einwilligungen' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('consent-section.png'), fullPage: true });

    await consent.getByRole('button', { name: /^Widerrufen/ }).click();
    const revokedOn = consent.getByLabel(/^Widerrufen am/);
    await expect(revokedOn).toBeFocused();
    await expect(revokedOn).toHaveValue(germanDate(isoDay()));
    await expectNoSeriousA11yViolations(page, 'Widerruf');
    await consent.getByRole('button', { name: 'Widerruf speichern' }).click();
    await expect(consent).toContainText(`widerrufen am ${germanDate(isoDay())}`);
    await expect(consent.getByRole('button', { name: /^Widerrufen/ })).toHaveCount(0);
    expect(await api(page, lotse, 'consents.covers', { clientId: client.id, partnerId: 'seed-jmd' })).toMatchObject({ covered: false });
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('"Daten exportieren" downloads a ZIP with everything held about the person', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    const client = await api(page, lotse, 'clients.create', {
      familyName: 'Exportowicz',
      givenName: 'Jan',
      otherNames: ['Эксportович'],
      notes: 'Bitte um Auskunft nach Art. 15 DSGVO.',
    });
    await api(page, lotse, 'consents.create', {
      clientId: client.id,
      recipients: [{ partnerId: null, name: 'Migrationsberatung für erwachsene Zuwanderer' }],
      purposes: ['Beratung zum Familiennachzug'],
      dataCategories: ['identity'],
      signedOn: isoDay(),
    });
    await openClient(page, lotse, client.id);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Daten exportieren' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const saved = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = unzipSync(new Uint8Array(bytes));
    const jsonNames = Object.keys(entries).filter((name) => name.endsWith('.json'));
    expect(jsonNames.length).toBeGreaterThan(0);
    const json = jsonNames.map((name) => strFromU8(entries[name]!)).join('\n');
    expect(json).toContain('Exportowicz');
    expect(json).toContain('Эксportович');
    expect(json).toContain('Migrationsberatung für erwachsene Zuwanderer');
    await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('erasing a client leaves no trace of the name in the database files', async ({ page, lotse, requests }) => {
    const FAMILY_NAME = 'Zyxwabcq';
    const databaseFiles = () =>
      ['lotse.sqlite', 'lotse.sqlite-wal']
        .map((name) => path.join(lotse.dataDir, name))
        .filter((file) => fs.existsSync(file))
        // Raw, and as they would be unencrypted (the store is encrypted at rest: test/db/encryption-at-rest.test.ts).
        .flatMap((file) => [fs.readFileSync(file), decryptedBytes(file, path.join(lotse.dataDir, 'lotse.sqlite'))]);
    const traces = () =>
      databaseFiles().some(
        (bytes) => bytes.includes(Buffer.from(FAMILY_NAME, 'utf8')) || bytes.toString('latin1').toLowerCase().includes(FAMILY_NAME.toLowerCase()),
      );

    await openApp(page, lotse);
    const client = await api(page, lotse, 'clients.create', {
      familyName: FAMILY_NAME,
      givenName: 'Quentin',
      otherNames: ['Zyxwäbcq'],
      customerNumber: 'ZX-4711',
      notes: `${FAMILY_NAME} kam am Montag.`,
    });
    await api(page, lotse, 'consents.create', {
      clientId: client.id,
      recipients: [{ partnerId: null, name: 'Jugendmigrationsdienst' }],
      purposes: [`Überleitung ${FAMILY_NAME}`],
      dataCategories: ['identity', 'contact'],
      signedOn: isoDay(),
    });
    await api(page, lotse, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: `Einladung für ${FAMILY_NAME}`, body: 'Bitte kommen Sie am Montag.' },
    });
    expect(fs.existsSync(path.join(lotse.dataDir, 'lotse.sqlite'))).toBe(true);
    expect(traces(), 'the name is in the database before the erasure (else the check below means nothing)').toBe(true);

    await openClient(page, lotse, client.id);
    const eraseButton = page.getByRole('button', { name: 'Löschen', exact: true });
    await eraseButton.click();
    const dialog = page.getByRole('dialog', { name: 'Quentin Zyxwabcq endgültig löschen?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Alle Daten, Einwilligungen und Dokumente dieser Person werden endgültig gelöscht.');
    await expect(dialog).toContainText('nur vermerkt, dass eine Löschung stattgefunden hat');
    const confirm = dialog.getByRole('button', { name: 'Endgültig löschen' });
    await expect(confirm).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'Löschen bestätigen');
    // Escape cancels and gives focus back to the button that opened the dialog.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(eraseButton).toBeFocused();

    await eraseButton.click();
    const typed = dialog.getByLabel('Zur Bestätigung den Familiennamen eingeben');
    await expect(typed).toBeFocused();
    await typed.fill('Zyxwabc');
    await expect(confirm).toBeDisabled();
    await typed.fill(FAMILY_NAME);
    await expect(confirm).toBeEnabled();
    // Tab stays inside the dialog.
    for (let step = 0; step < 4; step += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await confirm.click();

    await expect(page).toHaveURL(/#\/clients$/);
    await expect(page.getByRole('status').filter({ hasText: 'Quentin Zyxwabcq wurde endgültig gelöscht.' })).toBeVisible();
    await page.getByLabel('Suche', { exact: true }).fill(FAMILY_NAME);
    await expect(page.getByText('Keine Klient*in gefunden.')).toBeVisible();
    await page.getByLabel('Suche', { exact: true }).fill('ZX-4711');
    await expect(page.getByText('Keine Klient*in gefunden.')).toBeVisible();

    expect(traces(), 'the name (or its folded form) is still in lotse.sqlite or its WAL').toBe(false);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });
});
