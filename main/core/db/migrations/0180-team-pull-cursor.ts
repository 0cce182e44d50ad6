import type { Migration } from './migration';

/**
 * Team mode's pull cursor (server migration 0002, docs/team-mode.md): a
 * desk pulls the changes after (transaction, seq) instead of after seq, so
 * pushes no longer wait for each other on the server. `last_tx` is the
 * PostgreSQL transaction id (xid8, as text) of the last change pulled; '0'
 * is below every change, and the changes a server had before its migration
 * all carry transaction 0, so a desk linked before goes on from its
 * `last_seq` without missing or repeating one.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'team-pull-cursor',
  up(db) {
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('team_link')").pluck().all() as string[]);
    if (!columns.has('last_tx')) db.exec("ALTER TABLE team_link ADD COLUMN last_tx TEXT NOT NULL DEFAULT '0'");
  },
};
