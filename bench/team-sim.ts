import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pullStatement, PUSH_SQL } from '../main/core/services/team/sync';
import type { PullCursor } from '../main/core/db/queries/team';
import type { NewCounselor } from '../main/core/team/server-schema';
import { count } from './stats';

/**
 * The simulated desks of `npm run bench -- team` (team.ts), run in worker threads of their own (team-sim-thread.ts):
 * 300 desks in one thread parsed all 1.39 million pulled rows on one event loop, which lagged 2 s and put that into
 * every latency it measured. What the threads measure meets in shared memory (SimMeasure): per change, numbered in
 * the run (its id ends in that number), when it was written, handed to a push, first pulled by another desk, and its
 * place in the pull order; the counters of push answers; each thread's desks still busy.
 */

export const TEAMS = 10;
export const DESKS_PER_TEAM = count(30, 6);
export const WRITES_PER_DESK = 50;
export const CHANGES_PER_WRITE = 2;
// As engine.ts: the outbox looked at four times a second; while NOTIFYs come, a round every half second.
const TICK_MS = 250;
const BUSY_FOR_MS = 2000;
const BUSY_ROUND_EVERY_MS = 500;
const PUSH_BATCH = 500;
const PULL_BATCH = 1000;

/** pg's types without the JSON parsers: a simulated desk receives its pull's payloads as text. */
const RAW_JSON = new Set([114, 3802]);
const rawJsonTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_JSON.has(oid) && format !== 'binary' ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type Payload = Record<string, unknown>;

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

export interface Templates {
  client: Payload;
  clientAudit: Payload;
  partner: Payload;
  partnerAudit: Payload;
}

/** What one thread counted; the bench adds them up. */
export interface Totals {
  pushes: number;
  pulls: number;
  pulledRows: number;
  pulledPayloadBytes: number;
  notifications: number;
  errors: string[];
}

export const FAMILY = ['Yılmaz', 'Kowalska', 'Haddad', 'Schneider', 'Popescu', 'Hosseini', 'Tesfay', 'Kovalenko', 'Nowak', 'Öztürk', 'Al-Rashid', 'Becker'];
export const GIVEN = ['Ayşe', 'Olena', 'Mohammed', 'Anna', 'Daniel', 'Maryam', 'Ion', 'Fatima', 'Samuel', 'Zeynep', 'Yonas', 'Katarzyna'];

/** A simulated change's id: a UUID that begins with the bench's mark and ends in the change's number in the run. */
const MARK = 'be7c0000';
const changeIdOf = (number: number) => `${MARK}${randomUUID().slice(8, 24)}${number.toString(16).padStart(12, '0')}`;
/** The number in the run of a simulated change, -1 for any other. */
export const changeNumberOf = (changeId: string) => (changeId.startsWith(MARK) ? parseInt(changeId.slice(24), 16) : -1);

/** The index of the desk that wrote change `number`. */
export const writerOf = (number: number) => Math.floor(number / (CHANGES_PER_WRITE * WRITES_PER_DESK));

/**
 * The writes of desk `index` that change its partner of the shared directory (the others change its clients): the
 * first creates it, two later ones edit it. Where they fall is shifted by the desk (by up to 14 writes, 11 s), as
 * counselors edit the directory whenever they happen to: with the same three for every desk, all 300 desks wrote the
 * directory within the same second three times a run, 600 changes that every desk reads, and that burst (not sync
 * as it goes) made the latency's 95th percentile.
 */
export const partnerWrites = (index: number) => [3, 19, 35].map((k) => k + (index % 15));
/** Whether change `number` is of the shared directory (every desk reads it) rather than of the writer's team. */
export const isSharedChange = (number: number) => partnerWrites(writerOf(number)).includes(Math.floor(number / CHANGES_PER_WRITE) % WRITES_PER_DESK);

// Slots of SimMeasure.counters: push answers, the time of the last applied, and from BUSY on each thread's busy desks.
export const APPLIED = 0;
export const CONFLICTS = 1;
export const OTHER = 2;
export const LAST_APPLIED_AT = 3;
const BUSY = 4;

export interface SimBuffers {
  writtenAt: SharedArrayBuffer;
  handedAt: SharedArrayBuffer;
  firstSeen: SharedArrayBuffer;
  placeTx: SharedArrayBuffer;
  placeSeq: SharedArrayBuffer;
  counters: SharedArrayBuffer;
}

