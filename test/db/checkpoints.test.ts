import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../main/core/db/checkpoints';
import { checkpointWorkerScript } from '../support/batch-worker';
import { openTestCore } from '../support/core';

/**
 * main/core/db/checkpoints.ts: while a serial letter writes, the host's
 * connection does not checkpoint; a worker thread moves the WAL into the
 * store file from a connection of its own (with the store's key), and the
 * host's connection takes over again afterwards. Observed from outside: the
 * store file grows only when pages are checkpointed into it.
 */
const disposers: Array<() => void> = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

function store() {
  const opened = openTestCore();
  disposers.push(opened.dispose);
  const { core } = opened;
  core.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)');
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const write = (rows: number) => {
    const insert = core.db.prepare('INSERT INTO filler (data) VALUES (randomblob(3000))');
    core.db.transaction(() => {
      for (let row = 0; row < rows; row += 1) insert.run();
    })();
  };
  const checkpointed = { db: core.db, file: core.databaseFile, nativeBinding: core.nativeBinding, key: core.key, workerScript: checkpointWorkerScript() };
  return { core, write, checkpointed, fileSize: () => fs.statSync(core.databaseFile).size };
}

const autocheckpoint = (db: { pragma(source: string, options: { simple: true }): unknown }) => db.pragma('wal_autocheckpoint', { simple: true });
const until = async (condition: () => boolean) => {
  for (let waited = 0; waited < 5_000 && !condition(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('checkpoints in the background', () => {
  it('moves the WAL into the store file from its own thread while the host writes, then hands checkpoints back', async () => {
    const { core, write, checkpointed, fileSize } = store();
    const end = checkpointInBackground(checkpointed);
    expect(autocheckpoint(core.db)).toBe(0);
    const before = fileSize();
    // About 6 MB in 2,000 pages: past SQLite's 1,000 pages, which the host's connection would checkpoint at its commit.
    write(2_000);
    expect(fileSize()).toBe(before); // the host's commit checkpointed nothing
    await until(() => fileSize() > before + 5_000_000);
    expect(fileSize()).toBeGreaterThan(before + 5_000_000); // the worker did
    await end();
    expect(autocheckpoint(core.db)).toBe(1000);
    expect(core.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2_000);
  });

  it('without it the host checkpoints at its own commit (the stall it saves)', () => {
    const { write, fileSize } = store();
    const before = fileSize();
    write(2_000);
    expect(fileSize()).toBeGreaterThan(before + 5_000_000);
  });

  it('refuses to start without its worker script, and the host keeps checkpointing itself', () => {
    const { core, checkpointed } = store();
    expect(() => checkpointInBackground({ ...checkpointed, workerScript: '/nonexistent/checkpoint-worker.cjs' })).toThrow(/checkpoint worker script missing/);
    expect(autocheckpoint(core.db)).toBe(1000);
  });
});
