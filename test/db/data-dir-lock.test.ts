import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildBundle } from '../support/child-bundle';
import { makeTempDir } from '../support/temp-dir';
import { bundleStoreOwner, startStoreOwner, type OwnerChild } from './store-owner-child';

const temp = makeTempDir('lotse-lock-');
let bundle: ChildBundle;
const children: OwnerChild[] = [];
beforeAll(() => {
  bundle = bundleStoreOwner(temp.dir);
});
afterAll(async () => {
  for (const child of children) child.process.kill('SIGKILL');
  await Promise.all(children.map((child) => child.closed));
  temp.cleanup();
});

function start(dataDir: string): OwnerChild {
  const child = startStoreOwner(bundle, dataDir);
  children.push(child);
  return child;
}

const inUse = (dataDir: string, pid: number | undefined) =>
  `Der Datenordner ${dataDir} wird schon von Lotse (Prozess ${pid} auf ${os.hostname()}) verwendet. Bitte das andere Lotse-Fenster verwenden oder Lotse dort zuerst beenden.`;

describe('one owner per data folder, across processes', () => {
  it('lets exactly one of four processes starting at once own the folder, and the next one take over once the owner is killed', async () => {
    const dataDir = path.join(temp.dir, 'data');
    fs.mkdirSync(dataDir);
    // The lock of an older Lotse naming PID 1, which is alive and no Lotse: it must not hold anyone back.
    fs.writeFileSync(path.join(dataDir, 'lotse.lock'), '1');
    const started = Date.now();
    const rounds = 2;
    for (let round = 0; round < rounds; round += 1) {
      const four = [0, 1, 2, 3].map(() => start(dataDir));
      const verdicts = await Promise.all(four.map((child) => child.verdict));
      const owners = four.filter((_, index) => verdicts[index]?.owned);
      expect(owners, `round ${round}: ${JSON.stringify(verdicts)}`).toHaveLength(1);
      const owner = owners[0] as OwnerChild;
      for (const verdict of verdicts.filter((each) => !each.owned)) {
        expect(verdict).toEqual({ owned: false, code: 'data_dir_locked', message: inUse(dataDir, owner.process.pid) });
      }
      // The owner dies without a word: the OS drops its lock, and its note (naming a PID now gone) stays behind.
      owner.process.kill('SIGKILL');
      await Promise.all(four.map((child) => child.closed));
      expect(fs.readFileSync(path.join(dataDir, 'lotse.lock'), 'utf8')).toContain(`"pid":${owner.process.pid}`);
    }
    const next = start(dataDir);
    expect(await next.verdict).toEqual({ owned: true });
    console.log(`[lock] ${rounds} rounds of 4 processes at once, plus a takeover: ${Date.now() - started} ms`);
  });
});
