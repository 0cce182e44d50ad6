import type { ServerMigration } from '../server-schema';

/**
 * Pushes no longer wait for each other (docs/team-mode.md, "How a change
 * travels"). Version 1 handed out `seq` in commit order by holding one
 * transaction lock through each push to its commit: every push of every desk
 * queued behind it, and the bench measured pushes waiting 0.7 s on average
 * for it, the most of the change-to-desk latency; and every push sent a
 * NOTIFY, which wakes every listening desk.
 *
 * - Each change now carries its PostgreSQL transaction id (`tx`, xid8), and a
 *   desk pulls in the order (tx, seq), only changes of transactions older than
 *   every one still running (pg_snapshot_xmin). A transaction still running
 *   has an id at or above that horizon, and one not begun gets a higher id, so
 *   whatever commits later sorts after everything a desk has pulled: no change
 *   is skipped, whatever order pushes commit in. A long transaction on the
 *   server holds the pulls back until it ends; it delays, it loses nothing.
 * - The changes from before this migration keep transaction 0, in seq order,
 *   so a desk linked before goes on from its last seq (desk migration 0180).
 * - A push sends a NOTIFY at most every 250 ms (lotse.notify_changes), and
 *   skips it while another push is sending one rather than wait for it.
 * - A new row is claimed at once (a second desk creating the same key waits
 *   and then meets it); the push looks up the changes it has seen before once
 *   per batch, by index, and collects its answers in arrays.
 * - my_teams() and i_lead() are PL/pgSQL: every statement under a policy calls
 *   them, and a SQL function that cannot be inlined (SECURITY DEFINER) is
 *   planned anew at every call, while PL/pgSQL keeps its plan for the session.
 */
