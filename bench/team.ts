import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { PULL_SQL, PUSH_SQL } from '../main/core/services/team/sync';
import { addCounselor, migrateServer, type NewCounselor } from '../main/core/team/server-schema';
import { missingPostgres, startTestCluster, type TestCluster } from '../test/support/postgres';
import { count, summarize, type Figure, type Summary } from './stats';
import { REAL_DESK_POLL_MS, type RealDeskEvent, type RealDeskRequest } from './team-real-desk-protocol';

/**
 * `npm run bench -- team` (issue 18, docs/team-mode.md): 300 simulated desks × 100 changes on a throwaway
 * PostgreSQL cluster on loopback, with 2 real desks taking part.
 *
 * - The server: startTestCluster with more connections, the team schema (migrateServer) and 10 teams of 30
 *   counselors made with addCounselor (team-admin's own code), plus the 2 real desks' counselors in the first team.
 * - A simulated desk is one pg connection as its own role that speaks the real protocol: PUSH_SQL with batches shaped
 *   exactly as sync.ts's push() builds them, PULL_SQL from its cursor (transaction, seq) after each NOTIFY (LISTEN lotse_changes on the
 *   same connection). It is the engine (engine.ts) in small: a round is the team list (refreshTeams' two queries, every 30 s), a
 *   push of whatever waits, then a pull; a NOTIFY, a write (seen by a 250 ms tick) or a NOTIFY in the last 2 s (a
 *   round every 500 ms then) asks for a round; rounds never overlap, a request during one runs one more after it (so
 *   at most one pull in flight and one pending). Its payloads are real rows (a client, its audit lines,
 *   a partner as a real desk wrote them, taken from the server) with ids, names and streets of their own: each desk
 *   creates 2 clients of its team and edits them, and creates and edits 1 partner of the shared directory.
 *   What a real desk does with a pulled row (JSON.parse, SQLite) is left out for the simulated ones: on a real
 *   network each of them is a machine of its own, here they share this process (jsonb stays text).
 * - The 2 real desks are real cores in data folders of their own, each in a worker thread (team-real-desk.ts), linked
 *   with team.connect, automatic sync on (the real engine with its LISTEN and 250 ms tick); each edits a client of its
 *   own through clients.update every 2 s.
 * - Desks write at a steady pace: each desk's 50 writes (2 changes each: the row and its audit line) are spread over
 *   the writing time with a random phase and jitter.
 *
 * Measured: the changes applied (the push's answers) and the wall time from the first write to the last of the
 * 30,000 applied; the latency from a change being written (the desk's write, or the moment clients.update returned
 * on a real desk) until another online desk of its team has pulled it: every pair (change, other simulated desk that
 * may read it), and from the real desks to each other (the other desk's store polled every 10 ms in its thread). Also: the server's
 * time inside lotse.push (pg_stat_user_functions), the CPU of PostgreSQL and of this process, and Node's event-loop
 * delay, to tell where time goes when a goal is missed.
 */

const TEAMS = 10;
const DESKS_PER_TEAM = count(30, 6);
const WRITES_PER_DESK = 50;
const CHANGES_PER_WRITE = 2;
const WRITING_SECONDS = count(40, 10);
// As engine.ts: the outbox looked at four times a second; while NOTIFYs come, a round every half second.
const TICK_MS = 250;
const BUSY_FOR_MS = 2000;
const BUSY_ROUND_EVERY_MS = 500;
const PUSH_BATCH = 500;
const PULL_BATCH = 1000;
const REAL_EDIT_EVERY_MS = 2000;
/** After the writing time: how long the bench waits for the rest to be applied and pulled before it gives up. */
const GRACE_MS = 90_000;

/** pg's types without the JSON parsers: a simulated desk receives its pull's payloads as text. */
const RAW_JSON = new Set([114, 3802]);
const rawJsonTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_JSON.has(oid) && format !== 'binary' ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Payload = Record<string, unknown>;

/** One outbox entry as sync.ts's push() sends it (same keys, same order). */
interface Change {
  changeId: string;
  kind: string;
  entityId: string;
  clientId: string | null;
  teamId: string | null;
  op: 'upsert';
  baseChange: string | null;
  payload: Payload;
  madeAt: string;
  insertOnly: boolean;
}

interface Answer {
  changeId: string;
  outcome: 'applied' | 'conflict' | 'refused' | 'gone';
}

interface PulledRow {
  tx: string;
  seq: string;
  change_id: string;
  desk_id: string;
  team_id: string | null;
  /** jsonb as text (rawJsonTypes). */
  payload: string | null;
}

