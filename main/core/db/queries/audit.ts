import type { AuditEntry } from '../../../../shared/api/contract';
import type { Db } from '../open';

export interface NewAuditEntry {
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** The client the entry concerns, so an erasure can remove it; never shown. */
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

export function deleteAuditEntriesOfClient(db: Db, clientId: string): number {
  return db.prepare('DELETE FROM audit WHERE client_id = ?').run(clientId).changes;
}

export function listAuditEntries(db: Db, limit: number, clientId?: string): AuditEntry[] {
  const rows = (
    clientId === undefined
      ? db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit)
      : db.prepare('SELECT * FROM audit WHERE client_id = ? ORDER BY id DESC LIMIT ?').all(clientId, limit)
  ) as AuditRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: row.actor,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
