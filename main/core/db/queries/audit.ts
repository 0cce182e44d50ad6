import type { AuditEntry, AuditFilter } from '../../../../shared/api/contract';
import type { Db } from '../open';

export interface NewAuditEntry {
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** The client the entry concerns, so an erasure can forget it (pseudonymiseAuditOfClient); never shown. */
  clientId: string | null;
  actor: string;
  /** Ids and field names only: the trail outlives erasures. */
  details: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  actor: string;
  details: string;
}

export function insertAuditEntry(db: Db, entry: NewAuditEntry): void {
  db.prepare('INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.clientId,
    entry.actor,
    JSON.stringify(entry.details),
  );
}

/**
 * GDPR Art. 17 on the trail: the lines about an erased client stay (what was
 * done, when, by whom) but no longer say whom they concerned: client_id, and
 * subject_id where the subject is the client, become NULL. The only change
 * the append-only trigger (migration 0100) lets through; details hold ids and
 * field names only, so nothing else in the line names the person.
 */
export function pseudonymiseAuditOfClient(db: Db, clientId: string): number {
  return db
    .prepare(
      `UPDATE audit SET subject_id = CASE WHEN subject_type = 'client' AND subject_id = @id THEN NULL ELSE subject_id END, client_id = NULL,
         details = ${WITHOUT_FREE_TEXT}
       WHERE client_id = @id OR (subject_type = 'client' AND subject_id = @id)`,
    )
    .run({ id: clientId }).changes;
}

/**
 * Lotse before schema 100 kept another legal basis and its reason (free text
 * that may name the person) in the `documents.finalize` line; since then the
 * line only marks the override. SQL for `details` without them: migration
 * 0100 cleans the store so, and an erasure in a backup of an older Lotse
 * (which has no trigger yet) cleans the person's lines so. Lines without a
 * reason keep their exact text (the trigger of a newer store allows no
 * other change).
 */
export const WITHOUT_FREE_TEXT = `CASE WHEN json_type(details, '$.reason') IS NOT NULL OR json_type(details, '$.legalBasis') IS NOT NULL
  THEN json_set(json_remove(details, '$.reason', '$.legalBasis'), '$.otherLegalBasis', json('true')) ELSE details END`;

/** The WHERE clause and its parameters for a filter; each field left out matches every line. */
function whereOf(filter: AuditFilter): { sql: string; params: Record<string, string> } {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (filter.from !== undefined) {
    conditions.push('substr(at, 1, 10) >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    conditions.push('substr(at, 1, 10) <= @to');
    params.to = filter.to;
  }
  for (const [key, column] of [
    ['action', 'action'],
    ['subjectType', 'subject_type'],
    ['actor', 'actor'],
    ['subjectId', 'subject_id'],
  ] as const) {
    const value = filter[key];
    if (value === undefined) continue;
    conditions.push(`${column} = @${key}`);
    params[key] = value;
  }
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}

/** The lines matching `filter`, newest first, `limit` of them after skipping `offset`. */
export function filterAuditEntries(db: Db, filter: AuditFilter, page: { limit: number; offset: number } | null): AuditEntry[] {
  const where = whereOf(filter);
  const paging = page === null ? '' : 'LIMIT @limit OFFSET @offset';
  const rows = db.prepare(`SELECT * FROM audit ${where.sql} ORDER BY id DESC ${paging}`).all({ ...where.params, ...(page ?? {}) }) as AuditRow[];
  return rows.map(entryOf);
}

export function countAuditEntries(db: Db, filter: AuditFilter): number {
  const where = whereOf(filter);
  return db.prepare(`SELECT count(*) FROM audit ${where.sql}`).pluck().get(where.params) as number;
}

/** The distinct values of a column, sorted, for the filter fields. */
export function distinctAuditValues(db: Db, column: 'action' | 'subject_type' | 'actor'): string[] {
  return db.prepare(`SELECT DISTINCT ${column} FROM audit ORDER BY ${column}`).pluck().all() as string[];
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: row.actor,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export function listAuditEntries(db: Db, limit: number, clientId?: string): AuditEntry[] {
  const rows = (
    clientId === undefined
      ? db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit)
      : db.prepare('SELECT * FROM audit WHERE client_id = ? ORDER BY id DESC LIMIT ?').all(clientId, limit)
  ) as AuditRow[];
  return rows.map(entryOf);
}
