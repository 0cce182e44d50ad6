import type { ErrorCode } from '../../../../shared/api/errors';
import type { ErrorMessage, FieldIssues } from '../../../../shared/i18n/error-message';
import type { ImportInput, ImportPlan, ImportSource } from './plan';

/** Messages between the partner-import service and its worker (worker.ts). Only plain data crosses. */

export interface ImportWorkerData {
  source: ImportSource;
  input: ImportInput;
}

export type FromImportWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'planned'; plan: ImportPlan }
  /** The file was refused: the DomainError's parts, to be thrown again on this side. */
  | { type: 'refused'; code: ErrorCode; wording: ErrorMessage; fieldIssues: FieldIssues | undefined }
  | { type: 'failed'; message: string };
