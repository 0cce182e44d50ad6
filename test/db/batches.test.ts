import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { BatchPreview, BatchResult, BatchSample, BatchStarted, BatchStatus, LotseDocument, RenderedPdf } from '../../shared/api/contract';
import { expectPdfA2b } from '../pdf/pdfa-checks';
import { batchWorkerScript } from '../support/batch-worker';
import { createLookAlike, openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf } from '../support/results';

// The test clock: 25.11.2026.
let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore(undefined, { batchWorkerScript: batchWorkerScript() }));
});
afterEach(() => dispose());

const LETTER = { subject: 'Einladung zur Informationsveranstaltung', body: 'wir laden Sie herzlich ein.' };

async function createClient(familyName: string, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  // Look-alikes of SAMPLE_CLIENT (same birth date and given name, "Klient 01" …), made on purpose.
  return createLookAlike(core, { ...SAMPLE_CLIENT, familyName, ...overrides });
}

/** Names that sort as they are numbered: Klient 01 … Klient 50. */
async function createClients(count: number, overrides: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 1; index <= count; index += 1) ids.push((await createClient(`Klient ${String(index).padStart(2, '0')}`, overrides)).id);
  return ids;
}

/** Asks for the status until the batch is no longer running; returns every status seen. */
async function waitForBatch(batchId: string): Promise<BatchStatus[]> {
  const seen: BatchStatus[] = [];
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const status = await callOk<BatchStatus>(core, 'batches.status', { batchId });
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('batch did not finish');
}

