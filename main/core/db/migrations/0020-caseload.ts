import { seedResidenceStatuses } from '../seed/residence-statuses';
import type { Migration } from './migration';

/**
 * The caseload: the full client record, residence statuses as data,
 * consents with their recipients, and the audit trail.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'caseload',
  up(db) {
    db.exec(`
      CREATE TABLE residence_statuses (
        code               TEXT PRIMARY KEY,
        position           INTEGER NOT NULL,
        label              TEXT NOT NULL,
        expires            INTEGER NOT NULL CHECK (expires IN (0, 1)),
        reminder_lead_days INTEGER NOT NULL,
        reminder_text      TEXT NOT NULL,
        stand              TEXT NOT NULL
      ) STRICT;

      -- Everything of the client record that no query filters on lives in
      -- details (JSON); searched and dated fields stay columns with indexes.
      ALTER TABLE clients ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details));
      CREATE INDEX clients_by_birth_date ON clients(birth_date);
      CREATE INDEX clients_by_residence_expiry ON clients(residence_valid_until) WHERE residence_valid_until IS NOT NULL;
      CREATE INDEX clients_by_update ON clients(updated_at);

      -- Customer, BG and file numbers, normalised (lower case, letters and
      -- digits only), so that "KD-123 45" is found as "kd12345" or "12345".
      CREATE TABLE client_search_keys (
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        kind      TEXT NOT NULL,
        key       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_search_keys_by_key ON client_search_keys(key);
      CREATE INDEX client_search_keys_by_client ON client_search_keys(client_id);

      CREATE TABLE consents (
        id              TEXT PRIMARY KEY,
        client_id       TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        purposes        TEXT NOT NULL CHECK (json_valid(purposes)),
        data_categories TEXT NOT NULL CHECK (json_valid(data_categories)),
        health_data     INTEGER NOT NULL CHECK (health_data IN (0, 1)),
        exchange        TEXT NOT NULL,
        signed_on       TEXT,
        valid_until     TEXT,
        revoked_on      TEXT,
        explained_in    TEXT NOT NULL,
        interpreter     TEXT NOT NULL,
        notes           TEXT NOT NULL,
        recorded_by     TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_by_client ON consents(client_id);
      CREATE INDEX consents_by_expiry ON consents(valid_until) WHERE valid_until IS NOT NULL AND revoked_on IS NULL;

      CREATE TABLE consent_recipients (
        consent_id TEXT NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        partner_id TEXT,
        name       TEXT NOT NULL,
        -- folded name (shared/domain/fold.ts): recipients without a directory entry are matched by it
        name_key   TEXT NOT NULL,
        PRIMARY KEY (consent_id, position)
      ) STRICT;
      CREATE INDEX consent_recipients_by_partner ON consent_recipients(partner_id) WHERE partner_id IS NOT NULL;
      CREATE INDEX consent_recipients_by_name ON consent_recipients(name_key);

      -- The audit trail. details never holds names or other personal data,
      -- only ids and field names; client_id lets an erasure remove every
      -- line about the person and keep just the line that it happened.
      CREATE TABLE audit (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        action       TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id   TEXT,
        client_id    TEXT,
        actor        TEXT NOT NULL,
        details      TEXT NOT NULL CHECK (json_valid(details))
      ) STRICT;
      CREATE INDEX audit_by_client ON audit(client_id) WHERE client_id IS NOT NULL;

      -- Deleted names must not stay behind in the search index's pages.
      INSERT INTO clients_search(clients_search, rank) VALUES ('secure-delete', 1);
    `);
    seedResidenceStatuses(db);
    // Clients of schema 10 referred to statuses by these same codes; anything else becomes "sonstiges".
    db.exec(`UPDATE clients SET residence_status = 'sonstiges'
             WHERE residence_status IS NOT NULL AND residence_status NOT IN (SELECT code FROM residence_statuses)`);
  },
};
