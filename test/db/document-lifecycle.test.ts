import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { AuditEntry, Client, Consent, Deadline, Disclosure, LotseDocument, MethodInput, Partner, RenderedPdf, Settings } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { clientToInput, givePartnerAddress, openTestCore, partnerToInput, SAMPLE_CLIENT } from '../support/core';
import { OTHER_BASIS, REFERRAL_CLIENT, renderedText } from '../support/documents';
import { settleFinalSha256s } from '../../main/core/services/documents/finalize';
import { callOk, countRows, errorOf, valueOf } from '../support/results';

/**
 * Documents from draft to final (DESIGN.md §5, DOMAIN.md "Consent and data
 * protection"): prefilled drafts, autosave that keeps incomplete values and
 * refuses wrong ones, the consent gate with data minimisation, frozen final
 * documents that reprint byte for byte, corrections, the referral status and
 * its follow-up, erasure. Clock: 2026-11-25T10:00Z (movable where a test
 * needs documents of another day).
 */

const NOW = '2026-11-25T10:00:00.000Z';
const TODAY = '2026-11-25';
const VHS = 'seed-vhs-rur-eifel';
const COURSE_PROVIDER = 'seed-integrationskurstraeger';
const COUNSELOR_PHONE = '02421 22-1234';

const RESIDENCE_LABEL = 'Duldung (§ 60a AufenthG)';

/** What a referral letter needs besides its prefilled values to be complete. */
const REFERRAL_TEXT = {
  reason: 'Frau Müller möchte ihren Abschluss als Pflegefachkraft anerkennen lassen.',
  request: 'Bitte beraten Sie sie zum Anerkennungsverfahren.',
};

let core: Core;
let dispose: () => void;
/** The core's clock: openTestCore returns this Date on every call, so moving it moves the clock. */
let clock: Date;
let client: Client;
let vhs: Partner;

async function call<T>(method: string, input: unknown): Promise<T> {
  return callOk<T>(core, method, input);
}

function createDocument(
  templateId: string,
  values: Record<string, unknown> = {},
  partnerId: string | null = null,
  clientId = client.id,
): Promise<LotseDocument> {
  return call<LotseDocument>('documents.create', { templateId, clientId, partnerId, values });
}

/** Autosave with the draft's values changed where `changes` says (the update replaces all values). */
function updateValues(document: LotseDocument, changes: Record<string, unknown>): Promise<ApiResult<unknown>> {
  return dispatch(core, 'documents.update', { id: document.id, values: { ...document.values, ...changes } });
}

function finalize(id: string, options: { omitFields?: string[]; otherLegalBasis?: typeof OTHER_BASIS } = {}): Promise<ApiResult<unknown>> {
  return dispatch(core, 'documents.finalize', { id, ...options });
}

const getDocument = (id: string) => call<LotseDocument>('documents.get', { id });
const render = (id: string) => call<RenderedPdf>('documents.render', { id });

/** A final document once the host has kept its PDF's sha256 (rendered after the commit of finalizing). */
async function withSha256(document: LotseDocument): Promise<LotseDocument> {
  await settleFinalSha256s(core);
  return getDocument(document.id);
}

function referral(values: Record<string, unknown> = REFERRAL_TEXT, partnerId = VHS): Promise<LotseDocument> {
  return createDocument('referral-letter', values, partnerId);
}

/** A referral made final under another legal basis (no consent needed). */
async function finalReferral(): Promise<LotseDocument> {
  return valueOf<LotseDocument>(await finalize((await referral()).id, { otherLegalBasis: OTHER_BASIS }));
}

async function finalFreeLetter(clientId = client.id): Promise<LotseDocument> {
  const draft = await createDocument('free-letter', { subject: 'Einladung zum Infoabend', body: 'wir laden Sie herzlich ein.' }, null, clientId);
  return valueOf<LotseDocument>(await finalize(draft.id));
}

/** The consent form for `recipient`, made final: it records an unsigned consent. */
async function finalConsentForm(recipient: string, dataCategories: string[]): Promise<LotseDocument> {
  const draft = await createDocument('consent-data-transfer', {
    recipients: [{ name: recipient }],
    purposes: [{ purpose: 'Beratung zur Anerkennung des Abschlusses als Pflegefachkraft' }],
    dataCategories,
    exchange: 'one-way',
  });
  return valueOf<LotseDocument>(await finalize(draft.id));
}

async function consentsOfClient(): Promise<Consent[]> {
  return (await call<{ items: Consent[] }>('consents.list', { clientId: client.id })).items;
}

