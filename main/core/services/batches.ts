import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Client } from '../../../shared/api/contract';
import type { FieldErrors } from '../../../shared/api/errors';
import type { BatchFilter, BatchInput, BatchPreview, BatchResult, BatchSkipped, BatchStarted, BatchStatus } from '../../../shared/api/schemas/batch';
import { todayIso } from '../../../shared/domain/iso-date';
import { inputFieldsOf, type FormDefinition, type InputFieldDefinition } from '../../../shared/forms';
import { isBlankValue, type FormValues } from '../../../shared/forms/values';
import type { Core } from '../core';
import { clientsMatching } from '../db/queries/clients';
import { insertFinalDocument } from '../db/queries/documents';
import { DomainError, notFound } from '../errors';
import type { AddressRecipient } from '../pdf/address-block';
import { PdfConcatenator } from '../pdf/concat';
import { unprintableCharacters } from '../pdf/fonts';
import { recordAudit } from './audit';
import type { BatchWorkerData, FromWorker, LetterJob, ToWorker } from './batch-protocol';
import { clientRecipient } from './document-pdf';
import { clientPrefill, snapshotWithoutRecipient, validateDocumentValues } from './documents';
import { templateDefinition } from './templates';

/**
 * Serial letters (`batches.*`, DESIGN.md §2 `batches.render`): one template
 * with the same values for a filtered set of clients, rendered in a worker
 * thread into one PDF while the host stays responsive.
 *
 * - Every letter is a final document of its own (values, frozen snapshot,
 *   sha256 of its own PDF), so it appears in the documents lists and reprints
 *   byte-identical. All documents of a batch are written in one transaction
 *   when the worker has finished: a cancelled or failed batch records nothing.
 * - Clients who cannot get the letter (no printable address, required values
 *   missing, characters the fonts cannot print) are left out and listed with a
 *   German reason, rather than failing the whole batch.
 * - Progress is asked for (`batches.status`), not pushed: the browser host
 *   has no push channel, and one way for both hosts keeps them alike.
 */

interface PreparedLetter {
  clientId: string;
  clientName: string;
  values: FormValues;
  prefilled: string[];
  /** What the worker needs; let go once it is handed over. */
  job: Omit<LetterJob, 'index'> | null;
  /** Set when the worker has rendered the letter. */
  rendered?: { sha256: string; snapshotJson: string };
}

interface Prepared {
  form: FormDefinition;
  letters: PreparedLetter[];
  skipped: BatchSkipped[];
}

interface BatchRun {
  id: string;
  state: BatchStatus['state'];
  total: number;
  done: number;
  skipped: BatchSkipped[];
  message?: string;
  form: FormDefinition;
  creationDate: Date;
  duplex: boolean;
  letters: PreparedLetter[];
  workers: Worker[];
  /** The next letter to hand to a worker. */
  nextJob: number;
  /** Letters come back from several workers in any order; they join the PDF in the order of the list. */
  arrived: Map<number, Buffer | null>;
  nextToJoin: number;
  combined: PdfConcatenator | null;
  result?: { pdf: Buffer; sha256: string; pages: number; documentIds: string[] };
}

/** Finished batches kept for `batches.result` (each holds its PDF in memory). */
const KEEP_FINISHED = 3;
/** Names listed by `batches.preview`. */
const PREVIEW_NAMES = 100;

const registries = new WeakMap<Core, Map<string, BatchRun>>();

function registry(core: Core): Map<string, BatchRun> {
  let runs = registries.get(core);
  if (!runs) {
    const created = new Map<string, BatchRun>();
    runs = created;
    registries.set(core, created);
    core.onClose(() => {
      for (const run of created.values()) if (run.state === 'running') stop(run, 'cancelled');
      created.clear();
    });
  }
  return runs;
}

function invalid(fields: FieldErrors, message = 'Bitte die Eingaben prüfen.'): never {
  throw new DomainError('invalid_input', message, fields);
}

function fullName(client: Client): string {
  return [client.givenName, client.familyName].filter((part) => part.trim() !== '').join(' ');
}