/**
 * The simulated desks' measurements in shared memory, indexed by change number. Times are whole microseconds since
 * the bench's epoch (performance.timeOrigin + now() in every thread), 0 for "not yet": fine for 35 minutes.
 */
export class SimMeasure {
  readonly writtenAt: Int32Array;
  readonly handedAt: Int32Array;
  readonly firstSeen: Int32Array;
  readonly placeTx: BigInt64Array;
  readonly placeSeq: Int32Array;
  readonly counters: Int32Array;

  static buffers(changes: number, threads: number): SimBuffers {
    const int32s = () => new SharedArrayBuffer(changes * Int32Array.BYTES_PER_ELEMENT);
    return {
      writtenAt: int32s(),
      handedAt: int32s(),
      firstSeen: int32s(),
      placeTx: new SharedArrayBuffer(changes * BigInt64Array.BYTES_PER_ELEMENT),
      placeSeq: int32s(),
      counters: new SharedArrayBuffer((BUSY + threads) * Int32Array.BYTES_PER_ELEMENT),
    };
  }

  constructor(
    readonly buffers: SimBuffers,
    private readonly epoch: number,
  ) {
    this.writtenAt = new Int32Array(buffers.writtenAt);
    this.handedAt = new Int32Array(buffers.handedAt);
    this.firstSeen = new Int32Array(buffers.firstSeen);
    this.placeTx = new BigInt64Array(buffers.placeTx);
    this.placeSeq = new Int32Array(buffers.placeSeq);
    this.counters = new Int32Array(buffers.counters);
  }

  /** Microseconds since the bench's epoch (at least 1, so 0 keeps meaning "not yet"). */
  now(): number {
    return Math.max(1, Math.round((performance.timeOrigin + performance.now() - this.epoch) * 1000));
  }

  setBusy(thread: number, desks: number): void {
    Atomics.store(this.counters, BUSY + thread, desks);
  }

  /** Desks of any thread with a round running or something waiting. */
  busyDesks(): number {
    let busy = 0;
    for (let slot = BUSY; slot < this.counters.length; slot += 1) busy += Atomics.load(this.counters, slot);
    return busy;
  }
}

/** What a thread's simulated desks share: the templates, the measure, its counters and latency samples (milliseconds). */
export class SimThread {
  stopped = false;
  readonly names = new Map<string, string>();
  readonly totals: Totals = { pushes: 0, pulls: 0, pulledRows: 0, pulledPayloadBytes: 0, notifications: 0, errors: [] };
  readonly latency = { fromWrite: [] as number[], fromHand: [] as number[] };

  constructor(
    readonly templates: Templates,
    readonly measure: SimMeasure,
  ) {}
}

/** A desk's own rows: made from the templates, with the desk's ids, and the change each was last written by (its base). */
export class SimDesk {
  readonly client: pg.Client;
  private cursor: PullCursor = { tx: '0', seq: 0 };
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
  private readonly warmUpDesk = randomUUID();
  writes = 0;

  constructor(
    readonly index: number,
    readonly deskId: string,
    readonly counselor: NewCounselor,
    port: number,
    private readonly thread: SimThread,
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
    this.client.on('error', (error) => thread.totals.errors.push(`desk ${index}: ${error.message}`));
  }

  async connect(): Promise<void> {
    await this.client.connect();
    this.client.on('notification', () => {
      this.thread.totals.notifications += 1;
      this.lastNotify = performance.now();
      this.requestRound();
    });
    await this.client.query('LISTEN lotse_changes');
    this.lastNotify = performance.now();
    // What a desk does first: pull what the team has (the directory the real desks brought), not measured.
    await this.pull();
  }

  /**
   * What a desk that has been online for a while has done and a freshly connected one has not: one push that creates
   * and edits a client of its own and one pull. PostgreSQL plans each statement of lotse.push and the pull once per
   * connection and fills its catalog caches at first use; 300 connections doing that in the first seconds of the clock
   * measured that, not sync. The warm-up changes carry a desk id of their own, so the measured changes stay 30,000.
   */
  async warmUp(): Promise<void> {
    const { client, clientAudit } = this.thread.templates;
    const clientId = randomUUID();
    const teamId = this.counselor.teamId;
    const madeAt = new Date().toISOString();
    const created = randomUUID();
    const change = (changeId: string, kind: string, entityId: string, baseChange: string | null, payload: Payload, insertOnly: boolean): Change => ({
      changeId,
      kind,
      entityId,
      clientId,
      teamId,
      op: 'upsert',
      baseChange,
      payload,
      madeAt,
      insertOnly,
    });
    const row = { ...client, id: clientId, family_name: 'Aufwärmen', created_at: madeAt, updated_at: madeAt };
    const audit = (n: number, action: string) =>
      change(randomUUID(), 'audit', `${this.warmUpDesk}:${n}`, null, { ...clientAudit, subject_id: clientId, client_id: clientId, action, at: madeAt }, true);
    const batch = [
      change(created, 'clients', clientId, null, row, false),
      audit(1, 'create'),
      change(randomUUID(), 'clients', clientId, created, { ...row, street: 'Aufwärmweg 1' }, false),
      audit(2, 'update'),
    ];
    await this.client.query(PUSH_SQL, [this.warmUpDesk, JSON.stringify(batch)]);
    await this.pull();
  }

