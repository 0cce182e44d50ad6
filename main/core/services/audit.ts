import type { AuditEntry, Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { insertAuditEntry, listAuditEntries, type NewAuditEntry } from '../db/queries/audit';
import { getSettings } from './settings';

/** When and by whom: a request that already read the clock and the settings (a document context) passes them on. */
export interface AuditMoment {
  now: Date;
  settings: Settings;
}

/** Writes one line of the audit trail, inside the caller's transaction. */
export function recordAudit(
  core: Core,
  entry: Omit<NewAuditEntry, 'at' | 'actor'>,
  moment: AuditMoment = { now: core.now(), settings: getSettings(core) },
): void {
  insertAuditEntry(core.db, { ...entry, at: moment.now.toISOString(), actor: counselorOf(moment.settings) });
}

/** Who is at the desk: the counselor named in the settings. */
export function counselorOf(settings: Pick<Settings, 'counselor'>): string {
  return settings.counselor.name.trim() || 'unbekannt';
}

export function currentCounselor(core: Core): string {
  return counselorOf(getSettings(core));
}

export function listAudit(core: Core, limit: number): AuditEntry[] {
  return listAuditEntries(core.db, limit);
}
