import type { Client } from 'pg';
import type { Core } from '../../core';
import { DomainError } from '../../errors';
import * as team from '../../db/queries/team';
import { finishErasures } from '../erasure';
import { openTeamClient, teamError } from './connection';
import { refreshTeams } from './teams';
import { pull, push, type SyncCounts } from './sync';

/**
 * The sync of one linked desk: a round (push, then pull) at start, when
 * something was written (the outbox grew), on the server's NOTIFY (LISTEN on
 * a connection of its own, so other desks' changes arrive within a second),
 * every 30 s, and on team.sync. Rounds never overlap; a request during one
 * runs one more round after it. Offline, writes keep going into the outbox.
 */

// A look at the outbox head four times a second: one indexed max(), so a write goes up within a quarter second.
const TICK_MS = 250;
const ROUND_EVERY_MS = 30_000;
const LISTEN_RETRY_MS = 10_000;

export class TeamEngine {
  online = false;
  lastError: DomainError | null = null;
  private client: Client | null = null;
  private listener: Client | null = null;
  private listening = false;
  private lastListenTry = 0;
  private round: Promise<SyncCounts> | null = null;
  private again = false;
  private seenHead = 0;
  private lastRound = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private authors = new Map<string, string>();

  constructor(private readonly core: Core) {}

  /** Automatic rounds (the host's engine); tests of the protocol leave it off and call sync(). */
  startAutomatic(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.requestRound();
  }

  private tick(): void {
    if (this.stopped || this.core.storeDamage !== null || this.core.locked) return;
    let head: number;
    try {
      if (!team.readLink(this.core.db)) return;
      head = team.outboxHead(this.core.db);
    } catch {
      return;
    }
    const now = Date.now();
    if (head !== this.seenHead || now - this.lastRound >= ROUND_EVERY_MS) this.requestRound();
    if (!this.listening && now - this.lastListenTry >= LISTEN_RETRY_MS) void this.listen();
  }

  /** A round soon, its failure kept for team.status (the automatic rounds have nobody to answer). */
  requestRound(): void {
    void this.sync().catch(() => undefined);
  }

  /** One round now (or the one running and one more after it); rejects with the German error when the server cannot be reached. */
  sync(): Promise<SyncCounts> {
    if (this.round) {
      this.again = true;
      return this.round.then(() => this.sync());
    }
    this.round = this.rounds().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async rounds(): Promise<SyncCounts> {
    const total: SyncCounts = { pushed: 0, pulled: 0, conflicts: 0 };
    do {
      this.again = false;
      const counts = await this.oneRound();
      total.pushed += counts.pushed;
      total.pulled += counts.pulled;
      total.conflicts += counts.conflicts;
    } while (this.again && !this.stopped);
    return total;
  }

  private async oneRound(): Promise<SyncCounts> {
    const link = team.readLink(this.core.db);
    if (!link) throw new DomainError('conflict', { key: 'team.notLinked' });
    this.seenHead = team.outboxHead(this.core.db);
    this.lastRound = Date.now();
    try {
      const client = await this.connected(link);
      await refreshTeams(this.core, client);
      const pushed = await push(this.core, client, link, this.authors);
      const pulled = await pull(this.core, client, team.readLink(this.core.db) ?? link);
      if (pulled.erasures.length > 0) void finishErasures(this.core, pulled.erasures);
      this.online = true;
      this.lastError = null;
      return { pushed: pushed.pushed, pulled: pulled.pulled, conflicts: pushed.conflicts };
    } catch (error) {
      this.dropClient();
      this.online = false;
      const failure = teamError(error, link.role);
      this.lastError = failure;
      if (failure.code !== 'team_unreachable') console.error('[lotse] Abgleich mit dem Team-Speicher fehlgeschlagen:', error);
      throw failure;
    }
  }

  private async connected(link: team.TeamLink): Promise<Client> {
    if (this.client) return this.client;
    const client = await openTeamClient(link);
    this.client = client;
    const members = await client.query<{ role_name: string; display_name: string }>('SELECT role_name, display_name FROM lotse.team_members()');
    this.authors = new Map(members.rows.map((row) => [row.role_name, row.display_name]));
    return client;
  }

  private async listen(): Promise<void> {
    this.lastListenTry = Date.now();
    const link = team.readLink(this.core.db);
    if (!link) return;
    try {
      const listener = await openTeamClient(link);
      if (this.stopped) {
        void listener.end().catch(() => undefined);
        return;
      }
      listener.on('notification', () => this.requestRound());
      listener.on('error', () => {
        this.listening = false;
        this.listener = null;
      });
      listener.on('end', () => {
        this.listening = false;
      });
      await listener.query('LISTEN lotse_changes');
      this.listener = listener;
      this.listening = true;
    } catch {
      this.listening = false;
    }
  }

  private dropClient(): void {
    void this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** Connections closed, timers off: at unlinking and when the core closes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.dropClient();
    void this.listener?.end().catch(() => undefined);
    this.listener = null;
    this.listening = false;
  }

  /** Waits for a round still running (a core closing after a test's last sync). */
  async settled(): Promise<void> {
    await this.round?.catch(() => undefined);
  }
}