/** A simulated change on its way: who wrote it, when, when it left in a push, when the server took it. */
interface Travel {
  desk: SimDesk;
  writtenAt: number;
  handedAt: number;
  shared: boolean;
  firstSeenAt: number;
  /** Where the server put it in the pull order (transaction, seq), once a desk has pulled it. */
  pulledAt: Cursor | null;
}

/** A place in the pull order, as team_link keeps it: (PostgreSQL transaction, seq). */
interface Cursor {
  tx: bigint;
  seq: number;
}

const atOrBefore = (a: Cursor, b: Cursor) => a.tx < b.tx || (a.tx === b.tx && a.seq <= b.seq);

interface Templates {
  client: Payload;
  clientAudit: Payload;
  partner: Payload;
  partnerAudit: Payload;
}

interface Totals {
  applied: number;
  conflicts: number;
  otherOutcomes: number;
  lastAppliedAt: number;
  pushes: number;
  pulls: number;
  pulledRows: number;
  pulledPayloadBytes: number;
  notifications: number;
  errors: string[];
}

const FAMILY = ['Yılmaz', 'Kowalska', 'Haddad', 'Schneider', 'Popescu', 'Hosseini', 'Tesfay', 'Kovalenko', 'Nowak', 'Öztürk', 'Al-Rashid', 'Becker'];
const GIVEN = ['Ayşe', 'Olena', 'Mohammed', 'Anna', 'Daniel', 'Maryam', 'Ion', 'Fatima', 'Samuel', 'Zeynep', 'Yonas', 'Katarzyna'];

/** A desk's own rows: made from the templates, with the desk's ids, and the change each was last written by (its base). */
class SimDesk {
  readonly deskId = randomUUID();
  readonly client: pg.Client;
  private cursor = { tx: '0', seq: 0 };
  private readonly outbox: Change[] = [];
  private head = 0;
  private seenHead = 0;
  private round: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private lastNotify = 0;
  private lastRound = 0;
  private teamsRefreshed = -Infinity;
  private auditNumber = 0;
  private readonly base = new Map<string, string>();
  readonly clients: string[] = [randomUUID(), randomUUID()];
  readonly partner = randomUUID();
  writes = 0;

  constructor(
    readonly index: number,
    readonly counselor: NewCounselor,
    port: number,
    private readonly bench: SimBench,
  ) {
    this.client = new pg.Client({
      host: '127.0.0.1',
      port,
      database: 'postgres',
      user: counselor.role,
      password: counselor.password,
      application_name: 'lotse-bench',
      types: rawJsonTypes,
    });
    this.client.on('error', (error) => bench.totals.errors.push(`desk ${index}: ${error.message}`));
  }

  async connect(): Promise<void> {
    await this.client.connect();
    this.client.on('notification', () => {
      this.bench.totals.notifications += 1;
      this.lastNotify = performance.now();
      this.requestRound();
    });
    await this.client.query('LISTEN lotse_changes');
    this.lastNotify = performance.now();
    // What a desk does first: pull what the team has (the directory the real desks brought), not measured.
    await this.pull();
  }