/** The text of every page (pdftotext separates pages with a form feed). */
function pageTexts(base64: string): string[] {
  const file = path.join(dataDir, 'batch.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  // After the last page's form feed comes nothing.
  return pages.slice(0, -1);
}

function qpdfCheck(base64: string): string {
  const file = path.join(dataDir, 'check.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

/** Everyone the preview lists for this input: what the counselor gets ticked when nobody is left out. */
async function everyoneListed(input: Record<string, unknown>): Promise<string[]> {
  const { recipients: _recipients, duplex: _duplex, ...rest } = input;
  return (await callOk<BatchPreview>(core, 'batches.preview', rest)).clients.map((client) => client.id);
}

async function runBatch(input: Record<string, unknown>): Promise<{ started: BatchStarted; statuses: BatchStatus[]; result: BatchResult }> {
  const filter = (input.filter ?? {}) as { clientIds?: string[] };
  const recipients = input.recipients ?? filter.clientIds ?? (await everyoneListed(input));
  const started = await callOk<BatchStarted>(core, 'batches.render', { ...input, recipients });
  const statuses = await waitForBatch(started.batchId);
  expect(statuses.at(-1)).toMatchObject({ state: 'done' });
  const result = await callOk<BatchResult>(core, 'batches.result', { batchId: started.batchId });
  return { started, statuses, result };
}

describe('batches.render: a serial letter to 50 clients', () => {
  it('renders 50 letters into one PDF, each on a fresh sheet, and records 50 final documents', async () => {
    const ids = await createClients(50);
    const { started, statuses, result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { clientIds: ids } });
    expect(started).toMatchObject({ total: 50, skipped: [] });

    // Progress counts up to the total and never beyond.
    const done = statuses.map((status) => status.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(statuses.at(-1)).toMatchObject({ state: 'done', done: 50, total: 50 });

    expect(result.documentIds).toHaveLength(50);
    expect(result.sha256).toBe(createHash('sha256').update(Buffer.from(result.pdfBase64, 'base64')).digest('hex'));
    expect(qpdfCheck(result.pdfBase64)).toContain('No syntax or stream encoding errors found');
    // The serial-letter PDF is PDF/A-2b as each letter is, by the same checks (test/pdf/pdfa-checks.ts), blank backs included.
    const combined = path.join(dataDir, 'serial-letter.pdf');
    fs.writeFileSync(combined, Buffer.from(result.pdfBase64, 'base64'));
    const { info, xmp } = expectPdfA2b(combined);
    expect(info).toMatchObject({ Title: 'Serienbrief: Freier Brief (50 Briefe)', Creator: 'Lotse', CreationDate: 'D:20261125100000Z' });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Serienbrief: Freier Brief (50 Briefe)</rdf:li>');

    // One-page letters: a blank back page follows each but the last, so every letter starts on the front of a sheet.
    expect(result.pages).toBe(99);
    const pages = pageTexts(result.pdfBase64);
    expect(pages).toHaveLength(99);
    for (let letter = 0; letter < 50; letter += 1) {
      const name = `Ayşe Klient ${String(letter + 1).padStart(2, '0')}`;
      expect(pages[letter * 2], `page ${letter * 2 + 1}`).toContain(name);
      expect(pages[letter * 2], `page ${letter * 2 + 1}`).toContain(LETTER.subject);
      if (letter < 49) expect(pages[letter * 2 + 1]!.trim(), `page ${letter * 2 + 2} is the blank back`).toBe('');
    }

    // Each letter is a final document of its own, in the lists, with the sha256 of its own PDF.
    const documents = (await callOk<{ items: LotseDocument[] }>(core, 'documents.list', { templateId: 'free-letter', status: 'final' })).items;
    expect(documents).toHaveLength(50);
    expect(new Set(documents.map((document) => document.id))).toEqual(new Set(result.documentIds));
    expect(new Set(documents.map((document) => document.clientId))).toEqual(new Set(ids));
    for (const document of documents) {
      expect(document).toMatchObject({ status: 'final', values: LETTER, finalizedAt: '2026-11-25T10:00:00.000Z' });
      expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(documents.map((document) => document.sha256)).size).toBe(50);

    // A reprint of a letter gives exactly the bytes the batch rendered.
    for (const id of [result.documentIds[0]!, result.documentIds[49]!]) {
      const document = documents.find((candidate) => candidate.id === id)!;
      const reprint = await callOk<RenderedPdf>(core, 'documents.render', { id });
      expect(reprint.sha256).toBe(document.sha256);
    }

    // The audit trail names the batch once and every letter.
    const audit = (await callOk<{ items: Array<{ action: string; details: Record<string, unknown> }> }>(core, 'audit.list', { limit: 1000 })).items;
    expect(audit.filter((entry) => entry.action === 'batches.render')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ templateId: 'free-letter', letters: 50, skipped: 0 }) }),
    ]);
    expect(audit.filter((entry) => entry.action === 'documents.finalize' && entry.details.batchId === started.batchId)).toHaveLength(50);
  });

  it('starts every letter of several pages on a new sheet, and without duplex puts them one after another', async () => {
    const ids = await createClients(3);
    const body = Array.from({ length: 120 }, (_, index) => `Absatz ${index + 1}: Bitte bringen Sie Ihre Unterlagen mit.`).join('\n\n');
    const values = { subject: 'Lange Mitteilung', body };
    const duplex = await runBatch({ templateId: 'free-letter', values, filter: { clientIds: ids } });
    const pages = pageTexts(duplex.result.pdfBase64);
    const perLetter = pages.findIndex((text, index) => index > 0 && text.includes('Ayşe Klient 02'));
    // The second letter begins on an odd page (front of a sheet).
    expect(perLetter % 2).toBe(0);
    expect(pages[perLetter]).toContain('Lange Mitteilung');

    const simplex = await runBatch({ templateId: 'free-letter', values, filter: { clientIds: ids }, duplex: false });
    const simplexPages = pageTexts(simplex.result.pdfBase64);
    expect(simplexPages.every((text) => text.trim() !== '')).toBe(true);
    const single = simplexPages.length / 3;
    expect(Number.isInteger(single)).toBe(true);
    expect(single).toBeGreaterThanOrEqual(2);
    expect(simplexPages[single]).toContain('Ayşe Klient 02');
    expect(simplexPages[single]).toContain(`Seite 1 von ${single}`);
    // Each letter numbers its own pages, and says on each whose letter it is.
    expect(simplexPages[single - 1]).toContain(`Seite ${single} von ${single}`);
    expect(simplexPages[2 * single - 1]).toContain('Ayşe Klient 02');
    // Serial letters are final documents: no draft mark.
    expect(simplexPages.some((text) => text.includes('ENTWURF'))).toBe(false);
  });
});

