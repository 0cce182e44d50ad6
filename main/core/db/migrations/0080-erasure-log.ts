import type { Migration } from './migration';

/**
 * The erasure log: which client ids were erased, and when. A restore
 * erases them again from the restored backup (services/backup.ts), so an
 * erased person never comes back. Ids only: nothing here names a person.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'erasure-log',
  up(db) {
    // IF NOT EXISTS: a store whose user_version was set back by hand (as tests of older migrations do) still opens.
    db.exec(`
      CREATE TABLE IF NOT EXISTS erasures (
        client_id TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
