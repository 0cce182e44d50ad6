import type { Db } from '../open';

/**
 * The staging of a serial letter's letters (migration 0150): each rendered
 * letter is written here while the batch runs, a slice at a time, and all of
 * them become final documents, with their audit lines, in one short
 * transaction when the batch has finished (`finalizeStagedBatch`). Never a
 * document before that: a cancelled or failed batch deletes its rows, and a
 * store that opens deletes what a host that stopped mid-batch left.
 */

export interface StagedLetter {
  position: number;
  documentId: string;
  clientId: string;
  /** JSON, as the document stores it. */
  values: string;
  prefilled: string;
  snapshot: string;
  sha256: string;
}

/**
 * A change to the staging alone, in a transaction of its own, committed
 * without waiting for the disk (`synchronous = NORMAL`: still atomic, and WAL
 * keeps the store consistent): staged letters need not survive a power cut,
 * since a store that opens drops them anyway, and the host does not stall on
 * the disk for them. The final documents are committed with the store's
 * usual `FULL`. Inside another transaction, simply part of it.
 */
function stagingChange(db: Db, change: () => void): void {
  if (db.inTransaction) return change();
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(change)();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

export function stageBatchLetters(db: Db, batchId: string, letters: readonly StagedLetter[]): void {
  const insert = db.prepare(
    `INSERT INTO batch_letters (batch_id, position, document_id, client_id, field_values, prefilled, final_snapshot, pdf_sha256)
     VALUES (@batchId, @position, @documentId, @clientId, @values, @prefilled, @snapshot, @sha256)`,
  );
  stagingChange(db, () => {
    for (const letter of letters) insert.run({ batchId, ...letter });
  });
}

/**
 * A batch's staged letters let go (cancelled, failed, or made final
 * documents already); without an id, every batch's (a store that opens has no
 * batch running).
 */
export function dropStagedLetters(db: Db, batchId?: string): void {
  stagingChange(db, () => {
    if (batchId === undefined) db.prepare('DELETE FROM batch_letters').run();
    else db.prepare('DELETE FROM batch_letters WHERE batch_id = ?').run(batchId);
  });
}

/** Up to `limit` of a finished batch's staged letters let go (their documents are final); returns how many went, 0 when none are left. */
export function dropSomeStagedLetters(db: Db, batchId: string, limit: number): number {
  let dropped = 0;
  stagingChange(db, () => {
    dropped = db.prepare('DELETE FROM batch_letters WHERE rowid IN (SELECT rowid FROM batch_letters WHERE batch_id = ? LIMIT ?)').run(batchId, limit).changes;
  });
  return dropped;
}

export interface StagedBatch {
  batchId: string;
  templateId: string;
  templateVersion: number;
  finalizedAt: string;
  referralStatus: string | null;
  /** The audit lines' time and counselor. */
  at: string;
  actor: string;
}

/**
 * The staged letters become final documents, in the order of the list, each
 * with its `documents.finalize` line (as a single letter's: template, the
 * sha256 of its PDF, the batch). Inside the caller's transaction. The staged
 * rows are dropped after it (`dropStagedLetters`), in a transaction of their
 * own: the one that makes the documents final writes no more than it must.
 * Returns how many documents were written.
 */
export function finalizeStagedBatch(db: Db, batch: StagedBatch): number {
  const written = db
    .prepare(
      `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, contact_id, salutation_override, field_values,
                              prefilled, status, corrects_id, created_at, updated_at, finalized_at, pdf_sha256, final_snapshot, legal_basis,
                              omitted_fields, referral_status, consent_id, batch_id)
       SELECT document_id, @templateId, @templateVersion, client_id, NULL, NULL, NULL, field_values,
              prefilled, 'final', NULL, @finalizedAt, @finalizedAt, @finalizedAt, pdf_sha256, final_snapshot, NULL,
              '[]', @referralStatus, NULL, batch_id
       FROM batch_letters WHERE batch_id = @batchId ORDER BY position`,
    )
    .run(batch).changes;
  db.prepare(
    `INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details)
     SELECT @at, 'documents.finalize', 'document', document_id, client_id, @actor,
            json_object('templateId', @templateId, 'templateVersion', @templateVersion, 'sha256', pdf_sha256, 'batchId', batch_id)
     FROM batch_letters WHERE batch_id = @batchId ORDER BY position`,
  ).run(batch);
  return written;
}
