import type { Db } from '../open';
import { templateTitleSql } from './documents';
import { fullNameSql } from './person-name';

/**
 * What the deadline list reads: one query per kind of deadline, each with
 * the client's name joined in, so the list costs three statements however
 * long it is. A closed case has no deadlines: its permit, consents and
 * referrals are no longer the counselor's to follow (clients.close).
 */

export interface ResidenceExpiryRow {
  client_id: string;
  client_name: string;
  due: string;
  label: string;
  reminder_text: string;
}

/** Permits of statuses that expire, ending on or before `today` plus their status's lead time. */
export function residencePermitsDue(db: Db, today: string): ResidenceExpiryRow[] {
  return db
    .prepare(
      `SELECT c.id AS client_id, ${fullNameSql('c')} AS client_name, c.residence_valid_until AS due, statuses.label, statuses.reminder_text
       FROM clients c JOIN residence_statuses statuses ON statuses.code = c.residence_status
       WHERE statuses.expires = 1 AND c.closed_on IS NULL
         AND c.residence_valid_until IS NOT NULL
         AND c.residence_valid_until <= date(?, '+' || statuses.reminder_lead_days || ' days')`,
    )
    .all(today) as ResidenceExpiryRow[];
}

export interface ExpiringConsentRow {
  id: string;
  client_id: string;
  client_name: string;
  valid_until: string;
  /** The recipients' names, comma-separated. */
  recipients: string;
}

/** Signed, unrevoked consents whose validity ends between `from` and `to`. */
export function consentsEndingBetween(db: Db, from: string, to: string): ExpiringConsentRow[] {
  return db
    .prepare(
      `SELECT consents.id, consents.client_id, ${fullNameSql('c')} AS client_name, consents.valid_until,
              (SELECT group_concat(name, ', ') FROM consent_recipients WHERE consent_id = consents.id) AS recipients
       FROM consents JOIN clients c ON c.id = consents.client_id
       WHERE consents.valid_until IS NOT NULL AND consents.revoked_on IS NULL AND c.closed_on IS NULL
         AND consents.signed_on IS NOT NULL
         AND consents.valid_until BETWEEN ? AND ?`,
    )
    .all(from, to) as ExpiringConsentRow[];
}

export interface FollowUpRow {
  id: string;
  client_id: string;
  client_name: string;
  follow_up_date: string;
  template_id: string;
  /** The title of the template version the document was written with. */
  template_title: string | null;
  partner_name: string | null;
}

/** Referrals not yet closed whose follow-up date is on or before `until`. */
export function followUpsUntil(db: Db, until: string): FollowUpRow[] {
  return db
    .prepare(
      `SELECT d.id, d.client_id, ${fullNameSql('c')} AS client_name, d.follow_up_date, d.template_id,
              ${templateTitleSql('d')} AS template_title, p.name AS partner_name
       FROM documents d JOIN clients c ON c.id = d.client_id LEFT JOIN partners p ON p.id = d.partner_id
       WHERE d.follow_up_date IS NOT NULL AND d.follow_up_date <= ? AND d.referral_status IS NOT 'closed' AND c.closed_on IS NULL`,
    )
    .all(until) as FollowUpRow[];
}
