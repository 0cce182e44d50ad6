import { keptStatement } from '../kept-statements';
import type { Db } from '../open';

/** The desk's side of team mode (migration 0170): the link, the outbox, what the desk knows of the server, and conflicts. */

export interface TeamLink {
  url: string;
  role: string;
  password: string;
  displayName: string;
  deskId: string;
  teamId: string;
  lead: boolean;
  /** Where the last pull ended (migration 0180). */
  pulled: PullCursor;
  lastSyncAt: string | null;
}

/**
 * The last change pulled: its PostgreSQL transaction (xid8 as text) and seq.
 * The server hands out changes in this order (docs/team-mode.md).
 */
export interface PullCursor {
  tx: string;
  seq: number;
}

interface LinkRow {
  url: string;
  role: string;
  password: string;
  display_name: string;
  desk_id: string;
  team_id: string;
  lead: number;
  last_tx: string;
  last_seq: number;
  last_sync_at: string | null;
}

export function readLink(db: Db): TeamLink | null {
  const row = db.prepare('SELECT * FROM team_link WHERE id = 1').get() as LinkRow | undefined;
  if (!row) return null;
  return {
    url: row.url,
    role: row.role,
    password: row.password,
    displayName: row.display_name,
    deskId: row.desk_id,
    teamId: row.team_id,
    lead: row.lead === 1,
    pulled: { tx: row.last_tx, seq: row.last_seq },
    lastSyncAt: row.last_sync_at,
  };
}

export function writeLink(db: Db, link: Omit<TeamLink, 'pulled' | 'lastSyncAt'>, linkedAt: string): void {
  db.prepare(
    `INSERT INTO team_link (id, url, role, password, display_name, desk_id, team_id, lead, linked_at)
     VALUES (1, @url, @role, @password, @displayName, @deskId, @teamId, @lead, @linkedAt)`,
  ).run({ ...link, lead: link.lead ? 1 : 0, linkedAt });
}

/** Unlinking: every trace of the team store on this desk goes (the rows themselves stay). */
export function forgetTeam(db: Db): void {
  db.exec(
    'DELETE FROM team_link; DELETE FROM team_outbox; DELETE FROM team_entities; DELETE FROM team_client_teams; DELETE FROM team_teams; DELETE FROM team_conflicts;',
  );
}

export function recordSync(db: Db, pulled: PullCursor, at: string): void {
  db.prepare('UPDATE team_link SET last_tx = ?, last_seq = ?, last_sync_at = ? WHERE id = 1').run(pulled.tx, pulled.seq, at);
}

export interface TeamRow {
  id: string;
  name: string;
  mine: boolean;
  lead: boolean;
}

export function writeTeams(db: Db, teams: readonly TeamRow[]): void {
  db.prepare('DELETE FROM team_teams').run();
  const insert = db.prepare('INSERT INTO team_teams (id, name, mine, lead) VALUES (?, ?, ?, ?)');
  for (const team of teams) insert.run(team.id, team.name, team.mine ? 1 : 0, team.lead ? 1 : 0);
}

export function readTeams(db: Db): TeamRow[] {
  return (db.prepare('SELECT id, name, mine, lead FROM team_teams ORDER BY name').all() as Array<{ id: string; name: string; mine: number; lead: number }>).map(
    (row) => ({ id: row.id, name: row.name, mine: row.mine === 1, lead: row.lead === 1 }),
  );
}

export interface OutboxEntry {
  seq: number;
  changeId: string;
  kind: string;
  entityId: string;
  clientId: string | null;
  op: 'upsert' | 'delete' | 'erase';
  baseChange: string | null;
  payload: string | null;
  madeAt: string;
  resolves: string | null;
}

export function outboxBatch(db: Db, limit: number): OutboxEntry[] {
  return db
    .prepare(
      `SELECT seq, change_id AS changeId, kind, entity_id AS entityId, client_id AS clientId, op, base_change AS baseChange, payload, made_at AS madeAt,
              (SELECT id FROM team_conflicts WHERE resolution = team_outbox.change_id) AS resolves
       FROM team_outbox ORDER BY seq LIMIT ?`,
    )
    .all(limit) as OutboxEntry[];
}

/** What waits, as the counselor counts it: records changed, not the audit lines that go up with them. */
export function outboxCount(db: Db): number {
  return db.prepare("SELECT count(*) FROM team_outbox WHERE kind <> 'audit'").pluck().get() as number;
}

