import type { Migration } from './migration';

/**
 * Two things that keep the host responsive (issue 16, DESIGN.md §8):
 *
 * - A final document's PDF sha256 is kept after the commit of its
 *   finalization (finalizing writes and audits only; the PDF's bytes follow
 *   from what it froze). The store still refuses every other change to a
 *   final document, and lets `pdf_sha256` be set once: from NULL to a value,
 *   never changed or cleared after.
 * - A serial letter's letters are staged in `batch_letters` while the
 *   workers render them, a slice at a time, and become final documents in one
 *   short statement when the batch has finished; a cancelled or failed batch
 *   deletes its rows, and whatever a crashed host left there is deleted when
 *   the store opens. Nothing in it is ever a document: the lists, the
 *   deadlines and the export never read it. An erased client's rows go with
 *   the client.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'final-sha256-and-batch-staging',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS documents_final_is_frozen;
      CREATE TRIGGER documents_final_is_frozen
      BEFORE UPDATE OF template_id, template_version, client_id, partner_id, field_values, status, finalized_at,
                       final_snapshot, legal_basis, omitted_fields
      ON documents
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'final documents are immutable');
      END;

      CREATE TRIGGER IF NOT EXISTS documents_final_sha256_once
      BEFORE UPDATE OF pdf_sha256
      ON documents
      WHEN OLD.status = 'final' AND (OLD.pdf_sha256 IS NOT NULL OR NEW.pdf_sha256 IS NULL)
      BEGIN
        SELECT RAISE(ABORT, 'final documents are immutable');
      END;

      CREATE TABLE IF NOT EXISTS batch_letters (
        batch_id       TEXT NOT NULL,
        position       INTEGER NOT NULL,
        document_id    TEXT NOT NULL,
        client_id      TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        field_values   TEXT NOT NULL,
        prefilled      TEXT NOT NULL,
        final_snapshot TEXT NOT NULL,
        pdf_sha256     TEXT NOT NULL,
        PRIMARY KEY (batch_id, position)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS batch_letters_by_client ON batch_letters(client_id);
    `);
  },
};
