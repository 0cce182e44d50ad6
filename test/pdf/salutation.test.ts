import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { addressBlock, MAX_ADDRESS_LINES } from '../../main/core/pdf/address-block';
import { renderDocumentPdf, type FinalSnapshot } from '../../main/core/services/documents/pdf';
import type {
  BatchResult,
  BatchStarted,
  BatchStatus,
  Client,
  DocumentContextView,
  LotseDocument,
  MethodInput,
  Partner,
  RenderedPdf,
} from '../../shared/api/contract';
import { BUILT_IN_FORMS } from '../../shared/forms';
import { batchWorkerScript } from '../support/batch-worker';
import { createLookAlike, openTestCore, partnerToInput, SAMPLE_CLIENT } from '../support/core';
import { finalizeWithSha256 } from '../support/documents';
import { pdfText, pdfWords } from '../support/pdf-words';
import { callOk, countRows, errorOf } from '../support/results';
import { sampleContext, textLines } from './print-support';

/**
 * Greeting and address line as DIN 5008 expects (issue 11): "Frau" / "Herrn"
 * above a client's name and the greeting by sex and title; to a partner, the
 * chosen contact person's line and greeting, else "Damen und Herren"; the
 * counselor's own greeting winning; all read back from the PDF.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore(undefined, { batchWorkerScript: batchWorkerScript() }));
});
afterEach(() => dispose());

const call = <T>(method: string, input: unknown) => callOk<T>(core, method, input);
const EPS = 0.01;
const LETTER = { subject: 'Ihr Termin am 3. Dezember', body: 'bitte kommen Sie um 10 Uhr.' };

const OLENA = { ...SAMPLE_CLIENT, familyName: 'Kovalenko', givenName: 'Olena', sex: 'female' };
const MEHMET = { ...SAMPLE_CLIENT, familyName: 'Yılmaz-Öztürk', givenName: 'Mehmet', sex: 'male' };
const ALEX = { ...SAMPLE_CLIENT, familyName: 'Beispiel', givenName: 'Alex', sex: 'diverse' };

async function letterTo(client: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<LotseDocument> {
  // The sample people share SAMPLE_CLIENT's birth date, and some tests write to one person twice: look-alikes made on purpose.
  const { id } = await createLookAlike(core, client as MethodInput<'clients.create'>);
  return call<LotseDocument>('documents.create', { templateId: 'free-letter', clientId: id, values: LETTER, ...extra });
}

/** The printed lines of page 1 (words regrouped into lines), and the lines inside the Anschriftzone (y 62.7–90 mm). */
async function printedLines(id: string): Promise<{ lines: string[]; window: string[]; pdf: RenderedPdf }> {
  const pdf = await call<RenderedPdf>('documents.render', { id });
  const file = path.join(dataDir, `${id}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
  const words = pdfWords(file, 1);
  // pdftotext rounds: the first line's top lies on the zone's edge.
  const inWindow = words.filter((word) => word.x0 >= 25 - EPS && word.x1 <= 105 + EPS && word.y0 >= 62.7 - EPS && word.y1 <= 90 + EPS);
  return { lines: textLines(words), window: textLines(inWindow), pdf };
}

async function schmitzPartner(): Promise<Partner> {
  return call<Partner>('partners.create', {
    name: 'Jugendmigrationsdienst Düren',
    department: 'Beratung junger Menschen',
    address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
    contacts: [
      { name: 'Anna Schmitz', role: 'Teamleitung', formOfAddress: 'Frau', title: 'Dr.' },
      { name: 'Kim Wagner', role: 'Beratung' },
    ],
  });
}

describe('a letter to a client', () => {
  it('puts "Frau" above the name and greets "Sehr geehrte Frau Kovalenko,"', async () => {
    const { lines, window } = await printedLines((await letterTo(OLENA)).id);
    expect(window).toEqual(['Frau', 'Olena Kovalenko', 'Hauptstraße 5', '52349 Düren']);
    expect(lines).toContain('Sehr geehrte Frau Kovalenko,');
  });

  it('puts "Herrn" above the name and greets "Sehr geehrter Herr Yılmaz-Öztürk,"', async () => {
    const { lines, window } = await printedLines((await letterTo(MEHMET)).id);
    expect(window).toEqual(['Herrn', 'Mehmet Yılmaz-Öztürk', 'Hauptstraße 5', '52349 Düren']);
    expect(lines).toContain('Sehr geehrter Herr Yılmaz-Öztürk,');
  });

  it('greets a diverse client neutrally by full name, with no "Frau"/"Herrn" line', async () => {
    const { lines, window } = await printedLines((await letterTo(ALEX)).id);
    expect(window).toEqual(['Alex Beispiel', 'Hauptstraße 5', '52349 Düren']);
    expect(lines).toContain('Guten Tag Alex Beispiel,');
    expect(lines.join('\n')).not.toMatch(/Sehr geehrte|Frau|Herrn/);
  });

  it('prints the academic title in the name line and the greeting', async () => {
    const { lines, window } = await printedLines((await letterTo({ ...OLENA, title: 'Dr.' })).id);
    expect(window.slice(0, 2)).toEqual(['Frau', 'Dr. Olena Kovalenko']);
    expect(lines).toContain('Sehr geehrte Frau Dr. Kovalenko,');
  });

  it('prints a name that looks like a placeholder or markup as it was typed', async () => {
    const hostile = { ...MEHMET, familyName: '{{client.birthDate}} <b>&amp;' };
    const text = pdfText((await call<RenderedPdf>('documents.render', { id: (await letterTo(hostile)).id })).pdfBase64);
    expect(text).toContain('Sehr geehrter Herr {{client.birthDate}} <b>&amp;,');
    expect(text).not.toContain('12.03.1990,');
  });
});

describe('a letter to a partner', () => {
  it('names the chosen contact below organization and department and greets "Sehr geehrte Frau Dr. Schmitz,"', async () => {
    const partner = await schmitzPartner();
    const document = await letterTo(OLENA, { partnerId: partner.id, contactId: partner.contacts[0]!.id });
    expect(document.contactId).toBe(partner.contacts[0]!.id);
    const { lines, window } = await printedLines(document.id);
    expect(window).toEqual(['Jugendmigrationsdienst Düren', 'Beratung junger Menschen', 'Frau Dr. Anna Schmitz', 'Kölnstraße 12', '52351 Düren']);
    expect(lines).toContain('Sehr geehrte Frau Dr. Schmitz,');
    expect(lines.join('\n')).not.toContain('z. Hd.');
  });

  it('greets "Sehr geehrte Damen und Herren," without a contact, or with one whose form of address is not known', async () => {
    const partner = await schmitzPartner();
    const without = await printedLines((await letterTo(OLENA, { partnerId: partner.id })).id);
    expect(without.window).toEqual(['Jugendmigrationsdienst Düren', 'Beratung junger Menschen', 'Kölnstraße 12', '52351 Düren']);
    expect(without.lines).toContain('Sehr geehrte Damen und Herren,');
    const unknown = await printedLines((await letterTo(OLENA, { partnerId: partner.id, contactId: partner.contacts[1]!.id })).id);
    expect(unknown.window).toContain('Kim Wagner');
    expect(unknown.lines).toContain('Sehr geehrte Damen und Herren,');
  });

  it('greets the contact in a referral letter too, and the editor context says what the core prints', async () => {
    const partner = await schmitzPartner();
    const { id: clientId } = await call<Client>('clients.create', OLENA);
    const referral = await call<LotseDocument>('documents.create', { templateId: 'referral-letter', clientId, partnerId: partner.id });
    const view = await call<DocumentContextView>('documents.context', { id: referral.id, contactId: partner.contacts[0]!.id });
    expect(view).toMatchObject({ salutation: 'Sehr geehrte Frau Dr. Schmitz,', contactId: partner.contacts[0]!.id });
    expect(view.recipientLines).toContain('Frau Dr. Anna Schmitz');
    await call('documents.update', { id: referral.id, values: referral.values, contactId: partner.contacts[0]!.id });
    const { lines } = await printedLines(referral.id);
    expect(lines).toContain('Sehr geehrte Frau Dr. Schmitz,');
  });

  it("refuses a contact that is not the partner's, writing nothing, and drops the contact when the partner changes", async () => {
    const partner = await schmitzPartner();
    const other = await call<Partner>('partners.create', { name: 'VHS', contacts: [{ name: 'Eva Roth', formOfAddress: 'Frau' }] });
    const { id: clientId } = await call<Client>('clients.create', OLENA);
    const refused = await dispatch(core, 'documents.create', {
      templateId: 'free-letter',
      clientId,
      partnerId: partner.id,
      contactId: other.contacts[0]!.id,
      values: LETTER,
    });
    expect(errorOf(refused)).toMatchObject({ code: 'invalid_input', fields: { contactId: expect.stringContaining('Ansprechperson') } });
    expect(countRows(core, 'documents')).toBe(0);

    const document = await call<LotseDocument>('documents.create', {
      templateId: 'free-letter',
      clientId,
      partnerId: partner.id,
      contactId: partner.contacts[0]!.id,
      values: LETTER,
    });
    const moved = await call<LotseDocument>('documents.update', { id: document.id, values: document.values, partnerId: other.id });
    expect(moved).toMatchObject({ partnerId: other.id, contactId: null });
    expect((await printedLines(document.id)).lines).toContain('Sehr geehrte Damen und Herren,');
  });
});

describe("the counselor's own greeting", () => {
  it('wins over the computed one, and clearing it brings the computed one back', async () => {
    const document = await letterTo(OLENA);
    const overridden = await call<LotseDocument>('documents.update', { id: document.id, values: document.values, salutationOverride: 'Liebe Frau Kovalenko,' });
    expect(overridden.salutationOverride).toBe('Liebe Frau Kovalenko,');
    const { lines } = await printedLines(document.id);
    expect(lines).toContain('Liebe Frau Kovalenko,');
    expect(lines.join('\n')).not.toContain('Sehr geehrte');
    // Saving values alone keeps the greeting.
    await call('documents.update', { id: document.id, values: { ...document.values, body: 'anders.' } });
    expect((await printedLines(document.id)).lines).toContain('Liebe Frau Kovalenko,');

    await call('documents.update', { id: document.id, values: document.values, salutationOverride: null });
    expect((await printedLines(document.id)).lines).toContain('Sehr geehrte Frau Kovalenko,');
  });

  it('must be one line of printable text', async () => {
    const document = await letterTo(OLENA);
    const broken = await dispatch(core, 'documents.update', { id: document.id, values: document.values, salutationOverride: 'Liebe\nFrau K.,' });
    expect(errorOf(broken)).toMatchObject({ code: 'invalid_input', fields: { salutationOverride: expect.stringContaining('einer Zeile') } });
    await call('documents.update', { id: document.id, values: document.values, salutationOverride: 'שלום,' });
    const unprintable = await dispatch(core, 'documents.render', { id: document.id });
    expect(errorOf(unprintable)).toMatchObject({ code: 'unprintable_text', fields: { salutationOverride: expect.stringContaining('Anrede') } });
  });
});

describe('a final letter', () => {
  it('reprints byte-identical after the contact, the client and the greeting rules changed since', async () => {
    const partner = await schmitzPartner();
    const document = await letterTo(OLENA, { partnerId: partner.id, contactId: partner.contacts[0]!.id, salutationOverride: 'Liebe Anna,' });
    const final = await finalizeWithSha256(core, { id: document.id });
    expect(final).toMatchObject({ status: 'final', contactId: partner.contacts[0]!.id, salutationOverride: 'Liebe Anna,' });

    await call('partners.update', {
      ...partnerToInput(partner),
      contacts: [{ ...partner.contacts[0]!, formOfAddress: 'Herr', title: '', name: 'Andreas Schmitz' }, partner.contacts[1]!],
    });
    const reprint = await call<RenderedPdf>('documents.render', { id: document.id });
    expect(reprint.sha256).toBe(final.sha256);
    const text = pdfText(reprint.pdfBase64);
    expect(text).toContain('Frau Dr. Anna Schmitz');
    expect(text).toContain('Liebe Anna,');
    // The store refuses to change what a final letter was addressed to.
    expect(() => core.db.prepare('UPDATE documents SET contact_id = NULL WHERE id = ?').run(document.id)).toThrow('final documents are immutable');
  });

  it("prints a snapshot frozen before greetings were computed exactly as before: the form's own wording", async () => {
    // Such a snapshot goes with a template version whose greeting was text, e.g. the free letter's "Guten Tag,".
    const form = { ...BUILT_IN_FORMS['free-letter']!, letter: { ...BUILT_IN_FORMS['free-letter']!.letter!, salutation: 'Guten Tag,' } };
    const { salutation: _salutation, ...oldContext } = sampleContext({ partner: null });
    const old = { context: oldContext, recipientLines: ['Ayşe Müller', 'Hauptstraße 5', '52349 Düren'], partnerNames: {} } as unknown as FinalSnapshot;
    const date = new Date('2026-11-20T09:00:00Z');
    const before = await renderDocumentPdf(form, LETTER, [], old, date, 'final');
    const withNewKeys = await renderDocumentPdf(
      form,
      LETTER,
      [],
      { ...old, context: sampleContext({ partner: null }), salutationOverride: null },
      date,
      'final',
    );
    expect(withNewKeys.sha256).toBe(before.sha256);
    expect(pdfText(before.bytes.toString('base64'))).toContain('Guten Tag,');
  });
});

describe('a serial letter', () => {
  it('greets every client by their own sex and title', async () => {
    const ids = await Promise.all([OLENA, MEHMET, ALEX].map(async (client) => (await call<Client>('clients.create', client)).id));
    const started = await call<BatchStarted>('batches.render', { templateId: 'free-letter', values: LETTER, filter: { clientIds: ids }, recipients: ids });
    let status = await call<BatchStatus>('batches.status', { batchId: started.batchId });
    for (let attempt = 0; attempt < 3000 && status.state === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await call<BatchStatus>('batches.status', { batchId: started.batchId });
    }
    expect(status.state).toBe('done');
    const text = pdfText((await call<BatchResult>('batches.result', { batchId: started.batchId })).pdfBase64);
    for (const greeting of ['Guten Tag Alex Beispiel,', 'Sehr geehrte Frau Kovalenko,', 'Sehr geehrter Herr Yılmaz-Öztürk,']) expect(text).toContain(greeting);
  });
});

describe('the address block of a person', () => {
  it('drops the "Frau"/"Herrn" line, saying so, before it would cut the name', () => {
    const twenty = (line: string) => [...line].length <= 20;
    const person = {
      formOfAddress: 'Frau',
      name: 'Dr. Maria-Theresia Schmitz-Oberhausen',
      street: 'Gewerbegebiet Nord Halle 3',
      postalCode: '52349',
      city: 'Düren-Gürzenich Nord',
    };
    const block = addressBlock(person, twenty);
    expect(block.lines).toHaveLength(MAX_ADDRESS_LINES);
    expect(block.lines[0]).not.toBe('Frau');
    expect(block.lines.slice(0, 2).join(' ')).toBe('Dr. Maria-Theresia Schmitz-Oberhausen');
    expect(block.shortened).toEqual(['Anrede „Frau“/„Herrn“ weggelassen']);
    expect(addressBlock({ ...person, name: 'Dr. Anna Roth' }, twenty)).toMatchObject({
      lines: ['Frau', 'Dr. Anna Roth', 'Gewerbegebiet Nord', 'Halle 3', '52349', 'Düren-Gürzenich Nord'],
      shortened: [],
    });
  });
});