/** The newest outbox entry's number: the engine compares it to see that something was written. */
export function outboxHead(db: Db): number {
  return (db.prepare('SELECT max(seq) FROM team_outbox').pluck().get() as number | null) ?? 0;
}

export function dropOutboxEntry(db: Db, changeId: string): void {
  db.prepare('DELETE FROM team_outbox WHERE change_id = ?').run(changeId);
}

export function dropOutboxOf(db: Db, kind: string, entityId: string): void {
  db.prepare('DELETE FROM team_outbox WHERE kind = ? AND entity_id = ?').run(kind, entityId);
}

export function waitsInOutbox(db: Db, kind: string, entityId: string): boolean {
  return keptStatement(db, 'SELECT 1 FROM team_outbox WHERE kind = ? AND entity_id = ?').get(kind, entityId) !== undefined;
}

/** The newest waiting change of an entity (a merge is written on top of it and marked as the conflict's resolution). */
export function newestOutboxChange(db: Db, kind: string, entityId: string): string | null {
  return (
    (db.prepare('SELECT change_id FROM team_outbox WHERE kind = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(kind, entityId) as string) ?? null
  );
}

export function setLastChange(db: Db, kind: string, entityId: string, changeId: string): void {
  keptStatement(
    db,
    'INSERT INTO team_entities (kind, entity_id, last_change) VALUES (?, ?, ?) ON CONFLICT (kind, entity_id) DO UPDATE SET last_change = excluded.last_change',
  ).run(kind, entityId, changeId);
}

export function clientTeam(db: Db, clientId: string): string | null {
  return (keptStatement(db, 'SELECT team_id FROM team_client_teams WHERE client_id = ?', { pluck: true }).get(clientId) as string | undefined) ?? null;
}

export function setClientTeam(db: Db, clientId: string, teamId: string): void {
  keptStatement(db, 'INSERT INTO team_client_teams (client_id, team_id) VALUES (?, ?) ON CONFLICT (client_id) DO UPDATE SET team_id = excluded.team_id').run(
    clientId,
    teamId,
  );
}

/** A client who left this desk (erased, or handed over to a team it is not in): nothing of them waits or stays here. */
export function forgetClient(db: Db, clientId: string): void {
  db.prepare('DELETE FROM team_outbox WHERE client_id = ?').run(clientId);
  db.prepare('DELETE FROM team_conflicts WHERE client_id = ?').run(clientId);
  db.prepare('DELETE FROM team_client_teams WHERE client_id = ?').run(clientId);
}

export interface StoredConflict {
  id: string;
  kind: string;
  entityId: string;
  clientId: string | null;
  serverChange: string;
  serverPayload: string | null;
  serverAuthor: string;
  serverAt: string;
  deskPayload: string | null;
  deskAt: string;
}

/** One open conflict per record: a later edit of the same record that the server refused too replaces this desk's side. */
export function keepConflict(db: Db, conflict: StoredConflict): void {
  db.prepare(
    `INSERT INTO team_conflicts (id, kind, entity_id, client_id, server_change, server_payload, server_author, server_at, desk_payload, desk_at)
     VALUES (@id, @kind, @entityId, @clientId, @serverChange, @serverPayload, @serverAuthor, @serverAt, @deskPayload, @deskAt)
     ON CONFLICT (kind, entity_id) DO UPDATE SET server_change = excluded.server_change, server_payload = excluded.server_payload,
       server_author = excluded.server_author, server_at = excluded.server_at, desk_payload = excluded.desk_payload, desk_at = excluded.desk_at,
       resolution = NULL`,
  ).run(conflict);
}

export function openConflicts(db: Db): StoredConflict[] {
  return db
    .prepare(
      `SELECT id, kind, entity_id AS entityId, client_id AS clientId, server_change AS serverChange, server_payload AS serverPayload,
              server_author AS serverAuthor, server_at AS serverAt, desk_payload AS deskPayload, desk_at AS deskAt
       FROM team_conflicts WHERE resolution IS NULL ORDER BY server_at`,
    )
    .all() as StoredConflict[];
}

export function openConflictCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM team_conflicts WHERE resolution IS NULL').pluck().get() as number;
}

/** A decided conflict stays until its resolution has reached the server, which then records it as decided. */
export function markResolved(db: Db, id: string, resolution: string): void {
  db.prepare('UPDATE team_conflicts SET resolution = ? WHERE id = ?').run(resolution, id);
}

export function dropResolvedConflict(db: Db, resolution: string): void {
  db.prepare('DELETE FROM team_conflicts WHERE resolution = ?').run(resolution);
}
