import type { Migration } from './migration';

/**
 * Bilingual documents (issue 17): the language a document prints beside the
 * German (binding) text, null for German only, and how the two are laid out
 * (`sequential`: each German part with its translation under it;
 * `side-by-side`: two columns). A final document keeps both: the trigger that
 * freezes final documents now names these columns too.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'document-translations',
  up(db) {
    // ALTER TABLE has no IF NOT EXISTS: a store whose user_version was set back by hand already has the columns.
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all() as string[]);
    if (!columns.has('translation_language')) db.exec('ALTER TABLE documents ADD COLUMN translation_language TEXT');
    if (!columns.has('bilingual_layout')) {
      db.exec(
        "ALTER TABLE documents ADD COLUMN bilingual_layout TEXT NOT NULL DEFAULT 'sequential' CHECK (bilingual_layout IN ('sequential', 'side-by-side'))",
      );
    }
    db.exec(`
      DROP TRIGGER IF EXISTS documents_final_is_frozen;
      CREATE TRIGGER documents_final_is_frozen
      BEFORE UPDATE OF template_id, template_version, client_id, partner_id, field_values, status, finalized_at,
                       final_snapshot, legal_basis, omitted_fields, translation_language, bilingual_layout
      ON documents
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'final documents are immutable');
      END;
    `);
  },
};