async function settings(change: (current: Settings) => Settings): Promise<void> {
  await call('settings.update', change(await call<Settings>('settings.get', {})));
}

beforeEach(async () => {
  clock = new Date(NOW);
  ({ core, dispose } = openTestCore(clock));
  // The counselor is reached by phone only: no e-mail, neither theirs nor the office's, so that field stays empty (and not "prefilled").
  await settings((current) => ({
    ...current,
    office: { ...current.office, email: '' },
    counselor: { ...current.counselor, phone: COUNSELOR_PHONE, email: '' },
  }));
  client = await call<Client>('clients.create', REFERRAL_CLIENT);
  vhs = await givePartnerAddress(core, VHS);
  await givePartnerAddress(core, COURSE_PROVIDER);
});
afterEach(() => dispose());

describe('documents.create: prefilled drafts', () => {
  const BIRTH = '1990-03-12';
  /** Per template: the name, birth date and counselor phone fields its definition prefills, and what they get. */
  const EXPECTED: Record<string, { partnerId: string | null; values: Record<string, unknown> }> = {
    'referral-letter': { partnerId: VHS, values: { clientName: 'Ayşe Müller', birthDate: BIRTH, counselorPhone: COUNSELOR_PHONE } },
    'recognition-cost-application': {
      partnerId: null,
      values: { familyName: 'Müller', givenName: 'Ayşe', birthDate: BIRTH, counselorPhone: COUNSELOR_PHONE },
    },
    'consent-data-transfer': { partnerId: null, values: { clientName: 'Ayşe Müller', birthDate: BIRTH } },
    'appointment-invitation': { partnerId: null, values: { personName: 'Ayşe Müller', place: 'Bismarckstr. 16, 52351 Düren', withWhom: 'Erika Mustermann' } },
    'data-processing-information': { partnerId: null, values: { clientName: 'Ayşe Müller', handedOutBy: 'Erika Mustermann' } },
    'course-referral': { partnerId: COURSE_PROVIDER, values: { familyName: 'Müller', givenName: 'Ayşe', birthDate: BIRTH, counselorPhone: COUNSELOR_PHONE } },
    'residence-104c-checklist': { partnerId: null, values: { clientName: 'Ayşe Müller', birthDate: BIRTH, checkedOn: TODAY } },
    'free-letter': { partnerId: null, values: {} },
  };

  it('creates a draft of each of the eight templates documents are made of, prefilled from client and settings', async () => {
    const templates = (await call<{ items: Array<{ id: string; purpose: string | null }> }>('templates.list', {})).items;
    expect(Object.keys(EXPECTED).sort()).toEqual(
      templates
        .filter((item) => item.purpose === null)
        .map((item) => item.id)
        .sort(),
    );
    for (const [templateId, expected] of Object.entries(EXPECTED)) {
      const document = await createDocument(templateId, {}, expected.partnerId);
      expect(document, templateId).toMatchObject({
        templateId,
        templateVersion: 1,
        clientId: client.id,
        clientName: 'Ayşe Müller',
        partnerId: expected.partnerId,
        status: 'draft',
        createdAt: NOW,
        finalizedAt: null,
        sha256: null,
        referralStatus: null,
        values: expected.values,
      });
      expect(document.prefilled, templateId).toEqual(expect.arrayContaining(Object.keys(expected.values)));
    }
    expect(countRows(core, 'documents')).toBe(8);
  });

  it('marks exactly the fields that got a value from a prefill', async () => {
    const document = await referral({});
    expect(document.partnerName).toBe(vhs.name);
    expect(document.values).toMatchObject({
      address: 'Hauptstraße 5, 52349 Düren',
      howToReach: 'Tel. 0176 1234567',
      languages: 'Türkisch',
      interpreterNeeded: false,
      residenceStatus: RESIDENCE_LABEL,
      residenceValidUntil: '2027-02-15',
      counselingFields: ['recognition', 'language-courses'],
      counselorName: 'Erika Mustermann',
      fileNumber: 'KI-2026-0815',
      consentSignedOn: '',
      reason: '',
    });
    // Empty prefills (no interpreter, no consent, no e-mail in the settings) are not "prefilled".
    expect(document.prefilled).toEqual([
      'clientName',
      'birthDate',
      'address',
      'howToReach',
      'languages',
      'residenceStatus',
      'residenceValidUntil',
      'counselingFields',
      'counselorName',
      'counselorPhone',
      'fileNumber',
    ]);
    expect(await createDocument('free-letter')).toMatchObject({ prefilled: [], values: { subject: '', body: '' } });
  });

  it('lets a given value win over the prefill; it and a value changed later are not "prefilled"', async () => {
    const document = await referral({ clientName: 'A. Müller' });
    expect(document.values).toMatchObject({ clientName: 'A. Müller', birthDate: '1990-03-12' });
    expect(document.prefilled).not.toContain('clientName');
    expect(document.prefilled).toContain('birthDate');

    const updated = valueOf<LotseDocument>(await updateValues(document, { birthDate: '1990-03-21' }));
    expect(updated.values.birthDate).toBe('1990-03-21');
    expect(updated.prefilled).not.toContain('birthDate');
    expect(updated.prefilled).toEqual(document.prefilled.filter((key) => key !== 'birthDate'));
    expect((await getDocument(document.id)).prefilled).toEqual(updated.prefilled);
  });
});

