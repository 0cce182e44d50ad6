/**
 * Saving a draft while it is written: a pause in typing saves it, and so
 * does leaving a field, the screen or the window (`flush`). One save at a
 * time, in order; what changed during a save is saved right after it, so
 * the last thing typed is always the last thing stored.
 */

export type SaveStatus =
  | { state: 'idle' }
  /** Changed, not yet sent. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  /** The last save was refused or did not arrive; the change is kept and sent with the next one. */
  | { state: 'failed'; error: unknown };

export interface AutosaveTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions<T> {
  delayMs: number;
  /** Stores one snapshot. `urgent`: the page is going away (the transport may need to keep the request alive). */
  save(snapshot: T, urgent: boolean): Promise<void>;
  onStatus(status: SaveStatus): void;
  timers?: AutosaveTimers;
  now?: () => Date;
}

const browserTimers: AutosaveTimers = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => window.clearTimeout(handle as number),
};

export class Autosave<T> {
  private latest: { snapshot: T } | null = null;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  private readonly timers: AutosaveTimers;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.timers = options.timers ?? browserTimers;
  }

  /** Something was typed: saves `snapshot` once typing has paused for `delayMs`. */
  change(snapshot: T): void {
    this.latest = { snapshot };
    this.options.onStatus({ state: 'pending' });
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs);
  }

  /** Whether something typed has not reached the store yet. */
  get unsaved(): boolean {
    return this.latest !== null || this.running !== null;
  }

  /** Saves now what is not saved yet; resolves once everything typed so far is stored (or a save failed). */
  flush(urgent = false): Promise<void> {
    this.clearTimer();
    if (this.running) {
      // The running loop takes the newest snapshot when its save is done; what came after its last look is saved next.
      return this.running.then(() => this.flush(urgent));
    }
    if (this.latest === null) return Promise.resolve();
    this.running = this.drain(urgent).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Saves now and rejects with the reason when something typed could not be stored (before printing or finalizing). */
  async settle(): Promise<void> {
    await this.flush();
    if (this.unsaved) throw this.failure ?? new Error('Not saved');
  }

  /** The screen closes: no timer may fire afterwards (call flush first to keep what was typed). */
  dispose(): void {
    this.clearTimer();
  }

  /** The draft itself is gone (discarded): nothing more is sent. */
  abandon(): void {
    this.clearTimer();
    this.latest = null;
  }

  private async drain(urgent: boolean): Promise<void> {
    while (this.latest !== null) {
      const { snapshot } = this.latest;
      this.latest = null;
      this.options.onStatus({ state: 'saving' });
      try {
        await this.options.save(snapshot, urgent);
        this.failure = null;
      } catch (error) {
        // Keep it for the next attempt, unless something newer came meanwhile.
        this.latest ??= { snapshot };
        this.failure = error;
        this.options.onStatus({ state: 'failed', error });
        return;
      }
    }
    this.options.onStatus({ state: 'saved', at: (this.options.now ?? (() => new Date()))() });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
