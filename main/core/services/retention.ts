import type { Client, CloseReason, RetentionDue } from '../../../shared/api/contract';
import { addDaysIso, addMonthsIso, formatGermanDate, todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/clients';
import { FRESH_SETTINGS } from '../db/seed/settings';
import { DomainError, invalid, notFound } from '../errors';
import { recordAudit } from './audit';
import { getSettings } from './settings';

/**
 * Closing cases and the retention of closed ones (DOMAIN.md, Retention):
 * files are deleted when they are no longer needed, and each office sets how
 * long that is. Lotse lists who is past the period; erasing stays the
 * counselor's decision (clients.erase, after its confirmation), never
 * automatic.
 */

/** Closes the case on `closedOn` (today or earlier), in one transaction with its audit line (ids only). */
export function closeCase(core: Core, id: string, closedOn: string, reason: CloseReason | null): Client {
  const now = core.now();
  return core.db.transaction(() => {
    const current = queries.getClient(core.db, id);
    if (!current) throw notFound('client');
    if (current.closedOn !== null)
      throw new DomainError('conflict', { key: 'clients.alreadyClosed', params: { closedOn: formatGermanDate(current.closedOn) } });
    if (closedOn > todayIso(now)) throw invalid({ closedOn: { key: 'clients.closedOnInFuture' } });
    const client = queries.closeClient(core.db, id, closedOn, reason, now.toISOString())!;
    recordAudit(core, { action: 'clients.close', subjectType: 'client', subjectId: id, clientId: id, details: {} });
    return client;
  })();
}

/** Opens a closed case again: the retention period no longer runs. */
export function reopenCase(core: Core, id: string): Client {
  return core.db.transaction(() => {
    const current = queries.getClient(core.db, id);
    if (!current) throw notFound('client');
    if (current.closedOn === null) throw new DomainError('conflict', { key: 'clients.notClosed' });
    const client = queries.reopenClient(core.db, id, core.now().toISOString())!;
    recordAudit(core, { action: 'clients.reopen', subjectType: 'client', subjectId: id, clientId: id, details: {} });
    return client;
  })();
}

/** The months the office keeps a closed case (settings.retention). */
export function retentionMonths(core: Core): number {
  return (getSettings(core).retention ?? FRESH_SETTINGS.retention).closedCaseMonths;
}

/**
 * Persons whose case was closed longer ago than the period: due from the
 * closing day plus the period (a day the month lacks becomes its last, as
 * addMonthsIso counts) on. The longest due first.
 */
export function retentionDue(core: Core, date: string | undefined): { months: number; items: RetentionDue[] } {
  const today = date ?? todayIso(core.now());
  const months = retentionMonths(core);
  // Month ends make "today minus the period" up to three days earlier than the exact due day: the query takes a few days more, the filter decides.
  const candidates = queries.closedCases(core.db, addDaysIso(addMonthsIso(today, -months), 3));
  const items = candidates
    .map((row) => ({
      clientId: row.client_id,
      name: row.name,
      closedOn: row.closed_on,
      dueSince: addMonthsIso(row.closed_on, months),
      documents: row.documents,
    }))
    .filter((item) => item.dueSince <= today)
    .sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.name.localeCompare(b.name, 'de'));
  return { months, items };
}
