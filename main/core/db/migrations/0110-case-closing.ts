import type { Migration } from './migration';

/**
 * A case can be closed (clients.close): the day it was closed and, if the
 * counselor gave one, a short reason code. From that day the office's
 * retention period runs (settings.retention, clients.retentionDue); nothing
 * is erased by this, ever.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'case-closing',
  up(db) {
    // ALTER TABLE has no IF NOT EXISTS: a store whose user_version was set back by hand (as tests of older migrations do) already has the columns.
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('clients')").pluck().all() as string[]);
    if (!columns.has('closed_on')) db.exec('ALTER TABLE clients ADD COLUMN closed_on TEXT');
    if (!columns.has('closed_reason')) db.exec('ALTER TABLE clients ADD COLUMN closed_reason TEXT');
    db.exec('CREATE INDEX IF NOT EXISTS clients_by_closed_on ON clients(closed_on) WHERE closed_on IS NOT NULL');
  },
};
