import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, germanDate, isoDay, openApp, test, type LotseHost } from './fixtures';

/**
 * The documents issue's "done when", through the UI: each of the six
 * built-in forms is produced for one client and finalized; the referral is
 * refused without a consent until the consent form made from the refusal is
 * finalized and marked signed; the course referral goes out under another
 * legal basis; the cost application adds up its amounts in the editor and
 * on paper; an office's text block reaches new documents and never an old
 * final one, whose reprints stay byte-identical; the documents screen
 * filters, and a referral's follow-up date lands on Start.
 *
 * The first page of each final form is kept as a PNG in
 * test-results/forms/<templateId>.png for a person to look at.
 */

const FAMILY_NAME = 'Hrytsenko';
const GIVEN_NAME = 'Olena';
const FULL_NAME = `${GIVEN_NAME} ${FAMILY_NAME}`;
const VHS = 'seed-vhs-rur-eifel';
const COURSE_PROVIDER = 'seed-integrationskurstraeger';
// Without hyphen or space: pdfmake breaks lines only there, so pdftotext gives the word back whole.
const ZEBRA = 'Probetextzebra';

const TITLES = {
  referral: 'Überleitung an einen Partner',
  costs: 'Antrag auf Kostenübernahme: Anerkennungsberatung und Anerkennungsverfahren',
  consent: 'Einwilligung in die Übermittlung personenbezogener Daten',
  course: 'Vermittlung in einen Sprach- oder Integrationskurs',
  checklist: 'Checkliste § 104c zu § 25a / § 25b AufenthG',
  letter: 'Freier Brief',
} as const;

const FORMS_DIR = fileURLToPath(new URL('../../test-results/forms', import.meta.url));

type ApiAnswer = { ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };

async function apiRaw<M extends MethodName>(request: APIRequestContext, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<ApiAnswer> {
  const response = await request.post(`${lotse.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${lotse.token}` },
    data: input,
  });
  return (await response.json()) as ApiAnswer;
}

/** A call straight to the browser host, as another script would make it. */
async function api<M extends MethodName>(request: APIRequestContext, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const body = await apiRaw(request, lotse, method, input);
  expect(body, `${method} ${JSON.stringify(input)} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

/** What the tests of this file share: one client, and the documents made for them, in order. */
const state: {
  clientId: string | null;
  referralId: string | null;
  consentFormId: string | null;
  finals: Partial<Record<string, string>>;
} = { clientId: null, referralId: null, consentFormId: null, finals: {} };

/** The client every form is made for: birth date, address, languages, permit, counseling fields, a foreign degree. */
async function theClient(request: APIRequestContext, lotse: LotseHost): Promise<string> {
  if (state.clientId) return state.clientId;
  const client = await api(request, lotse, 'clients.create', {
    familyName: FAMILY_NAME,
    givenName: GIVEN_NAME,
    sex: 'female',
    birthDate: '1991-04-17',
    birthPlace: 'Charkiw',
    nationalities: ['ukrainisch'],
    address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
    phone: '+49 2421 555123',
    email: 'olena.hrytsenko@example.org',
    preferredContact: 'phone',
    languages: [
      { language: 'Ukrainisch', interpreterNeeded: true },
      { language: 'Russisch', interpreterNeeded: false },
    ],
    customerNumber: '123D456789',
    bgNumber: '12345BG0067890',
    fileNumber: 'KIM-2026-0042',
    counselingFields: ['recognition', 'language-courses', 'residence-title'],
    germanLevel: { level: 'A2', certificate: 'telc Deutsch A2', certificateDate: '2025-06-30' },
    education: '11 Jahre Schule, Studium Bauingenieurwesen in Charkiw (5 Jahre)',
    qualifications: [
      {
        titleOriginal: 'Інженер-будівельник',
        titleGerman: 'Bauingenieurin',
        country: 'Ukraine',
        year: 2014,
        kind: 'Hochschulabschluss',
        referenceOccupation: 'Bauingenieurin',
        regulated: false,
      },
    ],
    residenceStatus: 'p104c',
    residenceValidUntil: isoDay(120),
    notes: '',
  });
  state.clientId = client.id;
  return client.id;
}

async function goTo(page: Page, lotse: LotseHost, hash: string): Promise<void> {
  await openApp(page, lotse);
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function openClient(page: Page, lotse: LotseHost, clientId: string): Promise<void> {
  await goTo(page, lotse, `#/clients/${encodeURIComponent(clientId)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FULL_NAME);
}

async function openDocument(page: Page, lotse: LotseHost, id: string): Promise<void> {
  await goTo(page, lotse, `#/documents/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(FULL_NAME);
}

function documentIdOf(page: Page): string {
  const match = /#\/documents\/([^/?#]+)$/.exec(page.url());
  expect(match, `a document's address: ${page.url()}`).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/** "Neues Dokument" on the client's page: the form by its title, the recipient where the form has one. Returns the new draft's id. */
async function newDocument(page: Page, lotse: LotseHost, title: string, recipient?: { label: string; name: string }, a11y = false): Promise<string> {
  const clientId = await theClient(page.request, lotse);
  await openClient(page, lotse, clientId);
  await page.getByRole('button', { name: 'Neues Dokument', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Neues Dokument für ${FULL_NAME}`);
  const templates = page.getByRole('group', { name: 'Vorlage', exact: true });
  // The six of this file, the invitation letter and the Art. 13 information sheet (issue 17).
  await expect(templates.getByRole('radio')).toHaveCount(8);
  await templates.getByRole('radio', { name: title, exact: true }).check();
  if (recipient) await page.getByLabel(recipient.label, { exact: true }).selectOption({ label: recipient.name });
  if (a11y) await expectNoSeriousA11yViolations(page, 'Neues Dokument');
  await page.getByRole('button', { name: 'Dokument anlegen', exact: true }).click();
  await expect(page).toHaveURL(/#\/documents\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} – ${FULL_NAME}`);
  await expect(page.getByRole('button', { name: 'Fertigstellen', exact: true })).toBeVisible();
  return documentIdOf(page);
}

/** The editor's save state says the draft is stored. */
async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Gespeichert \d{2}:\d{2}$/ })).toBeVisible();
}

