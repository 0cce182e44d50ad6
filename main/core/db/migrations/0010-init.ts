import type { Migration } from './migration';

/** The first schema: settings, clients with their search index, documents. */
export const migration0010: Migration = {
  version: 10,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE clients (
        rowid                 INTEGER PRIMARY KEY,
        id                    TEXT NOT NULL UNIQUE,
        family_name           TEXT NOT NULL,
        given_name            TEXT NOT NULL,
        birth_date            TEXT,
        residence_status      TEXT,
        residence_valid_until TEXT,
        street                TEXT NOT NULL,
        postal_code           TEXT NOT NULL,
        city                  TEXT NOT NULL,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL
      ) STRICT;

      -- Folded name forms (see shared/domain/fold.ts), kept by the clients
      -- queries in the same transaction as the row. Contentless: the names
      -- themselves live only in clients, so an erasure leaves nothing here.
      CREATE VIRTUAL TABLE clients_search USING fts5(
        names,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );

      CREATE TABLE documents (
        id               TEXT PRIMARY KEY,
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        client_id        TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        partner_id       TEXT,
        field_values     TEXT NOT NULL CHECK (json_valid(field_values)),
        status           TEXT NOT NULL CHECK (status IN ('draft', 'final')),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_client ON documents(client_id, created_at);
    `);
  },
};
