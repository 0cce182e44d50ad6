import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type {
  AuditEntry,
  BatchGroup,
  BatchStarted,
  BatchStatus,
  Client,
  DuplicateResult,
  LotseDocument,
  MethodInput,
  RenderedPdf,
} from '../../shared/api/contract';
import { batchWorkerScript } from '../support/batch-worker';
import { givePartnerAddress, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { expectPdfA2b } from '../pdf/pdfa-checks';
import { finalizeWithSha256, renderedText } from '../support/documents';
import { pdfText } from '../support/pdf-words';
import { callOk, errorOf } from '../support/results';

/**
 * The documents list as a work list (issue 14, item 6, and the reprint of a
 * serial letter from item 2): duplicate a document, copy it to another
 * client with that client's own personal data, print several documents as
 * one PDF, and print a finished serial letter again. Clock: 2026-11-25T10:00Z.
 */

const VHS = 'seed-vhs-rur-eifel';
const REFERRAL_TEXT = { reason: 'Anerkennung des Abschlusses als Pflegefachkraft.', request: 'Bitte beraten Sie zum Anerkennungsverfahren.' };
const OTHER_BASIS = { basis: '§ 69 SGB X', reason: 'Übermittlung an einen Sozialleistungsträger' };

/** The person whose data must never travel into another person's document. */
const OLENA: MethodInput<'clients.create'> = {
  ...SAMPLE_CLIENT,
  familyName: 'Kovalenko',
  givenName: 'Olena',
  birthDate: '1979-06-23',
  phone: '0176 5550001',
  address: { street: 'Zülpicher Straße 17', postalCode: '52349', city: 'Düren' },
  languages: [{ language: 'Ukrainisch', interpreterNeeded: true }],
  counselingFields: ['recognition'],
};
const OMAR: MethodInput<'clients.create'> = {
  ...SAMPLE_CLIENT,
  familyName: 'Haddad',
  givenName: 'Omar',
  birthDate: '1988-01-30',
  phone: '',
  address: { street: 'Kölner Landstraße 2', postalCode: '52351', city: 'Düren' },
  languages: [{ language: 'Arabisch', interpreterNeeded: false }],
  counselingFields: ['recognition'],
};

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(async () => {
  ({ core, dataDir, dispose } = openTestCore(undefined, { batchWorkerScript: batchWorkerScript() }));
  await givePartnerAddress(core, VHS);
});
afterEach(() => dispose());

const call = <T>(method: string, input: unknown) => callOk<T>(core, method, input);
const createClient = (input: MethodInput<'clients.create'>) => call<Client>('clients.create', input);
const getDocument = (id: string) => call<LotseDocument>('documents.get', { id });
/** The client each line of an action is filed under (audit.list does not show it). */
const clientOfAudit = (action: string) => core.db.prepare('SELECT client_id FROM audit WHERE action = ? ORDER BY id').pluck().all(action) as string[];
const auditOf = async (action: string) => (await call<{ items: AuditEntry[] }>('audit.list', { action })).items;

async function freeLetter(clientId: string, subject: string, body: string): Promise<LotseDocument> {
  return call<LotseDocument>('documents.create', { templateId: 'free-letter', clientId, values: { subject, body } });
}
async function finalFreeLetter(clientId: string, subject: string, body: string): Promise<LotseDocument> {
  return finalizeWithSha256(core, { id: (await freeLetter(clientId, subject, body)).id });
}
async function referral(clientId: string, values: Record<string, unknown> = REFERRAL_TEXT): Promise<LotseDocument> {
  return call<LotseDocument>('documents.create', { templateId: 'referral-letter', clientId, partnerId: VHS, values });
}

function writePdf(base64: string, name: string): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}
/** The text of every page, as pdftotext gives it (pages end with a form feed). */
function pageTexts(base64: string): string[] {
  return execFileSync('pdftotext', ['-layout', writePdf(base64, 'pages.pdf'), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);
}
function qpdfCheck(base64: string): string {
  return execFileSync('qpdf', ['--check', writePdf(base64, 'check.pdf')], { encoding: 'utf8' });
}

describe('documents.duplicate', () => {
  it('makes a new draft of a draft with the same values, for the same client, and leaves the draft as it was', async () => {
    const olena = await createClient(OLENA);
    const draft = await referral(olena.id);
    const { document: copy, droppedFields } = await call<DuplicateResult>('documents.duplicate', { id: draft.id });
    expect(copy.id).not.toBe(draft.id);
    expect(copy).toMatchObject({
      status: 'draft',
      clientId: olena.id,
      partnerId: VHS,
      templateId: 'referral-letter',
      values: draft.values,
      prefilled: draft.prefilled,
      correctsId: null,
    });
    expect(droppedFields).toEqual([]);
    expect(await getDocument(draft.id)).toEqual(draft);
    expect(await auditOf('documents.duplicate')).toMatchObject([
      {
        subjectType: 'document',
        subjectId: copy.id,
        details: { fromDocumentId: draft.id, templateId: 'referral-letter', templateVersion: 1, fromTemplateVersion: 1, otherClient: false, droppedFields: [] },
      },
    ]);
  });

  it('makes a new draft of a final document; the final one stays final and reprints the same bytes', async () => {
    const olena = await createClient(OLENA);
    const final = await finalFreeLetter(olena.id, 'Einladung zum Infoabend', 'wir laden Sie herzlich ein.');
    const before = await call<RenderedPdf>('documents.render', { id: final.id });
    const { document: copy } = await call<DuplicateResult>('documents.duplicate', { id: final.id });
    expect(copy).toMatchObject({ status: 'draft', clientId: olena.id, finalizedAt: null, sha256: null, values: final.values, correctsId: null });
    expect(await getDocument(final.id)).toMatchObject({ status: 'final', sha256: final.sha256, values: final.values, correctedById: null });
    expect((await call<RenderedPdf>('documents.render', { id: final.id })).sha256).toBe(before.sha256);
    // The copy is a draft like any other: it can be changed and finalized on its own.
    const changed = await call<LotseDocument>('documents.update', { id: copy.id, values: { ...copy.values, subject: 'Einladung zum zweiten Infoabend' } });
    expect((await call<LotseDocument>('documents.finalize', { id: changed.id })).status).toBe('final');
  });

  it('copies to another client with the personal data of that client, never the first one’s (also where they were typed over)', async () => {
    const olena = await createClient(OLENA);
    const omar = await createClient(OMAR);
    const draft = await referral(olena.id);
    // The counselor typed over the prefilled name: it is still Olena's, and must not travel either.
    const typedOver = await call<LotseDocument>('documents.update', {
      id: draft.id,
      values: { ...draft.values, clientName: 'Olena Kovalenko (geb. Petrenko)' },
      salutationOverride: 'Liebe Frau Kovalenko,',
    });
    expect(JSON.stringify(typedOver)).toContain('1979-06-23');

    const { document: copy } = await call<DuplicateResult>('documents.duplicate', { id: draft.id, clientId: omar.id });
    expect(copy).toMatchObject({ status: 'draft', clientId: omar.id, clientName: 'Omar Haddad', partnerId: VHS, salutationOverride: null });
    expect(copy.values).toMatchObject({
      clientName: 'Omar Haddad',
      birthDate: '1988-01-30',
      address: 'Kölner Landstraße 2, 52351 Düren',
      languages: 'Arabisch',
      interpreterNeeded: false,
      // What the counselor wrote about the request is carried over.
      reason: REFERRAL_TEXT.reason,
      request: REFERRAL_TEXT.request,
    });
    expect(copy.prefilled).toEqual(expect.arrayContaining(['clientName', 'birthDate', 'address', 'languages']));
    // The old client's name, birth date, phone, address and language appear nowhere in the copy, nor in its PDF.
    const stored = JSON.stringify(copy);
    const printed = await renderedText(core, copy.id);
    for (const leak of ['Kovalenko', 'Olena', 'Petrenko', '1979-06-23', '23.06.1979', '0176 5550001', 'Zülpicher', 'Ukrainisch']) {
      expect(stored).not.toContain(leak);
      expect(printed).not.toContain(leak);
    }
    expect(printed).toContain('Omar Haddad');
    expect(printed).toContain('30.01.1988');
    expect((await auditOf('documents.duplicate'))[0]).toMatchObject({ subjectId: copy.id, details: { fromDocumentId: draft.id, otherClient: true } });
    expect(clientOfAudit('documents.duplicate')).toEqual([omar.id]);
    // Olena's draft is as it was.
    expect(await getDocument(draft.id)).toEqual(typedOver);
  });

  it('copies a final letter to the client as recipient: the address block is the new client’s', async () => {
    const olena = await createClient(OLENA);
    const omar = await createClient(OMAR);
    const final = await finalFreeLetter(olena.id, 'Ihr Termin', 'bitte bringen Sie Ihren Pass mit.');
    const { document: copy } = await call<DuplicateResult>('documents.duplicate', { id: final.id, clientId: omar.id });
    const printed = await renderedText(core, copy.id);
    expect(printed).toContain('Kölner Landstraße 2');
    expect(printed).toContain('bitte bringen Sie Ihren Pass mit.');
    expect(printed).not.toContain('Kovalenko');
    expect(printed).not.toContain('Zülpicher');
  });

  it('writes with the template’s current version; values of fields it no longer has are left behind and named', async () => {
    const olena = await createClient(OLENA);
    const draft = await freeLetter(olena.id, 'Betreff', 'Text.');
    const withReference = await call<LotseDocument>('documents.update', { id: draft.id, values: { ...draft.values, yourReference: 'Ihr Zeichen 4711' } });
    // A later version of the template without the "Ihr Zeichen" field (as a future release could ship it).
    const row = core.db.prepare("SELECT * FROM template_versions WHERE template_id = 'free-letter' ORDER BY version DESC LIMIT 1").get() as Record<
      string,
      unknown
    > & { definition: string; version: number };
    const definition = JSON.parse(row.definition) as { version?: number; letter: Record<string, unknown>; sections: Array<{ fields: Array<{ id: string }> }> };
    for (const section of definition.sections) section.fields = section.fields.filter((field) => field.id !== 'yourReference');
    delete definition.letter.yourReference;
    if (definition.version !== undefined) definition.version = row.version + 1;
    core.db
      .prepare('INSERT INTO template_versions (template_id, version, source, definition, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run('free-letter', row.version + 1, row.source, JSON.stringify(definition), row.saved_at, row.saved_by);

    const { document: copy, droppedFields } = await call<DuplicateResult>('documents.duplicate', { id: withReference.id });
    expect(copy.templateVersion).toBe(row.version + 1);
    expect(copy.values).toEqual({ subject: 'Betreff', body: 'Text.' });
    expect(droppedFields).toEqual(['Ihr Zeichen']);
    expect((await auditOf('documents.duplicate'))[0]!.details).toMatchObject({ droppedFields: ['yourReference'], fromTemplateVersion: row.version });
  });

  it('refuses an unknown document or client and writes nothing', async () => {
    const olena = await createClient(OLENA);
    const draft = await freeLetter(olena.id, 'Betreff', 'Text.');
    expect(errorOf(await dispatch(core, 'documents.duplicate', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'documents.duplicate', { id: draft.id, clientId: '00000000-0000-4000-8000-000000000000' })).code).toBe('not_found');
    expect(await auditOf('documents.duplicate')).toEqual([]);
    expect((await call<{ items: LotseDocument[] }>('documents.list', {})).items).toHaveLength(1);
  });
});

describe('documents.printMany', () => {
  it('prints three documents as one PDF: their pages in order, finals as finalized, the draft marked as a draft', async () => {
    const olena = await createClient(OLENA);
    const omar = await createClient(OMAR);
    const first = await finalFreeLetter(olena.id, 'Erster Brief', 'Text des ersten Briefes.');
    const second = await finalizeWithSha256(core, { id: (await referral(omar.id)).id, otherLegalBasis: OTHER_BASIS });
    const third = await freeLetter(omar.id, 'Dritter Brief', 'Text des dritten Briefes, noch ein Entwurf.');
    const singles = await Promise.all([first, second, third].map((document) => call<RenderedPdf>('documents.render', { id: document.id })));

    const combined = await call<RenderedPdf>('documents.printMany', { ids: [first.id, second.id, third.id] });
    expect(combined.pages).toBe(singles.reduce((sum, single) => sum + single.pages, 0));
    expect(qpdfCheck(combined.pdfBase64)).toContain('No syntax or stream encoding errors found');
    // PDF/A-2b as each document alone, by the same checks (test/pdf/pdfa-checks.ts).
    const { info } = expectPdfA2b(writePdf(combined.pdfBase64, 'print-many.pdf'));
    expect(info).toMatchObject({ Title: 'Sammeldruck: 3 Dokumente', CreationDate: 'D:20261125100000Z' });
    // Page by page, the text is each document's own, in the order asked for.
    expect(pageTexts(combined.pdfBase64)).toEqual(singles.flatMap((single) => pageTexts(single.pdfBase64)));
    const text = pdfText(combined.pdfBase64);
    const positions = ['Text des ersten Briefes.', REFERRAL_TEXT.request, 'Text des dritten Briefes'].map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The draft's pages say so; the finals' do not.
    const pages = pageTexts(combined.pdfBase64);
    const draftPages = pages.slice(singles[0]!.pages + singles[1]!.pages);
    expect(draftPages.every((page) => page.includes('ENTWURF'))).toBe(true);
    expect(pages.slice(0, singles[0]!.pages + singles[1]!.pages).some((page) => page.includes('ENTWURF'))).toBe(false);
    // Each final document handed out is a line of the trail; the draft is not.
    const lines = await auditOf('documents.printMany');
    expect(lines.map((line) => line.subjectId).sort()).toEqual([first.id, second.id].sort());
    expect(lines.find((line) => line.subjectId === first.id)).toMatchObject({ details: { sha256: first.sha256, documents: 3 } });
    expect(clientOfAudit('documents.printMany').sort()).toEqual([olena.id, omar.id].sort());
  });

  it('refuses more than 200 documents, the same document twice, or one that does not exist, in German', async () => {
    const olena = await createClient(OLENA);
    const letter = await finalFreeLetter(olena.id, 'Brief', 'Text.');
    const many = Array.from({ length: 201 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const tooMany = errorOf(await dispatch(core, 'documents.printMany', { ids: many }));
    expect(tooMany.code).toBe('invalid_input');
    expect(tooMany.fields?.ids).toBe('Höchstens 200 Dokumente auf einmal drucken. Bitte weniger auswählen.');
    expect(errorOf(await dispatch(core, 'documents.printMany', { ids: [letter.id, letter.id] })).fields?.ids).toBe('Ein Dokument ist doppelt ausgewählt.');
    expect(errorOf(await dispatch(core, 'documents.printMany', { ids: [] })).code).toBe('invalid_input');
    expect(errorOf(await dispatch(core, 'documents.printMany', { ids: [letter.id, many[0]] })).code).toBe('not_found');
    expect(await auditOf('documents.printMany')).toEqual([]);
  });
});

describe('a serial letter printed again from the documents list', () => {
  async function waitForBatch(batchId: string): Promise<void> {
    for (let attempt = 0; attempt < 3000; attempt += 1) {
      const status = await call<BatchStatus>('batches.status', { batchId });
      if (status.state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('batch did not finish');
  }

  it('groups the letters by batch and prints those still stored as one PDF, also after one recipient was erased', async () => {
    const people = [await createClient(OLENA), await createClient(OMAR), await createClient({ ...SAMPLE_CLIENT, familyName: 'Nowak', givenName: 'Jan' })];
    await freeLetter(people[0]!.id, 'Einzelbrief', 'Kein Serienbrief.');
    const started = await call<BatchStarted>('batches.render', {
      templateId: 'free-letter',
      values: { subject: 'Einladung', body: 'wir laden Sie zum Infoabend ein.' },
      filter: { clientIds: people.map((person) => person.id) },
      recipients: people.map((person) => person.id),
    });
    await waitForBatch(started.batchId);

    const groups = await call<{ items: BatchGroup[] }>('documents.batches', {});
    expect(groups.items).toEqual([
      { batchId: started.batchId, templateId: 'free-letter', templateTitle: 'Freier Brief', finalizedAt: '2026-11-25T10:00:00.000Z', count: 3 },
    ]);
    const letters = (await call<{ items: LotseDocument[] }>('documents.list', { batchId: started.batchId })).items;
    // In the order of the family names, as the serial letter printed them.
    expect(letters.map((letter) => letter.clientName)).toEqual(['Omar Haddad', 'Olena Kovalenko', 'Jan Nowak']);
    const reprint = await call<RenderedPdf>('documents.printMany', { ids: letters.map((letter) => letter.id) });
    expect(reprint.pages).toBe(3);
    expect(qpdfCheck(reprint.pdfBase64)).toContain('No syntax or stream encoding errors found');
    expect(expectPdfA2b(writePdf(reprint.pdfBase64, 'reprint.pdf')).info.Title).toBe('Sammeldruck: 3 Dokumente');
    for (const name of ['Kovalenko', 'Haddad', 'Nowak']) expect(pdfText(reprint.pdfBase64)).toContain(name);

    await call('clients.erase', { id: people[0]!.id });
    expect((await call<{ items: BatchGroup[] }>('documents.batches', {})).items).toMatchObject([{ batchId: started.batchId, count: 2 }]);
    const left = (await call<{ items: LotseDocument[] }>('documents.list', { batchId: started.batchId })).items;
    expect(left).toHaveLength(2);
    const again = await call<RenderedPdf>('documents.printMany', { ids: left.map((letter) => letter.id) });
    expect(again.pages).toBe(2);
    expect(qpdfCheck(again.pdfBase64)).toContain('No syntax or stream encoding errors found');
    expectPdfA2b(writePdf(again.pdfBase64, 'reprint-again.pdf'));
    const text = pdfText(again.pdfBase64);
    expect(text).not.toContain('Kovalenko');
    expect(text).toContain('Haddad');
    expect(text).toContain('Nowak');
    // Each letter reprints as it was recorded: the sha256 of its own PDF.
    for (const letter of left) expect((await call<RenderedPdf>('documents.render', { id: letter.id })).sha256).toBe(letter.sha256);
  });
});
