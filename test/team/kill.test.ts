import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { openCore } from '../../main/core/open-core';
import { updateSettings } from '../../main/core/services/settings';
import { teamSettled } from '../../main/core/services/team';
import { bundleChildScript, type ChildBundle } from '../support/child-bundle';
import { callOk } from '../support/results';
import { seededRandom } from '../support/seeded-random';
import { TEST_SETTINGS } from '../support/settings';
import { startTeamServer, type TeamServer } from '../support/team';
import { makeTempDir } from '../support/temp-dir';

/*
 * A desk in a child process writes clients and syncs them; it is SIGKILLed
 * at random moments, most of them while a push is on the wire. The push a
 * restarted desk repeats carries the same change ids, so the server takes
 * nothing twice and the desk loses nothing: at the end the server holds each
 * acknowledged client exactly once, with one change each and no conflict.
 */
const KILLS = 12;
const MAX_KILL_DELAY_MS = 80;

const temp = makeTempDir('lotse-team-kill-');
let server: TeamServer;
let bundle: ChildBundle;
beforeAll(async () => {
  server = await startTeamServer();
  bundle = bundleChildScript(path.join(__dirname, 'child', 'team-desk.ts'), temp.dir, { withoutPdf: true });
}, 60_000);
afterAll(() => {
  server?.stop();
  temp.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const openDesk = (dataDir: string): Core => openCore({ dataDir, host: 'browser', version: '0.0.0-test', dailyBackups: false, teamAutoSync: false });

/** Starts the desk, waits until a sync round has begun, kills it a moment later; what it acknowledged, and whether the kill fell inside a round. */
async function killDuringSync(dataDir: string, run: number, delay: number): Promise<{ acknowledged: string[]; midSync: boolean }> {
  const child = spawn(process.execPath, [bundle.file, dataDir, String(run)], { env: bundle.env });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  let started: () => void = () => undefined;
  const roundStarted = new Promise<void>((resolve) => (started = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (parts.includes('p')) started();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
  await Promise.race([roundStarted, closed]);
  await sleep(delay);
  child.kill('SIGKILL');
  expect(await closed, errors).toBe('SIGKILL');
  const last = lines.filter((line) => line === 'p' || line === 's').at(-1);
  return { acknowledged: lines.filter((line) => line.startsWith('c ')).map((line) => line.slice(2)), midSync: last === 'p' };
}

describe('a desk killed mid-push', () => {
  it(`loses and duplicates nothing (${KILLS} SIGKILLs)`, async () => {
    const counselor = await server.counselor('Kim Abgleich', 'Team Kill');
    const dataDir = path.join(temp.dir, 'desk');
    const setup = openDesk(dataDir);
    updateSettings(setup, TEST_SETTINGS);
    await callOk(setup, 'team.connect', { url: server.url, role: counselor.role, password: counselor.password });
    await teamSettled(setup);
    setup.close();

    const next = seededRandom(20261203);
    const acknowledged = new Set<string>();
    let midSync = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const result = await killDuringSync(dataDir, kill, next() * MAX_KILL_DELAY_MS);
      result.acknowledged.forEach((id) => acknowledged.add(id));
      if (result.midSync) midSync += 1;
    }
    expect(midSync, 'kills that fell inside a sync round').toBeGreaterThanOrEqual(KILLS / 2);

    const desk = openDesk(dataDir);
    try {
      expect(desk.db.pragma('quick_check', { simple: true })).toBe('ok');
      await callOk(desk, 'team.sync', {});
      const status = await callOk<{ waiting: number; conflicts: number }>(desk, 'team.status', {});
      expect([status.waiting, status.conflicts]).toEqual([0, 0]);
      const local = new Set(desk.db.prepare("SELECT id FROM clients WHERE family_name LIKE 'Abgleich%'").pluck().all() as string[]);
      expect(
        [...acknowledged].filter((id) => !local.has(id)),
        'acknowledged but lost on the desk',
      ).toEqual([]);

      const onServer = await server.as(counselor, async (pg) => {
        const entities = (await pg.query(`SELECT id FROM lotse.entities WHERE kind = 'clients' AND payload->>'family_name' LIKE 'Abgleich%'`)).rows;
        const changes = (await pg.query(`SELECT entity_id, count(*)::int AS n FROM lotse.changes WHERE kind = 'clients' GROUP BY entity_id`)).rows;
        const conflicts = (await pg.query('SELECT count(*)::int AS n FROM lotse.conflicts')).rows[0].n as number;
        const auditLines = (await pg.query(`SELECT count(*)::int AS n FROM lotse.entities WHERE kind = 'audit' AND payload->>'action' = 'clients.create'`))
          .rows[0].n as number;
        return { entities: new Set(entities.map((row) => row.id as string)), changes, conflicts, auditLines };
      });
      // Every client of the desk is on the server, and nothing else.
      expect([...local].filter((id) => !onServer.entities.has(id))).toEqual([]);
      expect(onServer.entities.size).toBe(local.size);
      // Each went up once: one change each, however often its push was repeated.
      expect(onServer.changes.filter((row) => row.n !== 1)).toEqual([]);
      expect(onServer.conflicts).toBe(0);
      // Their audit lines too, each once.
      expect(onServer.auditLines).toBe(desk.db.prepare("SELECT count(*) FROM audit WHERE action = 'clients.create'").pluck().get());
    } finally {
      await teamSettled(desk);
      desk.close();
    }
  }, 120_000);
});