describe('documents.update and finalize: validation', () => {
  it('refuses wrong values with values.<id> paths and keeps the stored values', async () => {
    const document = await createDocument('recognition-cost-application');
    const costLines = document.values.costLines as Array<Record<string, unknown>>;
    const result = await updateValues(document, {
      birthDate: 'gestern',
      costLines: [{ ...costLines[0], amount: '12,50' }, ...costLines.slice(1)],
      nope: 'unbekannt',
    });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['values.birthDate', 'values.costLines.0.amount', 'values.nope']);
    expect(await getDocument(document.id)).toEqual(document);
  });

  it('saves an incomplete draft; finalize names the required fields still empty', async () => {
    const document = await referral({ ...REFERRAL_TEXT, reason: 'Anerkennung' });
    const saved = valueOf<LotseDocument>(await updateValues(document, { reason: '', request: '' }));
    expect(saved.values).toMatchObject({ reason: '', request: '' });
    const error = errorOf(await finalize(document.id, { otherLegalBasis: OTHER_BASIS }));
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['values.reason', 'values.request']);
    expect(await getDocument(document.id)).toMatchObject({ status: 'draft', sha256: null });
  });

  it('sums the cost lines (cents) into costTotal and prints the amounts in German', async () => {
    const document = await createDocument('recognition-cost-application');
    const rows = (document.values.costLines as Array<Record<string, unknown>>).map((row) => ({ ...row }));
    expect(rows).toHaveLength(6);
    rows[0]!.amount = 15000;
    rows[1]!.amount = 35000;
    rows[2]!.amount = 73456;
    // A total sent by the caller is not trusted: it is computed.
    const updated = valueOf<LotseDocument>(await updateValues(document, { costLines: rows, costTotal: 1 }));
    expect(updated.values.costTotal).toBe(123456);
    expect((await getDocument(document.id)).values.costTotal).toBe(123456);
    const text = await renderedText(core, document.id);
    expect(text).toContain('150,00 €');
    expect(text).toContain('734,56 €');
    expect(text).toContain('1.234,56 €');
  });
});

