import type { Migration } from './migration';

/**
 * Team mode on the desk (issue 18, docs/team-mode.md). Empty until the desk
 * is linked to a team store (team.connect); a desk on its own never writes here.
 *
 * - `team_link`: the one link, with the counselor's password: it lives only
 *   in this store, which is encrypted with the store's key.
 * - `team_outbox`: every local write to shared data, appended by triggers in
 *   the write's own transaction, until the server has answered it.
 *   `base_change` is the change the edit was made on top of.
 * - `team_entities`: per shared row, the last change this desk knows.
 * - `team_client_teams`: which team each client belongs to.
 * - `team_teams`: the store's teams (for a hand-over) and which are this counselor's.
 * - `team_conflicts`: edits the server did not take, both states, for a person.
 * - `team_applying`: 1 while a pull writes what came from the server, so the
 *   triggers do not send it back.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'team-sync',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS team_link (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        url          TEXT NOT NULL,
        role         TEXT NOT NULL,
        password     TEXT NOT NULL,
        display_name TEXT NOT NULL,
        desk_id      TEXT NOT NULL,
        team_id      TEXT NOT NULL,
        lead         INTEGER NOT NULL CHECK (lead IN (0, 1)),
        last_seq     INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        linked_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS team_outbox (
        seq         INTEGER PRIMARY KEY,
        change_id   TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        client_id   TEXT,
        op          TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'erase')),
        base_change TEXT,
        payload     TEXT CHECK (payload IS NULL OR json_valid(payload)),
        made_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS team_outbox_by_entity ON team_outbox (kind, entity_id);
      CREATE INDEX IF NOT EXISTS team_outbox_by_client ON team_outbox (client_id) WHERE client_id IS NOT NULL;

      CREATE TABLE IF NOT EXISTS team_entities (
        kind        TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        last_change TEXT NOT NULL,
        PRIMARY KEY (kind, entity_id)
      ) STRICT;

      CREATE TABLE IF NOT EXISTS team_client_teams (
        client_id TEXT PRIMARY KEY,
        team_id   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS team_teams (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        mine INTEGER NOT NULL CHECK (mine IN (0, 1)),
        lead INTEGER NOT NULL CHECK (lead IN (0, 1))
      ) STRICT;

      CREATE TABLE IF NOT EXISTS team_conflicts (
        id             TEXT PRIMARY KEY,
        kind           TEXT NOT NULL,
        entity_id      TEXT NOT NULL,
        client_id      TEXT,
        server_change  TEXT NOT NULL,
        server_payload TEXT CHECK (server_payload IS NULL OR json_valid(server_payload)),
        server_author  TEXT NOT NULL,
        server_at      TEXT NOT NULL,
        desk_payload   TEXT CHECK (desk_payload IS NULL OR json_valid(desk_payload)),
        desk_at        TEXT NOT NULL,
        -- The change that carries the person's decision, until the server has taken it.
        resolution     TEXT,
        UNIQUE (kind, entity_id)
      ) STRICT;

      CREATE TABLE IF NOT EXISTS team_applying (applying INTEGER NOT NULL CHECK (applying IN (0, 1))) STRICT;
      INSERT INTO team_applying (applying) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM team_applying);
    `);
  },
};
