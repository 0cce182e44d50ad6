import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { Client, LotseDocument, RenderedPdf, Settings, Template, TemplateSummary } from '../../shared/api/contract';
import { templateDraft } from '../../renderer/src/features/templates/template-edit';
import { BUILT_IN_FORMS, type BlockDefinition, type FormDefinition } from '../../shared/forms';
import { openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { renderedText } from '../support/documents';
import { pdfText } from '../support/pdf-words';
import { callOk, countRows, errorOf } from '../support/results';

/**
 * The form catalogue (DESIGN.md §5): the shipped definitions are stored as
 * version 1, an office edit of labels and text blocks makes a new version,
 * documents keep the version they were made with, a restore brings the
 * shipped wording back as a new version, and an app update re-ships wording
 * only for templates the office has not edited. Clock: 2026-11-25T10:00Z.
 */

const NOW = '2026-11-25T10:00:00.000Z';
const VHS = 'seed-vhs-rur-eifel';
const OLD_INTRO = 'wir möchten Ihnen die unten genannte Person vorstellen';
const NEW_INTRO = 'wir stellen Ihnen {{client.fullName}} aus unserer Beratung vor.';
const NEW_INTRO_PRINTED = 'wir stellen Ihnen Ayşe Müller aus unserer Beratung vor.';
const NEW_REASON_LABEL = 'Anlass der Überleitung';

let core: Core;
let dataDir: string;
let dispose: () => void;

beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

/** One stored version per shipped form after the first open. */
const SHIPPED = Object.keys(BUILT_IN_FORMS).length;
const templateVersions = () => countRows(core, 'template_versions');
const getTemplate = (id: string, version?: number) => callOk<Template>(core, 'templates.get', version === undefined ? { id } : { id, version });
const listTemplates = async () => (await callOk<{ items: TemplateSummary[] }>(core, 'templates.list', {})).items;

function blockOf(form: FormDefinition, id: string): BlockDefinition {
  const block = form.sections.flatMap((section) => section.fields).find((field) => field.id === id);
  if (block?.type !== 'block') throw new Error(`no block ${id} in ${form.id}`);
  return block;
}

function labelOf(form: FormDefinition, id: string): string | undefined {
  return form.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label;
}

/** The office's edit of the referral letter: its introduction and the label of the reason field. */
function editReferral(core: Core, baseVersion: number) {
  return dispatch(core, 'templates.update', {
    id: 'referral-letter',
    baseVersion,
    labels: { reason: NEW_REASON_LABEL },
    blocks: { introText: { text: NEW_INTRO, stand: '2026-10-01' } },
  });
}

async function counselorIs(name: string): Promise<void> {
  const settings = await callOk<Settings>(core, 'settings.get', {});
  await callOk(core, 'settings.update', { ...settings, counselor: { ...settings.counselor, name } });
}

describe('templates.list and templates.get', () => {
  it('lists the nine built-in forms, each as shipped version 1', async () => {
    const items = await listTemplates();
    expect(items.map((item) => item.id).sort()).toEqual(Object.keys(BUILT_IN_FORMS).sort());
    expect(items).toHaveLength(9);
    for (const item of items) {
      expect(item, item.id).toMatchObject({ version: 1, source: 'built-in', savedAt: NOW, title: BUILT_IN_FORMS[item.id]?.title });
    }
    expect(items.find((item) => item.id === 'referral-letter')).toMatchObject({ layout: 'letter', recipient: 'partner', oldestStand: '2026-11-01' });
    expect(items.find((item) => item.id === 'free-letter')).toMatchObject({ layout: 'letter', recipient: 'client', oldestStand: null });
    expect(templateVersions()).toBe(SHIPPED);
  });

  it('gets the definition with its version history', async () => {
    const template = await getTemplate('consent-data-transfer');
    expect(template.definition).toEqual(BUILT_IN_FORMS['consent-data-transfer']);
    expect(template.versions).toEqual([{ version: 1, source: 'built-in', savedAt: NOW, savedBy: '' }]);
    expect((await getTemplate('consent-data-transfer', 1)).definition).toEqual(template.definition);
  });

  it('refuses an unknown template and an unknown version as not_found', async () => {
    expect(errorOf(await dispatch(core, 'templates.get', { id: 'no-such-form' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'templates.get', { id: 'referral-letter', version: 2 })).code).toBe('not_found');
  });
});

describe('templates.update', () => {
  it('saves the edit as version 2 by the counselor in the settings, keeping version 1 as it was', async () => {
    await counselorIs('Carsten Muschenich');
    const updated = await callOk<Template>(core, 'templates.update', {
      id: 'referral-letter',
      baseVersion: 1,
      labels: { reason: NEW_REASON_LABEL },
      blocks: { introText: { text: NEW_INTRO, stand: '2026-10-01' } },
    });
    expect(updated).toMatchObject({ id: 'referral-letter', version: 2, source: 'office', savedAt: NOW, oldestStand: '2026-10-01' });
    expect(updated.definition.version).toBe(2);
    expect(blockOf(updated.definition, 'introText')).toMatchObject({ text: NEW_INTRO, stand: '2026-10-01' });
    expect(labelOf(updated.definition, 'reason')).toBe(NEW_REASON_LABEL);
    expect(updated.versions).toEqual([
      { version: 2, source: 'office', savedAt: NOW, savedBy: 'Carsten Muschenich' },
      { version: 1, source: 'built-in', savedAt: NOW, savedBy: '' },
    ]);
    // Everything else is the shipped definition.
    expect(blockOf(updated.definition, 'dataProtectionNote')).toEqual(blockOf(BUILT_IN_FORMS['referral-letter']!, 'dataProtectionNote'));
    expect(await getTemplate('referral-letter')).toEqual(updated);
    expect((await listTemplates()).find((item) => item.id === 'referral-letter')).toMatchObject({ version: 2, source: 'office' });

    const first = await getTemplate('referral-letter', 1);
    expect(first).toMatchObject({ version: 1, source: 'built-in' });
    expect(blockOf(first.definition, 'introText').text).toContain(OLD_INTRO);
    expect(labelOf(first.definition, 'reason')).toBe('Anlass');
    expect(templateVersions()).toBe(SHIPPED + 1);
  });

  it('leaves documents made before the edit on version 1; new documents use version 2 (documents.render)', async () => {
    const client = await callOk<Client>(core, 'clients.create', SAMPLE_CLIENT);
    const create = () =>
      callOk<LotseDocument>(core, 'documents.create', {
        templateId: 'referral-letter',
        clientId: client.id,
        partnerId: VHS,
        values: { reason: 'Anerkennung des Abschlusses' },
      });
    const before = await create();
    await editReferral(core, 1);
    const after = await create();
    expect(before.templateVersion).toBe(1);
    expect(after.templateVersion).toBe(2);
    expect((await callOk<LotseDocument>(core, 'documents.get', { id: before.id })).templateVersion).toBe(1);

    const oldText = await renderedText(core, before.id);
    expect(oldText).toContain(OLD_INTRO);
    expect(oldText).not.toContain('aus unserer Beratung vor');
    expect(oldText).toContain('Anlass');
    expect(oldText).not.toContain(NEW_REASON_LABEL);

    const newText = await renderedText(core, after.id);
    expect(newText).toContain(NEW_INTRO_PRINTED);
    expect(newText).not.toContain(OLD_INTRO);
    expect(newText).toContain(NEW_REASON_LABEL);
  });

  it('refuses an edit of a stale version as a conflict and stores nothing', async () => {
    expect((await editReferral(core, 1)).ok).toBe(true);
    const rows = templateVersions();
    const stale = await dispatch(core, 'templates.update', {
      id: 'referral-letter',
      baseVersion: 1,
      blocks: { introText: { text: 'Überschreibt die Fassung von nebenan.', stand: '2026-11-25' } },
    });
    expect(errorOf(stale).code).toBe('conflict');
    expect(templateVersions()).toBe(rows);
    const latest = await getTemplate('referral-letter');
    expect(latest.version).toBe(2);
    expect(blockOf(latest.definition, 'introText').text).toBe(NEW_INTRO);
  });

  it('refuses a label for a field the template lacks, naming labels.<key>, and stores nothing', async () => {
    const result = await dispatch(core, 'templates.update', { id: 'referral-letter', baseVersion: 1, labels: { reason: 'Anlass neu', nope: 'Gibt es nicht' } });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['labels.nope']);
    expect(templateVersions()).toBe(SHIPPED);
    expect(labelOf((await getTemplate('referral-letter')).definition, 'reason')).toBe('Anlass');
  });

  it('refuses a text block with a placeholder that names nothing, naming blocks.<id>.text, and stores nothing', async () => {
    const result = await dispatch(core, 'templates.update', {
      id: 'consent-data-transfer',
      baseVersion: 1,
      blocks: { voluntaryText: { text: 'Die Einwilligung von {{client.nope}} ist freiwillig.', stand: '2026-11-25' } },
    });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['blocks.voluntaryText.text']);
    expect(error.fields?.['blocks.voluntaryText.text']).toContain('{{client.nope}}');
    expect(templateVersions()).toBe(SHIPPED);
    expect(await getTemplate('consent-data-transfer')).toMatchObject({ version: 1, definition: BUILT_IN_FORMS['consent-data-transfer'] });
  });
});