  start(): void {
    const phase = Math.random() * TICK_MS;
    setTimeout(() => {
      if (this.bench.stopped) return;
      this.timer = setInterval(() => {
        const now = performance.now();
        const busy = now - this.lastNotify < BUSY_FOR_MS && now - this.lastRound >= BUSY_ROUND_EVERY_MS;
        if (this.head !== this.seenHead || busy) this.requestRound();
      }, TICK_MS);
    }, phase);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get idle(): boolean {
    return this.round === null && this.outbox.length === 0;
  }

  /** One write of a counselor: a row of theirs and its audit line, into the outbox (as the triggers do in the write's transaction). */
  write(): void {
    const k = this.writes;
    this.writes += 1;
    const now = new Date();
    const madeAt = now.toISOString();
    const { templates } = this.bench;
    const teamId = this.counselor.teamId;
    let row: Omit<Change, 'changeId' | 'baseChange' | 'madeAt'>;
    let audit: Payload;
    let auditClient: string | null;
    if (k === 1 || k === 25 || k === 40) {
      const created = k === 1;
      const name = `Beratungsstelle ${this.index} (${FAMILY[this.index % FAMILY.length]!} e. V.)`;
      const record = typeof templates.partner.record === 'string' ? (JSON.parse(templates.partner.record) as Payload) : {};
      row = {
        kind: 'partners',
        entityId: this.partner,
        clientId: null,
        teamId: null,
        op: 'upsert',
        payload: {
          ...templates.partner,
          id: this.partner,
          name,
          record: JSON.stringify({ ...record, id: this.partner, name, phone: `02421 ${1000 + k}` }),
          ...(created ? { created_at: madeAt } : {}),
          updated_at: madeAt,
        },
        insertOnly: false,
      };
      audit = { ...templates.partnerAudit, subject_id: this.partner, action: created ? 'create' : 'update' };
      auditClient = null;
    } else {
      const clientId = this.clients[k === 0 ? 0 : k === 2 ? 1 : k % 2]!;
      const created = k === 0 || k === 2;
      const details = typeof templates.client.details === 'string' ? (JSON.parse(templates.client.details) as Payload) : {};
      const family = FAMILY[(this.index + k) % FAMILY.length]!;
      const given = GIVEN[(this.index * 7 + (clientId === this.clients[0] ? 0 : 1)) % GIVEN.length]!;
      row = {
        kind: 'clients',
        entityId: clientId,
        clientId,
        teamId,
        op: 'upsert',
        payload: {
          ...templates.client,
          id: clientId,
          family_name: created ? family : (this.bench.names.get(clientId) ?? family),
          given_name: given,
          street: `Hauptstraße ${k + 1}`,
          details: JSON.stringify({ ...details, phone: `0176 ${this.index}${k}` }),
          ...(created ? { created_at: madeAt } : {}),
          updated_at: madeAt,
        },
        insertOnly: false,
      };
      if (created) this.bench.names.set(clientId, family);
      audit = { ...templates.clientAudit, subject_id: clientId, client_id: clientId, action: created ? 'create' : 'update' };
      auditClient = clientId;
    }
    this.auditNumber += 1;
    const entries: Array<Omit<Change, 'changeId' | 'baseChange' | 'madeAt'>> = [
      row,
      {
        kind: 'audit',
        entityId: `${this.deskId}:${this.auditNumber}`,
        clientId: auditClient,
        teamId: auditClient ? teamId : null,
        op: 'upsert',
        payload: { ...audit, at: madeAt, actor: this.counselor.role },
        insertOnly: true,
      },
    ];
    const writtenAt = performance.now();
    for (const entry of entries) {
      const key = `${entry.kind}\u0000${entry.entityId}`;
      const changeId = randomUUID();
      // Key order as push() builds them.
      const change: Change = {
        changeId,
        kind: entry.kind,
        entityId: entry.entityId,
        clientId: entry.clientId,
        teamId: entry.teamId,
        op: 'upsert',
        baseChange: entry.insertOnly ? null : (this.base.get(key) ?? null),
        payload: entry.payload,
        madeAt,
        insertOnly: entry.insertOnly,
      };
      if (!entry.insertOnly) this.base.set(key, changeId);
      this.outbox.push(change);
      this.bench.travels.set(changeId, { desk: this, writtenAt, handedAt: NaN, shared: entry.teamId === null, firstSeenAt: NaN, pulledAt: null });
    }
    this.head += 1;
  }

  requestRound(): void {
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.rounds()
      .catch((error: unknown) => {
        this.bench.totals.errors.push(`desk ${this.index}: ${(error as Error).message}`);
      })
      .finally(() => {
        this.round = null;
      });
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      this.seenHead = this.head;
      this.lastRound = performance.now();
      // What the engine asks in its first round and then every 30 s (teams.ts: refreshTeams).
      if (this.lastRound - this.teamsRefreshed >= 30_000) {
        this.teamsRefreshed = this.lastRound;
        await this.client.query('SELECT id, name FROM lotse.teams ORDER BY name');
        await this.client.query('SELECT team_id, lead FROM lotse.memberships WHERE role_name = session_user');
      }
      await this.push();
      await this.pull();
    } while (this.again && !this.bench.stopped);
  }

  private async push(): Promise<void> {
    const { totals, travels } = this.bench;
    // As push() does: what is written meanwhile goes in the next round, after this round's pull.
    let left = this.outbox.length;
    while (left > 0) {
      const batch = this.outbox.slice(0, Math.min(PUSH_BATCH, left));
      left -= batch.length;
      const handedAt = performance.now();
      for (const change of batch) travels.get(change.changeId)!.handedAt = handedAt;
      const result = await this.client.query<{ answers: string }>(PUSH_SQL, [this.deskId, JSON.stringify(batch)]);
      const answers = JSON.parse(result.rows[0]!.answers) as Answer[];
      totals.pushes += 1;
      const now = performance.now();
      for (const answer of answers) {
        if (answer.outcome === 'applied') totals.applied += 1;
        else if (answer.outcome === 'conflict') totals.conflicts += 1;
        else totals.otherOutcomes += 1;
      }
      totals.lastAppliedAt = now;
      this.outbox.splice(0, batch.length);
    }
  }

