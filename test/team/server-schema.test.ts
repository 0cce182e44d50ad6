import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounselor, connectionRefusal, migrateServer } from '../../main/core/team/server-schema';
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
