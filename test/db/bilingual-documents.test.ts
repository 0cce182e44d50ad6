import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { settleFinalSha256s } from '../../main/core/services/documents/finalize';
import type { Client, LotseDocument, Settings, Template, TemplateSummary } from '../../shared/api/contract';
import { BUILT_IN_FORMS, type FormTranslation } from '../../shared/forms';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { pdfText } from '../support/pdf-words';
import { callOk, errorOf } from '../support/results';

/**
 * Translations as template data and the language of a document (issue 17):
 * a translation edited in templates.update is a new version, stamped
 * "geprüft von … am …" when checked; the others stay; a restore brings the
 * shipped ones back. A document takes its language from the client's record
 * (or the one asked for), can change it while a draft, and keeps it, with the
 * translation's review state, once final. Clock: 2026-11-25T10:00Z.
 */

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

const CONSENT = 'consent-data-transfer';
const CONSENT_VALUES = {
  recipients: [{ name: 'Jobcenter Kreis Düren' }],
  purposes: [{ purpose: 'Beratung zur Anerkennung' }],
  dataCategories: ['identity', 'contact'],
  exchange: 'one-way',
};

const getTemplate = (id: string, version?: number) => callOk<Template>(core, 'templates.get', version === undefined ? { id } : { id, version });

/** A translation as the template editor sends it: the shipped one, with `changes`. */
function translationEdit(translation: FormTranslation, changes: Partial<FormTranslation> & { checked: boolean }) {
  const { review: _review, ...rest } = { ...translation, ...changes };
  return rest;
}

async function counselorIs(name: string): Promise<void> {
  const settings = await callOk<Settings>(core, 'settings.get', {});
  await callOk(core, 'settings.update', { ...settings, counselor: { ...settings.counselor, name } });
}

async function clientSpeaking(...languages: string[]): Promise<Client> {
  return callOk<Client>(core, 'clients.create', {
    ...SAMPLE_CLIENT,
    familyName: 'Haddad',
    givenName: 'Mahmoud',
    otherNames: ['محمود حداد'],
    languages: languages.map((language) => ({ language, interpreterNeeded: true })),
  });
}

/** A client whose own script the fonts print today (Cyrillic), for finalizing. */
async function ukrainianClient(): Promise<Client> {
  return callOk<Client>(core, 'clients.create', {
    ...SAMPLE_CLIENT,
    familyName: 'Kovalenko',
    givenName: 'Olena',
    otherNames: ['Олена Коваленко'],
    languages: [{ language: 'Ukrainisch', interpreterNeeded: false }],
  });
}

const create = (input: Record<string, unknown>) => callOk<LotseDocument>(core, 'documents.create', { templateId: CONSENT, values: CONSENT_VALUES, ...input });