describe('the consent gate', () => {
  it('refuses a referral without consent, and finalizes it once the consent form is signed', async () => {
    const letter = await referral();
    expect(errorOf(await finalize(letter.id)).code).toBe('consent_missing');
    expect(await getDocument(letter.id)).toMatchObject({ status: 'draft', legalBasis: null, sha256: null });

    const form = await finalConsentForm(vhs.name, ['identity', 'contact', 'residence', 'language-education', 'counseling']);
    expect(form).toMatchObject({ status: 'final', consentId: expect.any(String) });
    const [consent, ...others] = await consentsOfClient();
    expect(others).toEqual([]);
    expect(consent).toMatchObject({
      id: form.consentId,
      documentId: form.id,
      state: 'unsigned',
      signedOn: null,
      recipients: [{ partnerId: VHS, name: vhs.name }],
      purposes: ['Beratung zur Anerkennung des Abschlusses als Pflegefachkraft'],
      dataCategories: ['identity', 'contact', 'residence', 'language-education', 'counseling'],
    });

    // Printed, not signed: covers nothing yet.
    expect(errorOf(await finalize(letter.id)).code).toBe('consent_missing');
    expect((await getDocument(letter.id)).status).toBe('draft');

    expect(await call<Consent>('consents.sign', { id: consent!.id, signedOn: TODAY })).toMatchObject({ state: 'valid', signedOn: TODAY });
    const final = valueOf<LotseDocument>(await finalize(letter.id));
    expect(final).toMatchObject({
      status: 'final',
      finalizedAt: NOW,
      legalBasis: { kind: 'consent', consentId: consent!.id, signedOn: TODAY },
      referralStatus: 'created',
      omittedFields: [],
    });
    // Finalizing writes and audits; the PDF is rendered after the commit, for its sha256.
    expect(final.sha256).toBeNull();
    expect((await withSha256(final)).sha256).toMatch(/^[0-9a-f]{64}$/);
    // Drafted before the consent existed: the final letter refers to the consent it went out under.
    expect(final.values.consentSignedOn).toBe(TODAY);
    expect(await renderedText(core, final.id)).toContain('25.11.2026');
  });

  it('says the date of a consent signed already as TT.MM.JJJJ, not as the stored ISO date', async () => {
    const form = await finalConsentForm(vhs.name, ['identity', 'contact']);
    await call('consents.sign', { id: form.consentId, signedOn: '2026-11-20' });
    const again = errorOf(await dispatch(core, 'consents.sign', { id: form.consentId, signedOn: '2026-11-21' }));
    expect(again).toMatchObject({ code: 'conflict', message: 'Diese Einwilligung ist bereits seit 20.11.2026 unterschrieben.' });
    const badDate = errorOf(await dispatch(core, 'consents.sign', { id: form.consentId, signedOn: '21.11.2026' }));
    expect(badDate.fields).toMatchObject({ signedOn: 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben.' });
  });

  it('prefills the consent of a new partner when the draft changes its recipient, keeping what was typed', async () => {
    const form = await finalConsentForm(vhs.name, ['identity', 'contact', 'residence', 'language-education', 'counseling']);
    await call('consents.sign', { id: form.consentId, signedOn: '2026-11-20' });
    const letter = await referral();
    expect(letter.values.consentSignedOn).toBe('2026-11-20');
    expect(letter.prefilled).toContain('consentSignedOn');

    const moved = valueOf<LotseDocument>(
      await dispatch(core, 'documents.update', { id: letter.id, values: { ...letter.values, request: 'Bitte um einen Termin.' }, partnerId: COURSE_PROVIDER }),
    );
    expect(moved).toMatchObject({ partnerId: COURSE_PROVIDER, values: { consentSignedOn: '', request: 'Bitte um einen Termin.' } });
    expect(moved.prefilled).not.toContain('consentSignedOn');

    const back = valueOf<LotseDocument>(await dispatch(core, 'documents.update', { id: letter.id, values: moved.values, partnerId: VHS }));
    expect(back.values.consentSignedOn).toBe('2026-11-20');
    expect(back.prefilled).toContain('consentSignedOn');
  });

  it('refuses personal data the consent does not name, and finalizes when those fields are left out', async () => {
    await call('consents.create', {
      clientId: client.id,
      recipients: [{ partnerId: VHS, name: vhs.name }],
      purposes: ['Anerkennungsberatung'],
      dataCategories: ['identity', 'contact', 'language-education', 'counseling'],
      signedOn: '2026-11-20',
    });
    const letter = await referral();
    const draftText = await renderedText(core, letter.id);
    expect(draftText).toContain(RESIDENCE_LABEL);
    expect(draftText).toContain('15.02.2027');

    const refused = errorOf(await finalize(letter.id));
    expect(refused.code).toBe('consent_missing');
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(['values.residenceStatus', 'values.residenceValidUntil']);
    expect((await getDocument(letter.id)).status).toBe('draft');

    const final = valueOf<LotseDocument>(await finalize(letter.id, { omitFields: ['residenceStatus', 'residenceValidUntil'] }));
    expect(final).toMatchObject({ status: 'final', omittedFields: ['residenceStatus', 'residenceValidUntil'], legalBasis: { kind: 'consent' } });
    expect(final.values).toMatchObject({ residenceStatus: '', residenceValidUntil: '', clientName: 'Ayşe Müller' });
    const finalText = await renderedText(core, letter.id);
    expect(finalText).toContain('Ayşe Müller');
    expect(finalText).not.toContain('60a');
    expect(finalText).not.toContain('15.02.2027');
  });

  it('finalizes under another legal basis without consent: basis and reason stay with the document, the audit line marks the override', async () => {
    const letter = await referral();
    const final = valueOf<LotseDocument>(await finalize(letter.id, { otherLegalBasis: OTHER_BASIS }));
    expect(final).toMatchObject({ status: 'final', legalBasis: { kind: 'other', ...OTHER_BASIS } });
    expect(await consentsOfClient()).toEqual([]);
    const audit = (await call<{ items: AuditEntry[] }>('audit.list', {})).items;
    const entry = audit.find((item) => item.action === 'documents.finalize' && item.subjectId === letter.id);
    expect(entry).toBeDefined();
    // Free text may name the person, and the trail outlives an erasure: it holds only that the consent gate was overridden.
    expect(entry!.details).toMatchObject({ otherLegalBasis: true });
    expect(JSON.stringify(entry)).not.toContain(OTHER_BASIS.reason);
  });
});

describe('a letter needs a deliverable address', () => {
  const JMD = 'seed-jmd';

  /** Tries to finalize and checks that nothing was written: still a draft, no audit line, no consent. */
  async function refusedWithoutWriting(id: string, options: Parameters<typeof finalize>[1] = {}) {
    const auditBefore = countRows(core, 'audit');
    const error = errorOf(await finalize(id, options));
    expect(await getDocument(id)).toMatchObject({ status: 'draft', sha256: null, finalizedAt: null });
    expect(countRows(core, 'audit')).toBe(auditBefore);
    expect(countRows(core, 'consents')).toBe(0);
    return error;
  }

  it('refuses a referral to a partner without street or post box, naming the address, and writes nothing', async () => {
    // The seeded Jugendmigrationsdienst has only its name and department (DOMAIN.md): nothing to put in the window.
    const letter = await referral(REFERRAL_TEXT, JMD);
    const message =
      'Die Anschrift von Jugendmigrationsdienst (JMD) – SkF Düren ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein Postfach, Postleitzahl und Ort.';
    expect(await refusedWithoutWriting(letter.id, { otherLegalBasis: OTHER_BASIS })).toMatchObject({
      code: 'invalid_input',
      message,
      key: 'postalAddress.undeliverable',
      fields: { recipientAddress: message },
    });

    // With postcode and city but no street, it names only the street.
    const jmd = await call<Partner>('partners.get', { id: JMD });
    await call('partners.update', { ...partnerToInput(jmd), address: { street: '', postalCode: '52349', city: 'Düren' } });
    expect((await refusedWithoutWriting(letter.id, { otherLegalBasis: OTHER_BASIS })).message).toBe(
      'Die Anschrift von Jugendmigrationsdienst (JMD) – SkF Düren ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein Postfach.',
    );
  });

  it('accepts a post box with postcode and city instead of a street, and prints the post box', async () => {
    const jmd = await call<Partner>('partners.get', { id: JMD });
    await call('partners.update', { ...partnerToInput(jmd), postbox: { label: 'Postfach 10 04 11', postalCode: '52304', city: 'Düren' } });
    const letter = await referral(REFERRAL_TEXT, JMD);
    expect(valueOf<LotseDocument>(await finalize(letter.id, { otherLegalBasis: OTHER_BASIS })).status).toBe('final');
    expect(await renderedText(core, letter.id)).toMatch(/Postfach 10 04 11\s+52304 Düren/);
  });

  it('says before finalizing that a street too long for the window was shortened', async () => {
    const street = 'Industriegebiet Nord-West, Gewerbehof am alten Güterbahnhof, Halle 3, Tor 2, Hinterhaus links, Aufgang C, drittes Obergeschoss';
    await call('partners.update', { ...partnerToInput(vhs), address: { ...vhs.address, street } });
    const letter = await referral();
    expect((await call<Disclosure>('documents.disclosure', { id: letter.id })).addressShortened).toEqual(['Straße gekürzt']);
    await call('partners.update', partnerToInput(vhs));
    expect((await call<Disclosure>('documents.disclosure', { id: letter.id })).addressShortened).toEqual([]);
  });

  it('refuses a letter to a client without a city, and a serial letter leaves that client out with the same words', async () => {
    await call('clients.update', { ...clientToInput(client), address: { street: 'Hauptstraße 5', postalCode: '52349', city: '' } });
    const letter = await createDocument('free-letter', { subject: 'Einladung', body: 'wir laden Sie ein.' });
    const error = await refusedWithoutWriting(letter.id);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Die Anschrift von Ayşe Müller ist nicht zustellbar: es fehlt der Ort.' });
    const preview = await call<{ skipped: Array<{ clientId: string; reason: string }> }>('batches.preview', {
      templateId: 'free-letter',
      values: { subject: 'Einladung', body: 'wir laden Sie ein.' },
      filter: { clientIds: [client.id] },
    });
    expect(preview.skipped).toEqual([{ clientId: client.id, clientName: 'Ayşe Müller', reason: error.message }]);
  });
});

describe('final documents are frozen', () => {
  it('refuses changes through the API and in the store', async () => {
    const final = await finalFreeLetter();
    expect(errorOf(await updateValues(final, { subject: 'Geändert' })).code).toBe('conflict');
    expect(() => core.db.prepare("UPDATE documents SET field_values = '{}' WHERE id = ?").run(final.id)).toThrow(/immutable/);
    expect(await getDocument(final.id)).toEqual(final);
  });

  it('reprints the same bytes, even after the client and the letterhead changed; a draft shows the changes', async () => {
    const final = await withSha256(await finalFreeLetter());
    const draft = await createDocument('free-letter', { subject: 'Terminbestätigung', body: 'Ihr Termin ist am Montag.' });
    const first = await render(final.id);
    const second = await render(final.id);
    expect(first.sha256).toBe(final.sha256);
    expect(second.sha256).toBe(final.sha256);
    expect(second.pdfBase64).toBe(first.pdfBase64);
    expect(createHash('sha256').update(Buffer.from(first.pdfBase64, 'base64')).digest('hex')).toBe(final.sha256);

    await call('clients.update', { ...clientToInput(client), address: { street: 'Neue Straße 1', postalCode: '52351', city: 'Düren' } });
    await settings((current) => ({ ...current, office: { ...current.office, phone: '02421 99-0' } }));

    const again = await render(final.id);
    expect(again.sha256).toBe(final.sha256);
    expect(again.pdfBase64).toBe(first.pdfBase64);
    const finalText = await renderedText(core, final.id);
    expect(finalText).toContain('Hauptstraße 5');
    expect(finalText).not.toContain('Neue Straße 1');
    expect(finalText).not.toContain('02421 99-0');

    const draftText = await renderedText(core, draft.id);
    expect(draftText).toContain('Neue Straße 1');
    expect(draftText).not.toContain('Hauptstraße 5');
    expect(draftText).toContain('02421 99-0');
  });

  it('keeps the sha256 of the final PDF once: after the commit, or at the first render when the host stopped before', async () => {
    const final = await finalFreeLetter();
    expect(final.sha256).toBeNull();
    expect((await call<{ items: AuditEntry[] }>('audit.list', { action: 'documents.finalize' })).items[0]?.details).not.toHaveProperty('sha256');
    // No background render yet (as after a host that stopped at once): the first render keeps what it rendered.
    const first = await render(final.id);
    expect(createHash('sha256').update(Buffer.from(first.pdfBase64, 'base64')).digest('hex')).toBe(first.sha256);
    expect((await getDocument(final.id)).sha256).toBe(first.sha256);
    expect((await withSha256(final)).sha256).toBe(first.sha256);
    expect((await call<{ items: AuditEntry[] }>('audit.list', { action: 'documents.render' })).items[0]?.details).toEqual({ sha256: first.sha256 });
    // Kept once: the store refuses to change or clear it.
    expect(() => core.db.prepare('UPDATE documents SET pdf_sha256 = ? WHERE id = ?').run('0'.repeat(64), final.id)).toThrow(/immutable/);
    expect(() => core.db.prepare('UPDATE documents SET pdf_sha256 = NULL WHERE id = ?').run(final.id)).toThrow(/immutable/);

    // The background render keeps it when nothing rendered the document before.
    const other = await finalFreeLetter();
    const kept = await withSha256(other);
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await render(other.id)).sha256).toBe(kept.sha256);
  });

  it('reprints a final referral the same after the partner moved; a draft is addressed to the new address', async () => {
    const final = await withSha256(await finalReferral());
    const draft = await referral();
    await call('partners.update', { ...partnerToInput(vhs), address: { street: 'Kaiserplatz 1', postalCode: '52349', city: 'Düren' } });
    expect((await render(final.id)).sha256).toBe(final.sha256);
    expect(await renderedText(core, final.id)).not.toContain('Kaiserplatz 1');
    expect(await renderedText(core, draft.id)).toContain('Kaiserplatz 1');
  });
});