describe('batches.cancel', () => {
  it('stops the batch and records nothing', async () => {
    const ids = await createClients(50);
    const before = countRows(core, 'audit');
    const started = await callOk<BatchStarted>(core, 'batches.render', {
      templateId: 'free-letter',
      values: LETTER,
      filter: { clientIds: ids },
      recipients: ids,
    });
    const cancelled = await callOk<BatchStatus>(core, 'batches.cancel', { batchId: started.batchId });
    expect(cancelled).toMatchObject({ state: 'cancelled', total: 50 });
    // Even if the worker was about to finish: nothing comes of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await callOk<BatchStatus>(core, 'batches.status', { batchId: started.batchId })).toMatchObject({ state: 'cancelled' });
    expect(countRows(core, 'documents')).toBe(0);
    expect(countRows(core, 'audit')).toBe(before);
    expect(errorOf(await dispatch(core, 'batches.result', { batchId: started.batchId }))).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('abgebrochen'),
    });
    // After a cancel a new batch may start.
    const { result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { clientIds: ids.slice(0, 2) } });
    expect(result.documentIds).toHaveLength(2);
  });

  it('leaves a finished batch as it is', async () => {
    const ids = await createClients(1);
    const { started } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { clientIds: ids } });
    expect(await callOk(core, 'batches.cancel', { batchId: started.batchId })).toMatchObject({ state: 'done' });
    expect(countRows(core, 'documents')).toBe(1);
  });

  it.runIf(process.platform === 'linux')('renders in threads of lower priority than the host’s own (nice 10 on Linux)', async () => {
    /** The threads of this process at nice 10, by thread id (/proc/self/task/<tid>/stat, field 19). */
    const threadsAtNice10 = () =>
      fs.readdirSync('/proc/self/task').filter((tid) => {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) === 10;
      });
    // A worker of an earlier test may still be ending: only threads that were not there before count.
    const before = new Set(threadsAtNice10());
    const ids = await createClients(30);
    const { batchId } = await callOk<BatchStarted>(core, 'batches.render', {
      templateId: 'free-letter',
      values: LETTER,
      filter: { clientIds: ids },
      recipients: ids,
    });
    await vi.waitFor(async () => expect((await callOk<BatchStatus>(core, 'batches.status', { batchId })).done).toBeGreaterThan(0), { timeout: 30_000 });
    // Both workers lower their own priority as they start; the second may start after the first letter is done.
    await vi.waitFor(() => expect(threadsAtNice10().filter((tid) => !before.has(tid))).toHaveLength(2), { timeout: 10_000 });
    // The thread that asks (the host's) keeps its priority: on Linux os.getPriority() reads the calling thread's.
    expect(os.getPriority()).toBe(0);
    await callOk(core, 'batches.cancel', { batchId });
  });

  it('stops a running worker when the core closes', async () => {
    const ids = await createClients(20);
    await callOk<BatchStarted>(core, 'batches.render', { templateId: 'free-letter', values: LETTER, filter: { clientIds: ids }, recipients: ids });
    core.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
});

