import type { FormDefinition } from '../../../../shared/forms';
import type { Core } from '../../core';
import { finalizeStagedBatch, stageBatchLetters, type StagedLetter } from '../../db/queries/batch-letters';
import { currentCounselor, recordAudit } from '../audit';

/**
 * The last step of a serial letter: every rendered letter becomes a final
 * document of its own (values, frozen snapshot, sha256 of its own PDF), so it
 * appears in the documents lists and reprints byte-identical. While the batch
 * runs, the letters that came back are staged a slice at a time
 * (`stageLetters`, db/queries/batch-letters); when it has finished, all of
 * them become final documents in one short transaction (`recordBatch`): a
 * cancelled or failed batch records nothing.
 */

/** Letters that came back from the workers, into the staging: one short transaction (db/queries/batch-letters). */
export function stageLetters(core: Core, batchId: string, letters: readonly StagedLetter[]): void {
  if (letters.length > 0) stageBatchLetters(core.db, batchId, letters);
}

/** The staged letters of a finished batch as final documents, with their audit lines and the batch's: one transaction. Returns how many. */
export function recordBatch(core: Core, batch: { id: string; form: FormDefinition; finalizedAt: Date; skippedCount: number }): number {
  const { form } = batch;
  return core.db.transaction(() => {
    const now = core.now();
    const letters = finalizeStagedBatch(core.db, {
      batchId: batch.id,
      templateId: form.id,
      templateVersion: form.version,
      finalizedAt: batch.finalizedAt.toISOString(),
      referralStatus: form.tracksReferral ? 'created' : null,
      at: now.toISOString(),
      actor: currentCounselor(core),
    });
    recordAudit(core, {
      action: 'batches.render',
      subjectType: 'batch',
      subjectId: batch.id,
      clientId: null,
      details: { templateId: form.id, templateVersion: form.version, letters, skipped: batch.skippedCount },
    });
    return letters;
  })();
}
