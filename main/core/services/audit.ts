import type { AuditEntry } from '../../../shared/api/contract';
import type { Core } from '../core';
import { insertAuditEntry, listAuditEntries, type NewAuditEntry } from '../db/queries/audit';
import { getSettings } from './settings';

/** Writes one line of the audit trail, inside the caller's transaction. */
export function recordAudit(core: Core, entry: Omit<NewAuditEntry, 'at' | 'actor'>): void {
  insertAuditEntry(core.db, { ...entry, at: core.now().toISOString(), actor: currentCounselor(core) });
}

/** Who is at the desk: the counselor named in the settings. */
export function currentCounselor(core: Core): string {
  return getSettings(core).counselor.name.trim() || 'unbekannt';
}

export function listAudit(core: Core, limit: number): AuditEntry[] {
  return listAuditEntries(core.db, limit);
}