describe('batches: the letters are staged, and become documents all at once', () => {
  /** Asks for the status until `seen` says so while the batch still runs; returns the batch. */
  async function startAndWatch(count: number, seen: (staged: number, documents: number) => boolean): Promise<{ batchId: string; sawIt: boolean }> {
    const ids = await createClients(count);
    const { batchId } = await callOk<BatchStarted>(core, 'batches.render', {
      templateId: 'free-letter',
      values: LETTER,
      filter: { clientIds: ids },
      recipients: ids,
    });
    for (let attempt = 0; attempt < 3000; attempt += 1) {
      const status = await callOk<BatchStatus>(core, 'batches.status', { batchId });
      // Read in the same turn as the status: the batch cannot move on in between.
      if (status.state === 'running' && seen(countRows(core, 'batch_letters'), countRows(core, 'documents'))) return { batchId, sawIt: true };
      if (status.state !== 'running') return { batchId, sawIt: false };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('batch did not finish');
  }

  it('stages the letters while the batch runs (no document yet), and records them all at the end', async () => {
    const { batchId, sawIt } = await startAndWatch(120, (staged, documents) => {
      expect(documents).toBe(0);
      return staged > 0;
    });
    expect(sawIt).toBe(true);
    expect((await waitForBatch(batchId)).at(-1)).toMatchObject({ state: 'done' });
    const result = await callOk<BatchResult>(core, 'batches.result', { batchId });
    expect(result.documentIds).toHaveLength(120);
    expect(countRows(core, 'documents')).toBe(120);
    // The staged copies go a turn after the documents are final.
    await vi.waitFor(() => expect(countRows(core, 'batch_letters')).toBe(0));
  });

  it('drops what was staged when the batch is cancelled', async () => {
    const { batchId, sawIt } = await startAndWatch(120, (staged) => staged > 0);
    expect(sawIt).toBe(true);
    const before = countRows(core, 'audit');
    expect(await callOk<BatchStatus>(core, 'batches.cancel', { batchId })).toMatchObject({ state: 'cancelled' });
    expect(countRows(core, 'batch_letters')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(countRows(core, 'documents')).toBe(0);
    expect(countRows(core, 'batch_letters')).toBe(0);
    expect(countRows(core, 'audit')).toBe(before);
  });

  it('drops what a host that stopped mid-batch left staged when the store opens again', async () => {
    const [id] = await createClients(1);
    core.db
      .prepare(
        `INSERT INTO batch_letters (batch_id, position, document_id, client_id, field_values, prefilled, final_snapshot, pdf_sha256)
         VALUES ('crashed', 0, 'never-a-document', ?, '{}', '[]', '{}', 'abc')`,
      )
      .run(id);
    core.close();
    core = reopenCore(dataDir);
    try {
      expect(countRows(core, 'batch_letters')).toBe(0);
      expect(countRows(core, 'documents')).toBe(0);
    } finally {
      core.close();
    }
  });
});

describe('batches: choosing the clients', () => {
  async function names(filter: Record<string, unknown>): Promise<string[]> {
    const preview = await callOk<BatchPreview>(core, 'batches.preview', { templateId: 'free-letter', values: LETTER, filter });
    expect(preview.total).toBe(preview.clients.length);
    return preview.clients.map((client) => client.name);
  }

  beforeEach(async () => {
    // Today is 25.11.2026; six months ahead is 25.05.2027.
    await createClient('A-104c-bald', { residenceStatus: 'p104c', residenceValidUntil: '2027-03-01', counselingFields: ['residence-title'] });
    await createClient('B-104c-grenze', { residenceStatus: 'p104c', residenceValidUntil: '2027-05-25' });
    await createClient('C-104c-spaeter', { residenceStatus: 'p104c', residenceValidUntil: '2027-05-26', counselingFields: ['recognition'] });
    await createClient('D-104c-abgelaufen', { residenceStatus: 'p104c', residenceValidUntil: '2026-11-24' });
    await createClient('E-25a-bald', { residenceStatus: 'p25a', residenceValidUntil: '2027-01-10', counselingFields: ['recognition', 'residence-title'] });
    await createClient('F-ohne', {});
  });

  it('by residence status and permit ending within N months (from today, inclusive)', async () => {
    expect(await names({ residenceStatus: 'p104c', permitEndsWithinMonths: 6 })).toEqual(['Ayşe A-104c-bald', 'Ayşe B-104c-grenze']);
    expect(await names({ residenceStatus: 'p104c' })).toEqual(['Ayşe A-104c-bald', 'Ayşe B-104c-grenze', 'Ayşe C-104c-spaeter', 'Ayşe D-104c-abgelaufen']);
    expect(await names({ permitEndsWithinMonths: 3 })).toEqual(['Ayşe E-25a-bald']);
    expect(await names({ permitEndsWithinMonths: 4 })).toEqual(['Ayşe A-104c-bald', 'Ayşe E-25a-bald']);
  });

  it('by counseling field, explicit ids, and all criteria together', async () => {
    expect(await names({ counselingField: 'recognition' })).toEqual(['Ayşe C-104c-spaeter', 'Ayşe E-25a-bald']);
    expect(await names({ counselingField: 'residence-title', permitEndsWithinMonths: 6, residenceStatus: 'p25a' })).toEqual(['Ayşe E-25a-bald']);
    const all = await callOk<BatchPreview>(core, 'batches.preview', { templateId: 'free-letter', values: LETTER });
    expect(all.total).toBe(6);
    const [first, , third] = all.clients;
    expect(await names({ clientIds: [third!.id, first!.id] })).toEqual([first!.name, third!.name]);
  });

  it('refuses unknown criteria and counseling fields with German messages', async () => {
    const error = errorOf(await dispatch(core, 'batches.preview', { templateId: 'free-letter', filter: { counselingField: 'cooking', postalCode: '52349' } }));
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Bitte die Eingaben prüfen.' });
    expect(error.fields).toMatchObject({
      'filter.counselingField': 'Bitte einen der vorgesehenen Werte wählen.',
      'filter.postalCode': 'Unbekanntes Feld „postalCode“: bitte nur die vorgesehenen Felder senden.',
    });
  });
});

describe('batches: who is left out, and refusals', () => {
  it('leaves out clients without a printable address and reports why, and letters the rest', async () => {
    const ok = await createClient('Schmidt');
    const noAddress = await createClient('Ohneanschrift', { address: { street: '', postalCode: '52349', city: 'Düren' } });
    const unprintable = await createClient('Schneemann ☃');
    const { started, result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { clientIds: [ok.id, noAddress.id, unprintable.id] } });
    expect(started.total).toBe(1);
    expect(started.skipped).toEqual([
      {
        clientId: noAddress.id,
        clientName: 'Ayşe Ohneanschrift',
        reason: 'Die Anschrift von Ayşe Ohneanschrift ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein Postfach.',
      },
      { clientId: unprintable.id, clientName: 'Ayşe Schneemann ☃', reason: expect.stringContaining('Anschrift: ☃') },
    ]);
    expect(result.skipped).toHaveLength(2);
    expect(result.documentIds).toHaveLength(1);
    expect(countRows(core, 'documents')).toBe(1);
  });

  it('leaves out a letter the worker cannot print (a placeholder only the layout fills in), and letters the rest', async () => {
    // The office's salutation names the birth place: only rendering finds a character the fonts lack there.
    await callOk(core, 'templates.update', {
      id: 'free-letter',
      baseVersion: 1,
      letter: { subject: '{{subject}}', salutation: 'Guten Tag aus {{client.birthPlace}},', closing: 'Mit freundlichen Grüßen' },
    });
    const ok = await createClient('Druckbar', { birthPlace: 'Kyjiw' });
    const bad = await createClient('Schneemannstadt', { birthPlace: 'Schnee ☃ Stadt' });
    const { started, result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { clientIds: [ok.id, bad.id] } });
    expect(started).toMatchObject({ total: 2, skipped: [] });
    expect(result.skipped).toEqual([{ clientId: bad.id, clientName: 'Ayşe Schneemannstadt', reason: expect.stringContaining('☃') }]);
    expect(result.documentIds).toHaveLength(1);
    expect(pageTexts(result.pdfBase64).join('\n')).toContain('Guten Tag aus Kyjiw,');
    expect(countRows(core, 'documents')).toBe(1);
  });

  it('refuses values wrong for everyone, templates for partners, and an empty selection', async () => {
    const client = await createClient('Schmidt');
    const filter = { clientIds: [client.id] };
    const recipients = [client.id];
    expect(errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: { body: 'Text' }, filter, recipients }))).toMatchObject({
      code: 'invalid_input',
      fields: { 'values.subject': 'Betreff: Bitte ausfüllen.' },
    });
    expect(
      errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: { ...LETTER, subject: 'Gruß 🎉' }, filter, recipients })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(errorOf(await dispatch(core, 'batches.render', { templateId: 'referral-letter', values: {}, filter, recipients }))).toMatchObject({
      code: 'invalid_input',
      fields: { templateId: expect.stringContaining('Partnerstelle') },
    });
    expect(errorOf(await dispatch(core, 'batches.render', { templateId: 'consent-data-transfer', values: {}, filter, recipients }))).toMatchObject({
      code: 'invalid_input',
      fields: { templateId: expect.stringContaining('Einwilligung') },
    });
    // Someone ticked who does not (or no longer) match the selection: nothing is written.
    expect(
      errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: LETTER, filter: { residenceStatus: 'p25b' }, recipients })),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { recipients: 'Angehakte Personen passen nicht (mehr) zur Auswahl oder sind nicht mehr gespeichert (Anzahl: 1). Bitte die Liste neu laden.' },
    });
    expect(errorOf(await dispatch(core, 'batches.status', { batchId: 'nope' }))).toMatchObject({
      code: 'not_found',
      message: 'Der Serienbrief wurde nicht gefunden.',
    });
    expect(countRows(core, 'documents')).toBe(0);
  });

  it('runs one batch at a time', async () => {
    const ids = await createClients(10);
    const started = await callOk<BatchStarted>(core, 'batches.render', {
      templateId: 'free-letter',
      values: LETTER,
      filter: { clientIds: ids },
      recipients: ids,
    });
    expect(
      errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: LETTER, filter: { clientIds: ids }, recipients: ids })),
    ).toMatchObject({
      code: 'conflict',
    });
    expect(errorOf(await dispatch(core, 'batches.result', { batchId: started.batchId }))).toMatchObject({
      code: 'conflict',
      message: 'Der Serienbrief wird noch erstellt.',
    });
    await waitForBatch(started.batchId);
  });

  it('prints forms without an address for every client (e.g. the § 104c checklist), each filled from its record', async () => {
    const first = await createClient('Ohneanschrift', {
      address: { street: '', postalCode: '', city: '' },
      residenceStatus: 'p104c',
      residenceValidUntil: '2027-03-01',
    });
    const second = await createClient('Zweite', { residenceStatus: 'p104c', residenceValidUntil: '2027-04-15' });
    const preview = await callOk<BatchPreview>(core, 'batches.preview', {
      templateId: 'residence-104c-checklist',
      filter: { clientIds: [first.id, second.id] },
    });
    expect(preview).toMatchObject({ total: 2, skipped: [] });
    const { result } = await runBatch({ templateId: 'residence-104c-checklist', filter: { residenceStatus: 'p104c' }, duplex: false });
    expect(result.documentIds).toHaveLength(2);
    const text = pageTexts(result.pdfBase64).join('\n');
    expect(text).toContain('Ayşe Ohneanschrift');
    expect(text).toContain('Ayşe Zweite');
    expect(text).toContain('01.03.2027');
    expect(text).toContain('15.04.2027');
    const reprint = await callOk<RenderedPdf>(core, 'documents.render', { id: result.documentIds[1]! });
    const recorded = await callOk<LotseDocument>(core, 'documents.get', { id: result.documentIds[1]! });
    expect(reprint.sha256).toBe(recorded.sha256);
  });
});

