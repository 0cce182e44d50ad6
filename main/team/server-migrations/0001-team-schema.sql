-- Team mode (docs/team-mode.md): the shared store's schema. Idempotent: IT may
-- run `team-admin init` again at any time, and a second run changes nothing.

CREATE SCHEMA IF NOT EXISTS lotse;

DO $$ BEGIN
  CREATE ROLE lotse_counselor NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS lotse.teams (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200)
);

-- Which PostgreSQL role belongs to which team; a lead may change the shared wording (templates, settings).
CREATE TABLE IF NOT EXISTS lotse.memberships (
  role_name name NOT NULL,
  team_id uuid NOT NULL REFERENCES lotse.teams (id),
  lead boolean NOT NULL DEFAULT false,
  display_name text NOT NULL,
  PRIMARY KEY (role_name, team_id)
);

-- The current state of every shared row; team_id NULL = the whole office's (directory, templates, settings).
CREATE TABLE IF NOT EXISTS lotse.entities (
  kind text NOT NULL,
  id uuid NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  version bigint NOT NULL,
  payload jsonb,
  erased boolean NOT NULL DEFAULT false,
  PRIMARY KEY (kind, id)
);

-- Every applied change, in the order the server took it: desks pull by seq.
CREATE TABLE IF NOT EXISTS lotse.changes (
  seq bigserial PRIMARY KEY,
  change_id uuid NOT NULL UNIQUE,
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  base_version bigint,
  version bigint NOT NULL,
  payload jsonb,
  author name NOT NULL DEFAULT current_user,
  made_at timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- An edit whose base was no longer the server's: both states kept for a person to decide.
CREATE TABLE IF NOT EXISTS lotse.conflicts (
  change_id uuid PRIMARY KEY,
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  base_version bigint,
  server_version bigint NOT NULL,
  server_payload jsonb,
  desk_payload jsonb,
  author name NOT NULL DEFAULT current_user,
  made_at timestamptz NOT NULL,
  resolved_by uuid
);

CREATE INDEX IF NOT EXISTS changes_team_seq ON lotse.changes (team_id, seq);

ALTER TABLE lotse.entities ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.memberships ENABLE ROW LEVEL SECURITY;

-- A counselor sees the office's shared rows and the rows of their own teams, nothing else.
CREATE OR REPLACE FUNCTION lotse.my_teams() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotse AS $$
  SELECT team_id FROM lotse.memberships WHERE role_name = session_user
$$;

DROP POLICY IF EXISTS own_or_shared ON lotse.entities;
CREATE POLICY own_or_shared ON lotse.entities USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_or_shared ON lotse.changes;
CREATE POLICY own_or_shared ON lotse.changes USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_or_shared ON lotse.conflicts;
CREATE POLICY own_or_shared ON lotse.conflicts USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_memberships ON lotse.memberships;
CREATE POLICY own_memberships ON lotse.memberships FOR SELECT USING (role_name = session_user);

GRANT USAGE ON SCHEMA lotse TO lotse_counselor;
GRANT SELECT ON lotse.teams, lotse.memberships TO lotse_counselor;
GRANT SELECT, INSERT, UPDATE ON lotse.entities, lotse.changes, lotse.conflicts TO lotse_counselor;
GRANT USAGE ON SEQUENCE lotse.changes_seq_seq TO lotse_counselor;
