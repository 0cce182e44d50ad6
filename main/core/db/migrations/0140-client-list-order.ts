import { foldName } from '../../../../shared/domain/fold';
import type { Migration } from './migration';

/**
 * The client list can be sorted by name (clients.search `sort: 'name'`): a
 * folded sort key (family name, then given name; `Özdemir` between `Otto` and
 * `Paul`, as a German reader expects, not after `Z` as SQLite's byte order
 * puts it) with an index, so the first page of 100,000 clients needs no sort.
 * The clients queries keep it in the same statement as the names.
 */
export function clientSortName(familyName: string, givenName: string): string {
  return `${foldName(familyName).trim()}\u0001${foldName(givenName).trim()}`;
}

export const migration0140: Migration = {
  version: 140,
  name: 'client-list-order',
  up(db) {
    // ALTER TABLE has no IF NOT EXISTS: a store whose user_version was set back by hand already has the column.
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('clients')").pluck().all() as string[]);
    if (!columns.has('sort_name')) db.exec("ALTER TABLE clients ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''");
    const update = db.prepare('UPDATE clients SET sort_name = ? WHERE rowid = ?');
    for (const row of db.prepare('SELECT rowid, family_name, given_name FROM clients').all() as Array<{
      rowid: number;
      family_name: string;
      given_name: string;
    }>) {
      update.run(clientSortName(row.family_name, row.given_name), row.rowid);
    }
    db.exec('CREATE INDEX IF NOT EXISTS clients_by_sort_name ON clients(sort_name)');
  },
};