describe('batches.preview', () => {
  it('counts before the letter is written, and names who a form would miss values for', async () => {
    const qualifications = [{ titleOriginal: 'Інженер-будівельник', titleGerman: 'Bauingenieur', country: 'Ukraine' }];
    const complete = await createClient('Vollständig', { birthDate: '1990-03-12', qualifications });
    const partial = await createClient('Ohnegeburtsdatum', { birthDate: null, qualifications });
    const letter = await callOk<BatchPreview>(core, 'batches.preview', {
      templateId: 'free-letter',
      values: { subject: '', body: '' },
      filter: { clientIds: [complete.id, partial.id] },
    });
    expect(letter).toMatchObject({ total: 2, skipped: [] });
    // The cost application takes the (required) birth date from the record: without it that client is left out, naming the field.
    const application = await callOk<BatchPreview>(core, 'batches.preview', {
      templateId: 'recognition-cost-application',
      filter: { clientIds: [complete.id, partial.id] },
    });
    expect(application.skipped).toEqual([
      { clientId: partial.id, clientName: 'Ayşe Ohnegeburtsdatum', reason: 'Angaben fehlen oder passen nicht: Geburtsdatum.' },
    ]);
    expect(application.total).toBe(1);
    expect(countRows(core, 'documents')).toBe(0);
  });
});

