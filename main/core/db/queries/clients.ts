import type { Client, ClientInput, ClientListFilter, ClientSort, CloseReason, DuplicateReason } from '../../../../shared/api/contract';
import { foldedVariants, foldName, words } from '../../../../shared/domain/fold';
import { clientSortName } from '../migrations/0140-client-list-order';
import { keptStatement } from '../kept-statements';
import type { Db } from '../open';
import { fullNameSql } from './person-name';

interface ClientRow {
  rowid: number;
  id: string;
  family_name: string;
  given_name: string;
  birth_date: string | null;
  residence_status: string | null;
  residence_valid_until: string | null;
  street: string;
  postal_code: string;
  city: string;
  details: string;
  closed_on: string | null;
  closed_reason: CloseReason | null;
  created_at: string;
  updated_at: string;
}

/**
 * The part of the record kept in the `details` JSON column. The address has
 * columns of its own but for its addition, which came later and is never
 * searched or filtered: it lives here, without a migration.
 */
type ClientDetails = Omit<ClientInput, 'familyName' | 'givenName' | 'birthDate' | 'residenceStatus' | 'residenceValidUntil' | 'address'> & {
  addressAddition: string;
};

/** What a row written before a field existed reads as. */
const EMPTY_DETAILS: ClientDetails = {
  otherNames: [],
  sex: null,
  title: '',
  birthPlace: '',
  nationalities: [],
  phone: '',
  email: '',
  preferredContact: null,
  languages: [],
  customerNumber: '',
  bgNumber: '',
  fileNumber: '',
  counselingFields: [],
  germanLevel: { level: null, certificate: '', certificateDate: null },
  education: '',
  qualifications: [],
  notes: '',
  addressAddition: '',
};

