import type { Client } from 'pg';
import type { Core } from '../../core';
import type { Erasure } from '../../db/queries/erasures';
import * as team from '../../db/queries/team';
import { deleteEntity, replicatedTable, writeEntity, setApplying, type Payload } from '../../db/queries/team-replication';
import { currentCounselor } from '../audit';
import { reapplyErasures, removeClient } from '../clients';

/**
 * One round of team mode's protocol (docs/team-mode.md): push the outbox in
 * batches, each one call of lotse.push in one PostgreSQL transaction and its
 * answers written in one SQLite transaction; then pull what the server took
 * since this desk's cursor, each batch applied in one SQLite transaction
 * with the new cursor.
 */

const PUSH_BATCH = 500;
const PULL_BATCH = 1000;

/** The protocol's two statements (the bench's simulated desks send the same). */
export const PUSH_SQL = 'SELECT lotse.push($1, $2) AS answers';
/*
 * Changes in the order (transaction, seq), only from transactions older than every one still running: pushes commit
 * side by side and in any order, and a change that commits later always sorts after everything a desk has pulled
 * (server migration 0002). The office's shared rows and each of the desk's teams (one by one, so that `team_id =`
 * lets PostgreSQL walk the index in order) are read along an index from the cursor, at most $3 of each: a pull
 * touches the rows it gets, however far behind the desk is (server migration 0003). Row-level security still holds
 * for what it returns.
 */
export const PULL_SQL = `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS running)
  SELECT mine.tx::text AS tx, seq, change_id, desk_id, kind, entity_id, team_id, client_id, op, payload FROM (
    (SELECT * FROM lotse.changes WHERE team_id IS NULL AND (tx, seq) > ($1::xid8, $2::bigint) AND tx < (SELECT running FROM horizon)
     ORDER BY tx, seq LIMIT $3)
    UNION ALL
    (SELECT of_team.* FROM lotse.my_teams() AS team (id)
       CROSS JOIN LATERAL (SELECT * FROM lotse.changes WHERE team_id = team.id AND (tx, seq) > ($1::xid8, $2::bigint)
         AND tx < (SELECT running FROM horizon) ORDER BY tx, seq LIMIT $3) AS of_team)
  ) AS mine ORDER BY mine.tx, mine.seq LIMIT $3`;

/**
 * The pull as a named statement: PostgreSQL parses, rewrites (row-level security) and plans it once per connection,
 * not at every pull. A desk pulls after every NOTIFY and twice a second while they come: with 300 desks pulling, an
 * empty pull cost the server 0.67 ms of CPU sent as text, 0.26 ms as a named statement (docs/team-mode.md). Its
 * generic plan, which PostgreSQL may keep for every cursor, walks the index as the text's does (server-schema.test.ts).
 */
export function pullStatement(cursor: team.PullCursor, batch: number) {
  return { name: 'lotse-pull', text: PULL_SQL, values: [cursor.tx, cursor.seq, batch] };
}

export interface SyncCounts {
  pushed: number;
  pulled: number;
  conflicts: number;
}

interface Answer {
  changeId: string;
  outcome: 'applied' | 'conflict' | 'refused' | 'gone';
  serverChange?: string | null;
  serverPayload?: Payload | null;
  serverAuthor?: string | null;
  serverAt?: string | null;
}

/** Who the server's author is as people know them (lotse.team_members), else the role itself. */
export type AuthorNames = ReadonlyMap<string, string>;

function isTeamRow(kind: string): boolean {
  return kind === 'clients' || replicatedTable(kind)?.client !== undefined;
}

/** Puts the server's state of a row back on this desk, without sending it again. */
function takeServerState(core: Core, kind: string, entityId: string, answer: Answer): void {
  setApplying(core.db, true);
  try {
    if (answer.serverPayload) writeEntity(core.db, kind, entityId, answer.serverPayload);
    else deleteEntity(core.db, kind, entityId);
  } finally {
    setApplying(core.db, false);
  }
  if (answer.serverChange) team.setLastChange(core.db, kind, entityId, answer.serverChange);
}

