import type { FormDefinition } from '../../../shared/forms';
import type { FormValues } from '../../../shared/forms/values';
import type { AddressRecipient } from '../pdf/address-block';
import type { FinalSnapshot } from './document-pdf';

/**
 * Messages between the batches service and its worker threads
 * (batch-worker.ts). Only plain data crosses: the worker has no store.
 */

/** Given once, as `workerData`. */
export interface BatchWorkerData {
  form: FormDefinition;
  /** The finalization time of every letter (ISO 8601): PDF creation date and printed date. */
  creationDate: string;
}

/** One letter: its values, what its snapshot holds besides the address lines, and whom to address. */
export interface LetterJob {
  index: number;
  values: FormValues;
  snapshot: Omit<FinalSnapshot, 'recipientLines'>;
  /** Laid out into the address lines in the worker; null for a form without recipient. */
  recipient: AddressRecipient | null;
}

export type ToWorker = { type: 'letter'; job: LetterJob };

export type FromWorker =
  /** `snapshotJson` is the snapshot exactly as rendered, to be stored with the document. */
  | { type: 'letter'; index: number; pdf: Uint8Array; sha256: string; pages: number; snapshotJson: string }
  | { type: 'skipped'; index: number; reason: string }
  | { type: 'failed'; index: number; message: string };
