import { foldName } from '../../../../shared/domain/fold';
import type { Db } from '../open';
import { templateTitleSql } from './documents';
import { fullNameSql } from './person-name';

/**
 * What the deadline list reads. Every kind of deadline is one branch of a
 * single SQL view (`due`), each branch bounded by an indexed date range, so
 * that SQLite orders, groups, counts and pages them: a page of 100 out of
 * thousands builds 100 rows, whatever the caseload. Names and subjects are
 * joined in for the page only. A closed case has no deadlines: its permit,
 * consents and referrals are no longer the counselor's to follow
 * (clients.close). What was done about a deadline (deadline_actions) is
 * keyed by kind, client, source ('' for the client's own permit) and due
 * date.
 */

export interface DueWindow {
  today: string;
  /** Expired consents stay on the list from this day on. */
  consentFrom: string;
  /** Consents ending up to this day are listed. */
  consentTo: string;
  /** Follow-ups and feedback dates up to this day are listed. */
  followUpUntil: string;
  weekEnd: string;
  monthEnd: string;
}

/** Registered once per connection: the German reading order of names (Ö with O, not after Z). */
const withSortKey = new WeakSet<Db>();
function registerSortKey(db: Db): void {
  if (withSortKey.has(db)) return;
  db.function('lotse_name_key', { deterministic: true }, (name: unknown) => foldName(String(name ?? '')));
  withSortKey.add(db);
}

