import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';

/**
 * Ids from an import file that the contract cannot carry (longer than 64
 * characters, empty) get a local id; `import_ids` remembers which, so the
 * next import of the same file finds its entries again (partner-import).
 *
 * Before this, such an id was stored as it came: from then on
 * `partners.list` answered 500 (its output schema refused the id) and no
 * call could name the entry to repair it. Such a store is repaired here:
 * every partner, service and contact id that does not fit is replaced by a
 * new one, everywhere it is referred to, and recorded in `import_ids` as if
 * the import had done it right.
 */

export const IMPORT_ID_KINDS = ['organization', 'service', 'contact'] as const;
export type ImportIdKind = (typeof IMPORT_ID_KINDS)[number];

/** The contract's `id` (shared/api/schemas/common.ts) as it was when this migration shipped: a migration must not change with later code. */
const fits = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= 64;

interface StoredRecord {
  services?: Array<{ id?: unknown }>;
  contacts?: Array<{ id?: unknown }>;
}

/** The triggers that freeze final documents, which must let a re-keyed partner or contact through; re-created unchanged after. */
function documentTriggers(db: Database): Array<{ name: string; sql: string }> {
  return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents'").all() as Array<{ name: string; sql: string }>;
}

function rekey(db: Database): void {
  const partners = db.prepare('SELECT id, record FROM partners').all() as Array<{ id: string; record: string }>;
  const remember = db.prepare('INSERT OR REPLACE INTO import_ids (kind, source_id, local_id) VALUES (?, ?, ?)');
  const partnerIds = new Map<string, string>();
  const contactIds = new Map<string, string>();
  const records = new Map<string, string>();
  for (const partner of partners) {
    const record = JSON.parse(partner.record) as StoredRecord;
    let changed = false;
    const renew = (kind: ImportIdKind, item: { id?: unknown }, into?: Map<string, string>) => {
      if (fits(item.id)) return;
      const local = randomUUID();
      if (typeof item.id === 'string') {
        remember.run(kind, item.id, local);
        into?.set(item.id, local);
      }
      item.id = local;
      changed = true;
    };
    for (const service of record.services ?? []) renew('service', service);
    for (const contact of record.contacts ?? []) renew('contact', contact, contactIds);
    if (changed) records.set(partner.id, JSON.stringify(record));
    if (!fits(partner.id)) {
      const local = randomUUID();
      remember.run('organization', partner.id, local);
      partnerIds.set(partner.id, local);
    }
  }
  if (records.size === 0 && partnerIds.size === 0) return;

  const setRecord = db.prepare('UPDATE partners SET record = ? WHERE id = ?');
  for (const [id, record] of records) setRecord.run(record, id);
  const triggers = documentTriggers(db);
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  for (const [old, local] of partnerIds) {
    db.prepare('UPDATE partners SET id = ? WHERE id = ?').run(local, old);
    db.prepare('UPDATE documents SET partner_id = ? WHERE partner_id = ?').run(local, old);
    db.prepare('UPDATE consent_recipients SET partner_id = ? WHERE partner_id = ?').run(local, old);
    db.prepare("UPDATE audit SET subject_id = ? WHERE subject_type = 'partner' AND subject_id = ?").run(local, old);
  }
  for (const [old, local] of contactIds) db.prepare('UPDATE documents SET contact_id = ? WHERE contact_id = ?').run(local, old);
  for (const trigger of triggers) db.exec(trigger.sql);
}

export const migration0090: Migration = {
  version: 90,
  name: 'import-ids',
  up(db) {
    // IF NOT EXISTS: a store whose user_version was set back by hand (as tests of older migrations do) still opens; rekey finds nothing to do then.
    db.exec(`
      -- An id from an import file that does not fit the contract (kind: organization, service, contact) and the id it has here.
      CREATE TABLE IF NOT EXISTS import_ids (
        kind      TEXT NOT NULL CHECK (kind IN ('organization', 'service', 'contact')),
        source_id TEXT NOT NULL,
        local_id  TEXT NOT NULL,
        PRIMARY KEY (kind, source_id)
      ) STRICT;
    `);
    rekey(db);
  },
};