/** `YYYY-MM-DD` plus whole months; a day the month lacks becomes its last (31 Aug + 6 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function matchingClients(core: Core, filter: BatchFilter): Client[] {
  const today = todayIso(core.now());
  return clientsMatching(core.db, {
    residenceStatus: filter.residenceStatus,
    validUntilBetween: filter.permitEndsWithinMonths === undefined ? undefined : { from: today, until: addMonths(today, filter.permitEndsWithinMonths) },
    counselingField: filter.counselingField,
    clientIds: filter.clientIds,
  });
}

/** Which templates may go out as serial letters, and why not. */
function checkTemplate(form: FormDefinition): void {
  if (form.recipient === 'partner') {
    invalid({ templateId: `„${form.title}“ geht an eine Partnerstelle; Serienbriefe gehen an Klient*innen.` });
  }
  if (form.effect === 'consent-record') {
    invalid({ templateId: `„${form.title}“ legt je Person eine Einwilligung an und wird einzeln erstellt.` });
  }
}

function fieldOfPath(path: string): string {
  return path.split('.')[1] ?? '';
}

/** Values the counselor left empty do not overwrite what a client's record fills in. */
function givenValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlankValue(value as never)));
}

/**
 * The values given must be right for everyone: wrong ones are refused, and a
 * required field that no client record fills in must be given.
 */
function checkGivenValues(core: Core, form: FormDefinition, values: Record<string, unknown>, complete: boolean): void {
  const draft = validateDocumentValues(core, form, values, false);
  if (Object.keys(draft.errors).length > 0) invalid(draft.errors);
  if (!complete) return;
  const checked = validateDocumentValues(core, form, values, true);
  const missing = Object.fromEntries(Object.entries(checked.errors).filter(([path]) => !isFilledPerClient(form, path)));
  if (Object.keys(missing).length > 0) invalid(missing);
}

/** Whether the field at a value path is one a client's record (or the settings) fills in. */
function isFilledPerClient(form: FormDefinition, path: string): boolean {
  return inputFieldsOf(form).find((field) => field.id === fieldOfPath(path))?.prefill !== undefined;
}

function missingReason(form: FormDefinition, errors: FieldErrors): string {
  const fields = new Map<string, InputFieldDefinition>(inputFieldsOf(form).map((field) => [field.id, field]));
  const labels = [...new Set(Object.keys(errors).map((path) => fields.get(fieldOfPath(path))?.label ?? fieldOfPath(path)))];
  return `Angaben fehlen oder passen nicht: ${labels.join(', ')}.`;
}

/** Why this client cannot get the letter, or null. */
function addressProblem(form: FormDefinition, client: Client): string | null {
  if (form.recipient !== 'client') return null;
  const { street, postalCode, city } = client.address;
  const missing = [street.trim() === '' ? 'Straße' : '', postalCode.trim() === '' ? 'PLZ' : '', city.trim() === '' ? 'Ort' : ''].filter(Boolean);
  return missing.length > 0 ? `Keine vollständige Anschrift (es fehlt: ${missing.join(', ')}).` : null;
}

/** Whether the shipped fonts can print a character, asked once per character for a whole batch. */
const printable = new Map<number, boolean>();

function unprintableIn(text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    if (character === '\n' || character === '\r' || character === '\t') continue;
    const codePoint = character.codePointAt(0) ?? 0;
    let known = printable.get(codePoint);
    if (known === undefined) {
      known = unprintableCharacters(character).length === 0;
      printable.set(codePoint, known);
    }
    if (!known) missing.add(character);
  }
  return [...missing];
}

/**
 * Characters the fonts cannot print, in the address or the values: found
 * here so the count before starting is right. (The worker checks every
 * printed text again and leaves out a letter it cannot print.)
 */
function unprintableReason(recipient: AddressRecipient | null, values: FormValues, form: FormDefinition): string | null {
  const problems: string[] = [];
  const address = recipient ? unprintableIn([recipient.name, recipient.street, recipient.postalCode, recipient.city].join('\n')) : [];
  if (address.length > 0) problems.push(`Anschrift: ${address.join(' ')}`);
  for (const field of inputFieldsOf(form)) {
    const value = values[field.id];
    if (typeof value !== 'string') continue;
    const missing = unprintableIn(value);
    if (missing.length > 0) problems.push(`${field.label}: ${missing.join(' ')}`);
  }
  return problems.length > 0 ? `Zeichen, die die Schrift nicht drucken kann – ${problems.join('; ')}.` : null;
}