describe('corrections', () => {
  it('starts a correction from the final values and links both documents', async () => {
    const final = await finalReferral();
    const correction = await call<LotseDocument>('documents.create', { templateId: 'referral-letter', clientId: client.id, correctsId: final.id });
    expect(correction).toMatchObject({ status: 'draft', correctsId: final.id, correctedById: null, partnerId: VHS, values: final.values });
    expect(correction.id).not.toBe(final.id);
    expect(await getDocument(final.id)).toMatchObject({ status: 'final', correctedById: correction.id, sha256: final.sha256 });
  });

  it('refuses to correct a draft or another client’s document', async () => {
    const draft = await referral();
    const byDraft = errorOf(await dispatch(core, 'documents.create', { templateId: 'referral-letter', clientId: client.id, correctsId: draft.id }));
    expect(byDraft.code).toBe('invalid_input');
    expect(Object.keys(byDraft.fields ?? {})).toEqual(['correctsId']);

    const other = await call<Client>('clients.create', { ...SAMPLE_CLIENT, familyName: 'Haddad', givenName: 'Omar' });
    const othersLetter = await finalFreeLetter(other.id);
    const byOther = errorOf(await dispatch(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, correctsId: othersLetter.id }));
    expect(byOther.code).toBe('invalid_input');
    expect(Object.keys(byOther.fields ?? {})).toEqual(['correctsId']);
    expect(countRows(core, 'documents')).toBe(2);
    expect((await getDocument(othersLetter.id)).correctedById).toBeNull();
  });
});

