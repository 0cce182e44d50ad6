import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_MIGRATIONS } from '../../main/core/team/server-schema';
import { TeamConnectSchema } from '../../shared/api/schemas/team';
import { startTestCluster, type TestCluster } from '../support/postgres';

/**
 * `npm run team-admin` (main/team-admin.ts), the real CLI through its
 * launcher, against a throwaway PostgreSQL cluster: what IT types and reads,
 * and that what add-counselor prints really logs a desk in.
 */

const ROOT = path.resolve(__dirname, '../..');

let cluster: TestCluster;
beforeAll(() => {
  cluster = startTestCluster();
}, 60_000);
afterAll(() => cluster?.stop());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run team-admin -- …args` without npm's own lines: the script package.json names. */
function teamAdmin(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['main/team-admin-launch.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PGPASSWORD: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure as IT sees it: one German line on stderr, nothing on stdout, no stack trace. */
function expectOneLineFailure(run: Run, pattern: RegExp, status = 1): void {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .+:\d+|Error:/);
}

/** What add-counselor printed for the desk's connect form (TeamConnectSchema). */
function printed(run: Run): { url: string; role: string; password: string; team: string; lead: string } {
  const field = (label: string) => {
    const match = new RegExp(`^  ${label}:\\s+(.+)$`, 'm').exec(run.stdout);
    if (!match?.[1]) throw new Error(`no ${label} in:\n${run.stdout}${run.stderr}`);
    return match[1];
  };
  return { url: field('Adresse'), role: field('Benutzername'), password: field('Passwort'), team: field('Team'), lead: field('Teamleitung') };
}

/** Connects to `url`, with `password` put into the address (pg takes a separate password only without a connection string). */
async function connected<T>(url: string, work: (client: Client) => Promise<T>, password?: string): Promise<T> {
  const address = new URL(url);
  if (password !== undefined) address.password = encodeURIComponent(password);
  const client = new Client({ connectionString: address.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const asAdmin = <T>(work: (client: Client) => Promise<T>) => connected(cluster.adminUrl, work);

describe('npm run team-admin', () => {
  it('prints its usage for --help, and the npm script is wired to it', () => {
    const help = teamAdmin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run team-admin -- init --url postgres://');
    expect(help.stdout).toContain('npm run team-admin -- add-counselor --url … --name "Anna Schmitz" --team "Integration Nord" [--lead]');
    const viaNpm = spawnSync('npm', ['run', '--silent', 'team-admin', '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(viaNpm.status).toBe(0);
    expect(viaNpm.stdout).toBe(help.stdout);
  });

  it('add-counselor on a database without the team schema says to run init first', async () => {
    await asAdmin((client) => client.query('CREATE DATABASE ohne_schema'));
    const url = cluster.adminUrl.replace(/\/postgres$/, '/ohne_schema');
    expectOneLineFailure(
      teamAdmin(['add-counselor', '--url', url, '--name', 'Anna Schmitz', '--team', 'Integration Nord']),
      /noch nicht eingerichtet: zuerst npm run team-admin -- init/,
    );
  });

  it('init applies the schema versions and says which; a second init changes nothing and says so', async () => {
    const first = teamAdmin(['init', '--url', cluster.adminUrl]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const versions = SERVER_MIGRATIONS.map((migration) => `${migration.version} (${migration.name})`).join(', ');
    expect(first.stdout).toContain(`Team-Speicher 127.0.0.1:${cluster.port}, Datenbank postgres, eingerichtet: Schema-Version`);
    expect(first.stdout).toContain(`${versions} angewendet.`);
    const second = teamAdmin(['init', '--url', cluster.adminUrl]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/ist auf dem neuesten Stand \(Schema-Version \d+\): nichts zu tun\.\n$/);
    const recorded = await asAdmin(async (client) => (await client.query('SELECT version FROM lotse.schema_migrations ORDER BY version')).rows);
    expect(recorded.map((row) => row.version)).toEqual(SERVER_MIGRATIONS.map((migration) => migration.version));
  });

  it('takes the admin password from PGPASSWORD when the address has none', () => {
    const withoutPassword = cluster.adminUrl.replace(/:[^:@/]+@/, '@');
    expect(withoutPassword).not.toContain('lotse-test-admin');
    const run = teamAdmin(['init', '--url', withoutPassword], { PGPASSWORD: 'lotse-test-admin' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/eingerichtet|nichts zu tun/);
    expectOneLineFailure(teamAdmin(['init', '--url', withoutPassword]), /Kein Passwort für lotse_admin: .*PGPASSWORD/);
  });

  it('add-counselor prints an address, role and password that log a desk in to its team; a second counselor joins the same team; --lead is recorded', async () => {
    teamAdmin(['init', '--url', cluster.adminUrl]);
    const annaRun = teamAdmin(['add-counselor', '--url', cluster.adminUrl, '--name', 'Anna Schmitz', '--team', 'Integration Nord']);
    expect(annaRun.stderr).toBe('');
    expect(annaRun.status).toBe(0);
    expect(annaRun.stdout).toMatch(/^Team „Integration Nord“ neu angelegt\./);
    expect(annaRun.stdout).toContain('Das Passwort wird nur jetzt angezeigt');
    const anna = printed(annaRun);
    expect(anna).toMatchObject({ team: 'Integration Nord', lead: 'nein' });
    expect(anna.role).toMatch(/^lotse_anna_schmitz_[0-9a-f]{6}$/);
    // The desk's connect form takes exactly these three, and the address carries none of the admin's credentials.
    expect(TeamConnectSchema.parse({ url: anna.url, role: anna.role, password: anna.password })).toBeTruthy();
    expect(anna.url).toBe(`postgres://${anna.role}@127.0.0.1:${cluster.port}/postgres`);
    expect(annaRun.stdout).not.toMatch(/lotse_admin|lotse-test-admin/);

    const annaSees = await connected(
      anna.url,
      async (client) => ({
        user: (await client.query('SELECT current_user AS user')).rows[0].user,
        teams: (await client.query('SELECT lotse.my_teams() AS id')).rows.map((row) => row.id),
      }),
      anna.password,
    );
    expect(annaSees.user).toBe(anna.role);
    expect(annaSees.teams).toHaveLength(1);
    const teamName = await asAdmin(async (client) => (await client.query('SELECT name FROM lotse.teams WHERE id = $1', [annaSees.teams[0]])).rows[0].name);
    expect(teamName).toBe('Integration Nord');

    const bertaRun = teamAdmin(['add-counselor', '--url', cluster.adminUrl, '--name', 'Berta Öztürk', '--team', 'Integration Nord', '--lead']);
    expect(bertaRun.status).toBe(0);
    expect(bertaRun.stdout).toMatch(/^Team „Integration Nord“ gibt es schon; Berta Öztürk kommt dazu\./);
    const berta = printed(bertaRun);
    expect(berta).toMatchObject({ team: 'Integration Nord', lead: 'ja' });
    expect(berta.role).toMatch(/^lotse_berta_ozturk_[0-9a-f]{6}$/);
    expect(berta.password).not.toBe(anna.password);
    const bertaTeams = await connected(
      berta.url,
      async (client) => (await client.query('SELECT lotse.my_teams() AS id')).rows.map((row) => row.id),
      berta.password,
    );
    expect(bertaTeams).toEqual(annaSees.teams);

    const leads = await asAdmin(
      async (client) =>
        (await client.query('SELECT role_name, lead, display_name FROM lotse.memberships WHERE role_name = ANY($1)', [[anna.role, berta.role]])).rows,
    );
    expect(Object.fromEntries(leads.map((row) => [row.role_name, [row.display_name, row.lead]]))).toEqual({
      [anna.role]: ['Anna Schmitz', false],
      [berta.role]: ['Berta Öztürk', true],
    });
    const allTeams = await asAdmin(async (client) => (await client.query('SELECT name FROM lotse.teams')).rows);
    expect(allTeams.map((row) => row.name)).toEqual(['Integration Nord']);
  });

  it('refuses an admin address off this machine without sslmode=verify-full, before connecting', () => {
    expectOneLineFailure(
      teamAdmin(['init', '--url', 'postgres://admin:geheim@db.kreis-dueren.de/lotse']),
      /^Der Team-Speicher db\.kreis-dueren\.de ist nicht auf diesem Rechner: .*sslmode=verify-full/,
      2,
    );
    expectOneLineFailure(
      teamAdmin(['add-counselor', '--url', 'postgres://admin:geheim@db.kreis-dueren.de/lotse?sslmode=require', '--name', 'A', '--team', 'B']),
      /sslmode=verify-full/,
      2,
    );
  });

  it('tells a wrong admin password, an unreachable server, an unknown and a missing option in one German line', () => {
    const wrong = cluster.adminUrl.replace('lotse-test-admin', 'falsch');
    expectOneLineFailure(
      teamAdmin(['init', '--url', wrong]),
      /^Anmeldung als lotse_admin bei 127\.0\.0\.1:\d+ abgelehnt: Benutzername oder Passwort stimmt nicht\.$/,
    );
    expectOneLineFailure(
      teamAdmin(['add-counselor', '--url', wrong, '--name', 'Anna Schmitz', '--team', 'Integration Nord']),
      /Benutzername oder Passwort stimmt nicht/,
    );
    // Port 1 on loopback: nothing listens there.
    expectOneLineFailure(teamAdmin(['init', '--url', 'postgres://admin:geheim@127.0.0.1:1/lotse']), /^Der Server 127\.0\.0\.1:1 ist nicht erreichbar/);
    expectOneLineFailure(
      teamAdmin(['init', '--url', cluster.adminUrl, '--lead']),
      /^Unbekannte Angabe „--lead“ für init\. Hilfe: npm run team-admin -- --help$/,
      2,
    );
    expectOneLineFailure(teamAdmin(['add-counselor', '--url', cluster.adminUrl, '--name', 'Anna Schmitz']), /^add-counselor braucht --team\./, 2);
    expectOneLineFailure(teamAdmin(['add-counselor', '--url', cluster.adminUrl, '--team', 'X', '--name']), /^--name braucht einen Wert\./, 2);
    expectOneLineFailure(teamAdmin(['init']), /^init braucht --url\./, 2);
    expectOneLineFailure(teamAdmin(['anlegen']), /^Unbekannter Befehl „anlegen“/, 2);
  });
});

