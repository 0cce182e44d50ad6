import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Db } from './open';
import type { StoreKey } from './cipher';

/**
 * Checkpoints off the host's thread while long write work runs (a serial
 * letter stages and records a thousand documents: DESIGN.md §8, no host
 * stall over 50 ms). SQLite moves the WAL into the store file at the commit
 * that passes 1,000 pages, on the committing connection's thread: there that
 * took 30–80 ms, and was the longest stall of a batch. For the time of the
 * work the host's connection does not checkpoint (`wal_autocheckpoint = 0`);
 * checkpoint-worker.ts does, from a connection of its own. When it ends, the
 * host's connection checkpoints itself again (the SQLite default of 1,000
 * pages), also when the worker could not start.
 */

export interface CheckpointWorkerData {
  file: string;
  nativeBinding?: string;
  key: StoreKey;
}

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** The thread holds a connection and a timer: a small heap keeps a batch within its memory goal (DESIGN.md §8, 400 MB). */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 };

/** The store as checkpoints need it: the host's connection, its file and how to open it. */
export interface CheckpointedStore {
  db: Db;
  file: string;
  nativeBinding?: string;
  key: StoreKey;
  /** dist/checkpoint-worker.cjs, or a test's bundle of checkpoint-worker.ts. */
  workerScript: string;
}

/** Starts checkpointing in the background; the function returned ends it (and resolves once the worker's connection is closed). */
export function checkpointInBackground(store: CheckpointedStore): () => Promise<void> {
  if (!fs.existsSync(store.workerScript)) throw new Error(`checkpoint worker script missing: ${store.workerScript}`);
  const { db } = store;
  const data: CheckpointWorkerData = { file: store.file, nativeBinding: store.nativeBinding, key: store.key };
  const worker = new Worker(store.workerScript, { workerData: data, resourceLimits: WORKER_LIMITS });
  // A host that is closing does not wait for it.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const restore = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('error', (error) => {
    console.error('[lotse] background checkpoints failed; the host checkpoints itself again:', error);
    restore();
  });
  db.pragma('wal_autocheckpoint = 0');
  let ended: Promise<void> | undefined;
  return () => {
    ended ??= (async () => {
      worker.postMessage('end');
      await exited;
      restore();
    })();
    return ended;
  };
}