/** "Fertigstellen" and wait until the dialog knows what goes to whom. */
async function openFinalizeDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Fertigstellen', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Dokument fertigstellen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Lotse prüft, welche Angaben an den Empfänger gehen …')).toHaveCount(0);
  return dialog;
}

async function confirmFinalize(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Endgültig fertigstellen', exact: true }).click();
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  const heading = page.getByRole('heading', { level: 2, name: 'Fertiges Dokument' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Das Dokument ist fertiggestellt.' })).toBeVisible();
  // The PDF arrives and is drawn.
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview.getByRole('button', { name: 'PDF speichern' })).toBeVisible({ timeout: 20_000 });
  // Finalizing renders nothing: the PDF's first render (this preview) keeps its sha256, and the screen shows it.
  await expect(page.getByRole('main').locator('code.hash')).toHaveAttribute('title', /^[0-9a-f]{64}$/);
}

/** The document's PDF as the core renders it, on disk, with its text (pdftotext, reading order). */
async function renderPdf(request: APIRequestContext, lotse: LotseHost, id: string, file: string): Promise<{ sha256: string; text: string; pages: number }> {
  const rendered = await api(request, lotse, 'documents.render', { id });
  fs.writeFileSync(file, Buffer.from(rendered.pdfBase64, 'base64'));
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { sha256: rendered.sha256, pages: rendered.pages, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) };
}

/** Words as pdftotext gives them back, with line breaks and runs of blanks as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The first page of a final form as a PNG, for a person to look at (test-results is not committed). */
function keepFirstPage(pdfFile: string, templateId: string): string {
  fs.mkdirSync(FORMS_DIR, { recursive: true });
  const target = path.join(FORMS_DIR, templateId);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfFile, target]);
  const png = `${target}.png`;
  expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  return png;
}

/** After finalizing: the stored document is final, its checksum that of its PDF; the first page is kept as a PNG. Returns the PDF's text. */
async function checkFinal(page: Page, lotse: LotseHost, id: string, templateId: string): Promise<string> {
  const document = await api(page.request, lotse, 'documents.get', { id });
  expect(document.status).toBe('final');
  expect(document.templateId).toBe(templateId);
  expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('main')).toContainText(document.sha256!.slice(0, 12));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-pdf-')), `${templateId}.pdf`);
  const pdf = await renderPdf(page.request, lotse, id, file);
  expect(pdf.sha256).toBe(document.sha256);
  keepFirstPage(file, templateId);
  state.finals[templateId] = id;
  return pdf.text;
}

/**
 * A seeded partner as a letter's recipient: the seed has no address (DOMAIN.md),
 * and a letter is finalized only to one it can reach, so the office's street
 * is filled in first. Its name, and its label in the recipient picker.
 */
async function recipientPartner(request: APIRequestContext, lotse: LotseHost, id: string): Promise<{ name: string; label: string }> {
  // What the core keeps or derives (archived, verification, times) is no input of partners.update.
  const {
    archived: _archived,
    verification: _verification,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...seeded
  } = await api(request, lotse, 'partners.get', { id });
  const partner = await api(request, lotse, 'partners.update', {
    ...seeded,
    address: { addition: '', street: 'Schenkelstraße 8', postalCode: '52349', city: 'Düren' },
  });
  return { name: partner.name, label: partner.department.trim() !== '' ? `${partner.name} – ${partner.department}` : partner.name };
}