export const migration0002: ServerMigration = {
  version: 2,
  name: 'pushes-side-by-side',
  sql: String.raw`
ALTER TABLE lotse.changes ADD COLUMN IF NOT EXISTS tx xid8 NOT NULL DEFAULT '0';
ALTER TABLE lotse.changes ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
-- A desk's pull: its teams' rows and the shared ones (team_id NULL), each in (tx, seq) order.
CREATE INDEX IF NOT EXISTS changes_by_team_tx ON lotse.changes (team_id, tx, seq);

CREATE OR REPLACE FUNCTION lotse.my_teams() RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotse, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT team_id FROM lotse.memberships WHERE role_name = session_user;
END $$;

CREATE OR REPLACE FUNCTION lotse.i_lead() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotse, pg_temp AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM lotse.memberships WHERE role_name = session_user AND lead);
END $$;

/*
 * The NOTIFY of a push, at most one every 250 ms: with hundreds of desks listening, PostgreSQL wakes every listening
 * backend for each NOTIFY, and each desk pulls. A push within 250 ms of the last NOTIFY commits without one; the pull
 * that NOTIFY set off, or the next NOTIFY, usually brings it, and a desk that heard a NOTIFY in the last 2 s pulls
 * every half second until it has been quiet for 2 s (engine.ts), so none waits for the 30 s round.
 */
CREATE TABLE IF NOT EXISTS lotse.last_notify (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  at timestamptz NOT NULL
);
INSERT INTO lotse.last_notify (one, at) VALUES (true, '-infinity') ON CONFLICT (one) DO NOTHING;

CREATE OR REPLACE FUNCTION lotse.notify_changes() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotse, pg_temp AS $$
BEGIN
  -- Locked: another push is sending the NOTIFY now, and the desks it wakes pull every half second for 2 s (engine.ts).
  PERFORM 1 FROM lotse.last_notify WHERE at <= clock_timestamp() - interval '250 milliseconds' FOR UPDATE SKIP LOCKED;
  IF FOUND THEN
    UPDATE lotse.last_notify SET at = clock_timestamp();
    NOTIFY lotse_changes;
  END IF;
END $$;

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
  answers jsonb[] := '{}';
  -- The changes this push applied, in its order: appended to lotse.changes at the end.
  applied jsonb[] := '{}';
  made timestamptz;
  team uuid;
  inserted integer;
  -- The batch's changes the server has seen before, looked up once per batch rather than once per change.
  batch_ids uuid[];
  applied_before uuid[];
  kept_before uuid[];
BEGIN
  batch_ids := ARRAY(SELECT (value ->> 'changeId')::uuid FROM jsonb_array_elements(batch));
  applied_before := ARRAY(SELECT change_id FROM lotse.changes WHERE change_id = ANY (batch_ids));
  kept_before := ARRAY(SELECT change_id FROM lotse.conflicts WHERE change_id = ANY (batch_ids));
  FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
    cid := (c ->> 'changeId')::uuid;
    base := (c ->> 'baseChange')::uuid;
    made := (c ->> 'madeAt')::timestamptz;
    team := (c ->> 'teamId')::uuid;
    IF cid = ANY (applied_before) THEN
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      CONTINUE;
    END IF;
    IF cid = ANY (kept_before) THEN
      SELECT * INTO seen FROM lotse.conflicts WHERE change_id = cid;
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'conflict', 'serverChange', seen.server_change,
        'serverPayload', seen.server_payload, 'serverAuthor', seen.server_author, 'serverAt', seen.server_at);
      CONTINUE;
    END IF;
    IF c ->> 'op' = 'erase' THEN
      PERFORM lotse.erase_client(c ->> 'entityId', cid, desk, team, made);
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      applied_before := applied_before || cid;
      CONTINUE;
    END IF;
    SELECT * INTO current FROM lotse.entities WHERE kind = c ->> 'kind' AND id = c ->> 'entityId' FOR UPDATE;
    IF NOT FOUND AND base IS NULL AND NOT lotse.lead_only(c ->> 'kind') THEN
      -- A new row: claimed at once, so that a second desk creating the same key meanwhile waits and then meets it.
      INSERT INTO lotse.entities (kind, id, team_id, client_id, last_change, payload, updated_by, updated_at)
      VALUES (c ->> 'kind', c ->> 'entityId', team, c ->> 'clientId', cid, c -> 'payload', session_user, made)
      ON CONFLICT (kind, id) DO NOTHING;
      GET DIAGNOSTICS inserted = ROW_COUNT;
      IF inserted = 1 THEN
        applied := applied || jsonb_build_object('change_id', cid, 'kind', c ->> 'kind', 'entity_id', c ->> 'entityId', 'team_id', team,
          'client_id', c ->> 'clientId', 'op', c ->> 'op', 'payload', c -> 'payload', 'made_at', made);
        answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
        applied_before := applied_before || cid;
        CONTINUE;
      END IF;
      SELECT * INTO current FROM lotse.entities WHERE kind = c ->> 'kind' AND id = c ->> 'entityId' FOR UPDATE;
    END IF;
    IF lotse.lead_only(c ->> 'kind') AND NOT lotse.i_lead() THEN
      -- With the server's state, so the desk can put it back.
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'refused', 'serverChange', current.last_change,
        'serverPayload', current.payload, 'serverAuthor', current.updated_by, 'serverAt', current.updated_at);
      CONTINUE;
    END IF;
    IF current.kind IS NULL AND base IS NOT NULL THEN
      -- Erased, or handed over to a team this counselor is not in: the pull brings the tombstone.
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'gone');
      CONTINUE;
    END IF;
    IF current.kind IS NOT NULL AND (c ->> 'insertOnly')::boolean THEN
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
      CONTINUE;
    END IF;
    IF current.kind IS NOT NULL AND current.last_change IS DISTINCT FROM base THEN
      INSERT INTO lotse.conflicts (change_id, desk_id, kind, entity_id, team_id, client_id, base_change, server_change, server_payload,
                                   server_author, server_at, desk_payload, made_at)
      VALUES (cid, desk, current.kind, current.id, current.team_id, current.client_id, base, current.last_change, current.payload,
              current.updated_by, current.updated_at, c -> 'payload', made);
      kept_before := kept_before || cid;
      answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'conflict', 'serverChange', current.last_change,
        'serverPayload', current.payload, 'serverAuthor', current.updated_by, 'serverAt', current.updated_at);
      CONTINUE;
    END IF;
    IF current.kind IS NOT NULL AND c ->> 'op' = 'delete' THEN
      -- A deletion cascaded from a row already gone may not know its client any more: the row keeps its team.
      team := current.team_id;
    END IF;
    INSERT INTO lotse.entities AS e (kind, id, team_id, client_id, last_change, payload, updated_by, updated_at)
    VALUES (c ->> 'kind', c ->> 'entityId', team, COALESCE(c ->> 'clientId', current.client_id), cid,
            CASE WHEN c ->> 'op' = 'delete' THEN NULL ELSE c -> 'payload' END, session_user, made)
    ON CONFLICT (kind, id) DO UPDATE SET team_id = EXCLUDED.team_id, client_id = EXCLUDED.client_id, last_change = EXCLUDED.last_change,
      payload = EXCLUDED.payload, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at;
    applied := applied || jsonb_build_object('change_id', cid, 'kind', c ->> 'kind', 'entity_id', c ->> 'entityId', 'team_id', team,
      'client_id', COALESCE(c ->> 'clientId', current.client_id), 'op', c ->> 'op',
      'payload', CASE WHEN c ->> 'op' = 'delete' THEN NULL ELSE c -> 'payload' END, 'made_at', made);
    IF c ? 'resolves' THEN
      UPDATE lotse.conflicts SET resolved_by = cid WHERE change_id = (c ->> 'resolves')::uuid;
    END IF;
    answers := answers || jsonb_build_object('changeId', cid, 'outcome', 'applied');
    -- The same change twice in one batch: the second is answered as one seen before.
    applied_before := applied_before || cid;
  END LOOP;
  -- No lock: the rows carry this transaction's id, and a desk pulls them only once every older transaction has ended.
  INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, made_at)
  SELECT x.change_id, desk, x.kind, x.entity_id, x.team_id, x.client_id, x.op, NULLIF(x.payload, 'null'::jsonb), x.made_at
  FROM unnest(applied) WITH ORDINALITY AS a (value, position),
       jsonb_to_record(a.value) AS x (change_id uuid, kind text, entity_id text, team_id uuid, client_id text, op text, payload jsonb, made_at timestamptz)
  ORDER BY a.position;
  PERFORM lotse.notify_changes();
  RETURN to_jsonb(answers);
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
  -- The client's row locked first: two hand-overs of one person (or one and an edit) take turns.
  SELECT team_id INTO from_team FROM lotse.entities WHERE kind = 'clients' AND id = client FOR UPDATE;
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

DROP FUNCTION IF EXISTS lotse.lock_changes();
`,
};