describe('referral status', () => {
  const followUps = async (id: string) =>
    (await call<{ items: Deadline[] }>('deadlines.list', {})).items.filter((item) => item.kind === 'follow-up' && item.sourceId === id);

  it('feeds the deadline list with the follow-up date until the referral is closed', async () => {
    const final = await finalReferral();
    expect(final.referralStatus).toBe('created');
    const handedOver = await call<LotseDocument>('documents.setStatus', { id: final.id, referralStatus: 'handed-over', followUpDate: '2026-11-28' });
    expect(handedOver).toMatchObject({ referralStatus: 'handed-over', followUpDate: '2026-11-28', sha256: final.sha256 });
    expect(await followUps(final.id)).toEqual([
      expect.objectContaining({ clientId: client.id, kind: 'follow-up', dueDate: '2026-11-28', overdue: false, sourceId: final.id }),
    ]);

    const closed = await call<LotseDocument>('documents.setStatus', { id: final.id, referralStatus: 'closed' });
    expect(closed).toMatchObject({ referralStatus: 'closed', followUpDate: null });
    expect(await followUps(final.id)).toEqual([]);
  });

  it('refuses a status for a draft and for a form that is no referral', async () => {
    const draft = await referral();
    const letter = await finalFreeLetter();
    for (const id of [draft.id, letter.id]) {
      const error = errorOf(await dispatch(core, 'documents.setStatus', { id, referralStatus: 'handed-over', followUpDate: '2026-11-28' }));
      expect(error.code).toBe('invalid_input');
      expect((await getDocument(id)).referralStatus).toBeNull();
    }
  });
});