/**
 * The clients the batch goes to, each letter's values and snapshot, and who
 * is left out and why. A preview (`complete: false`) takes the values as a
 * draft: what the counselor has not typed yet does not count against anyone.
 */
function prepare(core: Core, input: BatchInput, complete = true): Prepared {
  const form = templateDefinition(core, input.templateId);
  checkTemplate(form);
  checkGivenValues(core, form, input.values, complete);
  const given = givenValues(input.values);
  const letters: PreparedLetter[] = [];
  const skipped: BatchSkipped[] = [];
  for (const client of matchingClients(core, input.filter)) {
    const clientName = fullName(client);
    const skip = (reason: string) => skipped.push({ clientId: client.id, clientName, reason });
    const address = addressProblem(form, client);
    if (address) {
      skip(address);
      continue;
    }
    try {
      const prefill = clientPrefill(core, form, client);
      const checked = validateDocumentValues(core, form, { ...prefill.values, ...given }, true);
      // What no record fills in was checked for everyone above; here only what this client's record lacks.
      const missing = Object.fromEntries(Object.entries(checked.errors).filter(([path]) => isFilledPerClient(form, path)));
      if (Object.keys(missing).length > 0) {
        skip(missingReason(form, missing));
        continue;
      }
      const recipient = form.recipient === 'client' ? clientRecipient(client) : null;
      const unprintable = unprintableReason(recipient, checked.values, form);
      if (unprintable) {
        skip(unprintable);
        continue;
      }
      // Exactly what the store will hold: the worker renders from the same JSON a reprint reads.
      const values = JSON.parse(JSON.stringify(checked.values)) as FormValues;
      letters.push({
        clientId: client.id,
        clientName,
        values,
        prefilled: prefill.prefilled.filter((key) => !(key in given)),
        job: { values, snapshot: snapshotWithoutRecipient(core, form, client, null, values), recipient },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skip(error.message);
    }
  }
  return { form, letters, skipped };
}

export function previewBatch(core: Core, input: BatchInput): BatchPreview {
  const { letters, skipped } = prepare(core, input, false);
  return {
    total: letters.length,
    clients: letters.slice(0, PREVIEW_NAMES).map((letter) => ({ id: letter.clientId, name: letter.clientName })),
    skipped,
  };
}

function statusOf(run: BatchRun): BatchStatus {
  return {
    batchId: run.id,
    state: run.state,
    done: run.done,
    total: run.total,
    skipped: run.skipped,
    ...(run.message !== undefined ? { message: run.message } : {}),
  };
}

function getRun(core: Core, batchId: string): BatchRun {
  const run = registry(core).get(batchId);
  if (!run) throw notFound('Der Serienbrief');
  return run;
}

/** Keeps the newest finished batches; older results are let go. */
function forgetOldRuns(runs: Map<string, BatchRun>): void {
  const finished = [...runs.values()].filter((run) => run.state !== 'running');
  for (const run of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) runs.delete(run.id);
}

function stop(run: BatchRun, state: 'cancelled' | 'failed', message?: string): void {
  run.state = state;
  if (message !== undefined) run.message = message;
  const workers = run.workers;
  run.workers = [];
  run.letters = [];
  run.arrived.clear();
  run.combined = null;
  for (const worker of workers) void worker.terminate();
}

/** Writes every rendered letter as a final document, all in one transaction. */
function record(core: Core, run: BatchRun, pdf: Buffer, pages: number): void {
  const { form } = run;
  const finalizedAt = run.creationDate.toISOString();
  const documentIds = core.db.transaction(() => {
    const ids: string[] = [];
    for (const letter of run.letters) {
      if (!letter.rendered) continue;
      const id = randomUUID();
      insertFinalDocument(
        core.db,
        {
          id,
          templateId: form.id,
          templateVersion: form.version,
          clientId: letter.clientId,
          partnerId: null,
          values: letter.values,
          prefilled: letter.prefilled,
          correctsId: null,
        },
        {
          values: letter.values,
          finalizedAt,
          sha256: letter.rendered.sha256,
          snapshot: letter.rendered.snapshotJson,
          legalBasis: null,
          omittedFields: [],
          referralStatus: form.tracksReferral ? 'created' : null,
          consentId: null,
        },
      );
      recordAudit(core, {
        action: 'documents.finalize',
        subjectType: 'document',
        subjectId: id,
        clientId: letter.clientId,
        details: { templateId: form.id, templateVersion: form.version, sha256: letter.rendered.sha256, batchId: run.id },
      });
      ids.push(id);
    }
    recordAudit(core, {
      action: 'batches.render',
      subjectType: 'batch',
      subjectId: run.id,
      clientId: null,
      details: { templateId: form.id, templateVersion: form.version, letters: ids.length, skipped: run.skipped.length },
    });
    return ids;
  })();
  run.result = { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), pages, documentIds };
  run.state = 'done';
  run.letters = [];
}

const FAILED = 'Beim Erstellen der Briefe ist ein Fehler aufgetreten. Es wurde nichts gespeichert.';

/** Gives the worker its next letter, if any is left. */
function feed(run: BatchRun, worker: Worker): void {
  if (run.nextJob >= run.letters.length) return;
  const index = run.nextJob;
  run.nextJob += 1;
  const letter = run.letters[index]!;
  worker.postMessage({ type: 'letter', job: { index, ...letter.job! } } satisfies ToWorker);
  letter.job = null;
}

/** Adds the letters that are next in order to the combined PDF; when all are in, records the batch. */
function join(core: Core, run: BatchRun): void {
  const combined = run.combined!;
  while (run.arrived.has(run.nextToJoin)) {
    const pdf = run.arrived.get(run.nextToJoin)!;
    run.arrived.delete(run.nextToJoin);
    if (pdf !== null) combined.add(pdf, { newSheet: run.duplex });
    run.nextToJoin += 1;
  }
  if (run.nextToJoin < run.letters.length) return;
  const workers = run.workers;
  run.workers = [];
  for (const worker of workers) void worker.terminate();
  if (combined.pageCount === 0) {
    stop(run, 'failed', 'Keiner der Briefe konnte erstellt werden. Es wurde nichts gespeichert.');
    return;
  }
  const pages = combined.pageCount;
  const pdf = combined.finish();
  run.combined = null;
  try {
    record(core, run, pdf, pages);
  } catch (error) {
    console.error(`[lotse] batch ${run.id}: recording the documents failed:`, error);
    stop(run, 'failed', 'Die Briefe konnten nicht gespeichert werden (wurde zwischendurch eine Person gelöscht?). Es wurde nichts gespeichert.');
  }
}

function onWorkerMessage(core: Core, run: BatchRun, worker: Worker, message: FromWorker): void {
  if (run.state !== 'running') return;
  const letter = run.letters[message.index];
  if (!letter) return;
  switch (message.type) {
    case 'letter':
      letter.rendered = { sha256: message.sha256, snapshotJson: message.snapshotJson };
      run.arrived.set(message.index, Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      break;
    case 'skipped':
      run.skipped.push({ clientId: letter.clientId, clientName: letter.clientName, reason: message.reason });
      run.arrived.set(message.index, null);
      break;
    case 'failed':
      console.error(`[lotse] batch ${run.id} failed in a worker: ${message.message}`);
      stop(run, 'failed', FAILED);
      return;
  }
  run.done += 1;
  feed(run, worker);
  try {
    join(core, run);
  } catch (error) {
    console.error(`[lotse] batch ${run.id}: joining the letters failed:`, error);
    stop(run, 'failed', FAILED);
  }
}

/**
 * A worker's heap needs about 25 MB live; left alone V8 lets it grow to over
 * 100 MB between collections. Capped at 96 MB, two workers keep a batch of
 * 1,000 letters well under the 400 MB goal (DESIGN.md §8) at no measurable
 * cost in CPU time; at 64 MB collection took a third more time.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96 };

/** Workers for a batch: as many as the machine has cores, at most two (each holds its own fonts and pdfmake). */
function workerCount(letters: number): number {
  return Math.max(1, Math.min(2, os.availableParallelism(), letters));
}

/**
 * Starts a batch: chooses the clients, prepares every letter, and hands them
 * to a new worker. Returns at once; `batches.status` tells the progress.
 */
export function startBatch(core: Core, input: BatchInput): BatchStarted {
  const runs = registry(core);
  if ([...runs.values()].some((run) => run.state === 'running')) {
    throw new DomainError('conflict', 'Es wird gerade schon ein Serienbrief erstellt. Bitte warten, bis er fertig ist, oder ihn abbrechen.');
  }
  const { form, letters, skipped } = prepare(core, input);
  if (letters.length === 0) {
    throw new DomainError(
      'invalid_input',
      skipped.length > 0
        ? 'Keine der ausgewählten Personen kann diesen Brief bekommen. Die Gründe stehen in der Liste.'
        : 'Zu dieser Auswahl gibt es keine Klient*innen.',
      { filter: skipped.length > 0 ? `${skipped.length} Personen ausgelassen.` : 'Keine Klient*innen gefunden.' },
    );
  }
  if (!fs.existsSync(core.batchWorkerScript)) {
    throw new Error(`batch worker script missing: ${core.batchWorkerScript}`);
  }
  const creationDate = core.now();
  const data: BatchWorkerData = { form, creationDate: creationDate.toISOString() };
  const run: BatchRun = {
    id: randomUUID(),
    state: 'running',
    total: letters.length,
    done: 0,
    skipped: [...skipped],
    form,
    creationDate,
    duplex: input.duplex,
    letters,
    workers: [],
    nextJob: 0,
    arrived: new Map(),
    nextToJoin: 0,
    combined: new PdfConcatenator({ title: `Serienbrief: ${form.title} (${letters.length} Briefe)`, language: 'de-DE', creationDate }),
  };
  for (let count = workerCount(letters.length); count > 0; count -= 1) {
    const worker = new Worker(core.batchWorkerScript, { workerData: data, resourceLimits: WORKER_LIMITS });
    run.workers.push(worker);
    worker.on('message', (message: FromWorker) => onWorkerMessage(core, run, worker, message));
    worker.on('error', (error) => {
      console.error(`[lotse] batch ${run.id}: worker error:`, error);
      if (run.state === 'running') stop(run, 'failed', FAILED);
    });
    worker.on('exit', (code) => {
      if (run.state === 'running' && run.workers.includes(worker)) {
        stop(run, 'failed', `Die Erstellung wurde unerwartet beendet (Code ${code}). Es wurde nichts gespeichert.`);
      }
    });
    // Two letters in hand each, so a worker never waits for the host between letters.
    feed(run, worker);
    feed(run, worker);
  }
  forgetOldRuns(runs);
  runs.set(run.id, run);
  return { batchId: run.id, total: run.total, skipped };
}

export function batchStatus(core: Core, batchId: string): BatchStatus {
  return statusOf(getRun(core, batchId));
}

/** Stops a running batch; nothing of it is recorded. A finished batch stays as it is. */
export function cancelBatch(core: Core, batchId: string): BatchStatus {
  const run = getRun(core, batchId);
  if (run.state === 'running') stop(run, 'cancelled');
  return statusOf(run);
}

export function batchResult(core: Core, batchId: string): BatchResult {
  const run = getRun(core, batchId);
  if (run.state === 'running') throw new DomainError('conflict', 'Der Serienbrief wird noch erstellt.');
  if (run.state === 'cancelled') throw new DomainError('conflict', 'Der Serienbrief wurde abgebrochen; es gibt kein Ergebnis.');
  if (run.state === 'failed' || !run.result) throw new DomainError('conflict', run.message ?? 'Der Serienbrief ist fehlgeschlagen.');
  const { pdf, sha256, pages, documentIds } = run.result;
  return { pdfBase64: pdf.toString('base64'), sha256, pages, documentIds, skipped: run.skipped };
}