  start(): void {
    const phase = Math.random() * TICK_MS;
    setTimeout(() => {
      if (this.thread.stopped) return;
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
    const { templates } = this.thread;
    const teamId = this.counselor.teamId;
    let row: Omit<Change, 'changeId' | 'baseChange' | 'madeAt'>;
    let audit: Payload;
    let auditClient: string | null;
    const partner = partnerWrites(this.index);
    if (partner.includes(k)) {
      const created = k === partner[0];
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
          family_name: created ? family : (this.thread.names.get(clientId) ?? family),
          given_name: given,
          street: `Hauptstraße ${k + 1}`,
          details: JSON.stringify({ ...details, phone: `0176 ${this.index}${k}` }),
          ...(created ? { created_at: madeAt } : {}),
          updated_at: madeAt,
        },
        insertOnly: false,
      };
      if (created) this.thread.names.set(clientId, family);
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
    const writtenAt = this.thread.measure.now();
    for (const [position, entry] of entries.entries()) {
      const key = `${entry.kind}\u0000${entry.entityId}`;
      const number = (this.index * WRITES_PER_DESK + k) * CHANGES_PER_WRITE + position;
      const changeId = changeIdOf(number);
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
      Atomics.store(this.thread.measure.writtenAt, number, writtenAt);
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
        this.thread.totals.errors.push(`desk ${this.index}: ${(error as Error).message}`);
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
    } while (this.again && !this.thread.stopped);
  }

  private async push(): Promise<void> {
    const { totals, measure } = this.thread;
    // As push() does: what is written meanwhile goes in the next round, after this round's pull.
    let left = this.outbox.length;
    while (left > 0) {
      const batch = this.outbox.slice(0, Math.min(PUSH_BATCH, left));
      left -= batch.length;
      const handedAt = measure.now();
      for (const change of batch) Atomics.store(measure.handedAt, changeNumberOf(change.changeId), handedAt);
      const result = await this.client.query<{ answers: string }>(PUSH_SQL, [this.deskId, JSON.stringify(batch)]);
      const answers = JSON.parse(result.rows[0]!.answers) as Answer[];
      totals.pushes += 1;
      for (const answer of answers)
        Atomics.add(measure.counters, answer.outcome === 'applied' ? APPLIED : answer.outcome === 'conflict' ? CONFLICTS : OTHER, 1);
      Atomics.store(measure.counters, LAST_APPLIED_AT, measure.now());
      this.outbox.splice(0, batch.length);
    }
  }

  async pull(): Promise<void> {
    const { totals, measure, latency } = this.thread;
    for (;;) {
      const { rows } = await this.client.query<PulledRow>(pullStatement(this.cursor, PULL_BATCH));
      const now = measure.now();
      totals.pulls += 1;
      totals.pulledRows += rows.length;
      for (const row of rows) {
        totals.pulledPayloadBytes += row.payload?.length ?? 0;
        const number = changeNumberOf(row.change_id);
        // A change of the real desks, or of the directory they brought.
        if (number < 0) continue;
        if (Atomics.load(measure.placeSeq, number) === 0) {
          Atomics.store(measure.placeTx, number, BigInt(row.tx));
          Atomics.store(measure.placeSeq, number, Number(row.seq));
        }
        if (row.desk_id === this.deskId) continue;
        latency.fromWrite.push((now - Atomics.load(measure.writtenAt, number)) / 1000);
        latency.fromHand.push((now - Atomics.load(measure.handedAt, number)) / 1000);
        Atomics.compareExchange(measure.firstSeen, number, 0, now);
      }
      const last = rows.at(-1);
      if (last) this.cursor = { tx: last.tx, seq: Number(last.seq) };
      if (rows.length < PULL_BATCH) break;
    }
  }
}
