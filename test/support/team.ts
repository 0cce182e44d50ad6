import { Client } from 'pg';
import type { Core } from '../../main/core/core';
import { addCounselor, migrateServer, type NewCounselor } from '../../main/core/team/server-schema';
import type { MethodOutput } from '../../shared/api/contract';
import { openTestCore } from './core';
import { startTestCluster, type TestCluster } from './postgres';
import { callOk } from './results';

/** Team mode's tests: a throwaway cluster with the team schema, counselors in it, and desks (real cores in data folders of their own) linked to it. */

export interface TeamServer {
  cluster: TestCluster;
  /** Runs SQL as the cluster's superuser (what IT sees), e.g. to look for traces of a person. */
  admin<T>(work: (client: Client) => Promise<T>): Promise<T>;
  /** A counselor's login, made with team-admin's own code. */
  counselor(name: string, team: string, lead?: boolean): Promise<NewCounselor>;
  /** A query as that counselor's role: what row-level security lets them see. */
  as<T>(counselor: NewCounselor, work: (client: Client) => Promise<T>): Promise<T>;
  url: string;
  stop(): void;
}

async function connected<T>(config: ConstructorParameters<typeof Client>[0], work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function startTeamServer(): Promise<TeamServer> {
  const cluster = startTestCluster();
  const admin = <T>(work: (client: Client) => Promise<T>) => connected(cluster.adminUrl, work);
  await admin((client) => migrateServer(client));
  const url = `postgres://127.0.0.1:${cluster.port}/postgres`;
  return {
    cluster,
    admin,
    url,
    counselor: (name, team, lead = false) => admin((client) => addCounselor(client, { name, team, lead })),
    as: (counselor, work) => connected(`postgres://${counselor.role}:${encodeURIComponent(counselor.password)}@127.0.0.1:${cluster.port}/postgres`, work),
    stop: () => cluster.stop(),
  };
}

export interface Desk {
  core: Core;
  dataDir: string;
  dispose(): void;
}

/** A desk linked to the server as `counselor`, syncing only when the test says so (team.sync). */
export async function linkedDesk(server: TeamServer, counselor: NewCounselor, now?: Date): Promise<Desk> {
  const desk = openTestCore(now, { teamAutoSync: false });
  await callOk(desk.core, 'team.connect', { url: server.url, role: counselor.role, password: counselor.password });
  return desk;
}

export function sync(desk: Desk): Promise<MethodOutput<'team.sync'>> {
  return callOk<MethodOutput<'team.sync'>>(desk.core, 'team.sync', {});
}

export function status(desk: Desk): Promise<MethodOutput<'team.status'>> {
  return callOk<MethodOutput<'team.status'>>(desk.core, 'team.status', {});
}