describe('batches: the safety net (issue 14)', () => {
  const MERGE_LETTER = {
    subject: 'Ihr Termin am {{appointment.date}}',
    body:
      'Ihre Aufenthaltserlaubnis gilt bis {{client.residenceValidUntil}}.\n\n' +
      'Bitte kommen Sie am {{appointment.date}} um {{appointment.time}} Uhr in {{appointment.place}}.\n\n' +
      'Ihre Ansprechpartnerin: {{settings.counselor.name}}',
  };
  const APPOINTMENT = { date: '2026-12-14', time: '09:30', place: 'Raum 2.14, Rathaus Düren' };

  /** Rows of every table that a serial letter or its sample could write to. */
  function rowCounts(): Record<string, number> {
    return Object.fromEntries(['documents', 'audit', 'clients', 'consents'].map((table) => [table, countRows(core, table)]));
  }

  async function samplePages(input: Record<string, unknown>): Promise<{ sample: BatchSample; pages: string[] }> {
    const sample = await callOk<BatchSample>(core, 'batches.sample', input);
    return { sample, pages: pageTexts(sample.pdfBase64) };
  }

  it('renders a sample of one recipient’s letter, merge fields filled in German dates, marked as a draft, and writes nothing', async () => {
    const first = await createClient('Erste', { residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
    const second = await createClient('Zweite', { residenceStatus: 'p104c', residenceValidUntil: '2027-04-15' });
    const before = rowCounts();
    const input = { templateId: 'free-letter', values: MERGE_LETTER, appointment: APPOINTMENT, filter: { residenceStatus: 'p104c' } };
    const one = await samplePages({ ...input, clientId: first.id });
    expect(one.sample).toMatchObject({ clientId: first.id, clientName: 'Ayşe Erste', unfilled: [] });
    const text = one.pages.join('\n');
    expect(text).toContain('Ayşe Erste');
    expect(text).toContain('Ihr Termin am 14.12.2026');
    expect(text).toContain('gilt bis 01.03.2027');
    expect(text).toContain('am 14.12.2026 um 09:30 Uhr in Raum 2.14, Rathaus Düren');
    expect(text).toContain('Erika Mustermann');
    expect(text).toContain('ENTWURF');
    expect(text).not.toContain('{{');
    // Paging: the next recipient's letter is filled from their own record.
    const two = await samplePages({ ...input, clientId: second.id });
    expect(two.pages.join('\n')).toContain('gilt bis 15.04.2027');
    expect(two.pages.join('\n')).toContain('Ayşe Zweite');
    // Nothing stored by previewing: no document, no audit line.
    expect(rowCounts()).toEqual(before);
    // A sample only for someone the selection holds.
    const outsider = await createClient('Draußen', { residenceStatus: 'p25a' });
    expect(errorOf(await dispatch(core, 'batches.sample', { ...input, clientId: outsider.id }))).toMatchObject({
      code: 'invalid_input',
      fields: { clientId: 'Diese Person gehört nicht zur Auswahl des Serienbriefs.' },
    });
  });

  it('records exactly the ticked recipients, and refuses anyone outside the selection', async () => {
    const ids = await createClients(5, { residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
    const other = await createClient('Anderer', { residenceStatus: 'p25a', residenceValidUntil: '2027-03-01' });
    const chosen = [ids[0]!, ids[2]!, ids[4]!];
    const filter = { residenceStatus: 'p104c' };
    const before = rowCounts();
    // Someone not in the selection (or not stored) is refused; nothing is written.
    for (const stray of [other.id, 'no-such-client']) {
      expect(
        errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: LETTER, filter, recipients: [...chosen, stray] })),
      ).toMatchObject({
        code: 'invalid_input',
        message: 'Angehakte Personen passen nicht (mehr) zur Auswahl oder sind nicht mehr gespeichert (Anzahl: 1). Bitte die Liste neu laden.',
      });
    }
    expect(rowCounts()).toEqual(before);
    const { started, result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter, recipients: chosen });
    expect(started).toMatchObject({ total: 3, skipped: [] });
    const documents = (await callOk<{ items: LotseDocument[] }>(core, 'documents.list', { templateId: 'free-letter', status: 'final' })).items;
    expect(documents.map((document) => document.clientId).sort()).toEqual([...chosen].sort());
    expect(result.documentIds).toHaveLength(3);
    const text = pageTexts(result.pdfBase64).join('\n');
    expect(text).toContain('Ayşe Klient 01');
    expect(text).not.toContain('Ayşe Klient 02');
    expect(text).not.toContain('Ayşe Klient 04');
  });

  it('writes to every client only when that is said (everyone: true)', async () => {
    const ids = await createClients(2);
    expect(errorOf(await dispatch(core, 'batches.render', { templateId: 'free-letter', values: LETTER, filter: {}, recipients: ids }))).toMatchObject({
      code: 'invalid_input',
      message: 'Bitte wählen, an wen der Brief geht: mindestens ein Merkmal oder ausdrücklich alle Klient*innen.',
    });
    expect(countRows(core, 'documents')).toBe(0);
    const { result } = await runBatch({ templateId: 'free-letter', values: LETTER, filter: { everyone: true }, recipients: ids });
    expect(result.documentIds).toHaveLength(2);
  });

  it('fills the merge fields per recipient in the PDF and in the stored documents', async () => {
    const first = await createClient('Erste', { residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
    const second = await createClient('Zweite', { residenceStatus: 'p104c', residenceValidUntil: '2027-04-15' });
    const { result } = await runBatch({
      templateId: 'free-letter',
      values: MERGE_LETTER,
      appointment: APPOINTMENT,
      filter: { residenceStatus: 'p104c' },
      recipients: [first.id, second.id],
      duplex: false,
    });
    const pages = pageTexts(result.pdfBase64);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('gilt bis 01.03.2027');
    expect(pages[1]).toContain('gilt bis 15.04.2027');
    for (const page of pages) {
      expect(page).toContain('Ihr Termin am 14.12.2026');
      expect(page).toContain('am 14.12.2026 um 09:30 Uhr in Raum 2.14, Rathaus Düren');
      expect(page).toContain('Erika Mustermann');
      expect(page).not.toContain('{{');
      expect(page).not.toContain('ENTWURF');
    }
    const stored = await callOk<LotseDocument>(core, 'documents.get', { id: result.documentIds[1]! });
    expect(stored.values).toMatchObject({ subject: 'Ihr Termin am 14.12.2026', body: expect.stringContaining('gilt bis 15.04.2027') });
    // The document reprints as the batch printed it.
    expect((await callOk<RenderedPdf>(core, 'documents.render', { id: stored.id })).sha256).toBe(stored.sha256);
  });

  it('shows an unfilled merge field in the list and the sample, and refuses to finalize until it is filled or the person left out', async () => {
    const filled = await createClient('Mitdatum', { residenceStatus: 'p104c', residenceValidUntil: '2027-03-01' });
    const empty = await createClient('Ohnedatum', { residenceStatus: 'p104c', residenceValidUntil: null });
    const input = { templateId: 'free-letter', values: MERGE_LETTER, appointment: APPOINTMENT, filter: { residenceStatus: 'p104c' } };
    const preview = await callOk<BatchPreview>(core, 'batches.preview', input);
    expect(preview.clients).toEqual([
      { id: filled.id, name: 'Ayşe Mitdatum', unfilled: [] },
      { id: empty.id, name: 'Ayşe Ohnedatum', unfilled: [{ name: 'client.residenceValidUntil', label: 'Aufenthalt gültig bis' }] },
    ]);
    // A text wrong for everyone (too long) does not empty the list; the sample says what is wrong.
    const tooLong = { ...input, values: { ...MERGE_LETTER, subject: 'x'.repeat(201) } };
    expect((await callOk<BatchPreview>(core, 'batches.preview', tooLong)).total).toBe(2);
    expect(errorOf(await dispatch(core, 'batches.sample', { ...tooLong, clientId: filled.id })).fields).toMatchObject({
      'values.subject': expect.stringContaining('200'),
    });
    const { sample, pages } = await samplePages({ ...input, clientId: empty.id });
    expect(sample.unfilled).toEqual([{ name: 'client.residenceValidUntil', label: 'Aufenthalt gültig bis' }]);
    expect(pages.join('\n')).toContain('gilt bis [fehlt: Aufenthalt gültig bis].');

    const before = rowCounts();
    expect(errorOf(await dispatch(core, 'batches.render', { ...input, recipients: [filled.id, empty.id] }))).toMatchObject({
      code: 'invalid_input',
      message:
        'Bei diesen Personen bleiben Platzhalter leer: Ayşe Ohnedatum (Aufenthalt gültig bis). Bitte die Angaben in der Akte ergänzen oder die Personen abwählen.',
    });
    // The appointment is entered once for the batch: where the text names it, it must be given.
    expect(
      errorOf(await dispatch(core, 'batches.render', { ...input, appointment: { date: '', time: '09:30', place: '' }, recipients: [filled.id] })),
    ).toMatchObject({
      code: 'invalid_input',
      fields: {
        'appointment.date': 'Der Text verwendet {{appointment.date}}: bitte ausfüllen.',
        'appointment.place': 'Der Text verwendet {{appointment.place}}: bitte ausfüllen.',
      },
    });
    expect(
      errorOf(
        await dispatch(core, 'batches.render', { ...input, values: { ...MERGE_LETTER, body: 'Hallo {{client.lieblingsfarbe}}' }, recipients: [filled.id] }),
      ),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { 'values.body': 'Unbekannter Platzhalter {{client.lieblingsfarbe}}: bitte einen aus der Liste neben dem Text einfügen.' },
    });
    expect(
      errorOf(await dispatch(core, 'batches.render', { ...input, appointment: { ...APPOINTMENT, time: '9 Uhr' }, recipients: [filled.id] })),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { 'appointment.time': 'Bitte eine Uhrzeit wie 09:30 angeben.' },
    });
    expect(rowCounts()).toEqual(before);
    // Left out, the others get their letter.
    const { result } = await runBatch({ ...input, recipients: [filled.id] });
    expect(result.documentIds).toHaveLength(1);
  });
});
