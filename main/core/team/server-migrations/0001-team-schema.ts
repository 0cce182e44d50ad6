import type { ServerMigration } from '../server-schema';

/**
 * Team mode's shared store (docs/team-mode.md). Idempotent: IT may run
 * `team-admin init` again at any time, and a second run changes nothing.
 *
 * - `entities`: the current state of every shared row, with the change that
 *   made it (`last_change`); a desk's edit is applied only when it was made
 *   on top of that change, else it becomes a conflict.
 * - `changes`: every applied change in the order the server took it; desks
 *   pull by `seq`. Pushes hold one lock, so `seq` order is commit order and
 *   a desk that has pulled up to n never misses a change below n.
 * - Row-level security: a counselor sees the office's shared rows
 *   (team_id NULL) and the rows of their own teams, nothing else.
 */
export const migration0001: ServerMigration = {
  version: 1,
  name: 'team-schema',
  sql: String.raw`
CREATE SCHEMA IF NOT EXISTS lotse;

DO $$ BEGIN
  CREATE ROLE lotse_counselor NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS lotse.teams (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200)
);

-- Which login role belongs to which team; a lead may change the shared wording (templates, letterhead, residence statuses).
CREATE TABLE IF NOT EXISTS lotse.memberships (
  role_name name NOT NULL,
  team_id uuid NOT NULL REFERENCES lotse.teams (id),
  lead boolean NOT NULL DEFAULT false,
  display_name text NOT NULL,
  PRIMARY KEY (role_name, team_id)
);

CREATE TABLE IF NOT EXISTS lotse.entities (
  kind text NOT NULL,
  id text NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  client_id text,
  last_change uuid NOT NULL,
  -- NULL once the row was deleted: an edit on top of an older state is still a conflict.
  payload jsonb,
  updated_by name NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS entities_by_client ON lotse.entities (client_id) WHERE client_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS lotse.changes (
  seq bigserial PRIMARY KEY,
  change_id uuid NOT NULL UNIQUE,
  desk_id uuid NOT NULL,
  kind text NOT NULL,
  entity_id text NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  client_id text,
  op text NOT NULL CHECK (op IN ('upsert', 'delete', 'erase', 'handover')),
  payload jsonb,
  author name NOT NULL DEFAULT session_user,
  made_at timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS changes_by_client ON lotse.changes (client_id) WHERE client_id IS NOT NULL;

-- A desk's edit whose base was no longer the server's: both states, kept for a person to decide.
CREATE TABLE IF NOT EXISTS lotse.conflicts (
  change_id uuid PRIMARY KEY,
  desk_id uuid NOT NULL,
  kind text NOT NULL,
  entity_id text NOT NULL,
  team_id uuid REFERENCES lotse.teams (id),
  client_id text,
  base_change uuid,
  server_change uuid NOT NULL,
  server_payload jsonb,
  server_author name NOT NULL,
  server_at timestamptz NOT NULL,
  desk_payload jsonb,
  author name NOT NULL DEFAULT session_user,
  made_at timestamptz NOT NULL,
  -- The change that decided it (team.resolve), NULL while open.
  resolved_by uuid
);
CREATE INDEX IF NOT EXISTS conflicts_by_client ON lotse.conflicts (client_id) WHERE client_id IS NOT NULL;

ALTER TABLE lotse.entities ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE lotse.memberships ENABLE ROW LEVEL SECURITY;

-- SECURITY DEFINER: the policies below read memberships, which a counselor may not read in full.
CREATE OR REPLACE FUNCTION lotse.my_teams() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotse, pg_temp AS $$
  SELECT team_id FROM lotse.memberships WHERE role_name = session_user
$$;

CREATE OR REPLACE FUNCTION lotse.i_lead() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotse, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM lotse.memberships WHERE role_name = session_user AND lead)
$$;

-- The names of the people in my teams: a conflict says who made the server's state.
CREATE OR REPLACE FUNCTION lotse.team_members() RETURNS TABLE (role_name name, display_name text) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = lotse, pg_temp AS $$
  SELECT DISTINCT m.role_name, m.display_name FROM lotse.memberships m WHERE m.team_id IN (SELECT lotse.my_teams())
$$;

DROP POLICY IF EXISTS own_or_shared ON lotse.entities;
CREATE POLICY own_or_shared ON lotse.entities USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_or_shared ON lotse.changes;
CREATE POLICY own_or_shared ON lotse.changes USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_or_shared ON lotse.conflicts;
CREATE POLICY own_or_shared ON lotse.conflicts USING (team_id IS NULL OR team_id IN (SELECT lotse.my_teams()));
DROP POLICY IF EXISTS own_memberships ON lotse.memberships;
CREATE POLICY own_memberships ON lotse.memberships FOR SELECT USING (role_name = session_user);

-- Every push, erasure and hand-over takes this lock first: seq is then handed out in commit order.
CREATE OR REPLACE FUNCTION lotse.lock_changes() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(7347001)
$$;

-- An erasure (GDPR Art. 17): the client's rows go, the payloads of their earlier changes and conflicts are blanked,
-- and one tombstone without personal data tells every desk of the team to erase too.
CREATE OR REPLACE FUNCTION lotse.erase_client(client text, change uuid, desk uuid, team uuid, made timestamptz) RETURNS void LANGUAGE plpgsql
SET search_path = lotse, pg_temp AS $$
BEGIN
  DELETE FROM lotse.entities WHERE client_id = client;
  UPDATE lotse.changes SET payload = NULL WHERE client_id = client AND payload IS NOT NULL;
  UPDATE lotse.conflicts SET server_payload = NULL, desk_payload = NULL WHERE client_id = client;
  INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, made_at)
  VALUES (change, desk, 'clients', client, team, client, 'erase', NULL, made);
END $$;

-- Kinds only a team lead changes; the desk checks it too, this is what holds.
CREATE OR REPLACE FUNCTION lotse.lead_only(kind text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT kind IN ('template_versions', 'office', 'residence_statuses')
$$;

/*
 * One batch of a desk's outbox, in one transaction: each change is applied when it was made on top of the
 * server's state (base_change = last_change), or kept as a conflict. A change the server has seen before
 * (a push repeated after a crash) changes nothing and gets its first answer again. SECURITY INVOKER: the
 * row-level policies hold for everything written here.
 */
CREATE OR REPLACE FUNCTION lotse.push(desk uuid, batch jsonb) RETURNS jsonb LANGUAGE plpgsql SET search_path = lotse, pg_temp AS $$
DECLARE
  c jsonb;
  cid uuid;
  base uuid;
  current lotse.entities;
  seen lotse.conflicts;
  answers jsonb := '[]'::jsonb;
  made timestamptz;
  team uuid;
BEGIN
  PERFORM lotse.lock_changes();
  FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
    cid := (c ->> 'changeId')::uuid;
    base := (c ->> 'baseChange')::uuid;
    made := (c ->> 'madeAt')::timestamptz;
    team := (c ->> 'teamId')::uuid;
    IF EXISTS (SELECT 1 FROM lotse.changes WHERE change_id = cid) THEN
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      CONTINUE;
    END IF;
    SELECT * INTO seen FROM lotse.conflicts WHERE change_id = cid;
    IF FOUND THEN
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'conflict', 'serverChange', seen.server_change,
        'serverPayload', seen.server_payload, 'serverAuthor', seen.server_author, 'serverAt', seen.server_at);
      CONTINUE;
    END IF;
    IF c ->> 'op' = 'erase' THEN
      PERFORM lotse.erase_client(c ->> 'entityId', cid, desk, team, made);
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      CONTINUE;
    END IF;
    SELECT * INTO current FROM lotse.entities WHERE kind = c ->> 'kind' AND id = c ->> 'entityId' FOR UPDATE;
    IF lotse.lead_only(c ->> 'kind') AND NOT lotse.i_lead() THEN
      -- With the server's state, so the desk can put it back.
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'refused', 'serverChange', current.last_change,
        'serverPayload', current.payload, 'serverAuthor', current.updated_by, 'serverAt', current.updated_at);
      CONTINUE;
    END IF;
    IF NOT FOUND AND base IS NOT NULL THEN
      -- Erased, or handed over to a team this counselor is not in: the pull brings the tombstone.
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'gone');
      CONTINUE;
    END IF;
    IF FOUND AND (c ->> 'insertOnly')::boolean THEN
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      CONTINUE;
    END IF;
    IF FOUND AND current.last_change IS DISTINCT FROM base THEN
      INSERT INTO lotse.conflicts (change_id, desk_id, kind, entity_id, team_id, client_id, base_change, server_change, server_payload,
                                   server_author, server_at, desk_payload, made_at)
      VALUES (cid, desk, current.kind, current.id, current.team_id, current.client_id, base, current.last_change, current.payload,
              current.updated_by, current.updated_at, c -> 'payload', made);
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'conflict', 'serverChange', current.last_change,
        'serverPayload', current.payload, 'serverAuthor', current.updated_by, 'serverAt', current.updated_at);
      CONTINUE;
    END IF;
    IF FOUND AND c ->> 'op' = 'delete' THEN
      -- A deletion cascaded from a row already gone may not know its client any more: the row keeps its team.
      team := current.team_id;
    END IF;
    INSERT INTO lotse.entities AS e (kind, id, team_id, client_id, last_change, payload, updated_by, updated_at)
    VALUES (c ->> 'kind', c ->> 'entityId', team, COALESCE(c ->> 'clientId', current.client_id), cid,
            CASE WHEN c ->> 'op' = 'delete' THEN NULL ELSE c -> 'payload' END, session_user, made)
    ON CONFLICT (kind, id) DO UPDATE SET team_id = EXCLUDED.team_id, client_id = EXCLUDED.client_id, last_change = EXCLUDED.last_change,
      payload = EXCLUDED.payload, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at;
    INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, made_at)
    VALUES (cid, desk, c ->> 'kind', c ->> 'entityId', team, COALESCE(c ->> 'clientId', current.client_id), c ->> 'op',
            CASE WHEN c ->> 'op' = 'delete' THEN NULL ELSE c -> 'payload' END, made);
    IF c ? 'resolves' THEN
      UPDATE lotse.conflicts SET resolved_by = cid WHERE change_id = (c ->> 'resolves')::uuid;
    END IF;
    answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
  END LOOP;
  NOTIFY lotse_changes;
  RETURN answers;
END $$;

/*
 * A hand-over: the client and everything of theirs move to another team. The new team's desks get every row as a
 * fresh change of that team; the old team gets one 'handover' change, and its desks that are not in the new team
 * drop their copy. SECURITY DEFINER, since the rows move to a team the caller may not write; it checks first that
 * the client is in one of the caller's teams.
 */
CREATE OR REPLACE FUNCTION lotse.hand_over(client text, to_team uuid, change uuid, desk uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = lotse, pg_temp AS $$
DECLARE
  from_team uuid;
  row lotse.entities;
  fresh uuid;
BEGIN
  PERFORM lotse.lock_changes();
  SELECT team_id INTO from_team FROM lotse.entities WHERE kind = 'clients' AND id = client;
  IF from_team IS NULL OR from_team NOT IN (SELECT team_id FROM lotse.memberships WHERE role_name = session_user) THEN
    RAISE EXCEPTION 'lotse: not your client' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM lotse.teams WHERE id = to_team) THEN
    RAISE EXCEPTION 'lotse: unknown team' USING ERRCODE = '23503';
  END IF;
  FOR row IN SELECT * FROM lotse.entities WHERE client_id = client AND payload IS NOT NULL
             ORDER BY array_position(ARRAY['clients', 'documents', 'consents', 'consent_recipients', 'deadline_actions', 'audit'], kind), id
  LOOP
    fresh := gen_random_uuid();
    UPDATE lotse.entities SET team_id = to_team, last_change = fresh WHERE kind = row.kind AND id = row.id;
    INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, author, made_at)
    VALUES (fresh, desk, row.kind, row.id, to_team, client, 'upsert', row.payload, session_user, now());
  END LOOP;
  UPDATE lotse.entities SET team_id = to_team WHERE client_id = client;
  INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, author, made_at)
  VALUES (change, desk, 'clients', client, from_team, client, 'handover', jsonb_build_object('toTeam', to_team), session_user, now());
  NOTIFY lotse_changes;
END $$;

GRANT USAGE ON SCHEMA lotse TO lotse_counselor;
GRANT SELECT ON lotse.teams, lotse.memberships TO lotse_counselor;
GRANT SELECT, INSERT, UPDATE, DELETE ON lotse.entities TO lotse_counselor;
GRANT SELECT, INSERT, UPDATE ON lotse.changes, lotse.conflicts TO lotse_counselor;
GRANT USAGE ON SEQUENCE lotse.changes_seq_seq TO lotse_counselor;
REVOKE ALL ON FUNCTION lotse.hand_over(text, uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotse.hand_over(text, uuid, uuid, uuid) TO lotse_counselor;
`,
};
