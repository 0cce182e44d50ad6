/**
 * A serial-letter worker (DESIGN.md §6: rendering blocks its thread, so
 * batches run in workers). Renders the letters it is given, one after the
 * other, with the same code as a single document, and hands each PDF back.
 * Bundled on its own as dist/batch-worker.cjs: it imports no store and
 * nothing of Electron.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../errors';
import { renderDocumentPdf, snapshotOf, type FinalSnapshot } from '../documents/pdf';
import type { BatchWorkerData, FromWorker, LetterJob, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('batch-worker: must run as a worker thread');

/**
 * Rendering is background work: the host's own thread, which answers the
 * counselor, comes first (DESIGN.md §8: no host stall over 50 ms). With two
 * workers busy on a 2-core desk, the host's thread otherwise waits its turn
 * behind them. Linux keeps the nice value per thread, so this lowers this
 * worker only; elsewhere it would lower the whole process, so it is left.
 */
const WORKER_NICE = 10;
if (process.platform === 'linux') {
  try {
    os.setPriority(WORKER_NICE);
  } catch {
    // Not allowed here: the worker keeps the host's priority.
  }
}

const setup = workerData as BatchWorkerData;
const creationDate = new Date(setup.creationDate);
const queue: LetterJob[] = [];
let working = false;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** A letter that cannot be printed (characters the fonts lack, an address that does not fit) is left out with the reason. */
function skipReason(error: DomainError): string {
  const details = Object.values(error.fields ?? {});
  return details.length > 0 ? details.join(' ') : error.message;
}

async function render(job: LetterJob): Promise<void> {
  let snapshotJson: string;
  let rendered;
  try {
    // Rendered from the JSON that is stored, so that a reprint reads exactly what this letter was made of.
    snapshotJson = JSON.stringify(snapshotOf(job.context));
    // Each letter of a batch is a final document of its own: no draft mark.
    rendered = await renderDocumentPdf(setup.form, job.values, [], JSON.parse(snapshotJson) as FinalSnapshot, creationDate, 'final');
  } catch (error) {
    if (error instanceof DomainError) {
      post({ type: 'skipped', index: job.index, reason: skipReason(error) });
      return;
    }
    console.error('[lotse] batch worker: rendering failed:', error);
    post({ type: 'failed', index: job.index, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // Hand the bytes over instead of copying them (a PDF has its own buffer, not a pooled slice; copy if not).
  const own = rendered.bytes.byteOffset === 0 && rendered.bytes.byteLength === rendered.bytes.buffer.byteLength ? rendered.bytes : Buffer.from(rendered.bytes);
  const pdf = new Uint8Array(own.buffer as ArrayBuffer, 0, own.byteLength);
  post({ type: 'letter', index: job.index, pdf, sha256: rendered.sha256, pages: rendered.pages, snapshotJson }, [pdf.buffer as ArrayBuffer]);
}

async function work(): Promise<void> {
  if (working) return;
  working = true;
  for (let job = queue.shift(); job !== undefined; job = queue.shift()) await render(job);
  working = false;
}

port.on('message', (message: ToWorker) => {
  queue.push(message.job);
  void work();
});