describe('npm run team-admin as an IT role that is no superuser', () => {
  let own: TestCluster;
  beforeAll(() => {
    own = startTestCluster();
  }, 60_000);
  afterAll(() => own?.stop());

  it('sets up the team store and adds a counselor with CREATEROLE and CREATE on the database; a role with neither is told so', async () => {
    await connected(own.adminUrl, async (client) => {
      await client.query('CREATE DATABASE lotse');
      await client.query(`CREATE ROLE it_admin LOGIN CREATEROLE PASSWORD 'it-geheim'`);
      await client.query('GRANT CREATE ON DATABASE lotse TO it_admin');
      await client.query(`CREATE ROLE helfer LOGIN PASSWORD 'helfer-geheim'`);
    });
    const url = `postgres://it_admin:it-geheim@127.0.0.1:${own.port}/lotse`;
    expectOneLineFailure(
      teamAdmin(['init', '--url', url.replace('it_admin:it-geheim', 'helfer:helfer-geheim')]),
      /^helfer darf das auf 127\.0\.0\.1:\d+ nicht \(.*\)\. team-admin braucht eine Rolle mit CREATEROLE, die in der Datenbank lotse Schemas anlegen darf\.$/,
    );
    const init = teamAdmin(['init', '--url', url]);
    expect([init.status, init.stderr]).toEqual([0, '']);
    const added = teamAdmin(['add-counselor', '--url', url, '--name', 'Chris Weber', '--team', 'Integration Süd']);
    expect([added.status, added.stderr]).toEqual([0, '']);
    const chris = printed(added);
    expect(chris.url).toBe(`postgres://${chris.role}@127.0.0.1:${own.port}/lotse`);
    const teams = await connected(chris.url, async (client) => (await client.query('SELECT lotse.my_teams() AS id')).rows, chris.password);
    expect(teams).toHaveLength(1);
  });
});
