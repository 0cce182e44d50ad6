import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput, Partner } from '../../shared/api/contract';
import { strToU8, zipSync } from 'fflate';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, openApp, startBrowserHost, stopBrowserHost, test, type LotseHost } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * The network issue's "done when": the seeded district actors are listed as
 * unverified; a course provider with a contact is added through the UI;
 * the directory is exported, wiped on a second desk and imported there
 * (same ids, same content), a second import changes nothing, and a broken
 * or foreign file is refused without touching the directory.
 */

// Markup and an ampersand in a name: text everywhere, in the list, the page, the file and the address block.
const COURSE_PROVIDER = 'Sprachschule Rur <Test> & Söhne';

/** A call straight to a browser host, as another script would make it. */
async function api<M extends MethodName>(request: APIRequestContext, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await request.post(`${lotse.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${lotse.token}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body, `${method} ${JSON.stringify(input)} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

/** What a directory holds, in a form two desks can compare: everything but the timestamps of each desk. */
function comparable(partners: readonly Partner[]): Array<Omit<Partner, 'createdAt' | 'updatedAt'>> {
  return [...partners].sort((a, b) => a.id.localeCompare(b.id)).map(({ createdAt: _createdAt, updatedAt: _updatedAt, ...rest }) => rest);
}

/** Today in the local time zone, as the host and the browser see it, typed the German way (TT.MM.JJJJ). */
function today(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

async function directory(request: APIRequestContext, lotse: LotseHost): Promise<Partner[]> {
  return (await api(request, lotse, 'partners.list', { includeArchived: true })).items;
}

async function openNetwork(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Netzwerk' })).toBeVisible();
  // Loaded: the list's status says how many entries there are, or that there are none.
  await expect(page.getByRole('status').filter({ hasText: /Partnerstellen?$|Das Verzeichnis ist leer/ })).toBeVisible();
}

const partnerList = (page: Page) => page.getByRole('list', { name: 'Partnerstellen' });
const entry = (page: Page, name: string) =>
  partnerList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

/** Chooses a file in "Importieren" and asks for the preview. */
async function previewImport(page: Page, file: string | string[]): Promise<void> {
  await page.getByLabel(/^Datei\(en\):/).setInputFiles(file);
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
}

test.describe('network: the directory of partner agencies', () => {
  test('the seeded directory lists the district actors as unverified, and the filters narrow it', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    await openNetwork(page);
    for (const name of [
      'job-com – kommunales Jobcenter des Kreises Düren',
      'Jugendmigrationsdienst (JMD)',
      'Migrationsberatung für erwachsene Zuwanderer (MBE)',
      'IQ Netzwerk NRW',
      'Volkshochschule Rur-Eifel',
      'Agentur für Arbeit',
      'IHK FOSA',
      'Handwerkskammer',
      'low-tec',
    ]) {
      const item = entry(page, name);
      await expect(item, name).toHaveCount(1);
      // Unverified is said in words, not by colour alone.
      await expect(item, name).toContainText('ungeprüft');
    }
    // Two entries are "Kreis Düren": the department (and the city) tell them apart.
    await expect(partnerList(page).getByRole('listitem').filter({ hasText: 'Kommunales Integrationszentrum' })).toContainText('Düren');
    await expect(partnerList(page).getByRole('listitem').filter({ hasText: 'Ausländerbehörde' })).toHaveCount(1);
    await expect(entry(page, 'job-com – kommunales Jobcenter des Kreises Düren')).toContainText('Team Zuwanderung');
    await expect(entry(page, 'job-com – kommunales Jobcenter des Kreises Düren')).toContainText('Anerkennung');
    await expectNoSeriousA11yViolations(page, 'Netzwerk');
    await page.screenshot({ path: testInfo.outputPath('network-list.png'), fullPage: true });

    // Search and filters.
    const search = page.getByLabel('Suche im Netzwerk', { exact: true });
    await search.fill('Jugendmigration');
    await expect(page.getByRole('status').filter({ hasText: '1 Partnerstelle' })).toBeVisible();
    await expect(entry(page, 'Jugendmigrationsdienst (JMD)')).toHaveCount(1);
    await search.fill('qqxqqxqq');
    await expect(page.getByText('Keine Partnerstelle gefunden.')).toBeVisible();
    await search.fill('');
    await page.getByLabel('Beratungsfeld', { exact: true }).selectOption({ label: 'Duldung und Gestattung' });
    await expect(partnerList(page).getByRole('listitem').filter({ hasText: 'Ausländerbehörde' })).toHaveCount(1);
    await expect(entry(page, 'IHK FOSA')).toHaveCount(0);
    await page.getByLabel('Beratungsfeld', { exact: true }).selectOption({ label: 'alle Beratungsfelder' });
    await page.getByLabel('Prüfstand', { exact: true }).selectOption({ label: 'geprüft' });
    await expect(page.getByText('Keine Partnerstelle gefunden.')).toBeVisible();
    await page.getByLabel('Prüfstand', { exact: true }).selectOption({ label: 'ungeprüft' });
    await expect(entry(page, 'IHK FOSA')).toHaveCount(1);
    await page.getByLabel('Prüfstand', { exact: true }).selectOption({ label: 'alle' });
    await expect(page.getByLabel('Archivierte zeigen', { exact: true })).not.toBeChecked();

    // Entries a letter cannot reach are marked in words; the seeded JMD has no street (DOMAIN.md).
    await expect(entry(page, 'Jugendmigrationsdienst (JMD)')).toContainText('Anschrift fehlt');
    await expect(entry(page, 'job-com – kommunales Jobcenter des Kreises Düren')).not.toContainText('Anschrift fehlt');
    // The filter is reached and changed with the keyboard alone.
    await page.getByLabel('Prüfstand', { exact: true }).focus();
    await page.keyboard.press('Tab');
    const addressFilter = page.getByLabel('Anschrift', { exact: true });
    await expect(addressFilter).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(addressFilter).toHaveValue('missing');
    await expect(entry(page, 'Jugendmigrationsdienst (JMD)')).toHaveCount(1);
    await expect(entry(page, 'job-com – kommunales Jobcenter des Kreises Düren')).toHaveCount(0);
    await expect(partnerList(page).locator(':scope > li').filter({ hasNotText: 'Anschrift fehlt' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'Netzwerk (Anschrift fehlt)');
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ] as const) {
      await page.setViewportSize({ width, height });
      await partnerList(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`network-address-missing-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await addressFilter.selectOption({ label: 'Anschrift vollständig' });
    await expect(entry(page, 'job-com – kommunales Jobcenter des Kreises Düren')).toHaveCount(1);
    await expect(entry(page, 'Jugendmigrationsdienst (JMD)')).toHaveCount(0);
    await addressFilter.selectOption({ label: 'alle' });
    await expect(entry(page, 'Jugendmigrationsdienst (JMD)')).toHaveCount(1);
    await entry(page, 'Jugendmigrationsdienst (JMD)').getByRole('link').click();
    await expect(page.getByRole('main').locator('.partner-badges')).toContainText('Anschrift fehlt');
    await page.getByRole('link', { name: 'Zurück zum Netzwerk' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Partnerstellen$/ })).toBeVisible();

    // A seeded entry's page says why it needs checking, and shows its address as a letter's window would.
    await entry(page, 'job-com – kommunales Jobcenter des Kreises Düren').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('job-com – kommunales Jobcenter des Kreises Düren');
    await expect(page.getByRole('main').getByText('Ungeprüft: Diese Angaben wurden noch nie')).toBeVisible();
    const window = page.locator('.address-window');
    await expect(window).toContainText('Team Zuwanderung');
    await expect(window).toContainText('52348 Düren');
    await page.getByLabel('Zu Händen von', { exact: true }).selectOption({ label: 'Herr Carsten Muschenich – Teamleitung, Zimmer 225 (Haus D)' });
    await expect(window).toContainText('Muschenich');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a course provider with a service and a contact is added, shown as text, verified, archived', async ({ page, lotse, requests }, testInfo) => {
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await openApp(page, lotse);
    await api(page.request, lotse, 'settings.update', {
      ...(await api(page.request, lotse, 'settings.get', {})),
      counselor: { name: 'Frau Test-Beraterin', title: 'Case Management', phone: '', email: '' },
    });
    await openNetwork(page);
    await page.getByRole('button', { name: 'Neue Partnerstelle' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neue Partnerstelle' })).toBeVisible();

    await page.getByLabel('Name der Stelle', { exact: true }).fill(COURSE_PROVIDER);
    await page.getByLabel('Abteilung / Team', { exact: true }).fill('Kursbüro');
    await page.getByRole('group', { name: 'Beratungsfelder', exact: true }).getByLabel('Zugang zu Sprach- und Integrationskursen').check();
    await page.getByLabel('Adresszusatz', { exact: true }).fill('Haus B, 2. Etage');
    await page.getByLabel('Straße und Hausnummer', { exact: true }).fill('Kölnstraße 1');
    await page.getByLabel('PLZ', { exact: true }).fill('5234');
    await page.getByLabel('Ort', { exact: true }).fill('Düren');
    await page.getByLabel('Telefon', { exact: true }).fill('02421 12345');
    await page.getByLabel('E-Mail', { exact: true }).fill('kurse@sprachschule.example');

    await page.getByRole('button', { name: 'Angebot hinzufügen' }).click();
    await expect(page.getByLabel('Name (Angebot 1)', { exact: true })).toBeFocused();
    await page.getByLabel('Name (Angebot 1)', { exact: true }).fill('Integrationskurs');
    await page.getByLabel('Sprachen (Angebot 1)', { exact: true }).fill('Arabisch, Türkisch');
    await page.getByLabel('Mindestalter (Angebot 1)', { exact: true }).fill('18');
    await page.getByLabel('Zugang zu Sprach- und Integrationskursen (Angebot 1)', { exact: true }).check();
    // A second service added and taken out again: the button says which one it removes.
    await page.getByRole('button', { name: 'Angebot hinzufügen' }).click();
    await page.getByLabel('Name (Angebot 2)', { exact: true }).fill('wird wieder entfernt');
    await page.getByRole('button', { name: 'Angebot 2 entfernen' }).click();
    await expect(page.getByLabel('Name (Angebot 2)', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    await expect(page.getByLabel('Name (Ansprechperson 1)', { exact: true })).toBeFocused();
    await page.getByLabel('Name (Ansprechperson 1)', { exact: true }).fill('Frau Amal Haddad');
    await page.getByLabel('Funktion (Ansprechperson 1)', { exact: true }).fill('Kursberatung');
    await page.getByLabel('E-Mail (Ansprechperson 1)', { exact: true }).fill('keine-adresse');
    await expectNoSeriousA11yViolations(page, 'Neue Partnerstelle (ausgefüllt)');
    await page.screenshot({ path: testInfo.outputPath('partner-form.png'), fullPage: true });

    // The core refuses the postcode and the contact's e-mail; the messages stand at their fields.
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const postalCode = page.getByLabel('PLZ', { exact: true });
    await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
    await expect(postalCode).toBeFocused();
    await expect(page.getByLabel('E-Mail (Ansprechperson 1)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Name der Stelle', { exact: true })).toHaveValue(COURSE_PROVIDER);
    await expectNoSeriousA11yViolations(page, 'Neue Partnerstelle (mit Fehlern)');
    await page.screenshot({ path: testInfo.outputPath('partner-form-errors.png'), fullPage: true });
    await postalCode.fill('52349');
    await page.getByLabel('E-Mail (Ansprechperson 1)', { exact: true }).fill('a.haddad@sprachschule.example');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();

    // The partner page: every value as text.
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(COURSE_PROVIDER);
    await expect(page.getByRole('status').filter({ hasText: `${COURSE_PROVIDER} wurde angelegt.` })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.locator('script')).toHaveCount(0);
    for (const name of ['Überblick', 'Angebote', 'Anschrift & Erreichbarkeit', 'Ansprechpersonen', 'Prüfung', 'Notizen']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    const service = page.getByRole('article', { name: 'Integrationskurs' });
    await expect(service).toContainText('Arabisch');
    await expect(service).toContainText('ab 18 Jahren');
    await expect(service).toContainText('wird angeboten');
    await expect(page.getByRole('table', { name: 'Ansprechpersonen' })).toContainText('Frau Amal Haddad');
    await expect(page.getByRole('heading', { name: 'So steht die Anschrift im Brieffenster' })).toBeVisible();
    const window = page.locator('.address-window');
    // DIN 5008: the addition between the name lines and the street.
    await expect(window.locator('.line')).toHaveText([COURSE_PROVIDER, 'Kursbüro', 'Haus B, 2. Etage', 'Kölnstraße 1', '52349 Düren']);
    await expect(main.locator('.partner-badges')).not.toContainText('Anschrift fehlt');
    await expect(page.getByRole('region', { name: 'Anschrift & Erreichbarkeit' }).locator('dl')).toContainText('Haus B, 2. Etage');
    await page.getByLabel('Zu Händen von', { exact: true }).selectOption({ label: 'Frau Amal Haddad – Kursberatung' });
    await expect(window).toContainText('Haddad');
    await expect(main.getByText('Ungeprüft: Diese Angaben wurden noch nie')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Partnerstelle');
    await page.screenshot({ path: testInfo.outputPath('partner-page.png'), fullPage: true });
    const id = new URL(page.url()).hash.split('/')[2]!;

    // The directory filters find it by language.
    await page.getByRole('link', { name: 'Zurück zum Netzwerk' }).click();
    await page.getByLabel('Sprache', { exact: true }).fill('arabisch');
    await expect(entry(page, COURSE_PROVIDER)).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: '1 Partnerstelle' })).toBeVisible();
    await entry(page, COURSE_PROVIDER).getByRole('link').click();

    // "Als geprüft markieren": today, by the counselor of the settings.
    await page.getByRole('button', { name: 'Als geprüft markieren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Als geprüft markiert' })).toBeVisible();
    await expect(main.getByText('Ungeprüft: Diese Angaben wurden noch nie')).toHaveCount(0);
    await expect(main.getByText('Frau Test-Beraterin')).toBeVisible();
    const verified = await api(page.request, lotse, 'partners.get', { id });
    expect(verified.verification).toBe('verified');
    expect(verified.assuredBy).toBe('Frau Test-Beraterin');
    expect(verified.contacts).toHaveLength(1);
    expect(verified.services[0]!.languages).toEqual(['Arabisch', 'Türkisch']);

    // Archived entries leave the list (unless asked for) and come back.
    await page.getByRole('button', { name: 'Archivieren', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Wieder aktivieren' })).toBeVisible();
    await expect(main.getByText('Archiviert: Diese Stelle erscheint nicht mehr')).toBeVisible();
    await page.getByRole('link', { name: 'Zurück zum Netzwerk' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Partnerstellen$/ })).toBeVisible();
    await expect(entry(page, COURSE_PROVIDER)).toHaveCount(0);
    await page.getByLabel('Archivierte zeigen', { exact: true }).check();
    await expect(entry(page, COURSE_PROVIDER)).toContainText('archiviert');
    await entry(page, COURSE_PROVIDER).getByRole('link').click();
    await page.getByRole('button', { name: 'Wieder aktivieren' }).click();
    await expect(page.getByRole('button', { name: 'Archivieren', exact: true })).toBeVisible();

    // The edit form holds the same values.
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${COURSE_PROVIDER} bearbeiten`);
    await expect(page.getByLabel('Name der Stelle', { exact: true })).toHaveValue(COURSE_PROVIDER);
    await expect(page.getByLabel('Sprachen (Angebot 1)', { exact: true })).toHaveValue('Arabisch, Türkisch');
    await expect(page.getByLabel('Name (Ansprechperson 1)', { exact: true })).toHaveValue('Frau Amal Haddad');
    await expectNoSeriousA11yViolations(page, 'Partnerstelle bearbeiten');
    await page.getByLabel('Notizen', { exact: true }).fill('Kurse auch abends. <b>nicht fett</b>');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'wurden gespeichert' })).toBeVisible();
    await expect(main.getByText('Kurse auch abends. <b>nicht fett</b>', { exact: true })).toBeVisible();
    // The ids of service and contact stayed: the same records, not new ones.
    const edited = await api(page.request, lotse, 'partners.get', { id });
    expect(edited.services.map((one) => one.id)).toEqual(verified.services.map((one) => one.id));
    expect(edited.contacts.map((one) => one.id)).toEqual(verified.contacts.map((one) => one.id));

    expect(alerts).toEqual([]);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a consent names its recipients from the directory; a named partner cannot be deleted, others can', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const client = await api(page.request, lotse, 'clients.create', { familyName: 'Rahimi', givenName: 'Laleh' });
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      `#/clients/${encodeURIComponent(client.id)}`,
    );
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const first = page.getByLabel('Empfänger 1', { exact: true });
    await expect(first).toBeFocused();
    // Keyboard: the native select takes the arrow keys; the seeded MBE is picked by its label.
    await first.selectOption({ label: 'Migrationsberatung für erwachsene Zuwanderer (MBE)' });
    await page.getByRole('button', { name: 'Empfänger hinzufügen' }).click();
    const second = page.getByLabel('Empfänger 2', { exact: true });
    await expect(second).toBeFocused();
    await second.selectOption({ label: 'Andere Stelle (freier Text)' });
    const otherName = page.getByLabel('Name der Stelle (Empfänger 2)', { exact: true });
    await expect(otherName).toBeFocused();
    await otherName.fill('Caritas Düren');
    await page.getByLabel('Zweck 1', { exact: true }).fill('Beratung zum Familiennachzug');
    await page.getByLabel('Personalien (Name, Geburtsdatum, Staatsangehörigkeit)').check();
    await page.getByLabel('Unterschrieben am', { exact: true }).fill(today());
    await expectNoSeriousA11yViolations(page, 'Einwilligung mit Empfängern aus dem Netzwerk');
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect(page.getByRole('article', { name: 'Einwilligung für Migrationsberatung für erwachsene Zuwanderer (MBE), Caritas Düren' })).toBeVisible();
    const [consent] = (await api(page.request, lotse, 'consents.list', { clientId: client.id })).items;
    expect(consent!.recipients).toEqual([
      { partnerId: 'seed-mbe', name: 'Migrationsberatung für erwachsene Zuwanderer (MBE)' },
      { partnerId: null, name: 'Caritas Düren' },
    ]);

    // The MBE is named by a consent: deleting it is refused with the core's message, which says to archive.
    await page.evaluate(() => {
      window.location.hash = '#/network/seed-mbe';
    });
    const deleteButton = page.getByRole('button', { name: 'Löschen', exact: true });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Migrationsberatung für erwachsene Zuwanderer (MBE) löschen?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'Partnerstelle löschen');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(dialog.getByRole('alert')).toContainText('archiviert');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    expect((await api(page.request, lotse, 'partners.get', { id: 'seed-mbe' })).archived).toBe(false);

    // An entry nothing refers to goes.
    const spare = await api(page.request, lotse, 'partners.create', { name: 'Doppelter Eintrag', address: { street: '', postalCode: '', city: '' } });
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      `#/network/${encodeURIComponent(spare.id)}`,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doppelter Eintrag');
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await page.getByRole('dialog', { name: 'Doppelter Eintrag löschen?' }).getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(page).toHaveURL(/#\/network$/);
    await expect(page.getByRole('status').filter({ hasText: 'Doppelter Eintrag wurde gelöscht.' })).toBeVisible();
    expect((await directory(page.request, lotse)).some((partner) => partner.id === spare.id)).toBe(false);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a referral to an entry without an address cannot go out: the finalize dialog says what is missing and leads to the entry', async ({
    page,
    lotse,
    requests,
  }, testInfo) => {
    await openApp(page, lotse);
    const client = await api(page.request, lotse, 'clients.create', {
      familyName: 'Kovalenko',
      givenName: 'Iryna',
      address: { addition: 'c/o Familie Weber', street: 'Rurstraße 3', postalCode: '52349', city: 'Düren' },
    });
    const referral = await api(page.request, lotse, 'documents.create', {
      templateId: 'referral-letter',
      clientId: client.id,
      partnerId: 'seed-jmd',
      values: { counselingFields: ['training-work'], reason: 'Sucht einen Ausbildungsplatz.', request: 'Bitte beraten Sie Frau Kovalenko.' },
    });
    // The addition is part of the address line the referral is prefilled with.
    expect(referral.values.address).toBe('c/o Familie Weber, Rurstraße 3, 52349 Düren');
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      `#/documents/${encodeURIComponent(referral.id)}`,
    );
    await page.getByRole('button', { name: 'Fertigstellen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Dokument fertigstellen' });
    const message =
      'Die Anschrift von Jugendmigrationsdienst (JMD) – SkF Düren ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein Postfach, Postleitzahl und Ort.';
    await expect(dialog.getByText(message)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Dokument fertigstellen (Anschrift fehlt)');
    await page.screenshot({ path: testInfo.outputPath('finalize-address-missing.png') });
    await dialog.getByRole('link', { name: /^Anschrift von Jugendmigrationsdienst \(JMD\).* ergänzen$/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jugendmigrationsdienst (JMD) bearbeiten');
    expect((await api(page.request, lotse, 'documents.get', { id: referral.id })).status).toBe('draft');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the directory is exported, imported on a wiped second desk, re-imported without change, and bad files are refused', async ({
    page,
    lotse,
    requests,
    browser,
  }, testInfo) => {
    await openApp(page, lotse);
    // Something of every kind: a partner with a post box, services, contacts, an archived one.
    await api(page.request, lotse, 'partners.create', {
      name: 'Bildungswerk Nord & Süd',
      department: 'Beratung',
      address: { street: 'Am Markt 3', postalCode: '52349', city: 'Düren' },
      postbox: { label: 'Postfach 10 11', postalCode: '52311', city: 'Düren' },
      openingHours: 'Di 9–12 Uhr',
      services: [{ name: 'Berufssprachkurs B2', languages: ['Arabisch'], minimumAge: 18, maximumAge: 65, fees: 'kostenfrei' }],
      contacts: [{ name: 'Herr Jonas Beispiel', role: 'Kursleitung', email: 'jonas@bildungswerk.example' }],
      assuredDate: '2024-01-15',
      assuredBy: 'Frau Test',
    });
    const archived = await api(page.request, lotse, 'partners.create', { name: 'Alter Träger', address: { street: '', postalCode: '', city: '' } });
    await api(page.request, lotse, 'partners.archive', { id: archived.id, archived: true });
    const original = await directory(page.request, lotse);
    expect(original.length).toBeGreaterThan(10);

    // Export on the first desk.
    await openNetwork(page);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Netzwerk exportieren' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(exported);
    // HSDS 3.0: one /organizations page; a Lotse id that is no UUID travels beside the derived one.
    const json = JSON.parse(fs.readFileSync(exported, 'utf8')) as { contents: Array<{ id: string; x_lotse_id?: string; name: string }> };
    expect(json.contents.map((organization) => organization.x_lotse_id ?? organization.id).sort()).toEqual(original.map((partner) => partner.id).sort());
    expect(fs.readFileSync(exported, 'utf8')).toContain('Bildungswerk Nord & Süd');
    await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();

    // A second desk with its own data dir.
    const secondDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-second-'));
    const { host: second, process: secondProcess } = await startBrowserHost(secondDir);
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const secondRequests: string[] = [];
    context.on('request', (request) => secondRequests.push(request.url()));
    try {
      const desk = await context.newPage();
      // Wipe its whole directory first: every seeded entry.
      for (const partner of await directory(desk.request, second)) {
        await api(desk.request, second, 'partners.delete', { id: partner.id });
      }
      expect(await directory(desk.request, second)).toEqual([]);

      await openApp(desk, second);
      await openNetwork(desk);
      await expect(desk.getByText('Das Verzeichnis ist leer.')).toBeVisible();
      await expectNoSeriousA11yViolations(desk, 'Netzwerk (leer)');

      // Import through the UI: first the preview, all new; nothing changed yet.
      await previewImport(desk, exported);
      const preview = desk.getByRole('group', { name: `Vorschau: ${download.suggestedFilename()}` });
      await expect(preview).toBeVisible();
      await expect(preview).toContainText(`${original.length} neu, 0 geändert, 0 unverändert`);
      const rows = preview.getByRole('table', { name: 'Was der Import ändern würde' }).locator('tbody tr');
      await expect(rows).toHaveCount(original.length);
      for (const cell of await rows.locator('td:first-child').allTextContents()) expect(cell).toBe('Neu');
      await expect(preview.getByRole('cell', { name: 'Bildungswerk Nord & Süd', exact: true })).toBeVisible();
      expect(await directory(desk.request, second)).toEqual([]);
      await expectNoSeriousA11yViolations(desk, 'Import-Vorschau');
      await preview.scrollIntoViewIfNeeded();
      await desk.screenshot({ path: testInfo.outputPath('import-preview.png'), fullPage: true });

      await preview.getByRole('button', { name: 'Import übernehmen' }).click();
      await expect(desk.getByRole('status').filter({ hasText: `Import übernommen: ${original.length} neu, 0 geändert, 0 unverändert.` })).toBeVisible();
      await expect(preview).toHaveCount(0);
      // The list reloaded: the imported entries are there.
      await expect(entry(desk, 'Bildungswerk Nord & Süd')).toHaveCount(1);
      await expect(entry(desk, 'Jugendmigrationsdienst (JMD)')).toContainText('ungeprüft');
      await expect(entry(desk, 'Alter Träger')).toHaveCount(0);

      // Same ids, same content on both desks.
      const mirrored = await directory(desk.request, second);
      expect(comparable(mirrored)).toEqual(comparable(original));

      // The same file again: all unchanged, nothing to apply, nothing changes.
      await previewImport(desk, exported);
      await expect(preview).toContainText(`0 neu, 0 geändert, ${original.length} unverändert`);
      for (const cell of await rows.locator('td:first-child').allTextContents()) expect(cell).toBe('Unverändert');
      await expect(preview).toContainText('Nichts zu übernehmen');
      await expect(preview.getByRole('button', { name: 'Import übernehmen' })).toHaveCount(0);
      await preview.getByRole('button', { name: 'Verwerfen' }).click();
      await expect(preview).toHaveCount(0);
      expect(comparable(await directory(desk.request, second))).toEqual(comparable(mirrored));

      // A truncated export and someone else's JSON: refused with a message, the directory untouched.
      const broken = testInfo.outputPath('abgeschnitten.json');
      fs.writeFileSync(broken, '{"organizations": [');
      const foreign = testInfo.outputPath('fremd.json');
      fs.writeFileSync(foreign, '{"hello":"world"}');
      for (const file of [broken, foreign]) {
        await previewImport(desk, file);
        const alert = desk.getByRole('alert');
        await expect(alert, path.basename(file)).toBeVisible();
        await expect(alert).toContainText('Das hat nicht geklappt');
        expect((await alert.innerText()).length).toBeGreaterThan(40);
        await expect(preview).toHaveCount(0);
        await expectNoSeriousA11yViolations(desk, `Import refused: ${path.basename(file)}`);
        expect(comparable(await directory(desk.request, second))).toEqual(comparable(mirrored));
      }
      await desk.screenshot({ path: testInfo.outputPath('import-error.png'), fullPage: true });
      expect(foreignRequests(secondRequests, second.origin)).toEqual([]);
    } finally {
      await context.close();
      await stopBrowserHost(secondProcess);
      fs.rmSync(secondDir, { recursive: true, force: true });
    }
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });
  test('an HSDS data package from another tool is read as a ZIP and as its CSV files, with what Lotse cannot keep listed', async ({ browser }, testInfo) => {
    // The tables with the spec's own field names (its datapackage.json, copied unchanged into test/fixtures/hsds-3.0).
    const specFile = fileURLToPath(new URL('../fixtures/hsds-3.0/datapackage.json', import.meta.url));
    const spec = JSON.parse(fs.readFileSync(specFile, 'utf8')) as {
      resources: Array<{ name: string; path: string; schema: { fields: Array<{ name: string }> } }>;
    };
    const org = '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c01';
    const loc = '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c02';
    const rows: Record<string, Array<Record<string, string>>> = {
      organization: [
        { id: org, name: 'Flüchtlingshilfe Eifel e. V.', description: 'Beratung und Begleitung', email: 'info@fh-eifel.example', tax_id: 'DE999' },
      ],
      location: [{ id: loc, organization_id: org, location_type: 'physical', name: 'Flüchtlingshilfe Eifel e. V.' }],
      address: [
        {
          id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c03',
          location_id: loc,
          address_1: 'Kirchstraße 4',
          city: 'Nideggen',
          state_province: 'Nordrhein-Westfalen',
          postal_code: '52385',
          country: 'DE',
          address_type: 'physical',
        },
      ],
      phone: [
        { id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c04', organization_id: org, number: '02427 90 12-0 (Mo–Fr)' },
        { id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c05', organization_id: org, number: '0800 111 0 111 – kostenlos' },
      ],
      schedule: [{ id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c06', location_id: loc, byday: 'MO,WE', opens_at: '09:00', closes_at: '13:00' }],
      service: [{ id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c07', organization_id: org, name: 'Asylverfahrensberatung', status: 'temporarily closed' }],
      contact: [{ id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c08', organization_id: org, name: 'Miriam Schulz', title: 'Beraterin' }],
      funding: [{ id: '0b6c5c3e-1f7a-4c55-9d2a-6f0e8a1b2c09', organization_id: org, source: 'Land NRW' }],
    };
    const csvFiles = Object.entries(rows).map(([table, items]) => {
      const resource = spec.resources.find((candidate) => candidate.name === table)!;
      const fields = resource.schema.fields.map((field) => field.name);
      const lines = [
        fields.join(','),
        ...items.map((item) => fields.map((field) => (/[",]/.test(item[field] ?? '') ? `"${item[field]}"` : (item[field] ?? ''))).join(',')),
      ];
      const file = testInfo.outputPath(resource.path);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    });
    const zip = testInfo.outputPath('hsds-paket.zip');
    fs.writeFileSync(
      zip,
      zipSync({
        'datapackage.json': strToU8(JSON.stringify(spec)),
        ...Object.fromEntries(csvFiles.map((file) => [path.basename(file), new Uint8Array(fs.readFileSync(file))])),
      }),
    );

    // A desk of its own, its directory wiped: the shared host stays as it was.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-hsds-'));
    const { host, process: hostProcess } = await startBrowserHost(dir);
    const context = await browser.newContext({ locale: 'de-DE', viewport: WIDE });
    try {
      const desk = await context.newPage();
      for (const partner of await directory(desk.request, host)) await api(desk.request, host, 'partners.delete', { id: partner.id });
      await openApp(desk, host);
      await openNetwork(desk);

      await previewImport(desk, zip);
      const preview = desk.getByRole('group', { name: 'Vorschau: hsds-paket.zip' });
      await expect(preview).toContainText('1 neu, 0 geändert, 0 unverändert');
      const notKept = preview.getByRole('list', { name: /^Nicht übernommen/ });
      await expect(notKept).toContainText('weitere Telefonnummer 0800 111 0 111 – kostenlos');
      await expect(notKept).toContainText('1 × „funding“');
      await expect(notKept).toContainText('„tax_id“ (DE999)');
      for (const size of [WIDE, SMALL]) {
        await desk.setViewportSize(size);
        await expectNoSeriousA11yViolations(desk, `HSDS-Paket: Vorschau ${size.width}x${size.height}`);
      }
      await desk.setViewportSize(WIDE);
      await shots(desk, 'import-hsds-preview', (name) => testInfo.outputPath(name), preview);
      await preview.getByRole('button', { name: 'Import übernehmen' }).click();
      await expect(desk.getByRole('status').filter({ hasText: 'Import übernommen: 1 neu, 0 geändert, 0 unverändert.' })).toBeVisible();
      const [partner] = await directory(desk.request, host);
      expect(partner).toMatchObject({
        id: org,
        name: 'Flüchtlingshilfe Eifel e. V.',
        phone: '02427 90 12-0 (Mo–Fr)',
        address: { street: 'Kirchstraße 4', postalCode: '52385', city: 'Nideggen' },
        openingHours: 'Mo, Mi 09:00–13:00',
        services: [{ name: 'Asylverfahrensberatung', status: 'temporarily closed' }],
        contacts: [{ name: 'Miriam Schulz', role: 'Beraterin' }],
      });

      // The same tables chosen as several CSV files: found unchanged.
      await previewImport(desk, csvFiles);
      await expect(desk.getByRole('group', { name: /^Vorschau: organizations\.csv/ })).toContainText('0 neu, 0 geändert, 1 unverändert');

      // A CSV that is no table of the package, chosen with them: refused in German, nothing changes.
      const stray = testInfo.outputPath('adressen.csv');
      fs.writeFileSync(stray, 'Name;PLZ\nA;52351\n');
      await previewImport(desk, [...csvFiles, stray]);
      await expect(desk.getByRole('alert')).toContainText('Die Datei „adressen.csv“ ist keine Tabelle des HSDS-Datenpakets');
      for (const size of [WIDE, SMALL]) {
        await desk.setViewportSize(size);
        await expectNoSeriousA11yViolations(desk, `HSDS-Paket: abgelehnt ${size.width}x${size.height}`);
      }
      await shots(desk, 'import-hsds-refused', (name) => testInfo.outputPath(name));
      expect(await directory(desk.request, host)).toHaveLength(1);
    } finally {
      await context.close();
      await stopBrowserHost(hostProcess);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