export async function push(core: Core, client: Client, link: team.TeamLink, authors: AuthorNames): Promise<{ pushed: number; conflicts: number }> {
  let pushed = 0;
  let conflicts = 0;
  // What is written while this push waits for the server goes in the next round, after this round's pull: under load a
  // desk that keeps writing would otherwise keep pushing and never pull (npm run bench -- team).
  const head = team.outboxHead(core.db);
  for (;;) {
    const batch = team.outboxBatch(core.db, PUSH_BATCH).filter((entry) => entry.seq <= head);
    if (batch.length === 0) break;
    const teamOf = (entry: team.OutboxEntry) => (isTeamRow(entry.kind) && entry.clientId ? (team.clientTeam(core.db, entry.clientId) ?? link.teamId) : null);
    const changes = batch.map((entry) => ({
      changeId: entry.changeId,
      kind: entry.kind,
      entityId: entry.entityId,
      clientId: entry.clientId,
      teamId: teamOf(entry),
      op: entry.op,
      baseChange: entry.baseChange,
      payload: entry.payload === null ? null : (JSON.parse(entry.payload) as Payload),
      madeAt: entry.madeAt,
      insertOnly: replicatedTable(entry.kind)?.insertOnly === true,
      ...(entry.resolves ? { resolves: entry.resolves } : {}),
    }));
    const answers = (await client.query<{ answers: Answer[] }>(PUSH_SQL, [link.deskId, JSON.stringify(changes)])).rows[0]!.answers;
    const byId = new Map(answers.map((answer) => [answer.changeId, answer]));
    core.db.transaction(() => {
      for (const [index, entry] of batch.entries()) {
        const answer = byId.get(entry.changeId);
        if (!answer) continue;
        team.dropOutboxEntry(core.db, entry.changeId);
        if (answer.outcome === 'applied') {
          pushed += 1;
          if (entry.op === 'erase') team.forgetClient(core.db, entry.entityId);
          else {
            team.setLastChange(core.db, entry.kind, entry.entityId, entry.changeId);
            const teamId = changes[index]!.teamId;
            if (entry.clientId && teamId && team.clientTeam(core.db, entry.clientId) === null) team.setClientTeam(core.db, entry.clientId, teamId);
          }
          if (entry.resolves) team.dropResolvedConflict(core.db, entry.changeId);
        } else if (answer.outcome === 'conflict') {
          conflicts += 1;
          takeServerState(core, entry.kind, entry.entityId, answer);
          team.keepConflict(core.db, {
            id: entry.changeId,
            kind: entry.kind,
            entityId: entry.entityId,
            clientId: entry.clientId,
            serverChange: answer.serverChange!,
            serverPayload: answer.serverPayload ? JSON.stringify(answer.serverPayload) : null,
            serverAuthor: authors.get(answer.serverAuthor ?? '') ?? answer.serverAuthor ?? '',
            serverAt: answer.serverAt ?? entry.madeAt,
            deskPayload: entry.payload,
            deskAt: entry.madeAt,
          });
        } else if (answer.outcome === 'refused') {
          // Only a lead may change this (the desk refuses it too; a role's lead flag may have changed since).
          takeServerState(core, entry.kind, entry.entityId, answer);
        }
        // 'gone': the row was erased or handed over to another team; the pull brings that.
      }
    })();
  }
  return { pushed, conflicts };
}

interface PulledChange {
  tx: string;
  seq: string;
  change_id: string;
  desk_id: string;
  kind: string;
  entity_id: string;
  team_id: string | null;
  client_id: string | null;
  op: 'upsert' | 'delete' | 'erase' | 'handover';
  payload: Payload | null;
}

/** Applies one pulled change; answers the erasure it carried, if any. Runs in the pull's transaction, with the triggers quiet. */
function applyPulled(core: Core, link: team.TeamLink, myTeams: ReadonlySet<string>, change: PulledChange): Erasure | null {
  const db = core.db;
  if (change.desk_id === link.deskId) {
    // This desk's own change (or its hand-over): the row is here already, only the change it was made by is new.
    if (change.op === 'upsert' || change.op === 'delete') team.setLastChange(db, change.kind, change.entity_id, change.change_id);
    return null;
  }
  switch (change.op) {
    case 'upsert':
    case 'delete':
      // An edit of this desk waits on top of an older state: its push will be a conflict, kept for a person.
      if (team.waitsInOutbox(db, change.kind, change.entity_id)) return null;
      if (change.op === 'upsert') {
        // A payload blanked by a later erasure: the tombstone follows in this pull.
        if (change.payload === null) return null;
        writeEntity(db, change.kind, change.entity_id, change.payload);
        if (change.client_id && change.team_id) team.setClientTeam(db, change.client_id, change.team_id);
      } else deleteEntity(db, change.kind, change.entity_id);
      team.setLastChange(db, change.kind, change.entity_id, change.change_id);
      return null;
    case 'erase': {
      const erasure = { clientId: change.entity_id, erasedAt: core.now().toISOString() };
      reapplyErasures(db, [erasure], core.now(), currentCounselor(core));
      team.forgetClient(db, change.entity_id);
      return erasure;
    }
    case 'handover': {
      const toTeam = (change.payload as { toTeam?: string } | null)?.toTeam;
      if (toTeam && myTeams.has(toTeam)) team.setClientTeam(db, change.entity_id, toTeam);
      else {
        removeClient(db, change.entity_id);
        team.forgetClient(db, change.entity_id);
      }
      return null;
    }
  }
}

export async function pull(core: Core, client: Client, link: team.TeamLink): Promise<{ pulled: number; erasures: Erasure[] }> {
  const myTeams = new Set(
    team
      .readTeams(core.db)
      .filter((row) => row.mine)
      .map((row) => row.id),
  );
  let cursor = link.pulled;
  let pulled = 0;
  const erasures: Erasure[] = [];
  for (;;) {
    const { rows } = await client.query<PulledChange>(pullStatement(cursor, PULL_BATCH));
    core.db.transaction(() => {
      // A batch may bring a document before the client it names would be complete; the keys are checked at commit.
      core.db.pragma('defer_foreign_keys = ON');
      setApplying(core.db, true);
      for (const change of rows) {
        const erasure = applyPulled(core, link, myTeams, change);
        if (erasure) erasures.push(erasure);
      }
      setApplying(core.db, false);
      const last = rows.at(-1);
      if (last) cursor = { tx: last.tx, seq: Number(last.seq) };
      team.recordSync(core.db, cursor, core.now().toISOString());
    })();
    pulled += rows.filter((change) => change.desk_id !== link.deskId).length;
    if (rows.length < PULL_BATCH) break;
  }
  return { pulled, erasures };
}