describe('documents.list', () => {
  it('filters by template, client, partner, status, referral status and creation day', async () => {
    const other = await call<Client>('clients.create', { ...SAMPLE_CLIENT, familyName: 'Haddad', givenName: 'Omar' });
    clock.setTime(Date.parse('2026-11-20T09:00:00Z'));
    const early = await createDocument('free-letter', { subject: 'Einladung', body: 'Text' });
    clock.setTime(Date.parse(NOW));
    const handedOver = await finalReferral();
    await call('documents.setStatus', { id: handedOver.id, referralStatus: 'handed-over', followUpDate: '2026-12-10' });
    const course = await createDocument('course-referral', {}, COURSE_PROVIDER, other.id);
    const costs = await createDocument('recognition-cost-application', {}, null, other.id);

    const ids = async (filter: MethodInput<'documents.list'>) =>
      (await call<{ items: LotseDocument[] }>('documents.list', filter)).items.map((item) => item.id).sort();
    const sorted = (...documents: LotseDocument[]) => documents.map((document) => document.id).sort();

    expect(await ids({})).toEqual(sorted(early, handedOver, course, costs));
    expect(await ids({ templateId: 'referral-letter' })).toEqual(sorted(handedOver));
    expect(await ids({ clientId: client.id })).toEqual(sorted(early, handedOver));
    expect(await ids({ clientId: other.id })).toEqual(sorted(course, costs));
    expect(await ids({ partnerId: VHS })).toEqual(sorted(handedOver));
    expect(await ids({ partnerId: COURSE_PROVIDER })).toEqual(sorted(course));
    expect(await ids({ status: 'final' })).toEqual(sorted(handedOver));
    expect(await ids({ status: 'draft' })).toEqual(sorted(early, course, costs));
    expect(await ids({ referralStatus: 'handed-over' })).toEqual(sorted(handedOver));
    expect(await ids({ referralStatus: 'created' })).toEqual([]);
    expect(await ids({ from: '2026-11-21' })).toEqual(sorted(handedOver, course, costs));
    expect(await ids({ to: '2026-11-20' })).toEqual(sorted(early));
    expect(await ids({ from: '2026-11-20', to: '2026-11-20' })).toEqual(sorted(early));
    expect(await ids({ clientId: other.id, templateId: 'course-referral' })).toEqual(sorted(course));
  });
});

