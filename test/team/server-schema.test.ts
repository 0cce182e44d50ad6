import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_SQL, pullStatement, PUSH_SQL } from '../../main/core/services/team/sync';
import { migration0001 } from '../../main/core/team/server-migrations/0001-team-schema';
import { migration0002 } from '../../main/core/team/server-migrations/0002-pushes-side-by-side';
import { addCounselor, connectionRefusal, migrateServer, type NewCounselor } from '../../main/core/team/server-schema';
import { startTestCluster, type TestCluster } from '../support/postgres';

/** The team store's schema on a real PostgreSQL (docs/team-mode.md): idempotent, and each counselor sees their teams' clients only. */

let cluster: TestCluster;
beforeAll(() => {
  cluster = startTestCluster();
}, 60_000);
afterAll(() => cluster?.stop());

async function connected<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('team-admin init', () => {
  it('creates the schema once, and a second run applies nothing', async () => {
    const first = await connected(cluster.adminUrl, (client) => migrateServer(client));
    expect(first.length).toBeGreaterThan(0);
    expect(await connected(cluster.adminUrl, (client) => migrateServer(client))).toEqual([]);
  });
});

describe('row-level security', () => {
  it("lets a counselor of team X read and write X's clients and the shared directory, never team Y's", async () => {
    await connected(cluster.adminUrl, (client) => migrateServer(client));
    const anna = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Anna Schmitz', team: 'Team X' }));
    const berta = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Berta Öztürk', team: 'Team Y' }));
    await connected(cluster.adminUrl, (client) =>
      client.query(
        `INSERT INTO lotse.entities (kind, id, team_id, last_change, payload, updated_by, updated_at) VALUES
          ('clients', 'c-1', $1, gen_random_uuid(), '{"familyName":"Kovalenko"}', 'it', now()),
          ('clients', 'c-2', $2, gen_random_uuid(), '{"familyName":"Haddad"}', 'it', now()),
          ('partners', 'p-1', NULL, gen_random_uuid(), '{"name":"JMD Düren"}', 'it', now())`,
        [anna.teamId, berta.teamId],
      ),
    );
    const url = (role: string, password: string) => `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/postgres`;
    const seenByAnna = await connected(
      url(anna.role, anna.password),
      async (client) => (await client.query('SELECT payload FROM lotse.entities ORDER BY kind')).rows,
    );
    expect(seenByAnna.map((row) => row.payload)).toEqual([{ familyName: 'Kovalenko' }, { name: 'JMD Düren' }]);
    await expect(
      connected(url(anna.role, anna.password), (client) =>
        client.query(
          `INSERT INTO lotse.entities (kind, id, team_id, last_change, payload, updated_by, updated_at) VALUES ('clients', 'c-3', $1, gen_random_uuid(), '{}', 'x', now())`,
          [berta.teamId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('connecting a desk', () => {
  it('needs TLS with a checked certificate for any server off this machine', () => {
    expect(connectionRefusal('postgres://anna@127.0.0.1:5432/lotse')).toBeNull();
    expect(connectionRefusal('postgres://anna@db.kreis-dueren.de/lotse?sslmode=verify-full')).toBeNull();
    expect(connectionRefusal('postgres://anna@db.kreis-dueren.de/lotse')).toContain('sslmode=verify-full');
    expect(connectionRefusal('postgres://anna@db.kreis-dueren.de/lotse?sslmode=require')).toContain('nicht auf diesem Rechner');
    expect(connectionRefusal('http://example.org')).toContain('postgres://');
  });
});

/** A new client of `teamId`, as a desk's push() sends it. */
function newClientChange(teamId: string, familyName: string) {
  const id = randomUUID();
  return {
    changeId: randomUUID(),
    kind: 'clients',
    entityId: id,
    clientId: id,
    teamId,
    op: 'upsert',
    baseChange: null,
    payload: { id, family_name: familyName },
    madeAt: new Date().toISOString(),
    insertOnly: false,
  };
}

type Change = ReturnType<typeof newClientChange>;
const desk = randomUUID();
const loginOf = (counselor: NewCounselor, database = 'postgres') =>
  `postgres://${counselor.role}:${encodeURIComponent(counselor.password)}@127.0.0.1:${cluster.port}/${database}`;
const push = (client: Client, changes: Change[]) => client.query(PUSH_SQL, [desk, JSON.stringify(changes)]);
/** What a desk's pull gets after `cursor`: family names in the order handed out, and the new cursor. */
async function pulled(client: Client, cursor: { tx: string; seq: number }): Promise<{ names: string[]; cursor: { tx: string; seq: number } }> {
  const { rows } = await client.query<{ tx: string; seq: string; payload: { family_name?: string } | null }>(PULL_SQL, [cursor.tx, cursor.seq, 1000]);
  const last = rows.at(-1);
  return { names: rows.map((row) => row.payload?.family_name ?? ''), cursor: last ? { tx: last.tx, seq: Number(last.seq) } : cursor };
}

describe('the pull order (server migration 0002: pushes side by side)', () => {
  it('hands out a change only once every older transaction has ended, so one committing late is never skipped', async () => {
    await connected(cluster.adminUrl, (client) => migrateServer(client));
    const anna = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Anna Order', team: 'Team Order' }));
    const early = new Client({ connectionString: loginOf(anna) });
    const late = new Client({ connectionString: loginOf(anna) });
    const reader = new Client({ connectionString: loginOf(anna) });
    await Promise.all([early.connect(), late.connect(), reader.connect()]);
    try {
      let cursor = (await pulled(reader, { tx: '0', seq: 0 })).cursor;
      // The early push takes its transaction first and stays open; a later one commits meanwhile (no lock between them).
      await early.query('BEGIN');
      await push(early, [newClientChange(anna.teamId, 'Früh')]);
      await push(late, [newClientChange(anna.teamId, 'Spät')]);
      // Handing out "Spät" now would move the cursor past "Früh", which commits below it.
      const meanwhile = await pulled(reader, cursor);
      expect(meanwhile.names).toEqual([]);
      await early.query('COMMIT');
      const after = await pulled(reader, meanwhile.cursor);
      expect(after.names).toEqual(['Früh', 'Spät']);
      cursor = after.cursor;
      expect((await pulled(reader, cursor)).names).toEqual([]);
    } finally {
      await Promise.all([early.end(), late.end(), reader.end()]);
    }
  });

  it('orders by the transaction as a number, also where it gains a digit (9, then 10)', async () => {
    await connected(cluster.adminUrl, (client) => migrateServer(client));
    const berta = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Berta Digits', team: 'Team Digits' }));
    // Written as IT would see them: transaction 10 first, then 9; both long ended, below every running one.
    await connected(cluster.adminUrl, (client) =>
      client.query(
        `INSERT INTO lotse.changes (tx, change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, made_at) VALUES
          ('10', gen_random_uuid(), $2, 'clients', 'd-10', $1, 'd-10', 'upsert', '{"family_name":"Zehn"}', now()),
          ('9', gen_random_uuid(), $2, 'clients', 'd-9', $1, 'd-9', 'upsert', '{"family_name":"Neun"}', now())`,
        [berta.teamId, desk],
      ),
    );
    expect(await connected(loginOf(berta), async (client) => (await pulled(client, { tx: '0', seq: 0 })).names)).toEqual(['Neun', 'Zehn']);
  });

  it('upgrades a server of version 1, then 2: a desk goes on from its cursor, missing and repeating nothing, and the lock is gone', async () => {
    await connected(cluster.adminUrl, (client) => client.query('CREATE DATABASE lotse_v1'));
    const adminV1 = cluster.adminUrl.replace(/\/postgres$/, '/lotse_v1');
    expect(await connected(adminV1, (client) => migrateServer(client, [migration0001]))).toEqual([1]);
    const carla = await connected(adminV1, (client) => addCounselor(client, { name: 'Carla Upgrade', team: 'Team Upgrade' }));
    const before = await connected(loginOf(carla, 'lotse_v1'), async (client) => {
      for (const name of ['Eins', 'Zwei', 'Drei']) await push(client, [newClientChange(carla.teamId, name)]);
      // Version 1's pull, by seq alone: the desk has the first two.
      return (await client.query<{ seq: string }>('SELECT seq FROM lotse.changes ORDER BY seq LIMIT 2')).rows.map((row) => Number(row.seq));
    });
    expect(await connected(adminV1, (client) => migrateServer(client, [migration0001, migration0002]))).toEqual([2]);
    const afterV2 = await connected(loginOf(carla, 'lotse_v1'), async (client) => {
      await push(client, [newClientChange(carla.teamId, 'Vier')]);
      return pulled(client, { tx: '0', seq: before[1]! });
    });
    expect(afterV2.names).toEqual(['Drei', 'Vier']);
    // Version 3 (the pull along the index) under the same desk: it goes on from its cursor.
    expect(await connected(adminV1, (client) => migrateServer(client))).toEqual([3]);
    const afterV3 = await connected(loginOf(carla, 'lotse_v1'), async (client) => {
      await push(client, [newClientChange(carla.teamId, 'Fünf')]);
      return (await pulled(client, afterV2.cursor)).names;
    });
    expect(afterV3).toEqual(['Fünf']);
    expect(await connected(adminV1, async (client) => (await client.query("SELECT to_regprocedure('lotse.lock_changes()') AS lock")).rows[0].lock)).toBeNull();
  });
});

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Rows the plan read from lotse.changes, over all its scans of it. */
function changesRowsRead(node: PlanNode): number {
  const own = node['Relation Name'] === 'changes' ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + changesRowsRead(child), 0);
}

describe('a desk far behind (server migration 0003: pulls along the index)', () => {
  it('reads about as many changes as a batch brings, not its whole backlog, and is not compiled (JIT) for it', async () => {
    await connected(cluster.adminUrl, (client) => migrateServer(client));
    const dora = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Dora Backlog', team: 'Team Backlog' }));
    const erik = await connected(cluster.adminUrl, (client) => addCounselor(client, { name: 'Erik Other', team: 'Team Other' }));
    // 6,000 changes, as desks write them: Dora's team, another team and the shared directory in turn, a transaction each.
    await connected(cluster.adminUrl, async (client) => {
      for (let batch = 0; batch < 60; batch += 1)
        await client.query(
          `INSERT INTO lotse.changes (change_id, desk_id, kind, entity_id, team_id, client_id, op, payload, made_at)
           SELECT gen_random_uuid(), $3, 'clients', 'b-' || $4 || '-' || g, CASE g % 3 WHEN 0 THEN $1::uuid WHEN 1 THEN $2::uuid END,
                  'b-' || $4 || '-' || g, 'upsert', jsonb_build_object('family_name', 'Rückstand ' || g, 'notes', repeat('x', 500)), now()
           FROM generate_series(1, 100) AS g`,
          [dora.teamId, erik.teamId, desk, batch],
        );
      await client.query('ANALYZE lotse.changes');
    });
    const batch = 100;
    const plans = await connected(loginOf(dora), async (client) => {
      const explain = async (sql: string, values: unknown[] = []) =>
        (await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; JIT?: unknown }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values)).rows[0]![
          'QUERY PLAN'
        ][0]!;
      const custom = await explain(PULL_SQL, ['0', 0, batch]);
      // A desk sends the pull as a named statement (pullStatement), and PostgreSQL may keep one plan for every cursor.
      await client.query(`PREPARE pull AS ${PULL_SQL}`);
      await client.query('SET plan_cache_mode = force_generic_plan');
      const generic = await explain(`EXECUTE pull ('0', 0, ${batch})`);
      return { custom, generic };
    });
    for (const plan of [plans.custom, plans.generic]) {
      expect(plan.Plan['Actual Rows']).toBe(batch);
      // At most a batch from each branch (the shared rows, Dora's one team): the other ~3,800 of her backlog stay unread.
      expect(changesRowsRead(plan.Plan)).toBeLessThanOrEqual(2 * batch);
      expect(plan.JIT).toBeUndefined();
    }
    // And the batches, one after another, bring the backlog whole and in order.
    const names = await connected(loginOf(dora), async (client) => {
      const seen: string[] = [];
      let cursor = { tx: '0', seq: 0 };
      for (;;) {
        const { rows } = await client.query<{ tx: string; seq: string; team_id: string | null }>(pullStatement(cursor, batch));
        if (rows.length === 0) return seen;
        seen.push(...rows.map((row) => row.team_id ?? 'shared'));
        cursor = { tx: rows.at(-1)!.tx, seq: Number(rows.at(-1)!.seq) };
      }
    });
    const onServer = await connected(cluster.adminUrl, async (client) => {
      const { rows } = await client.query<{ team: number; shared: number }>(
        'SELECT count(*) FILTER (WHERE team_id = $1)::int AS team, count(*) FILTER (WHERE team_id IS NULL)::int AS shared FROM lotse.changes',
        [dora.teamId],
      );
      return rows[0]!;
    });
    expect(onServer.team).toBe(1980);
    expect(names.filter((team) => team === dora.teamId)).toHaveLength(onServer.team);
    expect(names.filter((team) => team === 'shared')).toHaveLength(onServer.shared);
    expect(names).not.toContain(erik.teamId);
  });
});
