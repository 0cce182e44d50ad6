import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/open-core';
import type { ChildBundle } from '../support/child-bundle';
import { seededRandom } from '../support/seeded-random';
import { makeTempDir } from '../support/temp-dir';
import { bundleStoreOwner, startStoreOwner, type OwnerChild } from './store-owner-child';

/*
 * A writer in a child process is SIGKILLed at random moments; after each kill
 * the store is opened again (which also takes over the dead writer's lock),
 * checked, and every write the writer acknowledged must be there. Two lanes
 * (each its own data dir) run side by side, so two cores are used.
 */
const KILLS_PER_LANE = 100;
const LANES = 2;
/** Most kills hit the writing; every EARLY_EVERY-th one a random moment of the start (open, lock, migrations). */
const EARLY_EVERY = 10;
const LATE_KILL_MS = 150;
const EARLY_KILL_MS = 600;

const temp = makeTempDir('lotse-kill-');
let bundle: ChildBundle;
const running = new Set<OwnerChild>();
beforeAll(() => {
  bundle = bundleStoreOwner(temp.dir);
});
afterAll(async () => {
  for (const child of running) child.process.kill('SIGKILL');
  await Promise.all([...running].map((child) => child.closed));
  temp.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LaneResult {
  kills: number;
  acknowledged: number;
  earlyKills: number;
}

async function runLane(lane: number): Promise<LaneResult> {
  const dataDir = path.join(temp.dir, `lane-${lane}`);
  const next = seededRandom(20261202 + lane);
  /** Acknowledged and not being erased: must be there. */
  const present = new Set<string>();
  /** Acknowledged as erased: must be gone. */
  const erased = new Set<string>();
  let acknowledged = 0;
  let earlyKills = 0;
  for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
    const child = startStoreOwner(bundle, dataDir, { write: true });
    running.add(child);
    if (kill % EARLY_EVERY === EARLY_EVERY - 1) {
      earlyKills += 1;
      await sleep(next() * EARLY_KILL_MS);
    } else {
      expect(await child.verdict, child.stderr()).toEqual({ owned: true });
      await sleep(next() * LATE_KILL_MS);
    }
    child.process.kill('SIGKILL');
    const exit = await child.closed;
    running.delete(child);
    // A child that ended by itself (not by our kill) broke: say why.
    expect(exit.signal, child.stderr()).toBe('SIGKILL');

    for (const line of child.lines.slice(1)) {
      const [kind, id] = line.split(' ') as [string, string];
      if (kind === 'c') present.add(id);
      // Being erased when killed: it may be there or not.
      else if (kind === 'x') present.delete(id);
      else if (kind === 'e') erased.add(id);
      acknowledged += kind === 'x' ? 0 : 1;
    }

    const core = openCore({ dataDir, host: 'browser', version: '0.0.0-test' });
    try {
      expect(core.db.pragma('quick_check', { simple: true }), `lane ${lane}, kill ${kill}`).toBe('ok');
      const ids = new Set(core.db.prepare('SELECT id FROM clients').pluck().all() as string[]);
      const lost = [...present].filter((id) => !ids.has(id));
      const back = [...erased].filter((id) => ids.has(id));
      expect({ lost, back }, `lane ${lane}, kill ${kill}`).toEqual({ lost: [], back: [] });
      if (kill === KILLS_PER_LANE - 1) expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }
  }
  return { kills: KILLS_PER_LANE, acknowledged, earlyKills };
}

describe('SIGKILL under write load', () => {
  it(`loses no acknowledged write over ${KILLS_PER_LANE * LANES} kills at random moments`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane)));
    const total = results.reduce((sum, result) => ({
      kills: sum.kills + result.kills,
      acknowledged: sum.acknowledged + result.acknowledged,
      earlyKills: sum.earlyKills + result.earlyKills,
    }));
    console.log(
      `[kill] ${total.kills} SIGKILLs (${total.earlyKills} during the start) in ${LANES} lanes, ${total.acknowledged} acknowledged writes, all present after each kill: ${Date.now() - started} ms`,
    );
    expect(total.kills).toBeGreaterThanOrEqual(200);
    expect(total.acknowledged).toBeGreaterThan(total.kills);
  });
});
