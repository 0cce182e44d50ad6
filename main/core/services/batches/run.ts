import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchSkipped, BatchStatus } from '../../../../shared/api/schemas/batch';
import type { FormDefinition } from '../../../../shared/forms';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { Core } from '../../core';
import { PdfConcatenator } from '../../pdf/concat';
import type { Prepared, PreparedLetter } from './prepare';
import type { BatchWorkerData, FromWorker, ToWorker } from './protocol';
import { recordBatch } from './record';

/**
 * The middle step of a serial letter: the prepared letters rendered in worker
 * threads (DESIGN.md §6: rendering blocks its thread) and joined, in the
 * order of the list, into one PDF while the host stays responsive. When all
 * are in, the batch is recorded; a worker failure or a cancel records nothing.
 */

export interface BatchRun {
  id: string;
  state: BatchStatus['state'];
  total: number;
  done: number;
  skipped: BatchSkipped[];
  /** Why it failed. */
  message?: ErrorMessage;
  form: FormDefinition;
  creationDate: Date;
  duplex: boolean;
  letters: PreparedLetter[];
  /** Everyone with a letter in it, kept after the letters are let go: an erasure discards the run (discardBatchesWith). */
  clientIds: ReadonlySet<string>;
  workers: Worker[];
  /** The next letter to hand to a worker. */
  nextJob: number;
  /** Letters come back from several workers in any order; they join the PDF in the order of the list. */
  arrived: Map<number, Buffer | null>;
  nextToJoin: number;
  combined: PdfConcatenator | null;
  result?: { pdf: Buffer; sha256: string; pages: number; documentIds: string[] };
}

const FAILED: ErrorMessage = { key: 'batches.workerFailed' };

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

export function stopRun(run: BatchRun, state: 'cancelled' | 'failed', message?: ErrorMessage): void {
  run.state = state;
  if (message !== undefined) run.message = message;
  const workers = run.workers;
  run.workers = [];
  run.letters = [];
  run.arrived.clear();
  run.combined = null;
  for (const worker of workers) void worker.terminate();
}

/** Gives the worker its next letter, if any is left. */
function feed(run: BatchRun, worker: Worker): void {
  if (run.nextJob >= run.letters.length) return;
  const index = run.nextJob;
  run.nextJob += 1;
  const letter = run.letters[index]!;
  worker.postMessage({ type: 'letter', job: { index, ...letter.job! } } satisfies ToWorker);
  letter.job = null;
}

/** Writes the documents and keeps the combined PDF for `batches.result`. */
function finish(core: Core, run: BatchRun, pdf: Buffer, pages: number): void {
  const documentIds = recordBatch(core, { id: run.id, form: run.form, finalizedAt: run.creationDate, letters: run.letters, skippedCount: run.skipped.length });
  run.result = { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), pages, documentIds };
  run.state = 'done';
  run.letters = [];
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
    stopRun(run, 'failed', { key: 'batches.nothingCreated' });
    return;
  }
  const pages = combined.pageCount;
  const pdf = combined.finish();
  run.combined = null;
  try {
    finish(core, run, pdf, pages);
  } catch (error) {
    console.error(`[lotse] batch ${run.id}: recording the documents failed:`, error);
    stopRun(run, 'failed', { key: 'batches.notRecorded' });
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
      stopRun(run, 'failed', FAILED);
      return;
  }
  run.done += 1;
  feed(run, worker);
  try {
    join(core, run);
  } catch (error) {
    console.error(`[lotse] batch ${run.id}: joining the letters failed:`, error);
    stopRun(run, 'failed', FAILED);
  }
}

/** Starts the workers on the prepared letters; returns at once with the run that `batches.status` reports on. */
export function startRun(core: Core, prepared: Prepared, duplex: boolean): BatchRun {
  if (!fs.existsSync(core.batchWorkerScript)) {
    throw new Error(`batch worker script missing: ${core.batchWorkerScript}`);
  }
  const { form, letters, now: creationDate } = prepared;
  const data: BatchWorkerData = { form, creationDate: creationDate.toISOString() };
  const run: BatchRun = {
    id: randomUUID(),
    state: 'running',
    total: letters.length,
    done: 0,
    skipped: [...prepared.skipped],
    form,
    creationDate,
    duplex,
    letters,
    clientIds: new Set(letters.map((letter) => letter.clientId)),
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
      if (run.state === 'running') stopRun(run, 'failed', FAILED);
    });
    worker.on('exit', (code) => {
      if (run.state === 'running' && run.workers.includes(worker)) {
        stopRun(run, 'failed', { key: 'batches.workerExited', params: { code: String(code) } });
      }
    });
    // Two letters in hand each, so a worker never waits for the host between letters.
    feed(run, worker);
    feed(run, worker);
  }
  return run;
}