describe('templates.update with the shipped wording', () => {
  it.each(Object.keys(BUILT_IN_FORMS))('saves %s as shipped, every label and text block sent unchanged', async (id) => {
    const shipped = BUILT_IN_FORMS[id]!;
    const draft = templateDraft(shipped);
    const saved = await callOk<Template>(core, 'templates.update', {
      id,
      baseVersion: 1,
      title: draft.title,
      labels: draft.labels,
      blocks: draft.blocks,
      ...(draft.letter ? { letter: draft.letter } : {}),
    });
    expect(saved).toMatchObject({ version: 2, source: 'office' });
    expect(saved.definition).toEqual({ ...shipped, version: 2 });
  });
});

describe('templates.preview', () => {
  it.each(Object.keys(BUILT_IN_FORMS))('prints %s with a made-up person, saving nothing', async (id) => {
    const preview = await callOk<RenderedPdf>(core, 'templates.preview', { id, baseVersion: 1 });
    const text = pdfText(preview.pdfBase64);
    // The made-up person's given and family name (forms print them apart).
    expect(text).toContain('Alex');
    expect(text).toContain('Beispiel');
    if (BUILT_IN_FORMS[id]?.recipient === 'partner') expect(text).toContain('Beispielstelle (fiktiv)');
    expect(templateVersions()).toBe(SHIPPED);
    expect(countRows(core, 'documents')).toBe(0);
    expect(countRows(core, 'clients')).toBe(0);
  });

  it('prints the unsaved wording with its placeholders filled', async () => {
    const preview = await callOk<RenderedPdf>(core, 'templates.preview', {
      id: 'referral-letter',
      baseVersion: 1,
      blocks: { introText: { text: 'wir stellen Ihnen {{client.fullName}} aus {{client.address.city}} vor.', stand: '2026-11-25' } },
    });
    expect(pdfText(preview.pdfBase64).replace(/\s+/g, ' ')).toContain('wir stellen Ihnen Alex Beispiel aus Musterstadt vor.');
    expect(blockOf((await getTemplate('referral-letter')).definition, 'introText').text).toContain(OLD_INTRO);
  });

  it('refuses a placeholder that names nothing as templates.update does', async () => {
    const result = await dispatch(core, 'templates.preview', {
      id: 'consent-data-transfer',
      baseVersion: 1,
      blocks: { voluntaryText: { text: 'Freiwillig, {{client.nope}}.', stand: '2026-11-25' } },
    });
    expect(errorOf(result).code).toBe('invalid_input');
    expect(Object.keys(errorOf(result).fields ?? {})).toEqual(['blocks.voluntaryText.text']);
  });
});

