import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { api, expect, goTo, openApp, test } from './fixtures';
import { windowShots } from './shots';

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
  await windowShots(page, SHOTS, 'client-arabic-name');

  // The search finds the person by the Arabic name and shows both forms.
  await goTo(page, '#/clients');
  await page.getByRole('searchbox', { name: 'Suche' }).fill('محمود');
  const result = page.getByRole('link', { name: new RegExp(`${FAMILY}, ${GIVEN}`) });
  await expect(result).toContainText(OWN_SCRIPT);
  await windowShots(page, SHOTS, 'client-search-arabic', result);

  // Every text input and textarea of the form takes its direction from what is typed (dates, always TT.MM.JJJJ, aside).
  await goTo(page, `#/clients/${encodeURIComponent(client.id)}/edit`);
  await expect(page.getByLabel('Familienname', { exact: true })).toHaveValue(FAMILY);
  const directions = await page
    .locator('form input[type="text"]:not(.date-input), form input[type="search"], form textarea')
    .evaluateAll((inputs) => inputs.map((input) => ({ id: input.id, dir: input.getAttribute('dir') })));
  expect(directions.length).toBeGreaterThan(10);
  expect(directions.filter((input) => input.dir !== 'auto')).toEqual([]);
  const otherName = page.getByLabel('Schreibweise 1', { exact: true });
  await expect(otherName).toHaveValue(OWN_SCRIPT);
  expect(await otherName.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await windowShots(page, SHOTS, 'client-form-arabic');
});

const CONSENT = 'Einwilligung in die Übermittlung personenbezogener Daten';
const GERMAN_BINDING_NOTE = 'Übersetzung – maßgeblich ist der deutsche Text';
/**
 * Words as pdftotext gives them back, with line breaks and runs of blanks as
 * one space, and without the invisible marks it adds or drops around
 * right-to-left runs (embedding marks; the zero-width non-joiner of „داده‌ها“).
 */
const flat = (text: string) => text.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
/** The words of a text, letters only: punctuation moves to the other end of a right-to-left line in the text layer. */
const wordsOf = (text: string) =>
  flat(text)
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => word.length > 1);

