import type { Client, ClientInput } from '../../../../shared/api/contract';
import type { ResidenceStatusCode } from '../../../../shared/domain/residence-status';
import { foldedVariants, foldName, words } from '../../../../shared/domain/fold';
import type { Db } from '../open';

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
  created_at: string;
  updated_at: string;
}

function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    birthDate: row.birth_date,
    residenceStatus: row.residence_status as ResidenceStatusCode | null,
    residenceValidUntil: row.residence_valid_until,
    address: { street: row.street, postalCode: row.postal_code, city: row.city },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(input: ClientInput) {
  return {
    family_name: input.familyName,
    given_name: input.givenName,
    birth_date: input.birthDate,
    residence_status: input.residenceStatus,
    residence_valid_until: input.residenceValidUntil,
    street: input.address.street,
    postal_code: input.address.postalCode,
    city: input.address.city,
  };
}

/** Every folded spelling of the client's names, as one space-separated text for FTS5. */
function searchText(input: ClientInput): string {
  return [input.familyName, input.givenName].flatMap(foldedVariants).join(' ');
}

function writeSearchEntry(db: Db, rowid: number, input: ClientInput): void {
  db.prepare('DELETE FROM clients_search WHERE rowid = ?').run(rowid);
  db.prepare('INSERT INTO clients_search (rowid, names) VALUES (?, ?)').run(rowid, searchText(input));
}

export function insertClient(db: Db, id: string, input: ClientInput, now: string): Client {
  const row = db
    .prepare(
      `INSERT INTO clients (id, family_name, given_name, birth_date, residence_status, residence_valid_until,
                            street, postal_code, city, created_at, updated_at)
       VALUES (@id, @family_name, @given_name, @birth_date, @residence_status, @residence_valid_until,
               @street, @postal_code, @city, @now, @now)
       RETURNING *`,
    )
    .get({ id, now, ...columns(input) }) as ClientRow;
  writeSearchEntry(db, row.rowid, input);
  return toClient(row);
}

export function updateClient(db: Db, id: string, input: ClientInput, now: string): Client | undefined {
  const row = db
    .prepare(
      `UPDATE clients SET family_name = @family_name, given_name = @given_name, birth_date = @birth_date,
              residence_status = @residence_status, residence_valid_until = @residence_valid_until,
              street = @street, postal_code = @postal_code, city = @city, updated_at = @now
       WHERE id = @id
       RETURNING *`,
    )
    .get({ id, now, ...columns(input) }) as ClientRow | undefined;
  if (row) writeSearchEntry(db, row.rowid, input);
  return row && toClient(row);
}

export function getClient(db: Db, id: string): Client | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && toClient(row);
}

/**
 * Each word of the query must be the start of some indexed name form; an
 * empty query lists the most recently changed clients.
 */
export function searchClients(db: Db, query: string, limit: number): Client[] {
  const terms = words(foldName(query));
  if (terms.length === 0) {
    const rows = db.prepare('SELECT * FROM clients ORDER BY updated_at DESC LIMIT ?').all(limit) as ClientRow[];
    return rows.map(toClient);
  }
  // Quoted terms keep FTS5 operators typed by the user (AND, NEAR, -) inert.
  const match = terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' ');
  const rows = db
    .prepare(
      `SELECT clients.* FROM clients_search
       JOIN clients ON clients.rowid = clients_search.rowid
       WHERE clients_search MATCH ?
       ORDER BY clients_search.rank, clients.family_name, clients.given_name
       LIMIT ?`,
    )
    .all(match, limit) as ClientRow[];
  return rows.map(toClient);
}
