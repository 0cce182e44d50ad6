import type { Consent, ConsentInput, ConsentState } from '../../../../shared/api/contract';
import { looseKey } from '../../../../shared/domain/fold';
import type { Db } from '../open';

interface ConsentRow {
  id: string;
  client_id: string;
  purposes: string;
  data_categories: string;
  health_data: number;
  exchange: Consent['exchange'];
  signed_on: string | null;
  valid_until: string | null;
  revoked_on: string | null;
  explained_in: string;
  interpreter: string;
  notes: string;
  recorded_by: string;
  created_at: string;
  document_id: string | null;
}

interface RecipientRow {
  consent_id: string;
  partner_id: string | null;
  name: string;
}

/** A recipient named without a directory entry is matched by its name, loosely (looseKey). */
export function recipientKey(name: string): string {
  return looseKey(name);
}

/** What a consent is worth on `date`: only a signed, unexpired, unrevoked one covers anything. */
export function consentState(consent: Pick<Consent, 'signedOn' | 'validUntil' | 'revokedOn'>, date: string): ConsentState {
  if (consent.revokedOn !== null && consent.revokedOn <= date) return 'revoked';
  if (consent.signedOn === null || consent.signedOn > date) return 'unsigned';
  if (consent.validUntil !== null && consent.validUntil < date) return 'expired';
  return 'valid';
}

function toConsent(row: ConsentRow, recipients: RecipientRow[], date: string): Consent {
  const consent = {
    id: row.id,
    clientId: row.client_id,
    recipients: recipients.map((recipient) => ({ partnerId: recipient.partner_id, name: recipient.name })),
    purposes: JSON.parse(row.purposes) as string[],
    dataCategories: JSON.parse(row.data_categories) as Consent['dataCategories'],
    healthData: row.health_data === 1,
    exchange: row.exchange,
    signedOn: row.signed_on,
    validUntil: row.valid_until,
    revokedOn: row.revoked_on,
    documentId: row.document_id,
    explainedIn: row.explained_in,
    interpreter: row.interpreter,
    notes: row.notes,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
  return { ...consent, state: consentState(consent, date) };
}

function recipientsOf(db: Db, consentIds: string[]): Map<string, RecipientRow[]> {
  const byConsent = new Map<string, RecipientRow[]>(consentIds.map((id) => [id, []]));
  if (consentIds.length === 0) return byConsent;
  const rows = db
    .prepare(
      `SELECT consent_id, partner_id, name FROM consent_recipients
       WHERE consent_id IN (SELECT value FROM json_each(?)) ORDER BY consent_id, position`,
    )
    .all(JSON.stringify(consentIds)) as RecipientRow[];
  for (const row of rows) byConsent.get(row.consent_id)?.push(row);
  return byConsent;
}

/** `documentId`: the printed consent form the record was made from, if any. */
export function insertConsent(db: Db, id: string, input: ConsentInput, recordedBy: string, now: string, documentId: string | null = null): void {
  db.prepare(
    `INSERT INTO consents (id, client_id, purposes, data_categories, health_data, exchange, signed_on, valid_until,
                           revoked_on, explained_in, interpreter, notes, recorded_by, created_at, document_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.clientId,
    JSON.stringify(input.purposes),
    JSON.stringify(input.dataCategories),
    input.healthData ? 1 : 0,
    input.exchange,
    input.signedOn,
    input.validUntil,
    input.explainedIn,
    input.interpreter,
    input.notes,
    recordedBy,
    now,
    documentId,
  );
  const insertRecipient = db.prepare('INSERT INTO consent_recipients (consent_id, position, partner_id, name, name_key) VALUES (?, ?, ?, ?, ?)');
  input.recipients.forEach((recipient, position) => insertRecipient.run(id, position, recipient.partnerId, recipient.name, recipientKey(recipient.name)));
}

export function setConsentSigned(db: Db, id: string, signedOn: string): void {
  db.prepare('UPDATE consents SET signed_on = ? WHERE id = ?').run(signedOn, id);
}

export function setConsentRevoked(db: Db, id: string, revokedOn: string): void {
  db.prepare('UPDATE consents SET revoked_on = ? WHERE id = ?').run(revokedOn, id);
}

export function getConsent(db: Db, id: string, date: string): Consent | undefined {
  const row = db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
  return row && toConsent(row, recipientsOf(db, [row.id]).get(row.id) ?? [], date);
}

export function listConsents(db: Db, clientId: string, date: string): Consent[] {
  const rows = db.prepare('SELECT * FROM consents WHERE client_id = ? ORDER BY created_at DESC').all(clientId) as ConsentRow[];
  const recipients = recipientsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toConsent(row, recipients.get(row.id) ?? [], date));
}

type CoverQuery = { clientId: string; partnerId: string | null; recipientName: string | null; date: string };

/**
 * Consents that cover a recipient for a client on `date`: signed on or
 * before it, not expired, not revoked by then, naming the partner (by
 * directory id) or, for a recipient without an entry, its folded name.
 * Newest signature first.
 */
const COVERING_CONSENTS = `SELECT DISTINCT consents.* FROM consents
   JOIN consent_recipients recipients ON recipients.consent_id = consents.id
   WHERE consents.client_id = @clientId
     AND consents.signed_on IS NOT NULL AND consents.signed_on <= @date
     AND (consents.valid_until IS NULL OR consents.valid_until >= @date)
     AND (consents.revoked_on IS NULL OR consents.revoked_on > @date)
     AND ((@partnerId IS NOT NULL AND recipients.partner_id = @partnerId)
          OR (@nameKey IS NOT NULL AND recipients.name_key = @nameKey))
   ORDER BY consents.signed_on DESC, consents.created_at DESC`;

function coverParameters(query: CoverQuery) {
  return {
    clientId: query.clientId,
    partnerId: query.partnerId,
    date: query.date,
    nameKey: query.recipientName === null ? null : recipientKey(query.recipientName),
  };
}

export function coveringConsentIds(db: Db, query: CoverQuery): string[] {
  return (db.prepare(COVERING_CONSENTS).all(coverParameters(query)) as ConsentRow[]).map((row) => row.id);
}

/** The newest consent that covers the recipient, read in one go (the one a document refers to). */
export function newestCoveringConsent(db: Db, query: CoverQuery): Consent | undefined {
  const row = db.prepare(`${COVERING_CONSENTS} LIMIT 1`).get(coverParameters(query)) as ConsentRow | undefined;
  return row && toConsent(row, recipientsOf(db, [row.id]).get(row.id) ?? [], query.date);
}

export interface ExpiringConsentRow {
  id: string;
  client_id: string;
  valid_until: string;
  recipients: string;
}

/** Signed, unrevoked consents whose validity ends between `from` and `to`. */
export function consentsEndingBetween(db: Db, from: string, to: string): ExpiringConsentRow[] {
  return db
    .prepare(
      `SELECT consents.id, consents.client_id, consents.valid_until,
              (SELECT group_concat(name, ', ') FROM consent_recipients WHERE consent_id = consents.id) AS recipients
       FROM consents
       WHERE consents.valid_until IS NOT NULL AND consents.revoked_on IS NULL
         AND consents.signed_on IS NOT NULL
         AND consents.valid_until BETWEEN ? AND ?`,
    )
    .all(from, to) as ExpiringConsentRow[];
}
