import { keptStatement } from '../kept-statements';
import type { Db } from '../open';
import { reindexClient } from './clients';

/**
 * Which rows travel between the desk and the team store (docs/team-mode.md),
 * and the SQL that sends and applies them. Triggers, made from this table,
 * append every local write of a replicated row to `team_outbox` in the
 * write's own transaction; a pull writes the rows that came from the server
 * with `team_applying` set, so they are not sent back.
 *
 * A row travels as a JSON object of its columns (blobs as hex). Its entity
 * id is its primary key: the key's one value as text, or a JSON array of
 * several. Columns a desk keeps for itself (a rowid, an audit line's number)
 * stay home.
 */

type Row = 'NEW' | 'OLD';

export interface ReplicatedTable {
  /** The entity kind on the server. */
  kind: string;
  table: string;
  key: readonly string[];
  /** The client a row belongs to (a team's row); absent for the office's shared rows. */
  client?: (row: Row) => string;
  /** Columns that stay on this desk. */
  local?: readonly string[];
  blobs?: readonly string[];
  /** Rows that never change once written: a second copy of one is no conflict. */
  insertOnly?: boolean;
  /** Only rows that pass travel. */
  when?: (row: Row) => string;
  /** The key is a number only this desk counts (audit lines): the desk's id goes in front. */
  deskLocalKey?: boolean;
}

export const REPLICATED: readonly ReplicatedTable[] = [
  { kind: 'clients', table: 'clients', key: ['id'], client: (row) => `${row}.id`, local: ['rowid'] },
  { kind: 'documents', table: 'documents', key: ['id'], client: (row) => `${row}.client_id`, local: ['batch_id'] },
  { kind: 'consents', table: 'consents', key: ['id'], client: (row) => `${row}.client_id` },
  {
    kind: 'consent_recipients',
    table: 'consent_recipients',
    key: ['consent_id', 'position'],
    client: (row) => `(SELECT client_id FROM consents WHERE id = ${row}.consent_id)`,
  },
  { kind: 'deadline_actions', table: 'deadline_actions', key: ['kind', 'client_id', 'source_id', 'due_date'], client: (row) => `${row}.client_id` },
  { kind: 'audit', table: 'audit', key: ['id'], client: (row) => `${row}.client_id`, local: ['id'], insertOnly: true, deskLocalKey: true },
  { kind: 'partners', table: 'partners', key: ['id'] },
  // Built-in versions come with every Lotse; only what the office wrote travels.
  { kind: 'template_versions', table: 'template_versions', key: ['template_id', 'version'], when: (row) => `${row}.source = 'office'` },
  { kind: 'residence_statuses', table: 'residence_statuses', key: ['code'] },
  { kind: 'logos', table: 'logos', key: ['sha256'], blobs: ['data'], insertOnly: true },
];

/** The office part of the settings (letterhead, contact) travels as one entity; the counselor and the desk's own settings stay. */
export const OFFICE_KIND = 'office';
const OFFICE_ID = 'office';

export function replicatedTable(kind: string): ReplicatedTable | undefined {
  return REPLICATED.find((table) => table.kind === kind);
}

/** A version 4 UUID from SQLite's own randomness, so a trigger needs no function of the host. */
const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
const NOW_SQL = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const NOT_APPLYING = '(SELECT applying FROM team_applying) = 0';

function columnsOf(db: Db, table: ReplicatedTable): string[] {
  const all = keptStatement(db, 'SELECT name FROM pragma_table_info(?)', { pluck: true }).all(table.table) as string[];
  return all.filter((column) => !(table.local ?? []).includes(column));
}

function entityIdSql(table: ReplicatedTable, row: Row): string {
  if (table.deskLocalKey) return `(SELECT desk_id FROM team_link) || ':' || ${row}.${table.key[0]}`;
  if (table.key.length === 1) return `CAST(${row}.${table.key[0]} AS TEXT)`;
  return `json_array(${table.key.map((column) => `${row}.${column}`).join(', ')})`;
}

function payloadSql(columns: readonly string[], table: ReplicatedTable, row: Row): string {
  const blobs = table.blobs ?? [];
  return `json_object(${columns.map((column) => `'${column}', ${blobs.includes(column) ? `hex(${row}.${column})` : `${row}.${column}`}`).join(', ')})`;
}