/** The deadlines due in the window, one row each: kind, client, source ('' for none), due date and residence status. */
const DUE = `
  SELECT 'residence-expiry' AS kind, c.id AS client_id, '' AS source_id, c.residence_valid_until AS due_date, c.residence_status AS status_code
  FROM clients c JOIN residence_statuses statuses ON statuses.code = c.residence_status
  WHERE statuses.expires = 1 AND c.closed_on IS NULL AND c.residence_valid_until IS NOT NULL
    AND c.residence_valid_until <= (SELECT date(:today, '+' || max(reminder_lead_days) || ' days') FROM residence_statuses WHERE expires = 1)
    AND c.residence_valid_until <= date(:today, '+' || statuses.reminder_lead_days || ' days')
  UNION ALL
  SELECT 'consent-expiry', consents.client_id, consents.id, consents.valid_until, NULL
  FROM consents JOIN clients c ON c.id = consents.client_id
  WHERE consents.valid_until IS NOT NULL AND consents.revoked_on IS NULL AND c.closed_on IS NULL
    AND consents.signed_on IS NOT NULL AND consents.valid_until BETWEEN :consentFrom AND :consentTo
  UNION ALL
  SELECT 'follow-up', d.client_id, d.id, d.follow_up_date, NULL
  FROM documents d JOIN clients c ON c.id = d.client_id
  WHERE d.follow_up_date IS NOT NULL AND d.follow_up_date <= :followUpUntil AND d.referral_status IS NOT 'closed' AND c.closed_on IS NULL
  UNION ALL
  SELECT 'feedback', d.client_id, d.id, json_extract(d.field_values, '$.feedbackBy'), NULL
  FROM documents d JOIN clients c ON c.id = d.client_id
  WHERE d.status = 'final' AND d.referral_status IN ('created', 'handed-over')
    AND json_extract(d.field_values, '$.feedbackBy') BETWEEN '1900-01-01' AND :followUpUntil AND c.closed_on IS NULL
    AND json_extract(d.field_values, '$.feedbackBy') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/** Open and postponed deadlines with the date they show under (a postponed one: its new date). */
const OPEN = `
  SELECT due.*, a.action, a.postponed_to, a.note, a.acted_at, coalesce(a.postponed_to, due.due_date) AS shown_date
  FROM (${DUE}) due
  LEFT JOIN deadline_actions a ON a.kind = due.kind AND a.client_id = due.client_id AND a.source_id = due.source_id AND a.due_date = due.due_date
  WHERE a.action IS NOT 'done'`;

const GROUP_CONDITIONS = {
  overdue: 'shown_date < :today',
  week: 'shown_date BETWEEN :today AND :weekEnd',
  month: 'shown_date > :weekEnd AND shown_date <= :monthEnd',
  later: 'shown_date > :monthEnd',
} as const;

export type OpenGroup = keyof typeof GROUP_CONDITIONS;

export interface DeadlineRow {
  kind: string;
  client_id: string;
  source_id: string;
  due_date: string;
  status_code: string | null;
  action: 'done' | 'postponed' | null;
  postponed_to: string | null;
  note: string | null;
  acted_at: string | null;
  client_name: string;
  subject: string;
  reminder: string;
}

/** Joined in for a page's rows only: the client's name, what the deadline is about, the status's reminder. */
const DETAILS = `
  SELECT page.*, ${fullNameSql('c')} AS client_name,
         CASE page.kind
           WHEN 'residence-expiry' THEN coalesce(statuses.label, '')
           WHEN 'consent-expiry' THEN coalesce((SELECT group_concat(name, ', ') FROM consent_recipients WHERE consent_id = page.source_id), '')
           ELSE coalesce(${templateTitleSql('d')}, d.template_id, '') || coalesce(' · ' || p.name, '')
         END AS subject,
         CASE WHEN page.kind = 'residence-expiry' THEN coalesce(statuses.reminder_text, '') ELSE '' END AS reminder
  FROM page JOIN clients c ON c.id = page.client_id
  LEFT JOIN residence_statuses statuses ON statuses.code = c.residence_status AND page.kind = 'residence-expiry'
  LEFT JOIN documents d ON d.id = page.source_id AND page.kind IN ('follow-up', 'feedback')
  LEFT JOIN partners p ON p.id = d.partner_id`;

/** One page of open (and postponed) deadlines, by the date shown, then the client's name in German order. */
export function openDeadlinePage(
  db: Db,
  window: DueWindow,
  filter: { group: OpenGroup | null; kind: string | null },
  paging: { limit: number; offset: number },
): DeadlineRow[] {
  registerSortKey(db);
  const conditions = [filter.group ? GROUP_CONDITIONS[filter.group] : '1', filter.kind ? 'open.kind = :kind' : '1'].join(' AND ');
  return db
    .prepare(
      `WITH open AS (${OPEN}),
       page AS (
         SELECT open.*, lotse_name_key(${fullNameSql('c')}) AS name_key
         FROM open JOIN clients c ON c.id = open.client_id
         WHERE ${conditions}
         ORDER BY shown_date, name_key, open.client_id, open.kind, open.source_id
         LIMIT :limit OFFSET :offset)
       ${DETAILS}
       ORDER BY page.shown_date, page.name_key, page.client_id, page.kind, page.source_id`,
    )
    .all({ ...window, kind: filter.kind, ...paging }) as DeadlineRow[];
}

export interface GroupCounts {
  overdue: number;
  week: number;
  month: number;
  later: number;
  done: number;
}

/** How many open deadlines each group holds, and how many were marked done (of the kind, when given). */
export function deadlineCounts(db: Db, window: DueWindow, kind: string | null): GroupCounts {
  const kindFilter = kind ? 'WHERE kind = :kind' : '';
  const counts = db
    .prepare(
      `SELECT coalesce(sum(${GROUP_CONDITIONS.overdue}), 0) AS overdue, coalesce(sum(${GROUP_CONDITIONS.week}), 0) AS week,
              coalesce(sum(${GROUP_CONDITIONS.month}), 0) AS month, coalesce(sum(${GROUP_CONDITIONS.later}), 0) AS later,
              (SELECT count(*) FROM deadline_actions a JOIN clients c ON c.id = a.client_id
               WHERE a.action = 'done' AND c.closed_on IS NULL ${kind ? 'AND a.kind = :kind' : ''}) AS done
       FROM (${OPEN}) ${kindFilter}`,
    )
    .get({ ...window, kind }) as GroupCounts;
  return counts;
}

/** Deadlines marked done, the latest first (of open cases). */
export function doneDeadlinePage(db: Db, kind: string | null, paging: { limit: number; offset: number }): DeadlineRow[] {
  return db
    .prepare(
      `WITH page AS (
         SELECT a.kind, a.client_id, a.source_id, a.due_date, c.residence_status AS status_code, a.action, a.postponed_to, a.note, a.acted_at,
                a.due_date AS shown_date
         FROM deadline_actions a JOIN clients c ON c.id = a.client_id
         WHERE a.action = 'done' AND c.closed_on IS NULL ${kind ? 'AND a.kind = :kind' : ''}
         ORDER BY a.acted_at DESC, a.client_id, a.kind, a.source_id, a.due_date
         LIMIT :limit OFFSET :offset)
       ${DETAILS}
       ORDER BY page.acted_at DESC, page.client_id, page.kind, page.source_id, page.due_date`,
    )
    .all({ kind, ...paging }) as DeadlineRow[];
}

export interface DeadlineKey {
  kind: string;
  clientId: string;
  /** '' for the client's own data (the permit). */
  sourceId: string;
  dueDate: string;
}

/**
 * Whether the deadline exists in the store as named: the client's permit
 * ends on that day, the consent or the referral is the client's with that
 * date. Any day, not only within the lead time: a counselor may mark a
 * deadline done that the list does not show yet.
 */
export function deadlineExists(db: Db, key: DeadlineKey): boolean {
  const sql: Record<string, string> = {
    'residence-expiry': `SELECT 1 FROM clients WHERE id = :clientId AND :sourceId = '' AND residence_valid_until = :dueDate`,
    'consent-expiry': 'SELECT 1 FROM consents WHERE id = :sourceId AND client_id = :clientId AND valid_until = :dueDate',
    'follow-up': 'SELECT 1 FROM documents WHERE id = :sourceId AND client_id = :clientId AND follow_up_date = :dueDate',
    feedback: `SELECT 1 FROM documents WHERE id = :sourceId AND client_id = :clientId AND status = 'final' AND json_extract(field_values, '$.feedbackBy') = :dueDate`,
  };
  const query = sql[key.kind];
  return query !== undefined && db.prepare(query).get(key) !== undefined;
}

export function saveDeadlineAction(
  db: Db,
  key: DeadlineKey,
  action: { action: 'done' | 'postponed'; postponedTo: string | null; note: string; actedAt: string; actedBy: string },
): void {
  db.prepare(
    `INSERT INTO deadline_actions (kind, client_id, source_id, due_date, action, postponed_to, note, acted_at, acted_by)
     VALUES (:kind, :clientId, :sourceId, :dueDate, :action, :postponedTo, :note, :actedAt, :actedBy)
     ON CONFLICT (kind, client_id, source_id, due_date) DO UPDATE SET
       action = excluded.action, postponed_to = excluded.postponed_to, note = excluded.note, acted_at = excluded.acted_at, acted_by = excluded.acted_by`,
  ).run({ ...key, ...action });
}

/** Removes what was recorded about the deadline; whether there was anything. */
export function deleteDeadlineAction(db: Db, key: DeadlineKey): boolean {
  return (
    db.prepare('DELETE FROM deadline_actions WHERE kind = :kind AND client_id = :clientId AND source_id = :sourceId AND due_date = :dueDate').run(key).changes >
    0
  );
}
