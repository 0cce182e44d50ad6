import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { DomainError } from '../../main/core/errors';
import { openCore } from '../../main/core/open-core';
import { storageError } from '../../main/core/storage-errors';
import { confirmedAsOthers, createLookAlike, SAMPLE_CLIENT } from '../support/core';
import { countRows } from '../support/results';
import { makeTempDir } from '../support/temp-dir';

/*
 * The data folder on a real small disk: a 4 MB tmpfs, mounted for this test
 * (root only, as in CI). Filled up, then made read-only by a remount.
 */
const temp = makeTempDir('lotse-disk-');
const mountDir = temp.dir;

function mount(...args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' });
}

function tryMount(): string | undefined {
  if (process.platform !== 'linux') return 'only on Linux (tmpfs)';
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs';
  try {
    mount('-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountDir);
    return undefined;
  } catch (error) {
    return `mount -t tmpfs not permitted here: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
}

const skipReason = tryMount();
if (skipReason) console.log(`[disk-full] skipped: ${skipReason}`);

afterAll(() => {
  if (!skipReason) {
    try {
      execFileSync('umount', [mountDir], { stdio: 'pipe' });
    } catch {
      // Still busy (a test failed with a store open): detach it now, it goes when the last file closes.
      execFileSync('umount', ['-l', mountDir], { stdio: 'pipe' });
    }
  }
  temp.cleanup();
});

const dataDir = path.join(mountDir, 'data');
const filler = path.join(mountDir, 'filler');
const open = () => openCore({ dataDir, host: 'browser', version: '0.0.0-test' });
const audited = (core: Core, action: string) => core.db.prepare('SELECT count(*) FROM audit WHERE action = ?').pluck().get(action) as number;

/** Fills the disk with a file up to `leave` bytes, then (leave = 0) byte-exact to the last block. */
function fill(leave: number): void {
  const { bavail, bsize } = fs.statfsSync(mountDir);
  const fd = fs.openSync(filler, 'a');
  try {
    const size = Math.max(0, bavail * bsize - leave);
    if (size > 0) fs.writeSync(fd, Buffer.alloc(size));
    if (leave === 0) {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

const ioError = () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });

function startError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the start to be refused');
}

describe.skipIf(skipReason !== undefined)('a full or read-only disk', () => {
  let core: Core;
  const written: string[] = [];
  beforeAll(() => {
    core = open();
  });
  afterAll(() => core.close());

  it('refuses a write on a full disk with storage_full in German, keeps everything before, writes nothing half', async () => {
    const started = Date.now();
    // Numbered look-alikes of SAMPLE_CLIENT (same birth date and given name), made on purpose.
    for (let n = 0; n < 5; n += 1) written.push((await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: `Vorher${n}` })).id);
    fill(256 * 1024);
    let refusal;
    for (let n = 0; n < 2000 && !refusal; n += 1) {
      const result = await dispatch(
        core,
        'clients.create',
        await confirmedAsOthers(core, { ...SAMPLE_CLIENT, familyName: `Voll${n}`, notes: 'Notiz '.repeat(3000) }),
      );
      if (result.ok) written.push((result.value as { id: string }).id);
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({
      code: 'storage_full',
      key: 'storage.full',
      message: `Der Datenträger ist voll: Lotse konnte nicht speichern, es wurde nichts gespeichert. Bitte Platz schaffen (z. B. alte Dateien löschen) und es noch einmal versuchen. Datenordner: ${dataDir}`,
    });
    // Nothing half written: no transaction left open, each client with its audit line, none without.
    expect(core.db.inTransaction).toBe(false);
    expect(countRows(core, 'clients')).toBe(written.length);
    expect(audited(core, 'clients.create')).toBe(written.length);
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');
    console.log(`[disk-full] ${written.length} clients written until the disk was full: ${Date.now() - started} ms`);
  });

  it('erases a client or refuses with nothing erased, and writes an audited change whole or not at all, on the full disk', async () => {
    fill(0);
    // SQLite's vague I/O codes are blamed on the disk once the folder is asked.
    expect(storageError(ioError(), { dataDir })?.code).toBe('storage_full');
    const victim = written.shift() as string;
    const erase = await dispatch(core, 'clients.erase', { id: victim });
    const stillThere = core.db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(victim) === 1;
    if (erase.ok) expect(stillThere).toBe(false);
    else {
      expect(erase.error.code).toBe('storage_full');
      expect(stillThere).toBe(true);
      written.unshift(victim);
    }
    const partnersBefore = countRows(core, 'partners');
    const auditBefore = audited(core, 'partners.create');
    const partner = await dispatch(core, 'partners.create', { name: 'Beratungsstelle am Markt', description: 'Beschreibung '.repeat(150) });
    const grew = partner.ok ? 1 : 0;
    if (!partner.ok) expect(partner.error.code).toBe('storage_full');
    expect([countRows(core, 'partners') - partnersBefore, audited(core, 'partners.create') - auditBefore]).toEqual([grew, grew]);
    expect(core.db.inTransaction).toBe(false);
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');
    console.log(`[disk-full] on the full disk: erase ${erase.ok ? 'done' : 'refused'}, partner ${partner.ok ? 'saved' : 'refused'}`);
  });

  it('says so in German when Lotse starts on the full disk, and works again once there is space', async () => {
    core.close();
    // A new data folder on the full disk cannot even be locked.
    const fresh = path.join(mountDir, 'fresh');
    const refused = startError(() => openCore({ dataDir: fresh, host: 'browser', version: '0.0.0-test' }));
    expect(refused.code).toBe('storage_full');
    expect(refused.message).toBe(
      `Lotse kann nicht starten: Der Datenträger mit dem Datenordner ${fresh} ist voll. Bitte Platz schaffen (z. B. alte Dateien löschen) und Lotse neu starten.`,
    );
    // Nor the existing one: taking its lock is a (tiny) write.
    const restart = startError(open);
    expect([restart.code, restart.message]).toEqual([
      'storage_full',
      `Lotse kann nicht starten: Der Datenträger mit dem Datenordner ${dataDir} ist voll. Bitte Platz schaffen (z. B. alte Dateien löschen) und Lotse neu starten.`,
    ]);

    fs.rmSync(filler);
    core = open();
    written.push(await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: 'Nachher' }).then((client) => client.id));
    const ids = new Set(core.db.prepare('SELECT id FROM clients').pluck().all());
    expect(written.filter((id) => !ids.has(id))).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('says so in German when the data folder is read-only at start', () => {
    core.close();
    // Linux refuses to remount a disk read-only while a file on it is open for writing, so only the start meets it.
    mount('-o', 'remount,ro', mountDir);
    try {
      expect(storageError(ioError(), { dataDir })?.code).toBe('storage_readonly');
      const refused = startError(open);
      expect(refused.code).toBe('storage_readonly');
      expect(refused.message).toBe(
        `Lotse kann nicht starten: Der Datenordner ${dataDir} ist schreibgeschützt. Bitte den Schreibschutz aufheben (z. B. USB-Stick entsperren, Netzlaufwerk prüfen) und Lotse neu starten.`,
      );
    } finally {
      mount('-o', 'remount,rw', mountDir);
    }
    core = open();
  });
});