/** An outbox entry on top of the entity's newest state on this desk: its last waiting change, else the last change from the server. */
function outboxInsertSql(kind: string, entityId: string, clientId: string, op: 'upsert' | 'delete', payload: string): string {
  return `INSERT INTO team_outbox (change_id, kind, entity_id, client_id, op, base_change, payload, made_at)
    VALUES (${UUID_SQL}, '${kind}', ${entityId}, ${clientId}, '${op}',
      COALESCE((SELECT change_id FROM team_outbox WHERE kind = '${kind}' AND entity_id = ${entityId} ORDER BY seq DESC LIMIT 1),
               (SELECT last_change FROM team_entities WHERE kind = '${kind}' AND entity_id = ${entityId})),
      ${payload}, ${NOW_SQL});`;
}

const TRIGGER_PREFIX = 'team_out_';

/** The triggers as SQL, made from the tables' columns as they are now (so they follow every later migration: see installOutboxTriggers). */
function outboxTriggersSql(db: Db): string[] {
  const statements: string[] = [];
  for (const table of REPLICATED) {
    const columns = columnsOf(db, table);
    const events: Array<['INSERT' | 'UPDATE' | 'DELETE', Row]> = table.insertOnly
      ? [['INSERT', 'NEW']]
      : [
          ['INSERT', 'NEW'],
          ['UPDATE', 'NEW'],
          ['DELETE', 'OLD'],
        ];
    for (const [event, row] of events) {
      const when = [NOT_APPLYING, table.when?.(row)].filter(Boolean).join(' AND ');
      const op = event === 'DELETE' ? 'delete' : 'upsert';
      const payload = event === 'DELETE' ? 'NULL' : payloadSql(columns, table, row);
      statements.push(`CREATE TRIGGER ${TRIGGER_PREFIX}${table.table}_${event.toLowerCase()} AFTER ${event} ON ${table.table} WHEN ${when}
        BEGIN ${outboxInsertSql(table.kind, entityIdSql(table, row), table.client?.(row) ?? 'NULL', op, payload)} END`);
    }
  }
  const office = (event: 'insert' | 'update', changed: string) =>
    `CREATE TRIGGER ${TRIGGER_PREFIX}office_${event} AFTER ${event.toUpperCase()} ON settings
      WHEN ${NOT_APPLYING} AND NEW.key = 'settings' AND ${changed}
      BEGIN ${outboxInsertSql(OFFICE_KIND, `'${OFFICE_ID}'`, 'NULL', 'upsert', `json_object('office', NEW.value -> '$.office')`)} END`;
  statements.push(office('insert', `NEW.value -> '$.office' IS NOT NULL`), office('update', `NEW.value -> '$.office' IS NOT OLD.value -> '$.office'`));
  // An erasure sends a tombstone without personal data, and what still waited of the person is dropped before it ever leaves.
  statements.push(`CREATE TRIGGER ${TRIGGER_PREFIX}erasures_insert AFTER INSERT ON erasures WHEN ${NOT_APPLYING}
    BEGIN
      DELETE FROM team_outbox WHERE client_id = NEW.client_id;
      DELETE FROM team_conflicts WHERE client_id = NEW.client_id;
      INSERT INTO team_outbox (change_id, kind, entity_id, client_id, op, base_change, payload, made_at)
      VALUES (${UUID_SQL}, 'clients', NEW.client_id, NEW.client_id, 'erase', NULL, NULL, ${NOW_SQL});
    END`);
  return statements;
}

/** Drops every outbox trigger (unlinking, or before making them anew). */
export function dropOutboxTriggers(db: Db): void {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_out_%'").pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER ${name}`);
}

/** Makes the triggers anew from the columns as they are: at linking and at every start of a linked desk (a migration may have added a column). */
export function installOutboxTriggers(db: Db): void {
  dropOutboxTriggers(db);
  for (const statement of outboxTriggersSql(db)) db.exec(statement);
}

/**
 * Everything the desk holds of the replicated tables, as outbox entries: what a desk
 * brings into a team when it is linked. What the team has already stays out, so a
 * joining desk takes the team's: whole kinds (`skipKinds`: a letterhead, residence
 * statuses, templates) and single shared rows (`skipEntities`, e.g. the directory
 * entries every Lotse ships).
 */