  async pull(): Promise<void> {
    const { totals, travels, latency } = this.bench;
    for (;;) {
      const { rows } = await this.client.query<PulledRow>(PULL_SQL, [this.cursor.tx, this.cursor.seq, PULL_BATCH]);
      const now = performance.now();
      totals.pulls += 1;
      totals.pulledRows += rows.length;
      for (const row of rows) {
        totals.pulledPayloadBytes += row.payload?.length ?? 0;
        const travel = travels.get(row.change_id);
        if (!travel) continue;
        if (!travel.pulledAt) {
          travel.pulledAt = { tx: BigInt(row.tx), seq: Number(row.seq) };
          this.bench.placeKnown(travel);
        }
        if (travel.desk === this) continue;
        latency.fromWrite.push(now - travel.writtenAt);
        latency.fromHand.push(now - travel.handedAt);
        if (Number.isNaN(travel.firstSeenAt)) {
          travel.firstSeenAt = now;
          latency.first.push(now - travel.writtenAt);
        }
      }
      const last = rows.at(-1);
      if (last) this.cursor = { tx: last.tx, seq: Number(last.seq) };
      if (rows.length < PULL_BATCH) break;
    }
  }
}

/** A real desk in its worker thread (team-real-desk.ts): requests answered in turn, its measurements as events. */
class RealDesk {
  readonly clients: string[] = [];
  /** Every place its pull cursor moved to, and when (this thread's performance.now()), in order. */
  readonly cursors: Array<{ cursor: Cursor; at: number }> = [];
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(
    readonly name: string,
    onArrived: (clientId: string, street: string, at: number) => void,
  ) {
    this.worker = new Worker(path.join(__dirname, 'team-real-desk.cjs'));
    this.worker.on('message', (event: RealDeskEvent) => {
      if (event.type === 'answer') {
        const waiter = this.waiting.get(event.id);
        this.waiting.delete(event.id);
        if (event.error !== undefined) waiter?.reject(new Error(`${this.name}: ${event.error}`));
        else waiter?.resolve(event.value);
      } else if (event.type === 'cursor') this.cursors.push({ cursor: { tx: BigInt(event.tx), seq: event.seq }, at: event.at - performance.timeOrigin });
      else onArrived(event.clientId, event.street, event.at - performance.timeOrigin);
    });
    this.worker.on('error', (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
  }

  /** When its pull first passed `place` (binary search in the cursor's moves), or NaN. */
  passedAt(place: Cursor): number {
    let low = 0;
    let high = this.cursors.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (atOrBefore(place, this.cursors[middle]!.cursor)) high = middle;
      else low = middle + 1;
    }
    return this.cursors[low]?.at ?? NaN;
  }

  ask<T>(request: RealDeskRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  async stop(): Promise<void> {
    await this.ask({ type: 'stop' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

/** Everything the simulated desks share: the templates, the counters, the samples. */
class SimBench {
  stopped = false;
  readonly names = new Map<string, string>();
  readonly travels = new Map<string, Travel>();
  readonly totals: Totals = {
    applied: 0,
    conflicts: 0,
    otherOutcomes: 0,
    lastAppliedAt: 0,
    pushes: 0,
    pulls: 0,
    pulledRows: 0,
    pulledPayloadBytes: 0,
    notifications: 0,
    errors: [],
  };
  readonly latency = { fromWrite: [] as number[], fromHand: [] as number[], first: [] as number[] };
  /** Simulated changes the real desks may read (their team's and the shared ones), with their place in the pull order. */
  readonly forReal: Travel[] = [];

  constructor(
    readonly templates: Templates,
    private readonly realTeam: string,
  ) {}

  placeKnown(travel: Travel): void {
    if (travel.shared || travel.desk.counselor.teamId === this.realTeam) this.forReal.push(travel);
  }
}

async function connected<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) {
      console.error(`\nbench team: ${what} not within ${Math.round(timeoutMs / 1000)} s`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) of every process called `postgres` (the server and its backends), from /proc. */
function postgresCpuSeconds(): number {
  const tick = 100;
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name; 16 and 17 (cutime, cstime) count the backends that ended.
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
    } catch {
      // A process that ended in between.
    }
  }
  return total;
}

function summaryOf(samples: number[]): Summary & { n: number } {
  return { ...summarize(samples), n: samples.length };
}

/** The first real desk links first and brings the office's directory; both are set up before the clock starts. */
async function linkRealDesks(desks: readonly RealDesk[], url: string, counselors: NewCounselor[]): Promise<void> {
  for (const [index, desk] of desks.entries()) await desk.ask({ type: 'connect', url, role: counselors[index]!.role, password: counselors[index]!.password });
  for (const [index, desk] of desks.entries()) {
    const names = [0, 1, 2].map((n) => ({
      familyName: `${FAMILY[(index * 3 + n) % FAMILY.length]!}-Team`,
      givenName: GIVEN[(index * 3 + n) % GIVEN.length]!,
    }));
    desk.clients.push(...(await desk.ask<string[]>({ type: 'createClients', names })));
  }
}

/** A client, its audit line, a partner and a partner's audit line as a real desk wrote them: the simulated desks' rows are made from these. */
async function templatesFrom(adminUrl: string): Promise<Templates> {
  return connected(adminUrl, async (client) => {
    const one = async (sql: string): Promise<Payload> => {
      const row = (await client.query<{ payload: Payload }>(sql)).rows[0];
      if (!row) throw new Error(`no template: ${sql}`);
      return row.payload;
    };
    const clientAudit = await one(`SELECT payload FROM lotse.entities WHERE kind = 'audit' AND client_id IS NOT NULL ORDER BY updated_at LIMIT 1`);
    const partner = await one(`SELECT payload FROM lotse.entities WHERE kind = 'partners' ORDER BY id LIMIT 1`);
    const partnerAudit = (
      await client.query<{ payload: Payload }>(`SELECT payload FROM lotse.entities WHERE kind = 'audit' AND client_id IS NULL ORDER BY updated_at LIMIT 1`)
    ).rows[0]?.payload ?? { ...clientAudit, subject_type: 'partner', client_id: null, details: '{}' };
    return {
      client: await one(`SELECT payload FROM lotse.entities WHERE kind = 'clients' ORDER BY updated_at LIMIT 1`),
      clientAudit,
      partner,
      partnerAudit: { ...partnerAudit, client_id: null },
    };
  });
}

/** A real desk's edit on its way to the other: when clients.update returned, and when the other's store had it (NaN until known). */
interface RealSample {
  clientId: string;
  street: string;
  at: number;
  arrivedAt: number;
}

export async function teamFigures(): Promise<{ figures: Figure[]; raw: Record<string, unknown>; report?: string }> {
  const missing = missingPostgres();
  if (missing) return { figures: [], raw: { skipped: missing }, report: `team: not measured, PostgreSQL is missing (${missing})` };
  const simulatedCount = TEAMS * DESKS_PER_TEAM;
  const totalChanges = simulatedCount * WRITES_PER_DESK * CHANGES_PER_WRITE;
  let cluster: TestCluster | null = null;
  const sims: SimDesk[] = [];
  const reals: RealDesk[] = [];
  const timers: NodeJS.Timeout[] = [];
  let bench: SimBench | null = null;
  try {
    // BENCH_TEAM_PG=name=value,… adds server settings (to try one out; the table says which were given).
    const extra = Object.fromEntries(
      (process.env.BENCH_TEAM_PG ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string]),
    );
    // BENCH_TEAM_STATEMENTS=1: the server's statements by time spent in them (pg_stat_statements), printed at the end.
    const statements: Record<string, string> =
      process.env.BENCH_TEAM_STATEMENTS === '1' ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : {};
    cluster = startTestCluster({ max_connections: simulatedCount + 60, track_functions: 'pl', ...statements, ...extra });
    const adminUrl = cluster.adminUrl;
    const url = `postgres://127.0.0.1:${cluster.port}/postgres`;
    const port = cluster.port;
    await connected(adminUrl, (client) => migrateServer(client));

    // Counselors, made as team-admin makes them: 10 teams of 30, and the two real desks' in the first team.
    const counselors = await connected(adminUrl, async (client) => {
      const made: NewCounselor[] = [];
      for (let team = 0; team < TEAMS; team += 1) {
        for (let n = 0; n < DESKS_PER_TEAM; n += 1) {
          made.push(await addCounselor(client, { name: `Beratung ${team + 1}-${n + 1}`, team: `Team ${String(team + 1).padStart(2, '0')}` }));
        }
      }
      const real = [
        await addCounselor(client, { name: 'Echte Beraterin A', team: 'Team 01' }),
        await addCounselor(client, { name: 'Echter Berater B', team: 'Team 01' }),
      ];
      return { made, real };
    });

    // What the real desks' threads report: an edit of the other desk arrived, a pull cursor moved.
    const realSamples: number[] = [];
    const realPending: RealSample[] = [];
    const settle = (sample: RealSample) => {
      if (Number.isNaN(sample.at) || Number.isNaN(sample.arrivedAt)) return;
      realSamples.push(sample.arrivedAt - sample.at);
      realPending.splice(realPending.indexOf(sample), 1);
    };
    const arrived = (clientId: string, street: string, at: number) => {
      const sample = realPending.find((pending) => pending.clientId === clientId && pending.street === street);
      if (!sample) return;
      sample.arrivedAt = at;
      settle(sample);
    };
    reals.push(...['A', 'B'].map((letter) => new RealDesk(`real ${letter}`, arrived)));
    await linkRealDesks(reals, url, counselors.real);
    const realTeam = counselors.real[0]!.teamId;
    // Every real desk has the other's clients before the clock starts.
    const allClients = reals.flatMap((desk) => desk.clients);
    const everywhere = async () => (await Promise.all(reals.map((desk) => desk.ask<boolean>({ type: 'hasClients', ids: allClients })))).every(Boolean);
    if (!(await until('the real desks have each other’s clients', everywhere, 30_000))) throw new Error('real desks did not sync');
    const templates = await templatesFrom(adminUrl);
    if (process.env.BENCH_TEAM_DEBUG === '1') console.log('\n', JSON.stringify(templates, null, 2));
    bench = new SimBench(templates, realTeam);
    const sim = bench;
    for (const [index, counselor] of counselors.made.entries()) sims.push(new SimDesk(index, counselor, port, sim));
    for (let start = 0; start < sims.length; start += 25) await Promise.all(sims.slice(start, start + 25).map((desk) => desk.connect()));
    await sleep(1500);

    // The writes: each desk's 50 at a steady pace over the writing time, with a random phase and ±30 % jitter.
    const interval = (WRITING_SECONDS * 1000) / WRITES_PER_DESK;
    const plan: Array<{ at: number; desk: SimDesk }> = [];
    for (const desk of sims) {
      const phase = Math.random() * interval;
      for (let k = 0; k < WRITES_PER_DESK; k += 1) plan.push({ at: phase + k * interval + (Math.random() - 0.5) * 0.6 * interval * (k === 0 ? 0 : 1), desk });
    }
    plan.sort((a, b) => a.at - b.at);
    // A desk's writes stay in order even where the jitter crossed them (the write number decides what is written).

    const loop = monitorEventLoopDelay({ resolution: 10 });
    const cpuBefore = process.cpuUsage();
    const pgCpuBefore = postgresCpuSeconds();
    const pushStatsBefore = await connected(adminUrl, (client) =>
      client.query<{ calls: string; total_time: number }>(
        `SELECT calls, total_time FROM pg_stat_user_functions WHERE schemaname = 'lotse' AND funcname = 'push'`,
      ),
    );
    loop.enable();
    const started = performance.now();
    for (const desk of sims) desk.start();

    // The real desks: an edit of one of their own clients every 2 s, and its arrival on the other real desk (polled there).
    let realEdits = 0;
    for (const [index, desk] of reals.entries()) {
      const other = reals[(index + 1) % reals.length]!;
      let n = 0;
      const edit = async () => {
        if (performance.now() - started > WRITING_SECONDS * 1000) return;
        const clientId = desk.clients[n % desk.clients.length]!;
        n += 1;
        const street = `Teststraße ${index + 1}-${n}`;
        const sample: RealSample = { clientId, street, at: NaN, arrivedAt: NaN };
        realPending.push(sample);
        await other.ask({ type: 'watch', clientId, street });
        sample.at = (await desk.ask<number>({ type: 'edit', clientId, street })) - performance.timeOrigin;
        realEdits += 1;
        settle(sample);
      };
      const first = setTimeout(
        () => {
          void edit();
          timers.push(setInterval(() => void edit(), REAL_EDIT_EVERY_MS));
        },
        (index * REAL_EDIT_EVERY_MS) / reals.length + 250,
      );
      timers.push(first);
    }

    // The plan, run by one 5 ms scheduler: a write is made when its time has come.
    const writeLag: number[] = [];
    let next = 0;
    await new Promise<void>((resolve) => {
      const scheduler = setInterval(() => {
        const now = performance.now() - started;
        while (next < plan.length && plan[next]!.at <= now) {
          writeLag.push(now - plan[next]!.at);
          plan[next]!.desk.write();
          next += 1;
        }
        if (next === plan.length) {
          clearInterval(scheduler);
          resolve();
        }
      }, 5);
      timers.push(scheduler);
    });
    const writesDoneAt = performance.now();
    const allApplied = await until(
      `all ${totalChanges} changes applied`,
      () => sim.totals.applied + sim.totals.conflicts + sim.totals.otherOutcomes >= totalChanges,
      GRACE_MS,
    );
    const appliedAt = sim.totals.lastAppliedAt;
    // Until every desk has pulled what it may read: no round running, nothing waiting, for half a second.
    let quietSince = performance.now();
    await until(
      'the desks to finish pulling',
      () => {
        if (!sims.every((desk) => desk.idle) || realPending.length > 0) quietSince = performance.now();
        return performance.now() - quietSince >= 500;
      },
      30_000,
      20,
    );
    loop.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpu = postgresCpuSeconds() - pgCpuBefore;
    const wallWindow = (performance.now() - started) / 1000;
    sim.stopped = true;
    for (const desk of sims) desk.stop();
    for (const timer of timers) clearInterval(timer);

    const server = await connected(adminUrl, async (client) => {
      const number = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
      const push = await client.query<{ calls: string; total_time: number; self_time: number }>(
        `SELECT calls, total_time, self_time FROM pg_stat_user_functions WHERE schemaname = 'lotse' AND funcname = 'push'`,
      );
      if ('shared_preload_libraries' in statements) {
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
        const top = await client.query(
          `SELECT sum(calls) AS calls, round(sum(total_exec_time)) AS ms, round(sum(total_plan_time)) AS plan_ms, sum(rows) AS rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS q FROM pg_stat_statements GROUP BY query ORDER BY sum(total_exec_time) DESC LIMIT 25`,
        );
        console.table(top.rows);
      }
      return {
        changes: await number('SELECT count(*) AS n FROM lotse.changes'),
        conflicts: await number('SELECT count(*) AS n FROM lotse.conflicts'),
        simulated: await number('SELECT count(*) AS n FROM lotse.changes WHERE desk_id = ANY($1::uuid[])', [sims.map((desk) => desk.deskId)]),
        pushCalls: Number(push.rows[0]?.calls ?? 0) - Number(pushStatsBefore.rows[0]?.calls ?? 0),
        pushMs: (push.rows[0]?.total_time ?? 0) - (pushStatsBefore.rows[0]?.total_time ?? 0),
      };
    });

    const wallS = (appliedAt - started) / 1000;
    const expectedPairs = [...sim.travels.values()].reduce((sum, travel) => sum + (travel.shared ? simulatedCount - 1 : DESKS_PER_TEAM - 1), 0);
    const fromWrite = summaryOf(sim.latency.fromWrite);
    const fromHand = summaryOf(sim.latency.fromHand);
    const first = summaryOf(sim.latency.first);
    const real = summaryOf(realSamples);
    // A simulated change in a real desk's store: when that desk's pull cursor first passed its place.
    const realFromSim = sim.forReal
      .flatMap((travel) => reals.map((desk) => desk.passedAt(travel.pulledAt!) - travel.writtenAt))
      .filter((ms) => !Number.isNaN(ms));
    const simToReal = summaryOf(realFromSim);
    const lag = summarize(writeLag);
    const changesLabel = totalChanges.toLocaleString('en');
    const figures: Figure[] = [
      {
        figure: `team: ${changesLabel} changes from ${simulatedCount} simulated desks applied, wall (first write to last applied)`,
        unit: 's',
        samples: [wallS],
        goal: `≤ 60 s (writes spread over ${WRITING_SECONDS} s)`,
        check: { stat: 'max', limit: 60 },
        note: `${sim.totals.applied} applied, ${sim.totals.conflicts} conflicts, ${sim.totals.otherOutcomes} other answers; throughput ${(sim.totals.applied / wallS).toFixed(0)} changes/s`,
      },
      {
        figure: 'team: write → pulled by another simulated desk (every pair)',
        unit: 'ms',
        samples: [],
        summary: fromWrite,
        goal: 'p95 ≤ 2 s',
        check: { stat: 'p95', limit: 2000 },
        note: `max ${fromWrite.max.toFixed(0)} ms; ${fromWrite.n} of ${expectedPairs} pairs pulled; from the push's start: median ${fromHand.median.toFixed(0)} ms, p95 ${fromHand.p95.toFixed(0)} ms, max ${fromHand.max.toFixed(0)} ms`,
      },
      {
        figure: 'team: write → pulled by the first other simulated desk',
        unit: 'ms',
        samples: [],
        summary: first,
        goal: 'informs',
        note: `max ${first.max.toFixed(0)} ms`,
      },
      {
        figure: 'team: real desk clients.update → on the other real desk',
        unit: 'ms',
        samples: realSamples,
        goal: 'p95 ≤ 2 s',
        check: { stat: 'p95', limit: 2000 },
        note: `max ${real.max.toFixed(0)} ms; ${realSamples.length} of ${realEdits} edits arrived (polled every ${REAL_DESK_POLL_MS} ms)`,
      },
      {
        figure: 'team: simulated write → pulled into a real desk’s store',
        unit: 'ms',
        samples: [],
        summary: simToReal,
        goal: 'informs',
        note: `max ${simToReal.max.toFixed(0)} ms`,
      },
    ];
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(0)} ms`);
    const report = [
      ...(Object.keys(extra).length > 0
        ? [
            `EXPERIMENT: ${Object.entries(extra)
              .map(([name, value]) => `${name}=${value}`)
              .join(', ')}`,
          ]
        : []),
      `Team sync, ${simulatedCount} simulated desks × ${WRITES_PER_DESK * CHANGES_PER_WRITE} changes (${TEAMS} teams of ${DESKS_PER_TEAM}) + ${reals.length} real desks, loopback, writes spread over ${WRITING_SECONDS} s:`,
      '',
      row(['figure', 'value', 'goal']),
      row(['---', '---', '---']),
      row(['simulated changes applied on the server (push answers)', `${sim.totals.applied} of ${totalChanges}`, '']),
      row(['wall time, first write to the last applied', `${wallS.toFixed(1)} s${allApplied ? '' : ' (not all applied!)'}`, '≤ 60 s']),
      row(['throughput', `${(sim.totals.applied / wallS).toFixed(0)} changes/s`, '']),
      row([
        'latency write → other simulated desk pulled, p50 / p95 / max',
        `${ms(fromWrite.median)} / ${ms(fromWrite.p95)} / ${ms(fromWrite.max)} (${fromWrite.n} pairs)`,
        'p95 ≤ 2 s',
      ]),
      row(['the same from the push’s start, p50 / p95 / max', `${ms(fromHand.median)} / ${ms(fromHand.p95)} / ${ms(fromHand.max)}`, '']),
      row(['latency write → first other simulated desk, p50 / p95 / max', `${ms(first.median)} / ${ms(first.p95)} / ${ms(first.max)}`, '']),
      row([
        'latency real desk → other real desk, p50 / p95 / max',
        `${ms(real.median)} / ${ms(real.p95)} / ${ms(real.max)} (${real.n} of ${realEdits} edits)`,
        'p95 ≤ 2 s',
      ]),
      row([
        'latency simulated write → in a real desk’s store, p50 / p95 / max',
        `${ms(simToReal.median)} / ${ms(simToReal.p95)} / ${ms(simToReal.max)} (${simToReal.n})`,
        '',
      ]),
      row(['server: count(*) lotse.changes (all, with the real desks’ directory)', String(server.changes), '']),
      row(['server: changes by simulated desks', String(server.simulated), String(totalChanges)]),
      row(['server: count(*) lotse.conflicts', String(server.conflicts), '0']),
      row([
        'lotse.push: calls, time inside (waits for row locks included), per change applied',
        `${server.pushCalls}, ${(server.pushMs / 1000).toFixed(1)} s, ${(server.pushMs / Math.max(1, sim.totals.applied)).toFixed(2)} ms`,
        '',
      ]),
      row([
        'pulls by simulated desks, rows pulled (payload MB), NOTIFYs received',
        `${sim.totals.pulls}, ${sim.totals.pulledRows} (${(sim.totals.pulledPayloadBytes / 1e6).toFixed(0)} MB), ${sim.totals.notifications}`,
        '',
      ]),
      row([
        `CPU over the ${wallWindow.toFixed(0)} s run: PostgreSQL / this process`,
        `${pgCpu.toFixed(1)} s / ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
        '',
      ]),
      row([
        'event loop: delay p99 / max; a write’s lag behind its plan p95 / max',
        `${(loop.percentile(99) / 1e6).toFixed(0)} ms / ${(loop.max / 1e6).toFixed(0)} ms; ${lag.p95.toFixed(0)} ms / ${lag.max.toFixed(0)} ms`,
        '',
      ]),
      ...(sim.totals.errors.length > 0 ? ['', `errors: ${sim.totals.errors.slice(0, 5).join('; ')} (${sim.totals.errors.length})`] : []),
    ].join('\n');
    void writesDoneAt;
    return {
      figures,
      raw: {
        totals: { ...sim.totals, errors: sim.totals.errors.slice(0, 20) },
        server,
        wallS,
        cpu: { postgresS: pgCpu, processS: (cpu.user + cpu.system) / 1e6 },
        latencyMs: { fromWrite, fromHand, first, real, simToReal },
      },
      report,
    };
  } finally {
    if (bench) bench.stopped = true;
    for (const timer of timers) clearInterval(timer);
    for (const desk of sims) desk.stop();
    await Promise.all(sims.map((desk) => desk.client.end().catch(() => undefined)));
    await Promise.all(reals.map((desk) => desk.stop()));
    cluster?.stop();
  }
}
