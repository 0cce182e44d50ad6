import { seedPartnerDirectory } from '../seed/partner-directory';
import type { Migration } from './migration';

/** The network directory (HSDS-shaped), seeded with the district's actors. */
export const migration0030: Migration = {
  version: 30,
  name: 'network',
  up(db) {
    db.exec(`
      CREATE TABLE partners (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        -- folded name (with department) and postcode: an imported entry without a known id matches by both
        name_key    TEXT NOT NULL,
        postal_code TEXT NOT NULL,
        assured_date TEXT,
        archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        record      TEXT NOT NULL CHECK (json_valid(record)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX partners_by_name_postcode ON partners(name_key, postal_code);
    `);
    seedPartnerDirectory(db, new Date().toISOString());
  },
};