describe('documents.list by the desk’s day', () => {
  /**
   * `from`/`to` are the desk's local days, like every other day in the core
   * (todayIso: prefilled dates, consent validity, deadlines): in Germany a
   * document made at 00:30 belongs to that day, not to the UTC day before.
   */
  it('filters from/to by the local day a document was made', async () => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      clock.setTime(Date.parse('2026-11-25T23:30:00Z')); // 00:30 on 26.11. in Düren
      const checklist = await createDocument('residence-104c-checklist');
      expect(checklist.values.checkedOn).toBe('2026-11-26');
      const ids = async (filter: MethodInput<'documents.list'>) =>
        (await call<{ items: LotseDocument[] }>('documents.list', filter)).items.map((item) => item.id);
      expect(await ids({ from: '2026-11-26' })).toEqual([checklist.id]);
      expect(await ids({ to: '2026-11-25' })).toEqual([]);
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });
});

describe('documents.discard', () => {
  it('deletes a draft and refuses a final document', async () => {
    const draft = await referral();
    expect(await call('documents.discard', { id: draft.id })).toEqual({ discarded: true });
    expect(errorOf(await dispatch(core, 'documents.get', { id: draft.id })).code).toBe('not_found');

    const final = await finalFreeLetter();
    expect(errorOf(await dispatch(core, 'documents.discard', { id: final.id })).code).toBe('conflict');
    expect(await getDocument(final.id)).toEqual(final);
  });
});

describe('unprintable text', () => {
  it('refuses to render a character the fonts lack, naming the field', async () => {
    const letter = await referral({ ...REFERRAL_TEXT, request: 'Bitte um einen Termin 🎉' });
    const error = errorOf(await dispatch(core, 'documents.render', { id: letter.id }));
    expect(error.code).toBe('unprintable_text');
    expect(Object.keys(error.fields ?? {})).toEqual(['values.request']);
    expect(error.fields?.['values.request']).toContain('🎉');
    // Finalizing renders nothing, but runs the same print check first: refused before anything is final or audited.
    const auditBefore = countRows(core, 'audit');
    const refused = errorOf(await finalize(letter.id, { otherLegalBasis: OTHER_BASIS }));
    expect(refused).toMatchObject({ code: 'unprintable_text', fields: error.fields });
    expect(await getDocument(letter.id)).toMatchObject({ status: 'draft', sha256: null, finalizedAt: null });
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });
});

describe('erasure', () => {
  it('erases a client with final documents, a correction and a consent made from a form', async () => {
    const form = await finalConsentForm(vhs.name, ['identity', 'contact', 'residence', 'language-education', 'counseling']);
    await call('consents.sign', { id: form.consentId, signedOn: TODAY });
    const letter = valueOf<LotseDocument>(await finalize((await referral()).id));
    const correction = await call<LotseDocument>('documents.create', { templateId: 'referral-letter', clientId: client.id, correctsId: letter.id });
    valueOf(await finalize(correction.id));
    await createDocument('free-letter', { subject: 'Entwurf', body: 'Text' });
    const other = await call<Client>('clients.create', { ...SAMPLE_CLIENT, familyName: 'Haddad', givenName: 'Omar' });
    const othersLetter = await finalFreeLetter(other.id);
    expect(countRows(core, 'documents')).toBe(5);

    expect(await call('clients.erase', { id: client.id })).toEqual({ erased: true });
    expect(errorOf(await dispatch(core, 'clients.get', { id: client.id })).code).toBe('not_found');
    expect((await call<{ items: LotseDocument[] }>('documents.list', {})).items.map((item) => item.id)).toEqual([othersLetter.id]);
    expect(core.db.prepare('SELECT count(*) FROM documents WHERE client_id = ?').pluck().get(client.id)).toBe(0);
    expect(countRows(core, 'consents')).toBe(0);
    expect(countRows(core, 'consent_recipients')).toBe(0);
    expect(await getDocument(othersLetter.id)).toEqual(othersLetter);
  });
});
