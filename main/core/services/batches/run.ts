import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchSkipped, BatchStatus } from '../../../../shared/api/schemas/batch';
import type { FormDefinition } from '../../../../shared/forms';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { Core } from '../../core';
import { checkpointInBackground } from '../../db/checkpoints';
import { dropSomeStagedLetters, dropStagedLetters, type StagedLetter } from '../../db/queries/batch-letters';
import { DomainError } from '../../errors';
import { PdfConcatenator } from '../../pdf/concat';
import type { Prepared, PreparedLetter } from './prepare';
import type { BatchWorkerData, FromWorker, ToWorker } from './protocol';
import { recordBatch, stageLetters } from './record';

/**
 * The middle step of a serial letter: the prepared letters rendered in worker
 * threads (DESIGN.md §6: rendering blocks its thread) and joined, in the
 * order of the list, into one PDF while the host stays responsive. Letters
 * that came back are staged a slice at a time; when all are in, the combined
 * PDF is finished, hashed and the batch recorded, each step on its own turn
 * of the host's event loop (DESIGN.md §8: no stall over 50 ms). A worker
 * failure or a cancel records nothing and drops what was staged.
 */

export interface BatchRun {
  id: string;
  core: Core;
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
  /** Letters rendered and not staged yet (db/queries/batch-letters). */
  unstaged: StagedLetter[];
  /** All letters are in: the combined PDF is being finished and the batch recorded. */
  finishing: boolean;
  /** Ends the background checkpoints the run writes under (db/checkpoints.ts). */
  endCheckpoints: () => Promise<void>;
  /** The combined PDF, kept as the base64 `batches.result` hands out (made a slice per turn, so the answer costs no encoding). */
  result?: { pdfBase64: string; sha256: string; pages: number; documentIds: string[] };
}

const FAILED: ErrorMessage = { key: 'batches.workerFailed' };

/** Rendered letters staged in one transaction: a handful of commits for a batch of 1,000, each short. */
const STAGE_SLICE = 50;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  run.unstaged = [];
  for (const worker of workers) void worker.terminate();
  dropStaged(run);
  void run.endCheckpoints();
}

/** The run's staged letters let go; with the store closed (or damaged) meanwhile, a store that opens drops them. */
function dropStaged(run: BatchRun): void {
  try {
    const db = run.core.db;
    if (db.open) dropStagedLetters(db, run.id);
  } catch (error) {
    if (!(error instanceof DomainError)) console.error(`[lotse] batch ${run.id}: dropping its staged letters failed:`, error);
  }
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

/** The letters that came back since the last slice, into the staging. */
function stageUnstaged(core: Core, run: BatchRun): void {
  const letters = run.unstaged;
  run.unstaged = [];
  stageLetters(core, run.id, letters);
}

/** Bytes per turn when the combined PDF is hashed and encoded: a multiple of 3, so the base64 of the slices joins into the base64 of the whole. */
const ENCODE_SLICE = 3 << 20;

/** The sha256 and base64 of a PDF written in pieces, a slice per turn of the event loop. */
export async function hashAndEncode(pieces: Buffer[]): Promise<{ sha256: string; base64: string }> {
  const hash = createHash('sha256');
  const base64: string[] = [];
  let carry = Buffer.alloc(0);
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const encode = (final: boolean) => {
    const bytes = Buffer.concat([carry, ...pending]);
    pending = [];
    pendingSize = 0;
    const cut = final ? bytes.length : bytes.length - (bytes.length % 3);
    base64.push(bytes.subarray(0, cut).toString('base64'));
    carry = Buffer.from(bytes.subarray(cut));
  };
  for (const piece of pieces) {
    hash.update(piece);
    pending.push(piece);
    pendingSize += piece.length;
    if (pendingSize < ENCODE_SLICE) continue;
    encode(false);
    await yieldToHost();
  }
  encode(true);
  await yieldToHost();
  return { sha256: hash.digest('hex'), base64: base64.join('') };
}

/**
 * All letters are in: the combined PDF finished, its sha256, the batch
 * recorded (the staged letters become final documents in one transaction),
 * each on a turn of its own; a cancel in between stops it, recording nothing.
 */
async function finishRun(core: Core, run: BatchRun): Promise<void> {
  const combined = run.combined!;
  const workers = run.workers;
  run.workers = [];
  for (const worker of workers) void worker.terminate();
  if (combined.pageCount === 0) {
    stopRun(run, 'failed', { key: 'batches.nothingCreated' });
    return;
  }
  try {
    stageUnstaged(core, run);
    await yieldToHost();
    if (run.state !== 'running') return;
    const pages = combined.pageCount;
    const pieces = combined.finishInPieces();
    run.combined = null;
    const { sha256, base64 } = await hashAndEncode(pieces);
    await yieldToHost();
    if (run.state !== 'running') return;
    recordBatch(core, { id: run.id, form: run.form, finalizedAt: run.creationDate, skippedCount: run.skipped.length });
    const documentIds = run.letters.flatMap((letter) => (letter.documentId === undefined ? [] : [letter.documentId]));
    run.result = { pdfBase64: base64, sha256, pages, documentIds };
    run.state = 'done';
    run.letters = [];
    // The documents are final: the staged copies go, a slice per turn (left behind, a store that opens drops them).
    do await yieldToHost();
    while (core.db.open && dropSomeStagedLetters(core.db, run.id, STAGE_SLICE * 4) > 0);
    await run.endCheckpoints();
  } catch (error) {
    if (run.state === 'done') {
      if (!(error instanceof DomainError)) console.error(`[lotse] batch ${run.id}: dropping its staged letters failed:`, error);
      return;
    }
    if (run.state !== 'running') return;
    console.error(`[lotse] batch ${run.id}: recording the documents failed:`, error);
    stopRun(run, 'failed', { key: 'batches.notRecorded' });
  }
}

/** Adds the letters that are next in order to the combined PDF; stages a slice of letters; when all are in, finishes the batch. */
function join(core: Core, run: BatchRun): void {
  const combined = run.combined!;
  while (run.arrived.has(run.nextToJoin)) {
    const pdf = run.arrived.get(run.nextToJoin)!;
    run.arrived.delete(run.nextToJoin);
    if (pdf !== null) combined.add(pdf, { newSheet: run.duplex });
    run.nextToJoin += 1;
  }
  if (run.nextToJoin < run.letters.length) {
    if (run.unstaged.length < STAGE_SLICE) return;
    try {
      stageUnstaged(core, run);
    } catch (error) {
      console.error(`[lotse] batch ${run.id}: staging the letters failed:`, error);
      stopRun(run, 'failed', { key: 'batches.notRecorded' });
    }
    return;
  }
  if (run.finishing) return;
  run.finishing = true;
  void finishRun(core, run);
}

function onWorkerMessage(core: Core, run: BatchRun, worker: Worker, message: FromWorker): void {
  if (run.state !== 'running') return;
  const letter = run.letters[message.index];
  if (!letter) return;
  switch (message.type) {
    case 'letter':
      letter.documentId = randomUUID();
      run.unstaged.push({
        position: message.index,
        documentId: letter.documentId,
        clientId: letter.clientId,
        values: JSON.stringify(letter.values),
        prefilled: JSON.stringify(letter.prefilled),
        snapshot: message.snapshotJson,
        sha256: message.sha256,
      });
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
    core,
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
    unstaged: [],
    finishing: false,
    endCheckpoints: checkpointInBackground({
      db: core.db,
      file: core.databaseFile,
      nativeBinding: core.nativeBinding,
      key: core.key,
      workerScript: core.checkpointWorkerScript,
    }),
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