function toClient(row: ClientRow): Client {
  const { addressAddition, ...details } = { ...EMPTY_DETAILS, ...(JSON.parse(row.details) as Partial<ClientDetails>) };
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    birthDate: row.birth_date,
    residenceStatus: row.residence_status,
    residenceValidUntil: row.residence_valid_until,
    address: { addition: addressAddition, street: row.street, postalCode: row.postal_code, city: row.city },
    ...details,
    closedOn: row.closed_on,
    closedReason: row.closed_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(input: ClientInput) {
  const { familyName, givenName, birthDate, residenceStatus, residenceValidUntil, address, ...details } = input;
  return {
    family_name: familyName,
    given_name: givenName,
    birth_date: birthDate,
    residence_status: residenceStatus,
    residence_valid_until: residenceValidUntil,
    street: address.street,
    postal_code: address.postalCode,
    city: address.city,
    details: JSON.stringify({ ...details, addressAddition: address.addition } satisfies ClientDetails),
    sort_name: clientSortName(familyName, givenName),
  };
}

/** Numbers as the search compares them: `KD-123 45` → `kd12345`. */
export function numberKey(value: string): string {
  return foldName(value).replace(/[^a-z0-9]/g, '');
}

/** Every folded spelling of the client's names, as one space-separated text for FTS5. */
function searchText(input: SearchedFields): string {
  return [input.familyName, input.givenName, ...input.otherNames].flatMap(foldedVariants).join(' ');
}

type SearchedFields = Pick<ClientInput, 'familyName' | 'givenName' | 'otherNames' | 'customerNumber' | 'bgNumber' | 'fileNumber'>;

function writeSearchEntries(db: Db, rowid: number, id: string, input: SearchedFields): void {
  keptStatement(db, 'DELETE FROM clients_search WHERE rowid = ?').run(rowid);
  keptStatement(db, 'INSERT INTO clients_search (rowid, names) VALUES (?, ?)').run(rowid, searchText(input));
  keptStatement(db, 'DELETE FROM client_search_keys WHERE client_id = ?').run(id);
  const insertKey = keptStatement(db, 'INSERT INTO client_search_keys (client_id, kind, key) VALUES (?, ?, ?)');
  for (const [kind, value] of [
    ['customer', input.customerNumber],
    ['bg', input.bgNumber],
    ['file', input.fileNumber],
  ] as const) {
    const key = numberKey(value);
    if (key !== '') insertKey.run(id, kind, key);
  }
}

export function insertClient(db: Db, id: string, input: ClientInput, now: string): Client {
  const row = db
    .prepare(
      `INSERT INTO clients (id, family_name, given_name, birth_date, residence_status, residence_valid_until,
                            street, postal_code, city, details, sort_name, created_at, updated_at)
       VALUES (@id, @family_name, @given_name, @birth_date, @residence_status, @residence_valid_until,
               @street, @postal_code, @city, @details, @sort_name, @now, @now)
       RETURNING *`,
    )
    .get({ id, now, ...columns(input) }) as ClientRow;
  writeSearchEntries(db, row.rowid, id, input);
  return toClient(row);
}

export function updateClient(db: Db, id: string, input: ClientInput, now: string): Client | undefined {
  const row = db
    .prepare(
      `UPDATE clients SET family_name = @family_name, given_name = @given_name, birth_date = @birth_date,
              residence_status = @residence_status, residence_valid_until = @residence_valid_until,
              street = @street, postal_code = @postal_code, city = @city, details = @details, sort_name = @sort_name, updated_at = @now
       WHERE id = @id
       RETURNING *`,
    )
    .get({ id, now, ...columns(input) }) as ClientRow | undefined;
  if (row) writeSearchEntries(db, row.rowid, id, input);
  return row && toClient(row);
}

/** Search entries for a row another desk wrote (team mode's pull writes the row as it came, without this desk's index). */
export function reindexClient(db: Db, id: string): void {
  const row = keptStatement(db, 'SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  if (row) writeSearchEntries(db, row.rowid, id, toClient(row));
}

/** Marks the case closed on `closedOn` (with an optional reason code); undefined when there is no such client. */
export function closeClient(db: Db, id: string, closedOn: string, reason: CloseReason | null, now: string): Client | undefined {
  const row = db.prepare('UPDATE clients SET closed_on = ?, closed_reason = ?, updated_at = ? WHERE id = ? RETURNING *').get(closedOn, reason, now, id) as
    ClientRow | undefined;
  return row && toClient(row);
}

/** Opens a closed case again: closing day and reason are cleared. */
export function reopenClient(db: Db, id: string, now: string): Client | undefined {
  const row = db.prepare('UPDATE clients SET closed_on = NULL, closed_reason = NULL, updated_at = ? WHERE id = ? RETURNING *').get(now, id) as
    ClientRow | undefined;
  return row && toClient(row);
}

export interface ClosedCaseRow {
  client_id: string;
  name: string;
  closed_on: string;
  documents: number;
}

/** Every closed case closed on or before `closedUntil`, with the number of its documents. */
export function closedCases(db: Db, closedUntil: string): ClosedCaseRow[] {
  return db
    .prepare(
      `SELECT c.id AS client_id, ${fullNameSql('c')} AS name, c.closed_on,
              (SELECT count(*) FROM documents d WHERE d.client_id = c.id) AS documents
       FROM clients c
       WHERE c.closed_on IS NOT NULL AND c.closed_on <= ?`,
    )
    .all(closedUntil) as ClosedCaseRow[];
}

export function getClient(db: Db, id: string): Client | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && toClient(row);
}

/**
 * Removes the client's row and search entries; documents, consents and
 * number keys go with it (ON DELETE CASCADE). Returns false when there was
 * no such client.
 */
export function deleteClient(db: Db, id: string): boolean {
  const row = db.prepare('SELECT rowid FROM clients WHERE id = ?').get(id) as { rowid: number } | undefined;
  if (!row) return false;
  db.prepare('DELETE FROM clients_search WHERE rowid = ?').run(row.rowid);
  db.prepare('DELETE FROM clients WHERE id = ?').run(id);
  return true;
}

/** Whether the store has this table: a backup of an older Lotse may not (no audit trail before schema 20, no erasure log before 80). */
export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * What goes with the person, counted with plain SQL that every schema since
 * 10 understands (an older backup is erased from too); consents came with schema 20.
 */
export function countAttached(db: Db, id: string): { documents: number; consents: number } {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE client_id = ?`).pluck().get(id) as number;
  return { documents: count('documents'), consents: hasTable(db, 'consents') ? count('consents') : 0 };
}

/** Whether anything of the client is in the store: their record, or audit lines about them. */
export function holdsClient(db: Db, id: string): boolean {
  if (db.prepare('SELECT 1 FROM clients WHERE id = ?').get(id) !== undefined) return true;
  return hasTable(db, 'audit') && db.prepare('SELECT 1 FROM audit WHERE client_id = ?').get(id) !== undefined;
}

/**
 * FTS5 keeps a deleted term's key in its index pages until they are merged;
 * merging now leaves the erased names nowhere in the file.
 */
export function compactSearchIndex(db: Db): void {
  db.prepare("INSERT INTO clients_search (clients_search) VALUES ('optimize')").run();
}

/**
 * Copies the write-ahead log into the database file and empties it: after an
 * erasure the log would otherwise keep the erased pages until the next
 * checkpoint. Call it after the erasing transaction has committed.
 */
export function truncateWriteAheadLog(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export type ClientQuery = { kind: 'recent' } | { kind: 'birthDate'; date: string } | { kind: 'text'; nameTerms: string[]; numberKey: string };

/** Reads what the counselor typed: a date, or names and/or a number. */
export function parseClientQuery(query: string): ClientQuery {
  const trimmed = query.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (german) return { kind: 'birthDate', date: `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { kind: 'birthDate', date: trimmed };
  const nameTerms = words(foldName(trimmed)).filter((word) => /\p{L}/u.test(word));
  const key = /\d/.test(trimmed) ? numberKey(trimmed) : '';
  if (nameTerms.length === 0 && key === '') return { kind: 'recent' };
  return { kind: 'text', nameTerms, numberKey: key };
}

function nameMatches(db: Db, terms: string[], prefix: boolean, limit: number): ClientRow[] {
  // Quoted terms keep FTS5 operators typed by the user (AND, NEAR, -) inert.
  const match = terms.map((term) => `"${term.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' ');
  return db
    .prepare(
      `SELECT * FROM clients WHERE rowid IN (
         SELECT rowid FROM clients_search WHERE clients_search MATCH ? LIMIT ?)`,
    )
    .all(match, limit) as ClientRow[];
}

/** German order, as `localeCompare(…, 'de')` gives it; one collator rather than one lookup per comparison (1,000 clients of a serial letter: some 20,000). */
const GERMAN = new Intl.Collator('de');

function sortByName<Row extends Pick<ClientRow, 'family_name' | 'given_name'>>(rows: Row[]): Row[] {
  return rows.sort((a, b) => GERMAN.compare(a.family_name, b.family_name) || GERMAN.compare(a.given_name, b.given_name));
}

function rowsToClients(rows: ClientRow[]): Client[] {
  return rows.map(toClient);
}

/**
 * Clients matching the query: a birth date finds by date; otherwise every
 * name word must begin some indexed spelling, and a query with digits also
 * finds customer, BG and file numbers that begin with it. Number matches come
 * first: they are exact. An empty query lists the most recently changed.
 */
export function searchClients(db: Db, query: string, limit: number): Client[] {
  const parsed = parseClientQuery(query);
  if (parsed.kind === 'recent') {
    return rowsToClients(db.prepare('SELECT * FROM clients ORDER BY updated_at DESC LIMIT ?').all(limit) as ClientRow[]);
  }
  if (parsed.kind === 'birthDate') {
    return rowsToClients(
      db.prepare('SELECT * FROM clients WHERE birth_date = ? ORDER BY family_name, given_name LIMIT ?').all(parsed.date, limit) as ClientRow[],
    );
  }
  const found: Client[] = [];
  const seen = new Set<string>();
  const add = (rows: ClientRow[]) => {
    for (const row of rows) {
      if (seen.has(row.id) || found.length >= limit) continue;
      seen.add(row.id);
      found.push(toClient(row));
    }
  };
  if (parsed.numberKey !== '') {
    // Keys hold only [a-z0-9], so GLOB's wildcards cannot come from the user; a prefix GLOB uses the index.
    add(
      sortByName(
        db
          .prepare(
            `SELECT * FROM clients WHERE id IN (
               SELECT client_id FROM client_search_keys WHERE key GLOB ? LIMIT ?)`,
          )
          .all(`${parsed.numberKey}*`, limit) as ClientRow[],
      ),
    );
  }
  if (parsed.nameTerms.length > 0) {
    // Whole-word matches first (typing "Ali" should show Ali before Alina), then prefix matches.
    // Both stop at the limit inside FTS5: ranking every match of a short prefix over 100,000
    // clients costs tens of milliseconds, so the page is sorted by name afterwards instead.
    for (const prefix of [false, true]) {
      if (found.length >= limit) break;
      add(sortByName(nameMatches(db, parsed.nameTerms, prefix, limit)));
    }
  }
  return found;
}

export interface ClientSetFilter {
  residenceStatus?: string | undefined;
  /** Permit valid until a day in [from, until] (both `YYYY-MM-DD`, inclusive). */
  validUntilBetween?: { from: string; until: string } | undefined;
  counselingField?: string | undefined;
  clientIds?: string[] | undefined;
}

/**
 * The ids of the clients a serial letter goes to: every criterion given must
 * hold; sorted by name. Only ids and names are read here: the caller reads
 * each record when it gets to it (getClient), a slice at a time.
 */
export function clientIdsMatching(db: Db, filter: ClientSetFilter): string[] {
  const rows = db
    .prepare(
      `SELECT id, family_name, given_name FROM clients
       WHERE (@status IS NULL OR residence_status = @status)
         AND (@from IS NULL OR (residence_valid_until >= @from AND residence_valid_until <= @until))
         AND (@field IS NULL OR EXISTS (SELECT 1 FROM json_each(details, '$.counselingFields') WHERE value = @field))
         AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))`,
    )
    .all({
      status: filter.residenceStatus ?? null,
      from: filter.validUntilBetween?.from ?? null,
      until: filter.validUntilBetween?.until ?? null,
      field: filter.counselingField ?? null,
      ids: filter.clientIds === undefined ? null : JSON.stringify(filter.clientIds),
    }) as Array<Pick<ClientRow, 'id' | 'family_name' | 'given_name'>>;
  return sortByName(rows).map((row) => row.id);
}

/** The fields of a (perhaps unsaved) client that say who the person is. */
export interface IdentityFields {
  familyName: string;
  givenName: string;
  otherNames: readonly string[];
  birthDate: string | null;
  customerNumber: string;
  fileNumber: string;
}

export interface SimilarClient {
  client: Client;
  reasons: DuplicateReason[];
}

/** A folded word with ae/oe/ue read as the plain vowel: Mueller, Müller and Muller give `muller`. */
function looseWord(word: string): string {
  return word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/** The loose words of a name text. */
function looseWords(text: string): string[] {
  return words(foldName(text)).map(looseWord);
}

/**
 * Each way the person's full name may be written, as a sorted list of loose
 * words (order does not matter): family and given name, each other name with
 * the given name, and an other name of several words on its own (a full name
 * in another script or spelling).
 */
function nameForms(person: Pick<IdentityFields, 'familyName' | 'givenName' | 'otherNames'>): string[] {
  const forms = [`${person.familyName} ${person.givenName}`];
  for (const other of person.otherNames) {
    forms.push(`${other} ${person.givenName}`);
    if (words(foldName(other)).length > 1) forms.push(other);
  }
  return [...new Set(forms.map((form) => looseWords(form).sort().join(' ')).filter((form) => form !== ''))];
}

/** Every spelling of a typed word under which the search index may hold it (see searchText): Muller also finds a stored Mueller. */
function indexTermsOf(rawWord: string): string[] {
  const terms = new Set(foldedVariants(rawWord).flatMap((variant) => words(variant)));
  for (const term of [...terms]) {
    terms.add(looseWord(term));
    terms.add(term.replace(/[aou]/g, (vowel) => `${vowel}e`));
  }
  return [...terms];
}

const quoteTerm = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Clients whose indexed names hold every word of `name` in some spelling (FTS5, whole words). */
function clientsWithAllWords(db: Db, name: string, limit: number): ClientRow[] {
  const rawWords = name
    .toLocaleLowerCase('de-DE')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0);
  // A word that folds to nothing (marks or symbols only) cannot be looked up: it is left out, not sent as an empty group.
  const groups = rawWords.map((word) => indexTermsOf(word).filter((term) => term !== '')).filter((terms) => terms.length > 0);
  if (groups.length === 0) return [];
  const match = groups.map((terms) => `(${terms.map(quoteTerm).join(' OR ')})`).join(' AND ');
  return db
    .prepare('SELECT * FROM clients WHERE rowid IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ? LIMIT ?)')
    .all(match, limit) as ClientRow[];
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Names alike enough to be one person when the birth date is the same: a
 * name word in common (a married name added, given and family name swapped),
 * or family names a letter or two apart (Kovalenko, Kowalenko).
 */
function similarNames(a: IdentityFields, b: IdentityFields): boolean {
  const wordsOf = (person: IdentityFields) =>
    new Set([person.familyName, person.givenName, ...person.otherNames].flatMap(looseWords).filter((word) => word.length >= 2));
  const first = wordsOf(a);
  if ([...wordsOf(b)].some((word) => first.has(word))) return true;
  const familyA = looseWords(a.familyName).join('');
  const familyB = looseWords(b.familyName).join('');
  if (familyA === '' || familyB === '') return false;
  return editDistance(familyA, familyB) <= (Math.max(familyA.length, familyB.length) >= 6 ? 2 : 1);
}

/** How many rows each rule may look at: more than a person can check, fewer than would slow the form down. */
const CANDIDATE_LIMIT = 200;
/** The most the form shows. */
const SIMILAR_LIMIT = 20;

/**
 * Stored clients that may be the person described: the same names in any
 * order and spelling (through the search index), the same birth date with a
 * similar name (through the birth date index), the same customer or file
 * number (through the number keys; the BG number is shared by a household and
 * says nothing). Each with its reasons, most reasons first.
 */
export function similarClients(db: Db, person: IdentityFields, excludeId?: string): SimilarClient[] {
  const found = new Map<string, SimilarClient>();
  const note = (row: ClientRow, reason: DuplicateReason) => {
    if (row.id === excludeId) return;
    const entry = found.get(row.id) ?? { client: toClient(row), reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(row.id, entry);
  };

  const forms = new Set(nameForms(person));
  if (forms.size > 0) {
    const candidates = new Map<string, ClientRow>();
    for (const name of [`${person.familyName} ${person.givenName}`, ...person.otherNames.map((other) => `${other} ${person.givenName}`)]) {
      for (const row of clientsWithAllWords(db, name, CANDIDATE_LIMIT)) candidates.set(row.id, row);
    }
    for (const row of candidates.values()) {
      const client = toClient(row);
      if (nameForms(client).some((form) => forms.has(form))) note(row, 'sameName');
    }
  }

  if (person.birthDate !== null && (person.familyName.trim() !== '' || person.givenName.trim() !== '')) {
    const rows = db.prepare('SELECT * FROM clients WHERE birth_date = ? LIMIT ?').all(person.birthDate, CANDIDATE_LIMIT) as ClientRow[];
    for (const row of rows) if (similarNames(person, toClient(row))) note(row, 'birthDateSimilarName');
  }

  for (const [kind, reason, value] of [
    ['customer', 'customerNumber', person.customerNumber],
    ['file', 'fileNumber', person.fileNumber],
  ] as const) {
    const key = numberKey(value);
    if (key === '') continue;
    const rows = db
      .prepare('SELECT * FROM clients WHERE id IN (SELECT client_id FROM client_search_keys WHERE kind = ? AND key = ? LIMIT ?)')
      .all(kind, key, CANDIDATE_LIMIT) as ClientRow[];
    for (const row of rows) note(row, reason);
  }

  return [...found.values()]
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        a.client.familyName.localeCompare(b.client.familyName, 'de') ||
        a.client.givenName.localeCompare(b.client.givenName, 'de') ||
        a.client.id.localeCompare(b.client.id),
    )
    .slice(0, SIMILAR_LIMIT);
}

/**
 * The day of the last contact with a client, as far as the store knows it:
 * Lotse keeps no contact log, so it is the newest of the record's last change
 * and the newest document written for the person (an index lookup per row).
 */
const LAST_CONTACT_SQL = `max(c.updated_at, coalesce((SELECT max(d.created_at) FROM documents d WHERE d.client_id = c.id), ''))`;

const ORDER_BY: Record<ClientSort, string> = {
  name: 'c.sort_name, c.id',
  residenceValidUntil: 'c.residence_valid_until IS NULL, c.residence_valid_until, c.sort_name, c.id',
  lastContactOldest: 'last_contact, c.sort_name, c.id',
  lastContactNewest: 'last_contact DESC, c.sort_name, c.id',
  recent: 'c.updated_at DESC, c.id',
};

/**
 * The client list: what `query` finds (names by prefix in any spelling, a
 * birth date, a number), narrowed by `filter`, in the order `sort` names.
 * Each client with the timestamp of the last contact.
 */
export function listClients(db: Db, query: string, filter: ClientListFilter, sort: ClientSort, limit: number): Array<Client & { lastContact: string }> {
  const parsed = parseClientQuery(query);
  const where: string[] = [];
  const params: Record<string, unknown> = { limit };
  if (parsed.kind === 'birthDate') {
    where.push('c.birth_date = @birthDate');
    params.birthDate = parsed.date;
  } else if (parsed.kind === 'text') {
    const either: string[] = [];
    if (parsed.nameTerms.length > 0) {
      either.push('c.rowid IN (SELECT rowid FROM clients_search WHERE clients_search MATCH @match)');
      params.match = parsed.nameTerms.map((term) => `${quoteTerm(term)}*`).join(' ');
    }
    if (parsed.numberKey !== '') {
      either.push('c.id IN (SELECT client_id FROM client_search_keys WHERE key GLOB @numberPrefix)');
      params.numberPrefix = `${parsed.numberKey}*`;
    }
    where.push(`(${either.join(' OR ')})`);
  }
  if (filter.residenceStatus !== undefined) {
    where.push('c.residence_status = @status');
    params.status = filter.residenceStatus;
  }
  if (filter.validUntilFrom !== undefined) {
    where.push('c.residence_valid_until >= @validFrom');
    params.validFrom = filter.validUntilFrom;
  }
  if (filter.validUntilTo !== undefined) {
    where.push('c.residence_valid_until <= @validTo');
    params.validTo = filter.validUntilTo;
  }
  if (filter.counselingField !== undefined) {
    // The quoted code can only stand in the JSON as a string of its own (quotes in free text are escaped): a cheap test before json_each.
    where.push(`instr(c.details, @fieldQuoted) > 0 AND EXISTS (SELECT 1 FROM json_each(c.details, '$.counselingFields') WHERE value = @field)`);
    params.field = filter.counselingField;
    params.fieldQuoted = JSON.stringify(filter.counselingField);
  }
  if (filter.lastContactBefore !== undefined) {
    where.push(`${LAST_CONTACT_SQL} < @contactBefore`);
    params.contactBefore = filter.lastContactBefore;
  }
  if (filter.openOnly === true) where.push('c.closed_on IS NULL');
  const rows = db
    .prepare(
      `SELECT c.*, ${LAST_CONTACT_SQL} AS last_contact FROM clients c
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${ORDER_BY[sort]}
       LIMIT @limit`,
    )
    .all(params) as Array<ClientRow & { last_contact: string }>;
  return rows.map((row) => ({ ...toClient(row), lastContact: row.last_contact }));
}