test('a consent for a client whose record says Persisch starts in German and Persian, warns that the translation is unchecked, and prints both', async ({
  page,
  lotse,
}) => {
  test.setTimeout(120_000);
  const shipped = await api(page, lotse, 'templates.get', { id: 'consent-data-transfer' });
  const persian = shipped.definition.translations?.fa;
  expect(persian, 'the consent form ships a Persian translation').toBeDefined();
  expect(persian!.review, 'shipped translations are ungeprüft').toBeNull();

  // The client, through the form: the language field suggests the known languages and keeps free text.
  await openApp(page, lotse);
  await goTo(page, '#/clients');
  await page.getByRole('button', { name: 'Neue Klient*in' }).click();
  await page.getByLabel('Familienname', { exact: true }).fill('Rahimi');
  await page.getByLabel('Vorname', { exact: true }).fill('Zahra');
  await page.getByRole('button', { name: 'Schreibweise hinzufügen' }).click();
  await page.getByLabel('Schreibweise 1', { exact: true }).fill('زهرا رحیمی');
  await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
  const language = page.getByLabel('Sprache 1', { exact: true });
  const suggestions = await language.getAttribute('list');
  expect(suggestions).not.toBeNull();
  await expect(page.locator(`datalist[id="${suggestions}"] option[value="Persisch"]`)).toHaveText('فارسی');
  await expect(page.locator(`datalist[id="${suggestions}"] option`)).toHaveCount(20);
  await language.fill('Persisch');
  await expectNoSeriousA11yViolations(page, 'Neue Klient*in mit Sprache');
  await windowShots(page, SHOTS, 'client-form-language', language);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahra Rahimiزهرا رحیمی');
  const clientId = decodeURIComponent(/#\/clients\/([^/?#]+)$/.exec(page.url())![1]!);
  created.push(clientId);

  // The consent form: Persian is chosen from the record, and the editor says the translation is unchecked.
  await page.getByRole('button', { name: 'Neues Dokument', exact: true }).click();
  await page.getByRole('group', { name: 'Vorlage', exact: true }).getByRole('radio', { name: CONSENT, exact: true }).check();
  await page.getByRole('button', { name: 'Dokument anlegen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${CONSENT} – Zahra Rahimi`);
  const choice = page.getByLabel('Sprache der Übersetzung', { exact: true });
  await expect(choice).toHaveValue('fa');
  await expect(choice.locator('option:checked')).toHaveText('Persisch – فارسی');
  await expect(choice.locator('option').first()).toHaveText('Nur Deutsch');
  await expect(page.getByRole('radio', { name: 'Deutsch zuerst, die Übersetzung darunter' })).toBeChecked();
  const warning = page.locator('#document-translation-state');
  await expect(warning).toContainText('Diese Übersetzung ist noch nicht geprüft.');
  const bar = page.getByRole('region', { name: 'Entwurf: Aktionen' });
  await expect(bar.getByText('Übersetzung ungeprüft')).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Vorschau', exact: true })).toHaveAccessibleDescription('Übersetzung ungeprüft');
  await expect(bar.getByRole('button', { name: 'Fertigstellen', exact: true })).toHaveAccessibleDescription('Übersetzung ungeprüft');
  await expectNoSeriousA11yViolations(page, 'Einwilligung mit persischer Übersetzung');
  await page.locator('#document-translation-group').scrollIntoViewIfNeeded();
  await windowShots(page, SHOTS, 'document-translation-choice');

  // Side by side, stored with the draft.
  await page.getByRole('radio', { name: 'Nebeneinander: Deutsch links, die Übersetzung rechts' }).check();
  await expect(page.getByRole('status').filter({ hasText: /^Gespeichert \d{2}:\d{2}$/ })).toBeVisible();
  const documentId = decodeURIComponent(/#\/documents\/([^/?#]+)$/.exec(page.url())![1]!);
  await expect
    .poll(async () => {
      const stored = await api(page, lotse, 'documents.get', { id: documentId });
      return [stored.translationLanguage, stored.bilingualLayout, stored.translationReview];
    })
    .toEqual(['fa', 'side-by-side', null]);

  // What finalizing needs, then the finalize dialog says it too (and is left without finalizing).
  await page
    .getByRole('group', { name: 'Empfänger', exact: true })
    .getByRole('button', { name: /Zeile hinzufügen/ })
    .click();
  await page.getByLabel('Stelle, Zeile 1', { exact: true }).fill('Jobcenter Kreis Düren');
  await page
    .getByRole('group', { name: 'Zweck', exact: true })
    .getByRole('button', { name: /Zeile hinzufügen/ })
    .click();
  await page.getByLabel('Zweck, Zeile 1', { exact: true }).fill('Beratung zur Arbeitsaufnahme');
  await page.getByLabel('Personalien (Name, Geburtsdatum, Staatsangehörigkeit)', { exact: true }).check();
  await page.getByLabel('Datenaustausch', { exact: true }).selectOption({ label: 'einseitig (nur an die Empfänger)' });
  await page.getByRole('button', { name: 'Fertigstellen', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Dokument fertigstellen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Sprache der Übersetzung: Persisch – فارسی')).toBeVisible();
  await expect(dialog.getByText('Diese Übersetzung ist noch nicht geprüft.', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Fertigstellen mit ungeprüfter Übersetzung');
  await windowShots(page, SHOTS, 'finalize-translation-unchecked');
  await dialog.getByRole('button', { name: 'Abbrechen', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // The preview: the warning above it, the PDF with German, Persian and the binding-language note in both.
  await bar.getByRole('button', { name: 'Vorschau', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(page.locator('.editor-preview').getByText('Diese Übersetzung ist noch nicht geprüft.', { exact: false })).toBeVisible();
  await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await windowShots(page, SHOTS, 'document-translation-preview');
  const downloadPromise = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'PDF speichern' }).click();
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, 'consent-persian.pdf');
  await (await downloadPromise).saveAs(file);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, 'consent-persian-page1')]);
  const text = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  expect(text).toContain('Zahra Rahimi');
  expect(text).toContain('Einwilligung');
  expect(text).toContain(GERMAN_BINDING_NOTE);
  for (const word of wordsOf(persian!.title)) expect(text).toContain(word);
  for (const word of wordsOf(persian!.bindingNote)) expect(text).toContain(word);
});

test('the template editor edits a translation beside the German, stamps the check, and the list shows each translation’s state', async ({ page, lotse }) => {
  test.setTimeout(120_000);
  await openApp(page, lotse);
  await goTo(page, '#/templates');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CONSENT, exact: true }) });
  await expect(row.getByRole('cell').last()).toContainText(/ungeprüft: .*Persisch/);
  await expectNoSeriousA11yViolations(page, 'Vorlagen mit Übersetzungen');
  await windowShots(page, SHOTS, 'templates-translations', row);

  await row.getByRole('link', { name: CONSENT, exact: true }).click();
  const editor = page.getByRole('region', { name: 'Übersetzungen' });
  await editor.getByLabel('Sprache', { exact: true }).selectOption('fa');
  await expect(editor.getByText('Stand der Prüfung: ungeprüft')).toBeVisible();
  const toggle = editor.getByRole('button', { name: 'Übersetzung bearbeiten: Persisch' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Übersetzung schließen' })).toHaveAttribute('aria-expanded', 'true');
  await expect(editor.getByLabel('Titel (Persisch)', { exact: true })).toBeFocused();
  await editor.getByRole('heading', { name: 'Übersetzungen' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, document.getElementById('translation-editor-heading')!.getBoundingClientRect().top - 16));
  await windowShots(page, SHOTS, 'template-translation-start');
  const template = await api(page, lotse, 'templates.get', { id: 'consent-data-transfer' });
  const persian = template.definition.translations!.fa!;
  // Each part: the German on the left, the Persian on the right, written right to left and marked as Persian.
  const title = editor.getByLabel('Titel (Persisch)', { exact: true });
  await expect(title).toHaveValue(persian.title);
  await expect(title).toHaveAttribute('lang', 'fa');
  await expect(title).toHaveAttribute('dir', 'auto');
  expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(page.locator(`#${await title.getAttribute('aria-describedby').then((ids) => ids!.split(' ')[0])}`)).toHaveText(CONSENT);
  const blockIds = Object.keys(persian.blocks);
  expect(blockIds.length).toBeGreaterThan(0);
  const block = editor.locator(`#tr-blocks-${blockIds[0]}`);
  await expect(block).toHaveValue(persian.blocks[blockIds[0]!]!.text);
  expect(await block.evaluate((element) => element.tagName)).toBe('TEXTAREA');
  await expect(block).toHaveAttribute('lang', 'fa');
  const pair = block.locator('xpath=ancestor::li[contains(@class, "translation-pair")]');
  const [left, right] = await Promise.all([pair.locator('.translation-source').boundingBox(), pair.locator('.translation-target').boundingBox()]);
  expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
  await expect(editor.getByLabel('Vermerk zur maßgeblichen Sprache', { exact: true })).toHaveValue(persian.bindingNote);
  await expect(editor.getByLabel('Übersetzung geprüft', { exact: true })).not.toBeChecked();
  await expectNoSeriousA11yViolations(page, 'Vorlage: Übersetzung neben dem Deutschen');
  await windowShots(page, SHOTS, 'template-translation-editor', block);

  // The keyboard reaches the check and the save: ticked and saved, it names the counselor and today.
  await editor.getByLabel('Übersetzung geprüft', { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: 'Übersetzung speichern' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#template-status')).toHaveText(/^Übersetzung gespeichert: Version \d+\.$/);
  const today = new Date();
  const german = `${String(today.getDate()).padStart(2, '0')}.${String(today.getMonth() + 1).padStart(2, '0')}.${today.getFullYear()}`;
  await expect(page.getByRole('region', { name: 'Übersetzungen' }).getByText(`Stand der Prüfung: geprüft von Erika Mustermann am ${german}`)).toBeVisible();
  await goTo(page, '#/templates');
  await expect(row.getByRole('cell').last()).toContainText(`Persisch: geprüft von Erika Mustermann am ${german}`);
  await expect(row.getByRole('cell').last()).not.toContainText(/ungeprüft: .*Persisch/);

  // The store as it was found: the shipped wording (and its unchecked translations) again.
  await api(page, lotse, 'templates.restore', { id: 'consent-data-transfer' });
  await page.reload();
  await expect(row.getByRole('cell').last()).toContainText(/ungeprüft: .*Persisch/);
});
