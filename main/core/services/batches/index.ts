import type {
  BatchInput,
  BatchPreview,
  BatchRenderInput,
  BatchResult,
  BatchSample,
  BatchSampleInput,
  BatchStarted,
  BatchStatus,
} from '../../../../shared/api/schemas/batch';
import { APPOINTMENT_FIELDS, mergeFieldLabel } from '../../../../shared/forms/merge-fields';
import type { Core } from '../../core';
import { germanText } from '../../../../shared/i18n/error-message';
import { DomainError, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { assertSetUp, getSettings } from '../settings';
import { renderDocumentPdf, snapshotOf } from '../documents/pdf';
import { hasCriterion, prepareBatch, unfilledPeople } from './prepare';
import { forgetOldRuns, runRegistry } from '../run-registry';
import { startRun, stopRun, type BatchRun } from './run';

/**
 * Serial letters (`batches.*`, DESIGN.md §2 `batches.render`): one template
 * with the same values for a filtered set of clients, rendered in a worker
 * thread into one PDF while the host stays responsive.
 *
 * - Every letter is a final document of its own (values, frozen snapshot,
 *   sha256 of its own PDF), so it appears in the documents lists and reprints
 *   byte-identical. The letters are staged as they come back and all
 *   documents of a batch are made final in one transaction when the workers
 *   have finished: a cancelled or failed batch records nothing.
 * - The host stays responsive (DESIGN.md §8): the letters are prepared in
 *   slices that let other requests in, and the end of a batch (finishing
 *   the PDF, its sha256, recording) takes a turn of the event loop per step.
 * - Clients who cannot get the letter (no printable address, required values
 *   missing, characters the fonts cannot print) are left out and listed with a
 *   German reason, rather than failing the whole batch.
 * - Progress is asked for (`batches.status`), not pushed: the browser host
 *   has no push channel, and one way for both hosts keeps them alike.
 *
 * The steps live apart: `prepare` (clients, values, contexts, who is left
 * out), `run` (workers, joining), `record` (the documents); this file keeps
 * the runs of a core and answers the API.
 */

/** Finished batches kept for `batches.result` (each holds its PDF in memory). */
const KEEP_FINISHED = 3;
/** Names listed by `batches.preview`: as many as a batch may name as recipients. */
const PREVIEW_NAMES = 5000;

const isAppointment = (name: string) => (APPOINTMENT_FIELDS as readonly string[]).includes(name);
const unfilledOf = (names: string[]) => names.map((name) => ({ name, label: mergeFieldLabel(name) }));

const registry = runRegistry<BatchRun>((run) => stopRun(run, 'cancelled'));

/** Whether a serial letter of this core is being rendered (its letters are recorded when it ends). */
export function batchRunning(core: Core): boolean {
  return starting.has(core) || [...registry(core).values()].some((run) => run.state === 'running');
}

/**
 * Cores where a batch is being started (its letters prepared, in slices): a
 * second start, a backup or a restore waits for it as for a running batch.
 * The clients erased meanwhile are noted, so no letter goes to them.
 */
const starting = new WeakMap<Core, Set<string>>();

/**
 * The letters a preview lists. The list follows the text (who lacks what a
 * merge field needs); while the text is wrong for everyone (too long …) the
 * list still stands, counted without it: the text's message shows where
 * the text is used (the sample, the start).
 */
async function previewLetters(core: Core, input: BatchInput) {
  try {
    return await prepareBatch(core, input, { complete: false });
  } catch (error) {
    const aboutText =
      error instanceof DomainError && error.code === 'invalid_input' && Object.keys(error.fieldIssues ?? {}).some((path) => path.startsWith('values.'));
    if (!aboutText) throw error;
    return prepareBatch(core, { ...input, values: {} }, { complete: false });
  }
}

export async function previewBatch(core: Core, input: BatchInput): Promise<BatchPreview> {
  const { letters, skipped } = await previewLetters(core, input);
  return {
    total: letters.length,
    clients: letters.slice(0, PREVIEW_NAMES).map((letter) => ({
      id: letter.clientId,
      name: letter.clientName,
      // The appointment is the same for everyone: the form says when it is missing, not each person.
      unfilled: unfilledOf(letter.unfilled.filter((name) => !isAppointment(name))),
    })),
    skipped,
  };
}

/**
 * One recipient's letter exactly as the batch would print it, marked as a
 * draft: the merge fields filled for them, an empty one shown as
 * „[fehlt: …]“. Rendered in the host (one letter takes some 40 ms); nothing
 * is written, not even an audit line (nothing leaves the desk).
 */
export async function sampleBatch(core: Core, input: BatchSampleInput): Promise<BatchSample> {
  const { clientId, ...batch } = input;
  const { form, now, letters, skipped } = await prepareBatch(core, batch, {
    complete: false,
    only: new Set([clientId]),
    gap: (name) => `[fehlt: ${mergeFieldLabel(name)}]`,
  });
  const letter = letters[0];
  if (!letter?.job) {
    const reason = skipped[0]?.reason;
    throw reason ? invalid({ clientId: { key: 'batches.skippedReason', params: { reason } } }) : invalid({ clientId: { key: 'batches.notARecipient' } });
  }
  const rendered = await renderDocumentPdf(form, letter.values, [], snapshotOf(letter.job.context), now, 'draft');
  return {
    clientId: letter.clientId,
    clientName: letter.clientName,
    pdfBase64: rendered.bytes.toString('base64'),
    sha256: rendered.sha256,
    pages: rendered.pages,
    unfilled: unfilledOf(letter.unfilled),
  };
}

function statusOf(run: BatchRun): BatchStatus {
  return {
    batchId: run.id,
    state: run.state,
    done: run.done,
    total: run.total,
    skipped: run.skipped,
    ...(run.message !== undefined ? { message: germanText(run.message) } : {}),
  };
}

/** Runs let go because someone with a letter in them was erased: asked for, they say so rather than just "not found". */
const discarded = new WeakMap<Core, Set<string>>();

function getRun(core: Core, batchId: string): BatchRun {
  const run = registry(core).get(batchId);
  if (!run) throw discarded.get(core)?.has(batchId) ? notFound('batchErased') : notFound('batch');
  return run;
}

/**
 * After an erasure no serial letter may still hand out the person's letter:
 * a finished run that has one is dropped with its PDF, a running one is
 * stopped (it would record the letter for someone no longer there).
 */
export function discardBatchesWith(core: Core, clientId: string): void {
  starting.get(core)?.add(clientId);
  const runs = registry(core);
  for (const run of [...runs.values()]) {
    if (!run.clientIds.has(clientId)) continue;
    if (run.state === 'running') stopRun(run, 'cancelled');
    delete run.result;
    runs.delete(run.id);
    const ids = discarded.get(core) ?? new Set<string>();
    discarded.set(core, ids.add(run.id));
  }
}

/**
 * Starts a batch once the setup is done: chooses the clients, prepares every letter (in slices: the
 * host answers other requests meanwhile), and hands them to new workers. Returns once the workers
 * have their first letters; `batches.status` tells the progress.
 */
export async function startBatch(core: Core, input: BatchRenderInput): Promise<BatchStarted> {
  assertSetUp(getSettings(core));
  if (batchRunning(core)) {
    throw new DomainError('conflict', { key: 'batches.alreadyRunning' });
  }
  const { recipients, ...batch } = input;
  // Everyone only when it was said: an empty filter by mistake would write to every client.
  if (!hasCriterion(batch.filter) && batch.filter.everyone !== true)
    throw invalid({ filter: { key: 'batches.chooseRecipients' } }, { key: 'batches.chooseRecipients' });
  const erased = new Set<string>();
  starting.set(core, erased);
  let prepared: Awaited<ReturnType<typeof prepareBatch>>;
  try {
    prepared = await prepareBatch(core, batch, { only: new Set(recipients) });
  } finally {
    starting.delete(core);
  }
  const outside = new Set(recipients.filter((id) => !prepared.matched.has(id))).size;
  if (outside > 0)
    throw invalid(
      { recipients: { key: 'batches.recipientsOutside', params: { count: outside } } },
      { key: 'batches.recipientsOutside', params: { count: outside } },
    );
  // Someone erased while the letters were prepared gets none, and is not named among those left out either.
  const letters = prepared.letters.filter((letter) => !erased.has(letter.clientId));
  const skipped = prepared.skipped.filter((person) => !erased.has(person.clientId));
  const unfilled = letters.filter((letter) => letter.unfilled.length > 0);
  if (unfilled.length > 0) {
    const people = unfilledPeople(unfilled);
    throw invalid({ recipients: { key: 'batches.unfilled', params: { people } } }, { key: 'batches.unfilled', params: { people } });
  }
  if (letters.length === 0) {
    throw skipped.length > 0
      ? invalid({ filter: { key: 'batches.peopleSkipped', params: { skipped: skipped.length } } }, { key: 'batches.nobodyCanReceive' })
      : invalid({ filter: { key: 'batches.noClientsFound' } }, { key: 'batches.noClients' });
  }
  const runs = registry(core);
  const run = startRun(core, { ...prepared, letters, skipped }, input.duplex);
  forgetOldRuns(runs, KEEP_FINISHED);
  runs.set(run.id, run);
  return { batchId: run.id, total: run.total, skipped };
}

export function batchStatus(core: Core, batchId: string): BatchStatus {
  return statusOf(getRun(core, batchId));
}

/** Stops a running batch; nothing of it is recorded. A finished batch stays as it is. */
export function cancelBatch(core: Core, batchId: string): BatchStatus {
  const run = getRun(core, batchId);
  if (run.state === 'running') stopRun(run, 'cancelled');
  return statusOf(run);
}

export function batchResult(core: Core, batchId: string): BatchResult {
  const run = getRun(core, batchId);
  if (run.state === 'running') throw new DomainError('conflict', { key: 'batches.stillRunning' });
  if (run.state === 'cancelled') throw new DomainError('conflict', { key: 'batches.cancelled' });
  if (run.state === 'failed' || !run.result) throw new DomainError('conflict', run.message ?? { key: 'batches.failed' });
  const { pdfBase64, sha256, pages, documentIds } = run.result;
  // The serial letter's final documents leave the desk as one PDF: a line of the trail (ids only).
  core.db.transaction(() =>
    recordAudit(core, { action: 'batches.result', subjectType: 'batch', subjectId: batchId, clientId: null, details: { documentIds, sha256 } }),
  )();
  return { pdfBase64, sha256, pages, documentIds, skipped: run.skipped };
}