describe('templates.restore', () => {
  it('brings the shipped wording back as a new built-in version', async () => {
    await editReferral(core, 1);
    const restored = await callOk<Template>(core, 'templates.restore', { id: 'referral-letter' });
    expect(restored).toMatchObject({ version: 3, source: 'built-in', savedAt: NOW });
    expect(restored.definition).toEqual({ ...BUILT_IN_FORMS['referral-letter'], version: 3 });
    expect(restored.versions.map((entry) => [entry.version, entry.source])).toEqual([
      [3, 'built-in'],
      [2, 'office'],
      [1, 'built-in'],
    ]);
    // The office's version stays in the history.
    expect(blockOf((await getTemplate('referral-letter', 2)).definition, 'introText').text).toBe(NEW_INTRO);
    expect(templateVersions()).toBe(SHIPPED + 2);
  });
});

describe('built-in templates when the data dir is opened again', () => {
  function reopen(): void {
    core.close();
    core = reopenCore(dataDir);
  }

  /** What an older app version stored: the latest built-in row of a template with other wording. */
  function tamperLatestBuiltIn(templateId: string): void {
    const changed = core.db
      .prepare(
        `UPDATE template_versions SET definition = json_set(definition, '$.title', 'Alt')
         WHERE template_id = ? AND version = (SELECT max(version) FROM template_versions WHERE template_id = ? AND source = 'built-in')`,
      )
      .run(templateId, templateId).changes;
    expect(changed).toBe(1);
  }

  afterEach(() => core.close());

  it('adds no versions when nothing changed', async () => {
    reopen();
    reopen();
    expect(templateVersions()).toBe(SHIPPED);
    expect((await listTemplates()).every((item) => item.version === 1 && item.source === 'built-in')).toBe(true);
  });

  it('re-ships the wording of a template the office has not edited, and leaves an edited one alone', async () => {
    await editReferral(core, 1);
    tamperLatestBuiltIn('consent-data-transfer');
    tamperLatestBuiltIn('referral-letter');
    reopen();

    const consentForm = await getTemplate('consent-data-transfer');
    expect(consentForm).toMatchObject({ version: 2, source: 'built-in', title: BUILT_IN_FORMS['consent-data-transfer']?.title });
    expect(consentForm.definition).toEqual({ ...BUILT_IN_FORMS['consent-data-transfer'], version: 2 });
    expect((await getTemplate('consent-data-transfer', 1)).title).toBe('Alt');

    const referral = await getTemplate('referral-letter');
    expect(referral).toMatchObject({ version: 2, source: 'office' });
    expect(blockOf(referral.definition, 'introText').text).toBe(NEW_INTRO);
    expect(templateVersions()).toBe(SHIPPED + 2);

    // Once re-shipped, a further start adds nothing.
    reopen();
    expect(templateVersions()).toBe(SHIPPED + 2);
  });
});