describe('translations in templates.update', () => {
  it('lists the shipped translations of each template with their review state', async () => {
    const items = (await callOk<{ items: TemplateSummary[] }>(core, 'templates.list', {})).items;
    const consent = items.find((item) => item.id === CONSENT)!;
    expect(consent.translations.map((entry) => entry.language)).toEqual(['ar', 'fa', 'uk', 'ru', 'tr', 'en']);
    expect(consent.translations.every((entry) => entry.review === null)).toBe(true);
    expect(items.find((item) => item.id === 'free-letter')!.translations).toEqual([]);
  });

  it('saves an edited translation as a new version, stamped checked by the counselor today, and keeps the others as they were', async () => {
    await counselorIs('Carsten Muschenich');
    const shipped = BUILT_IN_FORMS[CONSENT]!.translations!;
    const saved = await callOk<Template>(core, 'templates.update', {
      id: CONSENT,
      baseVersion: 1,
      translations: {
        uk: translationEdit(shipped.uk!, {
          blocks: { ...shipped.uk!.blocks, voluntaryText: { text: 'Згода є добровільною. {{settings.office.organization}}', stand: '2026-11-20' } },
          checked: true,
        }),
        tr: translationEdit(shipped.tr!, { title: 'Kişisel verilerin aktarılmasına rıza', checked: false }),
      },
    });
    expect(saved).toMatchObject({ version: 2, source: 'office' });
    const translations = saved.definition.translations!;
    expect(translations.uk!.review).toEqual({ checkedBy: 'Carsten Muschenich', checkedOn: '2026-11-25' });
    expect(translations.uk!.blocks.voluntaryText).toEqual({ text: 'Згода є добровільною. {{settings.office.organization}}', stand: '2026-11-20' });
    expect(translations.tr).toMatchObject({ title: 'Kişisel verilerin aktarılmasına rıza', review: null });
    // Not given: as they were.
    expect(translations.ar).toEqual(shipped.ar);
    expect(translations.en).toEqual(shipped.en);
    // The German wording is untouched; version 1 keeps the shipped translation.
    expect(saved.definition.sections).toEqual(BUILT_IN_FORMS[CONSENT]!.sections);
    expect((await getTemplate(CONSENT, 1)).definition.translations!.uk).toEqual(shipped.uk);
    expect(saved.translations.find((entry) => entry.language === 'uk')!.review).toEqual({ checkedBy: 'Carsten Muschenich', checkedOn: '2026-11-25' });

    // Unchecking a checked translation makes it ungeprüft again.
    const again = await callOk<Template>(core, 'templates.update', {
      id: CONSENT,
      baseVersion: 2,
      translations: { uk: translationEdit(translations.uk!, { checked: false }) },
    });
    expect(again.definition.translations!.uk!.review).toBeNull();
    expect(again.definition.translations!.uk!.blocks.voluntaryText!.text).toContain('{{settings.office.organization}}');
  });

  it('refuses a placeholder that names nothing in a translated block, and keys the form does not have, in German at their path', async () => {
    const uk = BUILT_IN_FORMS[CONSENT]!.translations!.uk!;
    const result = await dispatch(core, 'templates.update', {
      id: CONSENT,
      baseVersion: 1,
      translations: {
        uk: translationEdit(uk, {
          labels: { ...uk.labels, noSuchField: 'x' },
          blocks: { ...uk.blocks, revocationText: { text: 'Відкликання: {{client.password}}', stand: '2026-11-01' } },
          checked: false,
        }),
      },
    });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.['translations.uk.blocks.revocationText.text']).toContain('{{client.password}}');
    expect(error.fields?.['translations.uk.labels.noSuchField']).toContain('noSuchField');
    expect((await getTemplate(CONSENT)).version).toBe(1);
  });

  it('restores the shipped translations with the shipped wording', async () => {
    const uk = BUILT_IN_FORMS[CONSENT]!.translations!.uk!;
    await callOk(core, 'templates.update', {
      id: CONSENT,
      baseVersion: 1,
      translations: { uk: translationEdit(uk, { title: 'Змінено', checked: true }) },
    });
    const restored = await callOk<Template>(core, 'templates.restore', { id: CONSENT });
    expect(restored).toMatchObject({ version: 3, source: 'built-in' });
    expect(restored.definition.translations).toEqual(BUILT_IN_FORMS[CONSENT]!.translations);
  });
});

