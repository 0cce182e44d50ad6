import type { Deadline } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { consentsEndingBetween } from '../db/queries/consents';
import type { Db } from '../db/open';
import { getSettings } from './settings';
import { templateDefinition } from './templates';
import { followUpsUntil } from '../db/queries/documents';

/** Expired consents stay on the list this long: time to renew one that is still needed. */
const EXPIRED_CONSENT_DAYS_SHOWN = 30;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface ResidenceDeadlineRow {
  client_id: string;
  client_name: string;
  due: string;
  label: string;
  reminder_text: string;
}

/**
 * Permits that run out within their status's lead time, or have run out:
 * which statuses expire, how early to remind and what to do are data
 * (residence_statuses), so a change in law needs no change here.
 */
function residenceDeadlines(db: Db, today: string): Deadline[] {
  const rows = db
    .prepare(
      `SELECT clients.id AS client_id, trim(clients.given_name || ' ' || clients.family_name) AS client_name,
              clients.residence_valid_until AS due, statuses.label, statuses.reminder_text
       FROM clients JOIN residence_statuses statuses ON statuses.code = clients.residence_status
       WHERE statuses.expires = 1
         AND clients.residence_valid_until IS NOT NULL
         AND clients.residence_valid_until <= date(?, '+' || statuses.reminder_lead_days || ' days')`,
    )
    .all(today) as ResidenceDeadlineRow[];
  return rows.map((row) => ({
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
  const rows = consentsEndingBetween(core.db, addDays(today, -EXPIRED_CONSENT_DAYS_SHOWN), addDays(today, lead));
  const names = core.db.prepare("SELECT trim(given_name || ' ' || family_name) FROM clients WHERE id = ?").pluck();
  return rows.map((row) => ({
    clientId: row.client_id,
    clientName: names.get(row.client_id) as string,
    kind: 'consent-expiry',
    dueDate: row.valid_until,
    overdue: row.valid_until < today,
    subject: row.recipients,
    // The screen explains consent deadlines in its own language; residence reminders are legal data.
    reminder: '',
    sourceId: row.id,
  }));
}

/** Referrals are followed up this many days ahead: time to call before the date, not after. */
const FOLLOW_UP_LEAD_DAYS = 7;

/** Referrals not yet closed whose follow-up date has come (or comes within the lead time). */
function followUpDeadlines(core: Core, today: string): Deadline[] {
  return followUpsUntil(core.db, addDays(today, FOLLOW_UP_LEAD_DAYS)).map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    kind: 'follow-up',
    dueDate: row.follow_up_date,
    overdue: row.follow_up_date < today,
    subject: [templateDefinition(core, row.template_id, row.template_version).title, row.partner_name ?? ''].filter((part) => part !== '').join(' · '),
    reminder: '',
    sourceId: row.id,
  }));
}

/** Everything due, earliest first. */
export function listDeadlines(core: Core, date: string | undefined): Deadline[] {
  const today = date ?? todayIso(core.now());
  return [...residenceDeadlines(core.db, today), ...consentDeadlines(core, today), ...followUpDeadlines(core, today)].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName, 'de'),
  );
}
