/**
 * The store's WAL checkpoints, in a thread of their own (checkpoints.ts):
 * a connection to the same file, with the same key, that moves what the
 * host's connection wrote from the WAL into the store file every 100 ms —
 * the copying and the disk syncs that would otherwise hold the host's
 * thread for tens of milliseconds at a commit. PASSIVE: it never waits for
 * the host's reads or writes, nor they for it. Bundled on its own as
 * dist/checkpoint-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openKeyed } from './cipher';
import type { CheckpointWorkerData } from './checkpoints';

const port = parentPort;
if (!port) throw new Error('checkpoint-worker: must run as a worker thread');

const EVERY_MS = 100;
const setup = workerData as CheckpointWorkerData;
const db = openKeyed(setup.file, { nativeBinding: setup.nativeBinding, key: setup.key }, { fileMustExist: true });
db.pragma(`busy_timeout = ${EVERY_MS}`);
// A checkpoint copies pages from the WAL into the file: it needs no page cache of its own (SQLite's default is 2 MB).
db.pragma('cache_size = -256');

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or gone: the next turn tries again; the host checkpoints itself once this thread ends.
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  }
}

const timer = setInterval(checkpoint, EVERY_MS);

port.on('message', () => {
  // Asked to end: what is left in the WAL goes now, then the connection closes.
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});