describe('templates.preview of a translation', () => {
  it('prints the edited translation beside the German, saving nothing', async () => {
    const uk = BUILT_IN_FORMS[CONSENT]!.translations!.uk!;
    const preview = await callOk<{ pdfBase64: string }>(core, 'templates.preview', {
      id: CONSENT,
      baseVersion: 1,
      translations: { uk: translationEdit(uk, { title: 'Згода (нова редакція)', checked: false }) },
    });
    const text = pdfText(preview.pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('Einwilligung in die Übermittlung personenbezogener Daten');
    expect(text).toContain('Згода (нова редакція)');
    expect(text).toContain('Переклад – чинним є текст німецькою мовою.');
    expect((await getTemplate(CONSENT)).version).toBe(1);
  });
});

describe('the language of a document', () => {
  it('is the first of the client’s languages the template has a translation in: "Persisch (Dari)" → fa', async () => {
    const person = await clientSpeaking('Kurdisch (Kurmandschi)', 'Persisch (Dari)', 'Englisch');
    const document = await create({ clientId: person.id });
    expect(document).toMatchObject({
      translationLanguage: 'fa',
      bilingualLayout: 'sequential',
      translationReview: null,
      translationsAvailable: ['ar', 'en', 'fa', 'ru', 'tr', 'uk'],
    });
    // A template without translations: German only.
    const letter = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'free-letter', clientId: person.id, values: {} });
    expect(letter).toMatchObject({ translationLanguage: null, translationsAvailable: [] });
  });

  it('is the one asked for, or none (null), and a language without a translation is refused', async () => {
    const person = await clientSpeaking('Persisch (Dari)');
    expect((await create({ clientId: person.id, translationLanguage: 'uk' })).translationLanguage).toBe('uk');
    expect((await create({ clientId: person.id, translationLanguage: null })).translationLanguage).toBeNull();
    const refused = errorOf(await dispatch(core, 'documents.create', { templateId: CONSENT, clientId: person.id, values: {}, translationLanguage: 'ti' }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.fields?.translationLanguage).toContain('Tigrinya');
  });

  it('changes while a draft, with a line in the audit trail naming the language and no personal data', async () => {
    const person = await clientSpeaking('Persisch (Dari)');
    const document = await create({ clientId: person.id });
    const updated = await callOk<LotseDocument>(core, 'documents.update', {
      id: document.id,
      values: document.values,
      translationLanguage: 'uk',
      bilingualLayout: 'side-by-side',
    });
    expect(updated).toMatchObject({ translationLanguage: 'uk', bilingualLayout: 'side-by-side' });
    // Left out: stays.
    expect(await callOk<LotseDocument>(core, 'documents.update', { id: document.id, values: document.values })).toMatchObject({
      translationLanguage: 'uk',
      bilingualLayout: 'side-by-side',
    });
    const audit = core.db
      .prepare("SELECT details FROM audit WHERE action = 'documents.update' AND subject_id = ? ORDER BY id")
      .pluck()
      .all(document.id) as string[];
    expect(audit.map((details) => JSON.parse(details))).toEqual([{ fields: [], translationLanguage: 'uk', bilingualLayout: 'side-by-side' }]);
    const german = await callOk<LotseDocument>(core, 'documents.update', { id: document.id, values: document.values, translationLanguage: null });
    expect(german).toMatchObject({ translationLanguage: null, translationReview: null });
  });

  it('is frozen with the translation’s review state when the document is finalized', async () => {
    await counselorIs('Carsten Muschenich');
    const person = await ukrainianClient();
    const uk = BUILT_IN_FORMS[CONSENT]!.translations!.uk!;
    await callOk(core, 'templates.update', { id: CONSENT, baseVersion: 1, translations: { uk: translationEdit(uk, { checked: true }) } });
    const document = await create({ clientId: person.id });
    expect(document).toMatchObject({
      templateVersion: 2,
      translationLanguage: 'uk',
      translationReview: { checkedBy: 'Carsten Muschenich', checkedOn: '2026-11-25' },
    });
    const final = await callOk<LotseDocument>(core, 'documents.finalize', { id: document.id });
    await settleFinalSha256s(core);
    expect(final).toMatchObject({
      status: 'final',
      translationLanguage: 'uk',
      translationReview: { checkedBy: 'Carsten Muschenich', checkedOn: '2026-11-25' },
    });
    const snapshot = JSON.parse(core.db.prepare('SELECT final_snapshot FROM documents WHERE id = ?').pluck().get(document.id) as string);
    expect(snapshot.translation).toEqual({ language: 'uk', layout: 'sequential', review: { checkedBy: 'Carsten Muschenich', checkedOn: '2026-11-25' } });
    const finalizeAudit = JSON.parse(
      core.db.prepare("SELECT details FROM audit WHERE action = 'documents.finalize' AND subject_id = ?").pluck().get(document.id) as string,
    );
    expect(finalizeAudit).toMatchObject({ translationLanguage: 'uk', translationChecked: true });
    // A final document's language cannot change.
    expect(errorOf(await dispatch(core, 'documents.update', { id: document.id, values: {}, translationLanguage: 'ru' })).code).toBe('conflict');
    expect(() => core.db.prepare("UPDATE documents SET translation_language = 'ru' WHERE id = ?").run(document.id)).toThrow(/immutable/);
  });

  it('of a correction is the corrected document’s, with its layout, unless another is asked for', async () => {
    const person = await ukrainianClient();
    const draft = await create({ clientId: person.id, translationLanguage: 'en' });
    await callOk(core, 'documents.update', { id: draft.id, values: draft.values, bilingualLayout: 'side-by-side' });
    await callOk(core, 'documents.finalize', { id: draft.id });
    await settleFinalSha256s(core);
    const correction = await callOk<LotseDocument>(core, 'documents.create', { templateId: CONSENT, clientId: person.id, correctsId: draft.id, values: {} });
    expect(correction).toMatchObject({ correctsId: draft.id, translationLanguage: 'en', bilingualLayout: 'side-by-side' });
    const asked = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: CONSENT,
      clientId: person.id,
      correctsId: draft.id,
      values: {},
      translationLanguage: null,
    });
    expect(asked.translationLanguage).toBeNull();
  });
});
