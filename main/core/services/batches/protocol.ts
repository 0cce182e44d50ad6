import type { FormDefinition } from '../../../../shared/forms';
import type { FormValues } from '../../../../shared/forms/values';
import type { PrintContext } from '../documents/pdf';

/**
 * Messages between the batches service and its worker threads (worker.ts).
 * Only plain data crosses: the worker has no store.
 */

/** Given once, as `workerData`. */
export interface BatchWorkerData {
  form: FormDefinition;
  /** The finalization time of every letter (ISO 8601): PDF creation date and printed date. */
  creationDate: string;
}

/** One letter: its values and the printing part of its document context (the worker lays out the address). */
export interface LetterJob {
  index: number;
  values: FormValues;
  context: PrintContext;
}

export type ToWorker = { type: 'letter'; job: LetterJob };

export type FromWorker =
  /** `snapshotJson` is the snapshot exactly as rendered, to be stored with the document. */
  | { type: 'letter'; index: number; pdf: Uint8Array; sha256: string; pages: number; snapshotJson: string }
  | { type: 'skipped'; index: number; reason: string }
  | { type: 'failed'; index: number; message: string };
