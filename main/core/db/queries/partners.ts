import type { Partner, PartnerInput, POSTAL_ADDRESS_STATES } from '../../../../shared/api/contract';
import { partnerMatchKey } from '../../../../shared/domain/partner-key';
import type { Db } from '../open';

/** A partner as stored: ids on every service and contact. */
export type StoredPartnerRecord = PartnerInput & {
  services: Array<PartnerInput['services'][number] & { id: string }>;
  contacts: Array<PartnerInput['contacts'][number] & { id: string }>;
};

interface PartnerRow {
  id: string;
  assured_date: string | null;
  archived: number;
  record: string;
  created_at: string;
  updated_at: string;
}

/** Verified within the last 12 months, checked longer ago, or never checked. */
export function verificationOf(assuredDate: string | null, today: string): Partner['verification'] {
  if (assuredDate === null) return 'unverified';
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return assuredDate < yearAgo ? 'stale' : 'verified';
}

/** What a contact stored before a field existed reads as. */
const CONTACT_DEFAULTS = { formOfAddress: null, title: '' } as const;

/** A stored record as it reads today: fields added since it was written get their defaults. */
export function parseStoredRecord(json: string): StoredPartnerRecord {
  const record = JSON.parse(json) as StoredPartnerRecord;
  return {
    ...record,
    // The record's own type intersects two array types, whose map() would lose the ids.
    // Keys stay in their stored order, so that an import compares a record with its own JSON quickly.
    contacts: (record.contacts as Partner['contacts']).map((contact) => ({
      ...contact,
      formOfAddress: contact.formOfAddress ?? CONTACT_DEFAULTS.formOfAddress,
      title: contact.title ?? CONTACT_DEFAULTS.title,
    })),
    // Entries stored before the address had an addition.
    address: { ...record.address, addition: record.address.addition ?? '' },
  };
}

function toPartner(row: PartnerRow, today: string): Partner {
  const record = parseStoredRecord(row.record);
  return {
    ...record,
    id: row.id,
    archived: row.archived === 1,
    verification: verificationOf(record.assuredDate, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(record: StoredPartnerRecord) {
  return {
    name: record.name,
    name_key: partnerMatchKey(record.name, record.department),
    postal_code: record.address.postalCode,
    assured_date: record.assuredDate,
    record: JSON.stringify(record),
  };
}

const INSERT_PARTNER = `INSERT INTO partners (id, name, name_key, postal_code, assured_date, archived, record, created_at, updated_at)
  VALUES (@id, @name, @name_key, @postal_code, @assured_date, @archived, @record, @now, @now)`;
const UPDATE_PARTNER = `UPDATE partners SET name = @name, name_key = @name_key, postal_code = @postal_code, assured_date = @assured_date,
  record = @record, updated_at = @now WHERE id = @id`;
const SET_ARCHIVED = 'UPDATE partners SET archived = ?, updated_at = ? WHERE id = ?';

/** The writes of a partner, prepared once for a caller that writes many (an import). */
export function partnerWriter(db: Db) {
  const insert = db.prepare(INSERT_PARTNER);
  const update = db.prepare(UPDATE_PARTNER);
  const archive = db.prepare(SET_ARCHIVED);
  return {
    insert(id: string, record: StoredPartnerRecord, archived: boolean, now: string): void {
      insert.run({ id, archived: archived ? 1 : 0, now, ...columns(record) });
    },
    update(id: string, record: StoredPartnerRecord, now: string): boolean {
      return update.run({ id, now, ...columns(record) }).changes === 1;
    },
    setArchived(id: string, archived: boolean, now: string): boolean {
      return archive.run(archived ? 1 : 0, now, id).changes === 1;
    },
  };
}

export function insertPartner(db: Db, id: string, record: StoredPartnerRecord, archived: boolean, now: string): void {
  partnerWriter(db).insert(id, record, archived, now);
}

export function updatePartner(db: Db, id: string, record: StoredPartnerRecord, now: string): boolean {
  return partnerWriter(db).update(id, record, now);
}

export function setPartnerArchived(db: Db, id: string, archived: boolean, now: string): boolean {
  return partnerWriter(db).setArchived(id, archived, now);
}

export function deletePartner(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM partners WHERE id = ?').run(id).changes === 1;
}

export function getPartner(db: Db, id: string, today: string): Partner | undefined {
  const row = db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  return row && toPartner(row, today);
}

/** A text in the record that is not blank, as `isBlankAddressPart` (shared/domain/postal-address.ts) reads blank. */
const filled = (path: string) => `trim(coalesce(json_extract(record, '$.${path}'), ''), char(32, 9, 10, 13, 160)) <> ''`;

/** The rule of `hasPostalAddress` (shared/domain/postal-address.ts) in SQL: a complete post box, or street, postcode and city. */
const HAS_POSTAL_ADDRESS = `((${['postbox.label', 'postbox.postalCode', 'postbox.city'].map(filled).join(' AND ')})
  OR (${['address.street', 'address.postalCode', 'address.city'].map(filled).join(' AND ')}))`;

export interface PartnerListOptions {
  includeArchived: boolean;
  /** Only entries a letter can reach ('complete') or only those it cannot ('missing'). */
  postalAddress?: (typeof POSTAL_ADDRESS_STATES)[number] | undefined;
}

/** The whole directory, sorted by name: a few hundred entries at most, filtered further by the caller. */
export function listPartners(db: Db, today: string, { includeArchived, postalAddress }: PartnerListOptions): Partner[] {
  const conditions = [
    ...(includeArchived ? [] : ['archived = 0']),
    ...(postalAddress === undefined ? [] : [postalAddress === 'complete' ? HAS_POSTAL_ADDRESS : `NOT ${HAS_POSTAL_ADDRESS}`]),
  ];
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows = db.prepare(`SELECT * FROM partners ${where} ORDER BY name COLLATE NOCASE, id`).all() as PartnerRow[];
  return rows.map((row) => toPartner(row, today));
}

/** A directory entry as an import reads it: the record as stored, unparsed, so that a worker can take it. */
export interface StoredPartnerRow {
  id: string;
  archived: boolean;
  record: string;
}

type StoredRow = Omit<StoredPartnerRow, 'archived'> & { archived: number };
const toStoredRow = (row: StoredRow): StoredPartnerRow => ({ ...row, archived: row.archived === 1 });

/** The whole directory, archived entries too, oldest first (the order in which an import claims name matches). */
export function storedPartnerRows(db: Db): StoredPartnerRow[] {
  return (db.prepare('SELECT id, archived, record FROM partners ORDER BY created_at, id').all() as StoredRow[]).map(toStoredRow);
}

/** The stored record and archived flag of one entry, to see whether it changed since an import read it. */
export function storedPartnerRow(db: Db, id: string): StoredPartnerRow | undefined {
  const row = db.prepare('SELECT id, archived, record FROM partners WHERE id = ?').get(id) as StoredRow | undefined;
  return row && toStoredRow(row);
}

export function countPartners(db: Db): number {
  return db.prepare('SELECT count(*) FROM partners').pluck().get() as number;
}

/** How many documents and consents name the partner: such an entry is archived, never deleted. */
export function partnerReferenceCount(db: Db, id: string): number {
  return db
    .prepare(`SELECT (SELECT count(*) FROM documents WHERE partner_id = ?) + (SELECT count(*) FROM consent_recipients WHERE partner_id = ?)`)
    .pluck()
    .get(id, id) as number;
}