test.describe.serial('documents: the forms from draft to final, the consent gate, office wording, filters and follow-ups', () => {
  test.setTimeout(120_000);

  test('a referral without a consent is refused and stays a draft; the consent form is made from the refusal', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const vhs = await recipientPartner(page.request, lotse, VHS);
    const referralId = await newDocument(page, lotse, TITLES.referral, { label: 'Empfänger (Partnerstelle)', name: vhs.label }, true);
    state.referralId = referralId;

    // Prefilled from the file, and marked so.
    const name = page.getByLabel('Name', { exact: true });
    await expect(name).toHaveValue(FULL_NAME);
    await expect(name).toHaveAccessibleDescription(/vorbelegt/);
    await expect(page.getByLabel('Geburtsdatum', { exact: true })).toHaveValue('17.04.1991');
    await expect(page.getByLabel('Anschrift', { exact: true })).toHaveValue(/Kölnstraße 12.*52351 Düren/);
    await expect(page.getByLabel('Sprachen', { exact: true })).toHaveValue(/Ukrainisch/);
    // A checkbox's label carries the badge: "Dolmetschung nötig vorbelegt".
    await expect(page.getByRole('checkbox', { name: /^Dolmetschung nötig/ })).toBeChecked();
    await expect(page.getByLabel('Anerkennung ausländischer Abschlüsse', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Empfänger (Partnerstelle)', { exact: true })).toHaveValue(VHS);

    // Required fields left empty: not finished, and the first of them takes focus.
    await page.getByRole('button', { name: 'Fertigstellen', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Noch nicht fertig' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const reason = page.getByLabel('Anlass', { exact: true });
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');

    await reason.fill('Frau Hrytsenko möchte vor der Anerkennung ihres Abschlusses ihr Deutsch auf B1 verbessern.');
    await page
      .getByLabel('Bitte / Ziel', { exact: true })
      .fill('Bitte beraten Sie Frau Hrytsenko zu Ihren Sprachkursen und melden Sie sie für einen B1-Kurs an.');
    await page.getByLabel('Bisherige Schritte', { exact: true }).fill('Beratungsgespräch am Montag; Zeugnisse liegen in Kopie vor.');
    await page.getByLabel('Dringlichkeit', { exact: true }).selectOption({ label: 'zeitnah (innerhalb von zwei Wochen)' });
    await page.getByRole('button', { name: 'Zeile hinzufügen (Anlagen)' }).click();
    const attachment = page.getByLabel('Unterlage, Zeile 1', { exact: true });
    await expect(attachment).toBeFocused();
    await attachment.fill('Lebenslauf');
    await page.getByLabel('beigefügt, Zeile 1', { exact: true }).check();
    await page.getByLabel('Rückmeldung erbeten bis', { exact: true }).fill(germanDate(isoDay(14)));
    // The wording that needs the date shows, with the date filled in.
    await expect(page.getByRole('region', { name: 'Bitte um Rückmeldung' })).toContainText(germanDate(isoDay(14)));
    await expect(page.getByRole('alert').filter({ hasText: 'Noch nicht fertig' })).toHaveCount(0);
    await expectSaved(page);
    await expectNoSeriousA11yViolations(page, 'Editor: Überleitung');

    // No consent covers the VHS: the dialog says so and offers the ways out.
    const dialog = await openFinalizeDialog(page);
    const items = dialog.getByRole('group', { name: `Diese Angaben gehen an ${vhs.name}` });
    await expect(items.getByRole('checkbox', { name: `Name: ${FULL_NAME}` })).toBeChecked();
    await expect(items.getByRole('checkbox', { name: 'Geburtsdatum: 17.04.1991' })).toBeChecked();
    const missing = dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' });
    await expect(missing).toBeVisible();
    await expect(missing.getByRole('link', { name: `Einwilligung bei ${FULL_NAME} erfassen` })).toBeVisible();
    await expect(missing.getByRole('button', { name: 'Einwilligungsformular erstellen' })).toBeVisible();
    await expect(missing.getByRole('checkbox', { name: 'Andere Rechtsgrundlage angeben' })).not.toBeChecked();
    await expectNoSeriousA11yViolations(page, 'Dokument fertigstellen (ohne Einwilligung)');

    // Finalizing anyway is refused: by the dialog, and by the core for any other caller.
    await dialog.getByRole('button', { name: 'Endgültig fertigstellen', exact: true }).click();
    await expect(dialog).toContainText('Bitte zuerst eine Einwilligung erfassen oder eine andere Rechtsgrundlage angeben.');
    await expect(dialog).toBeVisible();
    const refused = await apiRaw(page.request, lotse, 'documents.finalize', { id: referralId, omitFields: [] });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('consent_missing');
    const stillDraft = await api(page.request, lotse, 'documents.get', { id: referralId });
    expect(stillDraft.status).toBe('draft');
    expect(stillDraft.sha256).toBeNull();

    // The consent form for exactly this agency, made from here.
    await missing.getByRole('button', { name: 'Einwilligungsformular erstellen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${TITLES.consent} – ${FULL_NAME}`);
    state.consentFormId = documentIdOf(page);
    expect(state.consentFormId).not.toBe(referralId);
    await expect(page.getByLabel('Stelle, Zeile 1', { exact: true })).toHaveValue(vhs.name);
    // The referral's purpose and kinds of data come along, for the counselor to check.
    await expect(page.getByLabel('Zweck, Zeile 1', { exact: true })).toHaveValue(
      /^Überleitung an .+ zur Beratung und Unterstützung bei: Anerkennung ausländischer Abschlüsse, /,
    );
    await expect(page.getByLabel('Personalien (Name, Geburtsdatum, Staatsangehörigkeit)', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Beratungsanliegen und bisherige Schritte', { exact: true })).toBeChecked();
    expect((await api(page.request, lotse, 'documents.get', { id: referralId })).status).toBe('draft');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the consent form is finalized, recorded as a consent and marked signed on the client page', async ({ page, lotse, requests }, testInfo) => {
    expect(state.consentFormId, 'the consent form from the test before').not.toBeNull();
    await openDocument(page, lotse, state.consentFormId!);
    const vhs = await recipientPartner(page.request, lotse, VHS);
    await expect(page.getByLabel('Stelle, Zeile 1', { exact: true })).toHaveValue(vhs.name);

    // The purpose the referral suggested, put in the counselor's words.
    await page.getByLabel('Zweck, Zeile 1', { exact: true }).fill('Beratung und Anmeldung zu einem Deutschkurs (B1) an der Volkshochschule');
    // Every kind of personal data the referral letter carries.
    for (const category of [
      'Personalien (Name, Geburtsdatum, Staatsangehörigkeit)',
      'Kontaktdaten (Anschrift, Telefon, E-Mail)',
      'Aufenthaltsstatus',
      'Sprachkenntnisse, Schul- und Berufsbildung, Abschlüsse',
      'Beratungsanliegen und bisherige Schritte',
    ]) {
      await page.getByLabel(category, { exact: true }).check();
    }
    await page.getByLabel('Datenaustausch', { exact: true }).selectOption({ label: 'gegenseitig (in beide Richtungen)' });
    await expect(page.getByRole('region', { name: 'Gegenseitiger Austausch' })).toBeVisible();
    await expect(page.getByLabel('Erklärt in', { exact: true })).toHaveValue(/Ukrainisch/);
    await page.getByLabel('Erklärt in', { exact: true }).fill('Ukrainisch');
    await page.getByLabel('Dolmetschung durch', { exact: true }).fill('Iryna Melnyk, Sprachmittlerpool Düren');
    await page.getByLabel('Kopie ausgehändigt', { exact: true }).check();
    await expectSaved(page);

    const dialog = await openFinalizeDialog(page);
    // A form handed to the client: no consent gate here.
    await expect(dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' })).toHaveCount(0);
    await confirmFinalize(page, dialog);
    await expect(page.getByText('Aus diesem Formular wurde eine Einwilligung angelegt.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Fertiges Dokument (Einwilligungsformular)');
    await page.screenshot({ path: testInfo.outputPath('consent-form-final.png'), fullPage: true });
    const text = flat(await checkFinal(page, lotse, state.consentFormId!, 'consent-data-transfer'));
    expect(text).toContain(FULL_NAME);
    expect(text).toContain(vhs.name);
    expect(text).toContain('Beratung und Anmeldung zu einem Deutschkurs (B1) an der Volkshochschule');
    expect(text).toContain('LDI NRW');

    // The consent is there but covers nothing until signed.
    expect(await api(page.request, lotse, 'consents.covers', { clientId: state.clientId!, partnerId: VHS })).toMatchObject({ covered: false });
    await page.getByRole('link', { name: 'Zu den Einwilligungen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FULL_NAME);
    const consent = page.getByRole('article', { name: `Einwilligung für ${vhs.name}` });
    await expect(consent).toContainText('noch nicht unterschrieben');
    await consent.getByRole('button', { name: `Als unterschrieben markieren (Einwilligung für ${vhs.name})` }).click();
    const signedOn = consent.getByLabel(/^Unterschrieben am/);
    await expect(signedOn).toBeFocused();
    await expect(signedOn).toHaveValue(germanDate(isoDay()));
    await consent.getByRole('button', { name: 'Unterschrift speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Die Einwilligung ist als unterschrieben gespeichert.' })).toBeVisible();
    await expect(consent.locator('.status').first()).toHaveText('gültig');
    await expect(consent).toContainText(germanDate(isoDay()));
    expect(await api(page.request, lotse, 'consents.covers', { clientId: state.clientId!, partnerId: VHS })).toMatchObject({ covered: true });
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('with the signed consent the referral finalizes; reprints are identical and its follow-up is set', async ({ page, lotse, requests }, testInfo) => {
    expect(state.referralId, 'the referral draft from the first test').not.toBeNull();
    const vhs = await recipientPartner(page.request, lotse, VHS);
    // Back to the draft from the client's list of documents.
    await openClient(page, lotse, state.clientId!);
    const documents = page.getByRole('table', { name: 'Dokumente' });
    const row = documents.getByRole('row').filter({ has: page.getByRole('link', { name: TITLES.referral }) });
    await expect(row).toContainText('Entwurf');
    await row.getByRole('link', { name: TITLES.referral }).click();
    expect(documentIdOf(page)).toBe(state.referralId);
    await expect(page.getByLabel('Anlass', { exact: true })).toHaveValue(/Deutsch auf B1/);
    await page.getByLabel('Einwilligung vom', { exact: true }).fill(germanDate(isoDay()));
    await page.getByLabel('Fassung der Einwilligung', { exact: true }).fill('Einwilligung in die Datenübermittlung, Fassung 1');
    await expectSaved(page);

    const dialog = await openFinalizeDialog(page);
    await expect(dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' })).toHaveCount(0);
    await expect(dialog).toContainText(`Die Einwilligung vom ${germanDate(isoDay())} deckt:`);
    const items = dialog.getByRole('group', { name: `Diese Angaben gehen an ${vhs.name}` });
    await expect(items.getByRole('checkbox', { name: `Name: ${FULL_NAME}` })).toBeChecked();
    await expect(items.getByRole('checkbox', { name: /^Anlass: / })).toBeChecked();
    await expectNoSeriousA11yViolations(page, 'Dokument fertigstellen (mit Einwilligung)');
    await confirmFinalize(page, dialog);
    await expect(page.getByRole('main')).toContainText(`Einwilligung, unterschrieben am ${germanDate(isoDay())}`);
    await expect(page.getByRole('button', { name: 'Korrektur anlegen' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Prüfsumme (SHA-256)');

    const text = flat(await checkFinal(page, lotse, state.referralId!, 'referral-letter'));
    expect(text).toContain(`Überleitung: ${FULL_NAME}`);
    expect(text).toContain(vhs.name);
    expect(text).toContain('Deutsch auf B1 verbessern');
    expect(text).toContain('Lebenslauf');
    expect(text).not.toContain(ZEBRA);

    // Two reprints: the same bytes, the checksum stored at finalizing.
    const stored = await api(page.request, lotse, 'documents.get', { id: state.referralId! });
    const first = await api(page.request, lotse, 'documents.render', { id: state.referralId! });
    const second = await api(page.request, lotse, 'documents.render', { id: state.referralId! });
    expect(first.sha256).toBe(stored.sha256);
    expect(second.sha256).toBe(stored.sha256);
    expect(second.pdfBase64).toBe(first.pdfBase64);

    // The referral's way: handed over, look again in five days.
    const referral = page.getByRole('region', { name: 'Überleitung' });
    await expect(referral.getByRole('heading', { level: 2, name: 'Überleitung' })).toBeVisible();
    await expect(referral.getByLabel('Stand', { exact: true })).toHaveValue('created');
    await referral.getByLabel('Stand', { exact: true }).selectOption({ label: 'übergeben' });
    await referral.getByLabel('Wiedervorlage am', { exact: true }).fill(germanDate(isoDay(5)));
    await referral.getByRole('button', { name: 'Stand speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Der Stand der Überleitung ist gespeichert.' })).toBeVisible();
    const updated = await api(page.request, lotse, 'documents.get', { id: state.referralId! });
    expect(updated).toMatchObject({ referralStatus: 'handed-over', followUpDate: isoDay(5), sha256: stored.sha256 });
    await expectNoSeriousA11yViolations(page, 'Fertiges Dokument (Überleitung)');
    await page.screenshot({ path: testInfo.outputPath('referral-final.png'), fullPage: true });
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the course referral goes out under another legal basis with a reason', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const provider = await recipientPartner(page.request, lotse, COURSE_PROVIDER);
    const id = await newDocument(page, lotse, TITLES.course, { label: 'Empfänger (Partnerstelle)', name: provider.label });
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(FAMILY_NAME);
    await expect(page.getByLabel('Vorname', { exact: true })).toHaveValue(GIVEN_NAME);
    await expect(page.getByLabel('Geburtsort', { exact: true })).toHaveValue('Charkiw');
    await expect(page.getByLabel('Deutschkenntnisse', { exact: true })).toHaveValue('A2');
    await page.getByLabel('Kursart', { exact: true }).selectOption({ label: 'Berufssprachkurs Basis' });
    await page.getByLabel('Grundlage', { exact: true }).selectOption({ label: 'Berufssprachkurs (§ 45a AufenthG)' });
    await page.getByLabel('Nachweis', { exact: true }).fill('Berechtigungsschein des Jobcenters vom 03.11.2026');
    await page.getByLabel('Schreibkundigkeit', { exact: true }).selectOption({ label: 'liest und schreibt in lateinischer Schrift' });
    await page.getByLabel('Kinderbetreuung nötig', { exact: true }).check();
    await page.getByLabel('Kinderbetreuung', { exact: true }).fill('ein Kind, 4 Jahre, ab Kursbeginn');
    await page.getByLabel('Zeitliche Verfügbarkeit', { exact: true }).fill('nur vormittags');
    await page.getByLabel('Kostenbefreiung beantragt', { exact: true }).check();
    await expectSaved(page);

    const dialog = await openFinalizeDialog(page);
    const missing = dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' });
    await expect(missing).toBeVisible();
    await missing.getByRole('checkbox', { name: 'Andere Rechtsgrundlage angeben' }).check();
    const basis = dialog.getByLabel('Rechtsgrundlage', { exact: true });
    await expect(basis).toBeFocused();
    // Without a reason the core refuses and says where.
    await basis.fill('§ 69 Abs. 1 Nr. 1 SGB X');
    await dialog.getByRole('button', { name: 'Endgültig fertigstellen', exact: true }).click();
    const reason = dialog.getByLabel('Begründung', { exact: true });
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect((await api(page.request, lotse, 'documents.get', { id })).status).toBe('draft');
    await reason.fill('Anmeldung zum Berufssprachkurs im Auftrag des Jobcenters, das die Teilnahme verlangt hat.');
    await expectNoSeriousA11yViolations(page, 'Dokument fertigstellen (andere Rechtsgrundlage)');
    await confirmFinalize(page, dialog);
    await expect(page.getByRole('main')).toContainText('§ 69 Abs. 1 Nr. 1 SGB X – Anmeldung zum Berufssprachkurs im Auftrag des Jobcenters');
    const final = await api(page.request, lotse, 'documents.get', { id });
    expect(final.legalBasis).toMatchObject({ kind: 'other', basis: '§ 69 Abs. 1 Nr. 1 SGB X' });

    const text = flat(await checkFinal(page, lotse, id, 'course-referral'));
    expect(text).toContain('Berufssprachkurs Basis');
    expect(text).toContain(FAMILY_NAME);
    expect(text).toContain('Charkiw');
    expect(text).toContain('nur vormittags');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the cost application adds up its amounts in the editor and on paper', async ({ page, lotse, requests }, testInfo) => {
    await openApp(page, lotse);
    const id = await newDocument(page, lotse, TITLES.costs);
    await expect(page.locator('#doc-field-familyName')).toHaveValue(FAMILY_NAME);
    await expect(page.getByLabel('Abschluss (Originalsprache)', { exact: true })).toHaveValue('Інженер-будівельник');
    await expect(page.getByLabel('Kundennummer', { exact: true })).toHaveValue('123D456789');
    await page.getByLabel('Zuständige Stelle', { exact: true }).fill('Bezirksregierung Düsseldorf');
    await page.getByLabel('Verfahren', { exact: true }).selectOption({ label: 'Gleichwertigkeitsprüfung (Anerkennungsverfahren)' });

    const costs = page.getByRole('group', { name: 'Kostenaufstellung' });
    await expect(costs.getByLabel('Kostenart, Zeile 1', { exact: true })).toHaveValue('Anerkennungsberatung');
    await expect(costs.getByRole('row')).toHaveCount(7);
    const total = page.getByRole('textbox', { name: 'Summe', exact: true });
    await expect(total).toHaveAttribute('readonly', '');
    await expect(total).toHaveValue('0,00 €');
    await costs.getByLabel('Betrag, Zeile 1', { exact: true }).fill('250');
    await costs.getByLabel('Betrag, Zeile 2', { exact: true }).fill('1.200,00');
    await costs.getByLabel('Erläuterung, Zeile 3', { exact: true }).fill('4 Seiten, Kostenvoranschlag liegt bei');
    await costs.getByLabel('Betrag, Zeile 3', { exact: true }).fill('130,5');
    await expect(total).toHaveValue('1.580,50 €');
    // A row not needed goes; the total stays.
    await costs.getByRole('button', { name: 'Zeile 6 entfernen (Kostenaufstellung)' }).click();
    await expect(costs.getByRole('row')).toHaveCount(6);
    await expect(costs.getByLabel('Betrag, Zeile 3', { exact: true })).toHaveValue('130,50');
    await expect(total).toHaveValue('1.580,50 €');
    await page
      .getByLabel('Begründung', { exact: true })
      .fill('Für eine Stelle als Bauingenieurin im Kreis Düren verlangt der Arbeitgeber die Gleichwertigkeit.');
    await expectSaved(page);
    await expectNoSeriousA11yViolations(page, 'Editor: Kostenübernahme');

    const dialog = await openFinalizeDialog(page);
    await expect(dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' })).toHaveCount(0);
    await confirmFinalize(page, dialog);
    await expect(page.getByRole('main')).toContainText('1.580,50 €');
    const text = flat(await checkFinal(page, lotse, id, 'recognition-cost-application'));
    expect(text).toContain('1.580,50 €');
    expect(text).toContain('1.200,00 €');
    expect(text).toContain('130,50 €');
    expect(text).toContain('Bezirksregierung Düsseldorf');
    expect(text).toContain('Інженер-будівельник');
    expect(text).not.toContain('Fahrtkosten');

    // "PDF speichern" offers the same bytes under the final name.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Vorschau' }).getByRole('button', { name: 'PDF speichern' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Antrag_auf_Kosten.*-${isoDay()}\\.pdf$`));
    const saved = testInfo.outputPath('kostenuebernahme.pdf');
    await download.saveAs(saved);
    expect(createHash('sha256').update(fs.readFileSync(saved)).digest('hex')).toBe((await api(page.request, lotse, 'documents.get', { id })).sha256);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the § 104c checklist records each criterion and finalizes', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const id = await newDocument(page, lotse, TITLES.checklist);
    await expect(page.getByLabel('Aufenthaltsstatus', { exact: true })).toHaveValue(/104c/);
    await expect(page.getByLabel('Gültig bis', { exact: true })).toHaveValue(germanDate(isoDay(120)));
    await page.getByLabel('Angestrebt', { exact: true }).selectOption({ label: '§ 25b AufenthG' });
    const german = page.getByRole('group', { name: 'Deutschkenntnisse A2', exact: true });
    await german.getByLabel('Status', { exact: true }).selectOption({ label: 'erfüllt' });
    await german.getByLabel('Nachweis', { exact: true }).fill('telc Deutsch A2 vom 30.06.2025');
    const identity = page.getByRole('group', { name: 'Identität und Pass', exact: true });
    await identity.getByLabel('Status', { exact: true }).selectOption({ label: 'offen' });
    await identity.getByLabel('Nächster Schritt', { exact: true }).fill('Termin beim Generalkonsulat für den Reisepass');
    await identity.getByLabel('Zuständig', { exact: true }).fill('die Person selbst');
    await identity.getByLabel('Bis', { exact: true }).fill(germanDate(isoDay(30)));
    await expect(page.getByLabel('Geprüft am', { exact: true })).toHaveValue(germanDate(isoDay()));
    await expectSaved(page);

    const dialog = await openFinalizeDialog(page);
    await confirmFinalize(page, dialog);
    const text = flat(await checkFinal(page, lotse, id, 'residence-104c-checklist'));
    expect(text).toContain(FULL_NAME);
    expect(text).toContain('telc Deutsch A2 vom 30.06.2025');
    expect(text).toContain('Termin beim Generalkonsulat');
    expect(text).toContain('Fiktionswirkung');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('a free letter to the client finalizes', async ({ page, lotse, requests }) => {
    await openApp(page, lotse);
    const id = await newDocument(page, lotse, TITLES.letter);
    await expect(page.getByLabel('Empfänger', { exact: true })).toHaveValue('');
    await page.getByLabel('Betreff', { exact: true }).fill('Einladung zur Informationsveranstaltung Anerkennung');
    await page
      .getByLabel('Text', { exact: true })
      .fill('wir laden Sie herzlich zu unserer Informationsveranstaltung ein.\n\nBitte bringen Sie Ihre Zeugnisse mit.');
    await expectSaved(page);
    const dialog = await openFinalizeDialog(page);
    await confirmFinalize(page, dialog);
    const text = flat(await checkFinal(page, lotse, id, 'free-letter'));
    expect(text).toContain('Einladung zur Informationsveranstaltung Anerkennung');
    expect(text).toContain('Kölnstraße 12');
    expect(text).toContain('Bitte bringen Sie Ihre Zeugnisse mit.');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test("an office's text block reaches a new document, never the old final one", async ({ page, lotse, requests }, testInfo) => {
    const oldId = state.finals['referral-letter'];
    expect(oldId, 'the final referral from before').toBeDefined();
    const oldBefore = await api(page.request, lotse, 'documents.get', { id: oldId! });

    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vorlagen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vorlagen' })).toBeVisible();
    await expect(page.getByRole('link', { name: TITLES.referral, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Vorlagen');
    await page.getByRole('link', { name: TITLES.referral, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES.referral);
    const before = await api(page.request, lotse, 'templates.get', { id: 'referral-letter' });

    const form = page.getByRole('form', { name: 'Wortlaut bearbeiten' });
    const block = form.getByRole('group', { name: 'Textbaustein: Hinweis zum Datenschutz' });
    await expect(block.getByLabel('Überschrift (Hinweis zum Datenschutz)', { exact: true })).toHaveValue('Hinweis zum Datenschutz');
    const blockText = block.getByLabel('Text (Hinweis zum Datenschutz)', { exact: true });
    await expect(blockText).toHaveValue(/^Die übermittelten Angaben sind Sozialdaten/);
    await expect(block.getByLabel('Stand (Hinweis zum Datenschutz)', { exact: true })).toHaveValue('01.11.2026');
    await expectNoSeriousA11yViolations(page, 'Vorlage: Überleitung');
    const shipped = await blockText.inputValue();
    await blockText.fill(`${shipped} Dieser Absatz ist ein ${ZEBRA} der Dienststelle.`);
    await block.getByLabel('Stand (Hinweis zum Datenschutz)', { exact: true }).fill(germanDate(isoDay()));
    await form.getByRole('button', { name: 'Als neue Version speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Gespeichert als Version ${before.version + 1}.` })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('template-saved.png'), fullPage: true });

    // A new referral to the same agency, under the same consent, takes the new wording.
    const vhs = await recipientPartner(page.request, lotse, VHS);
    const newId = await newDocument(page, lotse, TITLES.referral, { label: 'Empfänger (Partnerstelle)', name: vhs.label });
    await expect(page.getByRole('region', { name: 'Hinweis zum Datenschutz' })).toContainText(ZEBRA);
    await expect(page.getByLabel('Einwilligung vom', { exact: true })).toHaveValue(germanDate(isoDay()));
    await page.getByLabel('Anlass', { exact: true }).fill('Frau Hrytsenko braucht nach dem B1-Kurs einen Anschlusskurs.');
    await page.getByLabel('Bitte / Ziel', { exact: true }).fill('Bitte melden Sie sie für den B2-Kurs an.');
    await expectSaved(page);
    const dialog = await openFinalizeDialog(page);
    await expect(dialog.getByRole('alert').filter({ hasText: 'Keine Einwilligung' })).toHaveCount(0);
    await confirmFinalize(page, dialog);
    const created = await api(page.request, lotse, 'documents.get', { id: newId });
    expect(created.templateVersion).toBe(before.version + 1);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-zebra-'));
    const newPdf = await renderPdf(page.request, lotse, newId, path.join(dir, 'neu.pdf'));
    expect(flat(newPdf.text)).toContain(ZEBRA);
    expect(newPdf.sha256).toBe(created.sha256);
    const oldPdf = await renderPdf(page.request, lotse, oldId!, path.join(dir, 'alt.pdf'));
    expect(flat(oldPdf.text)).not.toContain(ZEBRA);
    expect(flat(oldPdf.text)).toContain('Die übermittelten Angaben sind Sozialdaten');
    expect(oldPdf.sha256).toBe(oldBefore.sha256);

    // Back to the shipped wording: the new final document keeps what it was finalized with.
    await goTo(page, lotse, '#/templates/referral-letter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES.referral);
    await page.getByRole('button', { name: 'Auslieferungszustand wiederherstellen' }).click();
    const restore = page.getByRole('dialog');
    await expect(restore).toContainText('Auslieferungszustand zurücksetzen?');
    await restore.getByRole('button', { name: 'Wiederherstellen', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Der Auslieferungszustand gilt wieder (Version ${before.version + 2}).` })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Wortlaut bearbeiten' }).getByLabel('Text (Hinweis zum Datenschutz)', { exact: true })).toHaveValue(shipped);
    const again = await renderPdf(page.request, lotse, newId, path.join(dir, 'neu-nochmal.pdf'));
    expect(again.sha256).toBe(created.sha256);
    expect(flat(again.text)).toContain(ZEBRA);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });

  test('the documents screen filters by form, partner and referral status; the follow-up is on Start', async ({ page, lotse, requests }, testInfo) => {
    const vhs = await recipientPartner(page.request, lotse, VHS);
    await openApp(page, lotse);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumente', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dokumente' })).toBeVisible();
    const filters = page.getByRole('search', { name: 'Dokumente filtern' });
    const count = page.getByRole('status').filter({ hasText: /Dokument|Wird gesucht/ });
    await expect(count).toHaveText(/^\d+ Dokumente?$/);

    // Other spec files share this host: narrow to this file's client first.
    await filters.getByLabel('Klient*in', { exact: true }).fill(FAMILY_NAME);
    // Referral (two), consent form, course referral, cost application, checklist, free letter.
    await expect(count).toHaveText('7 Dokumente');
    await filters.getByLabel('Vorlage', { exact: true }).selectOption({ label: TITLES.referral });
    await expect(count).toHaveText('2 Dokumente');
    const table = page.getByRole('table', { name: 'Dokumente' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await filters.getByLabel('Stand der Überleitung', { exact: true }).selectOption({ label: 'übergeben' });
    await expect(count).toHaveText('1 Dokument');
    await expect(table).toContainText(`Wiedervorlage ${germanDate(isoDay(5))}`);
    await filters.getByLabel('Stand der Überleitung', { exact: true }).selectOption({ label: 'alle' });
    await filters.getByLabel('Vorlage', { exact: true }).selectOption({ label: TITLES.course });
    await expect(count).toHaveText('1 Dokument');
    await filters.getByLabel('Vorlage', { exact: true }).selectOption({ label: 'alle' });
    await filters.getByLabel('Partnerstelle', { exact: true }).selectOption({ label: vhs.label });
    await expect(count).toHaveText('2 Dokumente');
    await filters.getByLabel('Partnerstelle', { exact: true }).selectOption({ label: 'alle' });
    await filters.getByLabel('Status', { exact: true }).selectOption({ label: 'Endgültig' });
    await expect(count).toHaveText('7 Dokumente');
    await filters.getByLabel('Status', { exact: true }).selectOption({ label: 'Entwurf' });
    await expect(count).toHaveText('Kein Dokument passt zu diesen Filtern.');
    await filters.getByLabel('Status', { exact: true }).selectOption({ label: 'alle' });
    await filters.getByLabel('Erstellt ab', { exact: true }).fill(germanDate(isoDay(1)));
    await expect(count).toHaveText('Kein Dokument passt zu diesen Filtern.');
    await filters.getByLabel('Erstellt ab', { exact: true }).fill(germanDate(isoDay()));
    await filters.getByLabel('Erstellt bis', { exact: true }).fill(germanDate(isoDay()));
    await expect(count).toHaveText('7 Dokumente');
    await filters.getByLabel('Vorlage', { exact: true }).selectOption({ label: TITLES.referral });
    await expect(count).toHaveText('2 Dokumente');
    await expectNoSeriousA11yViolations(page, 'Dokumente (gefiltert)');
    await page.screenshot({ path: testInfo.outputPath('documents-filtered.png'), fullPage: true });

    // The follow-up date of the handed-over referral is on Start's deadline list.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start', exact: true }).click();
    const deadlines = page.getByRole('region', { name: 'Fristen' });
    const row = deadlines
      .getByRole('row')
      .filter({ hasText: 'Wiedervorlage' })
      .filter({ has: page.getByRole('link', { name: FULL_NAME }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(germanDate(isoDay(5)));
    await expect(row).toContainText(TITLES.referral);
    await expect(row).toContainText(vhs.name);
    await expect(row).not.toContainText('überfällig');
    await expectNoSeriousA11yViolations(page, 'Start mit Wiedervorlage');
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  });
});
