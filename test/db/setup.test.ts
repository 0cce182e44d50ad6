import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { BatchResult, BatchStarted, BatchStatus, LotseDocument, MethodOutput, RenderedPdf, Settings } from '../../shared/api/contract';
import { setupMissing } from '../../shared/domain/setup';
import { batchWorkerScript } from '../support/batch-worker';
import { openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf } from '../support/results';
import { TEST_SETTINGS } from '../support/settings';

/**
 * Issue 11, "no fictional counselor": a fresh data folder has no office and
 * no counselor, and no letter is finalized (singly or as a serial letter)
 * before the first-run setup has named them. Drafts and previews work.
 */

let store: ReturnType<typeof openTestCore>;
let core: Core;
beforeEach(() => {
  store = openTestCore(undefined, { freshInstall: true, batchWorkerScript: batchWorkerScript() });
  core = store.core;
});
afterEach(() => {
  core.close();
  store.dispose();
});

const EVERYTHING_MISSING = ['organization', 'address', 'counselorName', 'contact'];
const LETTER = { subject: 'Einladung', body: 'wir laden Sie herzlich ein.' };
/** Rows this connection changed since it opened: equal before and after a refusal when it wrote nothing. */
const changes = () => core.db.prepare('SELECT total_changes()').pluck().get();

async function draftLetter(): Promise<{ clientId: string; draftId: string }> {
  const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
  const draft = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: LETTER });
  return { clientId: client.id, draftId: draft.id };
}