export function queueEverything(db: Db, skipKinds: ReadonlySet<string>, skipEntities: ReadonlyArray<{ kind: string; id: string }>): number {
  let queued = 0;
  for (const table of REPLICATED) {
    if (skipKinds.has(table.kind)) continue;
    const columns = columnsOf(db, table);
    const alias = 'NEW';
    const where = table.when ? `WHERE ${table.when(alias)}` : '';
    queued += db
      .prepare(
        `INSERT INTO team_outbox (change_id, kind, entity_id, client_id, op, base_change, payload, made_at)
         SELECT ${UUID_SQL}, '${table.kind}', ${entityIdSql(table, alias)}, ${table.client?.(alias) ?? 'NULL'}, 'upsert', NULL,
                ${payloadSql(columns, table, alias)}, ${NOW_SQL}
         FROM ${table.table} AS ${alias} ${where} ORDER BY ${table.key.map((column) => `${alias}.${column}`).join(', ')}`,
      )
      .run().changes;
  }
  if (!skipKinds.has(OFFICE_KIND)) {
    queued += db
      .prepare(
        `INSERT INTO team_outbox (change_id, kind, entity_id, client_id, op, base_change, payload, made_at)
         SELECT ${UUID_SQL}, '${OFFICE_KIND}', '${OFFICE_ID}', NULL, 'upsert', NULL, json_object('office', value -> '$.office'), ${NOW_SQL}
         FROM settings WHERE key = 'settings' AND value -> '$.office' IS NOT NULL`,
      )
      .run().changes;
  }
  const skip = db.prepare('DELETE FROM team_outbox WHERE kind = ? AND entity_id = ?');
  for (const entity of skipEntities) queued -= skip.run(entity.kind, entity.id).changes;
  return queued;
}

export type Payload = Record<string, unknown>;

/** The key columns' values of an entity id (the inverse of entityIdSql). */
function keyValues(table: ReplicatedTable, entityId: string): unknown[] {
  return table.key.length === 1 ? [entityId] : (JSON.parse(entityId) as unknown[]);
}

/**
 * Writes a row as it came from the server (or as a person merged it): inserted, or
 * updated where the key exists. Columns this desk does not know (a newer Lotse's)
 * are left out. Runs in the caller's transaction.
 */
export function writeEntity(db: Db, kind: string, entityId: string, payload: Payload): void {
  if (kind === OFFICE_KIND) {
    const office = JSON.stringify(payload.office ?? {});
    keptStatement(
      db,
      `INSERT INTO settings (key, value) VALUES ('settings', json_object('office', json(?)))
       ON CONFLICT (key) DO UPDATE SET value = json_set(value, '$.office', json(excluded.value -> '$.office'))`,
    ).run(office);
    return;
  }
  const table = replicatedTable(kind);
  if (!table) return;
  const known = new Set(columnsOf(db, table));
  const columns = Object.keys(payload).filter((column) => known.has(column));
  const blobs = table.blobs ?? [];
  const values = columns.map((column) => {
    const value = payload[column];
    return blobs.includes(column) && typeof value === 'string' ? Buffer.from(value, 'hex') : value;
  });
  if (table.deskLocalKey) {
    // A line from another desk gets a number of this desk's own.
    keptStatement(db, `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
    return;
  }
  const update = columns.filter((column) => !table.key.includes(column));
  keptStatement(
    db,
    `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (${table.key.join(', ')}) DO ${update.length > 0 ? `UPDATE SET ${update.map((column) => `${column} = excluded.${column}`).join(', ')}` : 'NOTHING'}`,
  ).run(...values);
  if (kind === 'clients') reindexClient(db, entityId);
}

/** Deletes a row another desk deleted; a client's search entries go with it. */
export function deleteEntity(db: Db, kind: string, entityId: string): void {
  const table = replicatedTable(kind);
  if (!table || table.deskLocalKey) return;
  if (kind === 'clients') {
    const rowid = keptStatement(db, 'SELECT rowid FROM clients WHERE id = ?', { pluck: true }).get(entityId) as number | undefined;
    if (rowid !== undefined) keptStatement(db, 'DELETE FROM clients_search WHERE rowid = ?').run(rowid);
  }
  keptStatement(db, `DELETE FROM ${table.table} WHERE ${table.key.map((column) => `${column} = ?`).join(' AND ')}`).run(...keyValues(table, entityId));
}

/** The row as the outbox would send it now, or null when there is none. */
export function readEntity(db: Db, kind: string, entityId: string): Payload | null {
  if (kind === OFFICE_KIND) {
    const office = db.prepare(`SELECT value -> '$.office' FROM settings WHERE key = 'settings'`).pluck().get() as string | null | undefined;
    return office ? { office: JSON.parse(office) as unknown } : null;
  }
  const table = replicatedTable(kind);
  if (!table || table.deskLocalKey) return null;
  const columns = columnsOf(db, table);
  const json = db
    .prepare(
      `SELECT ${payloadSql(columns, table, 'NEW' as Row)} FROM ${table.table} AS NEW WHERE ${table.key.map((column) => `NEW.${column} = ?`).join(' AND ')}`,
    )
    .pluck()
    .get(...keyValues(table, entityId)) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as Payload);
}

/** While set, the outbox triggers stay quiet: what is written came from the server. */
export function setApplying(db: Db, applying: boolean): void {
  keptStatement(db, 'UPDATE team_applying SET applying = ?').run(applying ? 1 : 0);
}
