import type { Deadline } from '../../../shared/api/contract';
import { addDaysIso, todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/deadlines';
import { getSettings } from './settings';

/** Expired consents stay on the list this long: time to renew one that is still needed. */
const EXPIRED_CONSENT_DAYS_SHOWN = 30;

/** Referrals are followed up this many days ahead: time to call before the date, not after. */
const FOLLOW_UP_LEAD_DAYS = 7;

/**
 * Permits that run out within their status's lead time, or have run out:
 * which statuses expire, how early to remind and what to do are data
 * (residence_statuses), so a change in law needs no change here.
 */
function residenceDeadlines(core: Core, today: string): Deadline[] {
  return queries.residencePermitsDue(core.db, today).map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    kind: 'residence-expiry',
    dueDate: row.due,
    overdue: row.due < today,
    subject: row.label,
    reminder: row.reminder_text,
    sourceId: null,
  }));
}

function consentDeadlines(core: Core, today: string): Deadline[] {
  const lead = getSettings(core).deadlines.consentLeadDays;
  return queries.consentsEndingBetween(core.db, addDaysIso(today, -EXPIRED_CONSENT_DAYS_SHOWN), addDaysIso(today, lead)).map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    kind: 'consent-expiry',
    dueDate: row.valid_until,
    overdue: row.valid_until < today,
    subject: row.recipients,
    // The screen explains consent deadlines in its own language; residence reminders are legal data.
    reminder: '',
    sourceId: row.id,
  }));
}

/** Referrals not yet closed whose follow-up date has come (or comes within the lead time). */
function followUpDeadlines(core: Core, today: string): Deadline[] {
  return queries.followUpsUntil(core.db, addDaysIso(today, FOLLOW_UP_LEAD_DAYS)).map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    kind: 'follow-up',
    dueDate: row.follow_up_date,
    overdue: row.follow_up_date < today,
    subject: [row.template_title ?? row.template_id, row.partner_name ?? ''].filter((part) => part !== '').join(' · '),
    reminder: '',
    sourceId: row.id,
  }));
}

/** Everything due, earliest first. */
export function listDeadlines(core: Core, date: string | undefined): Deadline[] {
  const today = date ?? todayIso(core.now());
  return [...residenceDeadlines(core, today), ...consentDeadlines(core, today), ...followUpDeadlines(core, today)].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName, 'de'),
  );
}
