import { describe, expect, it } from 'vitest';
import { Autosave, type AutosaveTimers, type SaveStatus } from './autosave';

/** Timers that run only when the test says so. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { callback: () => void; ms: number }>();
  const timers: AutosaveTimers = {
    set: (callback, ms) => {
      const handle = next++;
      pending.set(handle, { callback, ms });
      return handle;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const due = [...pending.entries()];
    pending.clear();
    for (const [, timer] of due) timer.callback();
  };
  return { timers, fire, count: () => pending.size, delays: () => [...pending.values()].map((timer) => timer.ms) };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(save: (snapshot: string, urgent: boolean) => Promise<void>) {
  const clock = manualTimers();
  const statuses: SaveStatus['state'][] = [];
  const autosave = new Autosave<string>({
    delayMs: 600,
    save,
    onStatus: (status) => statuses.push(status.state),
    timers: clock.timers,
    now: () => new Date('2026-01-05T14:03:00'),
  });
  return { autosave, clock, statuses };
}

describe('autosave', () => {
  it('saves once typing pauses, only the last snapshot', async () => {
    const saved: string[] = [];
    const { autosave, clock, statuses } = setup(async (snapshot) => void saved.push(snapshot));
    autosave.change('A');
    autosave.change('An');
    autosave.change('Ann');
    expect(clock.count()).toBe(1);
    expect(clock.delays()).toEqual([600]);
    expect(saved).toEqual([]);
    clock.fire();
    await autosave.flush();
    expect(saved).toEqual(['Ann']);
    expect(statuses.at(-1)).toBe('saved');
    expect(autosave.unsaved).toBe(false);
  });

  it('saves at once on flush and leaves no timer behind', async () => {
    const saved: Array<[string, boolean]> = [];
    const { autosave, clock } = setup(async (snapshot, urgent) => void saved.push([snapshot, urgent]));
    autosave.change('x');
    await autosave.flush(true);
    expect(saved).toEqual([['x', true]]);
    expect(clock.count()).toBe(0);
    await autosave.flush();
    expect(saved).toHaveLength(1);
  });

  it('never runs two saves at once and sends what changed during a save right after it', async () => {
    const first = deferred();
    const calls: string[] = [];
    let active = 0;
    let maxActive = 0;
    const { autosave } = setup(async (snapshot) => {
      calls.push(snapshot);
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (calls.length === 1) await first.promise;
      active -= 1;
    });
    autosave.change('one');
    const done = autosave.flush();
    autosave.change('two');
    const again = autosave.flush();
    first.resolve();
    await Promise.all([done, again]);
    expect(calls).toEqual(['one', 'two']);
    expect(maxActive).toBe(1);
    expect(autosave.unsaved).toBe(false);
  });

  it('keeps a change whose save failed and sends it with the next attempt', async () => {
    let fail = true;
    const saved: string[] = [];
    const { autosave, statuses } = setup(async (snapshot) => {
      if (fail) throw new Error('offline');
      saved.push(snapshot);
    });
    autosave.change('kept');
    await autosave.flush();
    expect(statuses.at(-1)).toBe('failed');
    expect(autosave.unsaved).toBe(true);
    fail = false;
    await autosave.flush();
    expect(saved).toEqual(['kept']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('settles: resolves once stored, rejects with the reason when not', async () => {
    let fail = true;
    const { autosave } = setup(async () => {
      if (fail) throw new Error('refused');
    });
    autosave.change('x');
    await expect(autosave.settle()).rejects.toThrow('refused');
    fail = false;
    await expect(autosave.settle()).resolves.toBeUndefined();
  });

  it('sends nothing more once abandoned', async () => {
    const saved: string[] = [];
    const { autosave, clock } = setup(async (snapshot) => void saved.push(snapshot));
    autosave.change('x');
    autosave.abandon();
    await autosave.flush();
    expect(saved).toEqual([]);
    expect(clock.count()).toBe(0);
  });

  it('stops its timer when disposed', () => {
    const { autosave, clock } = setup(async () => undefined);
    autosave.change('x');
    autosave.dispose();
    expect(clock.count()).toBe(0);
  });
});
