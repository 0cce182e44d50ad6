import type { Core } from '../core';

/**
 * The runs of a kind of background work (serial letters, partner imports)
 * per open core: kept by id for their status calls, and stopped when the
 * core closes, so that no worker outlives its store.
 */
export function runRegistry<Run extends { id: string; state: string }>(stopOnClose: (run: Run) => void): (core: Core) => Map<string, Run> {
  const registries = new WeakMap<Core, Map<string, Run>>();
  return (core) => {
    let runs = registries.get(core);
    if (!runs) {
      const created = new Map<string, Run>();
      runs = created;
      registries.set(core, created);
      core.onClose(() => {
        for (const run of created.values()) if (run.state === 'running') stopOnClose(run);
        created.clear();
      });
    }
    return runs;
  };
}

/** Keeps the newest `keep` finished runs (in the order they were added); older ones are let go. */
export function forgetOldRuns<Run extends { id: string; state: string }>(runs: Map<string, Run>, keep: number): void {
  const finished = [...runs.values()].filter((run) => run.state !== 'running');
  for (const run of finished.slice(0, Math.max(0, finished.length - keep))) runs.delete(run.id);
}
