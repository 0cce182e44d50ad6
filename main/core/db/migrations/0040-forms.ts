import type { Migration } from './migration';

/**
 * The form catalogue and the document lifecycle (DESIGN.md §5): template
 * versions as stored JSON, and documents that go from draft to final with a
 * frozen snapshot, a link to what they correct, a referral status with a
 * follow-up date, the legal basis of a transfer, and fields left out.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'forms',
  up(db) {
    db.exec(`
      -- Every version of every template; the newest is used for new documents,
      -- documents keep the one they were made with. Never updated, only added.
      CREATE TABLE template_versions (
        template_id TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version > 0),
        source      TEXT NOT NULL CHECK (source IN ('built-in', 'office')),
        definition  TEXT NOT NULL CHECK (json_valid(definition)),
        saved_at    TEXT NOT NULL,
        saved_by    TEXT NOT NULL,
        PRIMARY KEY (template_id, version)
      ) STRICT;

      ALTER TABLE documents ADD COLUMN prefilled TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prefilled));
      ALTER TABLE documents ADD COLUMN finalized_at TEXT;
      ALTER TABLE documents ADD COLUMN pdf_sha256 TEXT;
      -- What the final PDF was made from besides the values: the client,
      -- partner, settings and consent as they were, and the address lines.
      ALTER TABLE documents ADD COLUMN final_snapshot TEXT CHECK (final_snapshot IS NULL OR json_valid(final_snapshot));
      ALTER TABLE documents ADD COLUMN corrects_id TEXT REFERENCES documents(id) ON DELETE SET NULL;
      ALTER TABLE documents ADD COLUMN referral_status TEXT
        CHECK (referral_status IS NULL OR referral_status IN ('created', 'handed-over', 'feedback-received', 'closed'));
      ALTER TABLE documents ADD COLUMN follow_up_date TEXT;
      ALTER TABLE documents ADD COLUMN legal_basis TEXT CHECK (legal_basis IS NULL OR json_valid(legal_basis));
      ALTER TABLE documents ADD COLUMN omitted_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(omitted_fields));
      ALTER TABLE documents ADD COLUMN consent_id TEXT;

      CREATE INDEX documents_by_partner ON documents(partner_id) WHERE partner_id IS NOT NULL;
      CREATE INDEX documents_follow_up ON documents(follow_up_date) WHERE follow_up_date IS NOT NULL;
      CREATE INDEX documents_by_correction ON documents(corrects_id) WHERE corrects_id IS NOT NULL;

      -- A final document is never edited (a correction is a new document):
      -- the store refuses it even if a code path forgot to ask.
      CREATE TRIGGER documents_final_is_frozen
      BEFORE UPDATE OF template_id, template_version, client_id, partner_id, field_values, status, finalized_at,
                       pdf_sha256, final_snapshot, legal_basis, omitted_fields
      ON documents
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'final documents are immutable');
      END;

      ALTER TABLE consents ADD COLUMN document_id TEXT REFERENCES documents(id) ON DELETE SET NULL;
    `);
  },
};
