import type { Migration } from './migration';

/**
 * A letter of a serial letter names its batch (documents.batch_id), so the
 * documents list can show a finished batch as one group and print it again
 * as one PDF. Documents made one by one, and every letter recorded before
 * this migration, have none. An erased person's letters go with the person.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'document-batches',
  up(db) {
    // ALTER TABLE has no IF NOT EXISTS: a store whose user_version was set back by hand (as tests of older migrations do) already has the column.
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all() as string[]);
    if (!columns.has('batch_id')) db.exec('ALTER TABLE documents ADD COLUMN batch_id TEXT');
    db.exec('CREATE INDEX IF NOT EXISTS documents_by_batch ON documents(batch_id) WHERE batch_id IS NOT NULL');
  },
};
