import { randomUUID } from 'node:crypto';
import type { FormDefinition } from '../../../../shared/forms';
import type { Core } from '../../core';
import { insertFinalDocument } from '../../db/queries/documents';
import { recordAudit } from '../audit';
import type { PreparedLetter } from './prepare';

/**
 * The last step of a serial letter: every rendered letter becomes a final
 * document of its own (values, frozen snapshot, sha256 of its own PDF), so it
 * appears in the documents lists and reprints byte-identical. All in one
 * transaction when the worker has finished: a cancelled or failed batch
 * records nothing. Returns the new documents' ids.
 */
export function recordBatch(
  core: Core,
  batch: { id: string; form: FormDefinition; finalizedAt: Date; letters: PreparedLetter[]; skippedCount: number },
): string[] {
  const { form } = batch;
  const finalizedAt = batch.finalizedAt.toISOString();
  return core.db.transaction(() => {
    const ids: string[] = [];
    for (const letter of batch.letters) {
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
          contactId: null,
          salutationOverride: null,
          values: letter.values,
          prefilled: letter.prefilled,
          correctsId: null,
          batchId: batch.id,
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
        details: { templateId: form.id, templateVersion: form.version, sha256: letter.rendered.sha256, batchId: batch.id },
      });
      ids.push(id);
    }
    recordAudit(core, {
      action: 'batches.render',
      subjectType: 'batch',
      subjectId: batch.id,
      clientId: null,
      details: { templateId: form.id, templateVersion: form.version, letters: ids.length, skipped: batch.skippedCount },
    });
    return ids;
  })();
}
