import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PartnerImportResult, PartnerImportStatus } from '../../../../shared/api/contract';
import type { Core } from '../../core';
import { countImportIds, importIdWriter, listImportIds } from '../../db/queries/import-ids';
import { countPartners, partnerWriter, storedPartnerRow, storedPartnerRows } from '../../db/queries/partners';
import { DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { forgetOldRuns, runRegistry } from '../run-registry';
import { planImport, type ImportFormat, type ImportPlan, type ImportSource } from './plan';
import type { FromImportWorker, ImportWorkerData } from './protocol';

/**
 * Importing the network directory (DOMAIN.md): every form of HSDS 3.0
 * (hsds-read.ts reads it, hsds-map.ts maps it onto partners and lists what
 * they cannot keep), or a CSV list (parse.ts).
 *
 * - Every entry is checked with the contract's schemas before anything is
 *   written, and so is what `partners.list` will answer afterwards: a file
 *   that fails changes nothing and the message names the entry and field.
 *   Ids that do not fit the contract get local ones, kept in `import_ids`
 *   so the next import of the same file finds everything unchanged.
 * - Reading and matching (plan.ts) is linear and needs no store; the write
 *   is one transaction with prepared statements.
 * - `partners.import` plans on the request's thread (small files, the API
 *   of DESIGN.md); `partners.importStart` plans in a worker thread, reports
 *   progress (`partners.importStatus`) and can be cancelled
 *   (`partners.importCancel`) until the worker is done: the write happens
 *   only then, so a cancelled import writes nothing.
 */

type ImportInput = ImportWorkerData['input'];

/** The directory and id mapping as they are now, for a plan. */
function readSource(core: Core): ImportSource {
  return { partners: storedPartnerRows(core.db), ids: listImportIds(core.db) };
}

/**
 * Writes a plan in one transaction, if the directory is still as the plan
 * read it (a worker's plan may be seconds old): else nothing, and a
 * message to check the file again.
 */
function applyPlan(core: Core, plan: ImportPlan, format: ImportFormat): void {
  const now = core.now().toISOString();
  core.db.transaction(() => {
    const changed = () => new DomainError('conflict', { key: 'partnerImport.directoryChanged' });
    if (countPartners(core.db) !== plan.partnerCount || countImportIds(core.db) !== plan.idCount) throw changed();
    for (const update of plan.updates) {
      const current = storedPartnerRow(core.db, update.id);
      if (!current || current.record !== update.before.record || current.archived !== update.before.archived) throw changed();
    }
    const partners = partnerWriter(core.db);
    for (const insert of plan.inserts) partners.insert(insert.id, insert.record, insert.archived, now);
    for (const update of plan.updates) {
      partners.update(update.id, update.record, now);
      if (update.archived !== null) partners.setArchived(update.id, update.archived, now);
    }
    const remember = importIdWriter(core.db);
    for (const entry of plan.ids) remember(entry);
    recordAudit(core, { action: 'partners.import', subjectType: 'partner', subjectId: null, clientId: null, details: { format, ...plan.result.counts } });
  })();
}

/** A whole import on the request's thread: the plan, and with `apply` its write. */
export function importPartners(core: Core, input: ImportInput): PartnerImportResult {
  const plan = planImport(readSource(core), input);
  if (input.apply) applyPlan(core, plan, input.format);
  return plan.result;
}

// --- In a worker ------------------------------------------------------------

interface ImportRun {
  id: string;
  state: PartnerImportStatus['state'] | 'failed';
  done: number;
  total: number;
  worker: Worker | null;
  result?: PartnerImportResult;
  error?: DomainError;
}

/** Finished imports kept for `partners.importStatus`. */
const KEEP_FINISHED = 3;

const registry = runRegistry<ImportRun>((run) => stop(run, 'cancelled'));

function stop(run: ImportRun, state: ImportRun['state'], error?: DomainError): void {
  if (run.state !== 'running') return;
  run.state = state;
  if (error) run.error = error;
  const worker = run.worker;
  run.worker = null;
  void worker?.terminate();
}

function statusOf(run: ImportRun): PartnerImportStatus {
  if (run.state === 'failed') throw run.error ?? new DomainError('internal', { key: 'partnerImport.workerFailed' });
  return { importId: run.id, state: run.state, done: run.done, total: run.total, ...(run.result ? { result: run.result } : {}) };
}

function onWorkerMessage(core: Core, run: ImportRun, input: ImportInput, message: FromImportWorker): void {
  if (run.state !== 'running') return;
  switch (message.type) {
    case 'progress':
      run.done = message.done;
      run.total = message.total;
      return;
    case 'planned':
      try {
        if (input.apply) applyPlan(core, message.plan, input.format);
        run.result = message.plan.result;
        stop(run, 'done');
      } catch (error) {
        if (!(error instanceof DomainError)) console.error(`[lotse] partner import ${run.id}: writing failed:`, error);
        stop(run, 'failed', error instanceof DomainError ? error : new DomainError('internal', { key: 'partnerImport.workerFailed' }));
      }
      return;
    case 'refused':
      stop(run, 'failed', new DomainError(message.code, message.wording, message.fieldIssues));
      return;
    case 'failed':
      console.error(`[lotse] partner import ${run.id} failed in its worker: ${message.message}`);
      stop(run, 'failed', new DomainError('internal', { key: 'partnerImport.workerFailed' }));
  }
}

/** Starts an import in a worker and returns at once; one at a time. */
export function startImport(core: Core, input: ImportInput): PartnerImportStatus {
  const runs = registry(core);
  if ([...runs.values()].some((run) => run.state === 'running')) throw new DomainError('conflict', { key: 'partnerImport.alreadyRunning' });
  if (!fs.existsSync(core.importWorkerScript)) throw new Error(`partner import worker script missing: ${core.importWorkerScript}`);
  const data: ImportWorkerData = { source: readSource(core), input };
  const worker = new Worker(core.importWorkerScript, { workerData: data });
  const run: ImportRun = { id: randomUUID(), state: 'running', done: 0, total: 0, worker };
  worker.on('message', (message: FromImportWorker) => onWorkerMessage(core, run, input, message));
  worker.on('error', (error) => {
    console.error(`[lotse] partner import ${run.id}: worker error:`, error);
    stop(run, 'failed', new DomainError('internal', { key: 'partnerImport.workerFailed' }));
  });
  worker.on('exit', () => stop(run, 'failed', new DomainError('internal', { key: 'partnerImport.workerFailed' })));
  forgetOldRuns(runs, KEEP_FINISHED);
  runs.set(run.id, run);
  return statusOf(run);
}

function getRun(core: Core, importId: string): ImportRun {
  const run = registry(core).get(importId);
  if (!run) throw notFound('partnerImport');
  return run;
}

export function importStatus(core: Core, importId: string): PartnerImportStatus {
  return statusOf(getRun(core, importId));
}

/** Stops a running import before it writes; a finished one stays as it is. */
export function cancelImport(core: Core, importId: string): PartnerImportStatus {
  const run = getRun(core, importId);
  stop(run, 'cancelled');
  return statusOf(run);
}