async function waitForBatch(batchId: string): Promise<BatchStatus> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const status = await callOk<BatchStatus>(core, 'batches.status', { batchId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('batch did not finish');
}

describe('a fresh data folder', () => {
  it('has no office and no counselor, and app.info says what the setup lacks', async () => {
    const settings = await callOk<Settings>(core, 'settings.get', {});
    expect(settings.counselor).toEqual({ name: '', title: '', phone: '', email: '' });
    expect(settings.office).toMatchObject({ organization: '', department: '', street: '', postalCode: '', city: '', postbox: null, phone: '', email: '' });
    expect((await callOk<MethodOutput<'app.info'>>(core, 'app.info', {})).setupMissing).toEqual(EVERYTHING_MISSING);
  });

  it('refuses to finalize a letter until the setup is done, naming what is missing and writing nothing; drafts and previews work', async () => {
    const { draftId } = await draftLetter();
    expect((await callOk<RenderedPdf>(core, 'documents.render', { id: draftId })).pages).toBe(1);
    expect((await callOk<RenderedPdf>(core, 'settings.previewLetterhead', {})).pages).toBe(1);
    const before = { changes: changes(), audit: countRows(core, 'audit') };

    const refused = errorOf(await dispatch(core, 'documents.finalize', { id: draftId, omitFields: [] }));
    expect(refused).toMatchObject({ code: 'invalid_input', key: 'setup.incomplete' });
    expect(refused.message).toBe(
      'Lotse ist noch nicht eingerichtet. Es fehlen noch: Name der Dienststelle; Anschrift der Dienststelle (Straße oder Postfach, mit PLZ und Ort); ' +
        'Name der Berater*in; Telefon oder E-Mail (der Berater*in oder der Dienststelle). Bis dahin lassen sich Entwürfe ansehen, ' +
        'aber keine Briefe abschließen und keine Serienbriefe erstellen. Bitte zuerst die Einrichtung abschließen (Einstellungen).',
    );
    expect(changes()).toBe(before.changes);
    expect(countRows(core, 'audit')).toBe(before.audit);
    expect((await callOk<LotseDocument>(core, 'documents.get', { id: draftId })).status).toBe('draft');

    await callOk(core, 'settings.update', TEST_SETTINGS);
    expect((await callOk<MethodOutput<'app.info'>>(core, 'app.info', {})).setupMissing).toEqual([]);
    const final = await callOk<LotseDocument>(core, 'documents.finalize', { id: draftId, omitFields: [] });
    expect(final.status).toBe('final');
  });

  it('names only what is still missing', async () => {
    const { draftId } = await draftLetter();
    // The office without phone and e-mail, and nobody named: the counselor is what is missing.
    core.db
      .prepare("UPDATE settings SET value = json_set(value, '$.office', json(?)) WHERE key = 'settings'")
      .run(JSON.stringify({ ...TEST_SETTINGS.office, phone: '', email: '' }));
    const refused = errorOf(await dispatch(core, 'documents.finalize', { id: draftId, omitFields: [] }));
    expect(refused.params).toEqual({
      missing: { key: 'setup.list', params: { first: { key: 'setup.item.counselorName' }, rest: { key: 'setup.item.contact' } } },
    });
    expect(refused.message).toContain('Es fehlen noch: Name der Berater*in; Telefon oder E-Mail (der Berater*in oder der Dienststelle).');
  });

  it('refuses a serial letter until the setup is done, writing nothing; its preview works', async () => {
    const { clientId } = await draftLetter();
    const input = { templateId: 'free-letter', values: LETTER, filter: { clientIds: [clientId] }, recipients: [clientId] };
    expect(await callOk(core, 'batches.preview', { templateId: input.templateId, values: input.values, filter: input.filter })).toMatchObject({ total: 1 });
    const before = changes();

    const refused = errorOf(await dispatch(core, 'batches.render', input));
    expect(refused).toMatchObject({
      code: 'invalid_input',
      key: 'setup.incomplete',
      message: expect.stringContaining('Es fehlen noch: Name der Dienststelle;'),
    });
    expect(changes()).toBe(before);

    await callOk(core, 'settings.update', TEST_SETTINGS);
    const started = await callOk<BatchStarted>(core, 'batches.render', input);
    expect(await waitForBatch(started.batchId)).toMatchObject({ state: 'done' });
    expect((await callOk<BatchResult>(core, 'batches.result', { batchId: started.batchId })).documentIds).toHaveLength(1);
  });

  it('saves settings only with what a letter needs, marking each empty field, and keeps what was stored', async () => {
    const empty = await callOk<Settings>(core, 'settings.get', {});
    const refused = errorOf(await dispatch(core, 'settings.update', empty));
    expect(refused).toMatchObject({ code: 'invalid_input', key: 'setup.saveIncomplete' });
    expect(refused.fields).toEqual({
      'office.organization': 'Bitte ausfüllen.',
      'office.street': 'Bitte Straße, PLZ und Ort angeben – oder ein Postfach mit PLZ und Ort.',
      'office.postalCode': 'Bitte Straße, PLZ und Ort angeben – oder ein Postfach mit PLZ und Ort.',
      'office.city': 'Bitte Straße, PLZ und Ort angeben – oder ein Postfach mit PLZ und Ort.',
      'counselor.name': 'Bitte ausfüllen.',
      'counselor.phone': 'Bitte eine Telefonnummer oder E-Mail-Adresse angeben – Ihre eigene oder die der Dienststelle.',
    });
    // A post box with its postcode and city is an address; only the missing city of the box is marked.
    const withPostbox = {
      ...TEST_SETTINGS,
      office: { ...TEST_SETTINGS.office, street: '', postalCode: '', city: '', postbox: { label: 'Postfach', postalCode: '52348', city: '' } },
    };
    expect(errorOf(await dispatch(core, 'settings.update', withPostbox)).fields).toEqual({
      'office.street': expect.any(String),
      'office.postalCode': expect.any(String),
      'office.city': expect.any(String),
      'office.postbox.city': expect.any(String),
    });
    expect(await callOk(core, 'settings.get', {})).toEqual(empty);

    // The setup as a counselor fills it in: a post box instead of the street, only the office's e-mail to answer to.
    const minimal: Settings = {
      ...empty,
      office: {
        ...empty.office,
        organization: 'Stadt Beispielstadt',
        postbox: { label: 'Postfach', postalCode: '12345', city: 'Beispielstadt' },
        email: 'integration@example.org',
      },
      counselor: { ...empty.counselor, name: 'Max Mustermann' },
    };
    expect(await callOk(core, 'settings.update', minimal)).toEqual(minimal);
    expect((await callOk<MethodOutput<'app.info'>>(core, 'app.info', {})).setupMissing).toEqual([]);
  });
});

describe('a store from before, still with the old sample counselor', () => {
  it('loses that counselor when opened, so it needs the setup again before a letter is finalized', async () => {
    await callOk(core, 'settings.update', { ...TEST_SETTINGS, counselor: { name: 'Silke Nießen', title: 'Teamleitung', phone: '', email: '' } });
    const { draftId } = await draftLetter();
    // As schema 60 left it: the migration that empties the sample counselor has not run yet.
    core.db.pragma('user_version = 60');
    core.close();

    core = reopenCore(store.dataDir);
    const settings = await callOk<Settings>(core, 'settings.get', {});
    expect(settings.counselor).toEqual({ name: '', title: '', phone: '', email: '' });
    expect(settings.office).toEqual(TEST_SETTINGS.office);
    // The office's phone still answers for the counselor: only the name is missing.
    expect((await callOk<MethodOutput<'app.info'>>(core, 'app.info', {})).setupMissing).toEqual(['counselorName']);
    expect(errorOf(await dispatch(core, 'documents.finalize', { id: draftId, omitFields: [] }))).toMatchObject({ key: 'setup.incomplete' });
  });
});

describe('setupMissing', () => {
  const done = { office: TEST_SETTINGS.office, counselor: TEST_SETTINGS.counselor };
  it('is empty for a complete letterhead, and counts blanks as empty', () => {
    expect(setupMissing(done)).toEqual([]);
    expect(setupMissing({ ...done, office: { ...done.office, organization: '   ' } })).toEqual(['organization']);
  });

  it('takes the street address or a post box, each with postcode and city', () => {
    const office = { ...done.office, postbox: null };
    expect(setupMissing({ ...done, office })).toEqual([]);
    expect(setupMissing({ ...done, office: { ...office, city: '' } })).toEqual(['address']);
    expect(setupMissing({ ...done, office: { ...office, street: '', postbox: { label: '', postalCode: '52348', city: 'Düren' } } })).toEqual([]);
    expect(setupMissing({ ...done, office: { ...office, street: '', postbox: { label: 'Postfach', postalCode: '', city: 'Düren' } } })).toEqual(['address']);
  });

  it('takes any one phone number or e-mail address, the counselor’s or the office’s', () => {
    const nobody = { office: { ...done.office, phone: '', email: '' }, counselor: { ...done.counselor, phone: '', email: '' } };
    expect(setupMissing(nobody)).toEqual(['contact']);
    expect(setupMissing({ ...nobody, counselor: { ...nobody.counselor, phone: '02421 22-1234' } })).toEqual([]);
    expect(setupMissing({ ...nobody, office: { ...nobody.office, email: 'ki@kreis-dueren.de' } })).toEqual([]);
  });
});
