import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { SCHEMA_VERSION } from '../../main/core/db/open';
import { ensureDailyBackup } from '../../main/core/services/backup';
import type { Backup, Client, MethodOutput, Settings } from '../../shared/api/contract';
import { batchWorkerScript } from '../support/batch-worker';
import { clientToInput, createLookAlike, openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf } from '../support/results';
import { decryptedBytes } from '../support/store-key';

/**
 * Backups and restore on real store files (services/backup.ts): what is
 * listed, what rotation keeps, that a restore brings back the data of the
 * backup and never a person erased since, and that it refuses damaged
 * backups and backups of a newer Lotse.
 */

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A test core whose clock the test moves. */
function coreWithClock(start: string): { core: Core; dataDir: string; clock: { now: Date } } {
  const clock = { now: new Date(start) };
  const opened = openTestCore(clock.now);
  cleanups.push(opened.dispose);
  opened.core.now = () => clock.now;
  return { core: opened.core, dataDir: opened.dataDir, clock };
}

const list = (core: Core) => callOk<MethodOutput<'backups.list'>>(core, 'backups.list', {});
// Numbered look-alikes of SAMPLE_CLIENT (same birth date and given name), made on purpose.
const createClient = (core: Core, familyName: string) => createLookAlike(core, { ...SAMPLE_CLIENT, familyName });
const names = async (core: Core) =>
  (await callOk<{ items: Client[] }>(core, 'clients.search', { query: '', limit: 200 })).items.map((c) => c.familyName).sort();
/** A backup saved as a file outside the data folder, as `backups.upload` takes it back. */
const download = async (core: Core, backup: Backup) => {
  const saved = await callOk<MethodOutput<'backups.download'>>(core, 'backups.download', { id: backup.id });
  return { fileName: saved.fileName, contentBase64: saved.contentBase64 };
};
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('backups.create and backups.list', () => {
  it('takes a checked online backup into backups/ and lists it with its kind, time, size and schema', async () => {
    const { core, dataDir } = coreWithClock('2026-11-25T10:00:00Z');
    await createClient(core, 'Yılmaz');
    const started = performance.now();
    const backup = await callOk<Backup>(core, 'backups.create', {});
    console.log(`backups.create of a small store: ${(performance.now() - started).toFixed(1)} ms`);
    expect(backup).toMatchObject({ kind: 'manual', createdAt: '2026-11-25T10:00:00.000Z', schemaVersion: SCHEMA_VERSION, integrity: 'ok' });
    expect(backup.id).toBe('manuell-2026-11-25T10-00-00-000Z.sqlite');
    const file = path.join(dataDir, 'backups', backup.id);
    expect(backup.sizeBytes).toBe(fs.statSync(file).size);
    // A rollback-journal copy: nothing beside it, and opening it later leaves nothing either.
    expect(fs.readdirSync(path.join(dataDir, 'backups')).sort()).toEqual([backup.id, 'pruefungen.json']);

    // Two in the same millisecond (a fixed clock) get names of their own.
    const second = await callOk<Backup>(core, 'backups.create', {});
    expect(second.id).toBe('manuell-2026-11-25T10-00-00-000Z-2.sqlite');
    const listed = await list(core);
    expect(listed.folder).toBe(path.join(dataDir, 'backups'));
    expect(listed.items.map((item) => item.id)).toEqual([second.id, backup.id]);
  });

  it('refuses an id that names anything but a backup file in backups/', async () => {
    const { core } = coreWithClock('2026-11-25T10:00:00Z');
    for (const id of ['../lotse.sqlite', '/etc/passwd', 'backups/../../x.sqlite', 'lotse.sqlite']) {
      const error = errorOf(await dispatch(core, 'backups.restore', { id }));
      expect(['invalid_input', 'not_found'], id).toContain(error.code);
    }
    expect(errorOf(await dispatch(core, 'backups.download', { id: 'manuell-2026-11-25T10-00-00-000Z.sqlite' })).message).toBe(
      'Die Sicherung „manuell-2026-11-25T10-00-00-000Z.sqlite“ wurde nicht gefunden.',
    );
  });
});

describe('the daily backup and its rotation', () => {
  it('is taken once a day and keeps the newest of 7 days and of 4 weeks; other kinds stay', async () => {
    const { core, clock } = coreWithClock('2026-01-01T12:00:00Z');
    const manual = await callOk<Backup>(core, 'backups.create', {});
    // 2026-01-01 … 2026-03-01 (a Sunday), one day after the other, the app used twice a day.
    for (let day = 0; day < 60; day += 1) {
      clock.now = new Date(Date.UTC(2026, 0, 1 + day, 12));
      expect(await ensureDailyBackup(core)).not.toBeNull();
      clock.now = new Date(Date.UTC(2026, 0, 1 + day, 15));
      expect(await ensureDailyBackup(core)).toBeNull();
    }
    const items = (await list(core)).items;
    const dailies = items.filter((item) => item.kind === 'daily').map((item) => item.createdAt.slice(0, 10));
    // The last 7 days (all in ISO week 9), then the newest of weeks 8, 7 and 6.
    expect(dailies).toEqual([
      '2026-03-01',
      '2026-02-28',
      '2026-02-27',
      '2026-02-26',
      '2026-02-25',
      '2026-02-24',
      '2026-02-23',
      '2026-02-22',
      '2026-02-15',
      '2026-02-08',
    ]);
    expect(items.every((item) => item.integrity === 'ok')).toBe(true);
    expect(items.map((item) => item.id)).toContain(manual.id);
  });

  it('follows the counts set in the settings', async () => {
    const { core, clock } = coreWithClock('2026-01-01T12:00:00Z');
    const settings = await callOk<Settings>(core, 'settings.get', {});
    expect(settings.backups).toEqual({ keepDaily: 7, keepWeekly: 4 });
    await callOk(core, 'settings.update', { ...settings, backups: { keepDaily: 2, keepWeekly: 1 } });
    // A form that leaves the rotation out (the letterhead form) keeps it.
    const { backups: _left, ...withoutBackups } = settings;
    expect((await callOk<Settings>(core, 'settings.update', withoutBackups)).backups).toEqual({ keepDaily: 2, keepWeekly: 1 });
    for (let day = 0; day < 20; day += 1) {
      clock.now = new Date(Date.UTC(2026, 0, 1 + day, 12));
      await ensureDailyBackup(core);
    }
    expect((await list(core)).items.map((item) => item.createdAt.slice(0, 10))).toEqual(['2026-01-20', '2026-01-19']);
    expect(errorOf(await dispatch(core, 'settings.update', { ...settings, backups: { keepDaily: 0, keepWeekly: 1 } })).fields).toHaveProperty([
      'backups.keepDaily',
    ]);
  });

  it('lists the copy taken before a migration, which rotation leaves alone', async () => {
    const { core, dataDir } = coreWithClock('2026-01-01T12:00:00Z');
    const copy = path.join(dataDir, 'backups', 'vor-migration-schema-70-2025-12-01T08-00-00-000Z.sqlite');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    core.db.prepare('VACUUM INTO ?').run(copy);
    core.db.prepare('VACUUM INTO ?').run(copy.replace('.sqlite', '-x.sqlite'));
    const items = (await list(core)).items;
    expect(items).toEqual([expect.objectContaining({ id: path.basename(copy), kind: 'preMigration', integrity: 'unchecked', schemaVersion: SCHEMA_VERSION })]);
  });
});

describe('backups.restore', () => {
  it('brings back the store as it was, keeps the replaced one as a backup and records the restore', async () => {
    const { core } = coreWithClock('2026-11-25T10:00:00Z');
    const kept = await createClient(core, 'Yılmaz');
    const backup = await callOk<Backup>(core, 'backups.create', {});
    await callOk(core, 'clients.update', { ...clientToInput(kept), familyName: 'Yılmaz-Öztürk' });
    await createClient(core, 'Nachher');
    expect(await names(core)).toEqual(['Nachher', 'Yılmaz-Öztürk']);

    const started = performance.now();
    const result = await callOk<MethodOutput<'backups.restore'>>(core, 'backups.restore', { id: backup.id });
    console.log(`backups.restore of a small store: ${(performance.now() - started).toFixed(1)} ms`);
    expect(result).toMatchObject({ restored: { id: backup.id }, reappliedErasures: 0 });
    expect(await names(core)).toEqual(['Yılmaz']);
    const items = (await list(core)).items;
    const before = items.find((item) => item.kind === 'beforeRestore');
    expect(before).toMatchObject({ integrity: 'ok' });
    // The replaced store is itself restorable: the newer data come back from it.
    await callOk(core, 'backups.restore', { id: before!.id });
    expect(await names(core)).toEqual(['Nachher', 'Yılmaz-Öztürk']);
    const audit = await callOk<{ items: Array<{ action: string; subjectId: string | null }> }>(core, 'audit.list', {});
    expect(audit.items[0]).toMatchObject({ action: 'backups.restore', subjectId: before!.id });
  });

  it('keeps an erased client erased, also after restoring an even older backup (the issue’s restore test)', async () => {
    const { core, dataDir } = coreWithClock('2026-11-20T10:00:00Z');
    const erased = await createClient(core, 'Zyxwäbcq');
    const olderFile = await download(core, await callOk<Backup>(core, 'backups.create', {}));
    await createClient(core, 'Später');
    const newerFile = await download(core, await callOk<Backup>(core, 'backups.create', {}));
    await callOk(core, 'clients.erase', { id: erased.id });
    expect(core.db.prepare('SELECT client_id FROM erasures').pluck().all()).toEqual([erased.id]);
    // The erasure rewrote the backups in backups/ (erasure-everywhere.test.ts); copies kept elsewhere, uploaded later, still hold the person.
    const older = await callOk<Backup>(core, 'backups.upload', olderFile);
    const newer = await callOk<Backup>(core, 'backups.upload', newerFile);

    const first = await callOk<MethodOutput<'backups.restore'>>(core, 'backups.restore', { id: newer.id });
    expect(first.reappliedErasures).toBe(1);
    expect(await names(core)).toEqual(['Später']);
    expect(errorOf(await dispatch(core, 'clients.get', { id: erased.id })).code).toBe('not_found');

    const second = await callOk<MethodOutput<'backups.restore'>>(core, 'backups.restore', { id: older.id });
    expect(second.reappliedErasures).toBe(1);
    expect(await names(core)).toEqual([]);
    expect(errorOf(await dispatch(core, 'clients.get', { id: erased.id })).code).toBe('not_found');
    // The log travels with the store, and the trail keeps no line about the person.
    expect(core.db.prepare('SELECT client_id FROM erasures').pluck().all()).toEqual([erased.id]);
    expect(core.db.prepare('SELECT count(*) FROM audit WHERE client_id = ?').pluck().get(erased.id)).toBe(0);
    expect(fs.readFileSync(path.join(dataDir, 'lotse.sqlite')).includes(Buffer.from('Zyxwäbcq'))).toBe(false);
  });

  it('gives the same data in a fresh data folder (a downloaded backup, uploaded there)', async () => {
    const { core } = coreWithClock('2026-11-25T10:00:00Z');
    const client = await createClient(core, 'Kovalenko');
    await callOk(core, 'partners.create', { name: 'Beratungsstelle Nord', address: { street: 'Nordstraße 1', postalCode: '52349', city: 'Düren' } });
    await callOk(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { subject: 'Termin', body: 'Bitte kommen Sie.' } });
    const backup = await callOk<Backup>(core, 'backups.create', {});
    const file = await callOk<MethodOutput<'backups.download'>>(core, 'backups.download', { id: backup.id, passphrase: 'Kennwort für Düren' });
    expect(file.fileName).toBe(`lotse-${backup.id}`);

    // Another data folder has another key: the copy comes with the passphrase it was downloaded with, and a wrong one changes nothing.
    const fresh = coreWithClock('2026-11-26T10:00:00Z').core;
    for (const passphrase of [undefined, 'falsches Kennwort']) {
      const refused = errorOf(await dispatch(fresh, 'backups.upload', { fileName: file.fileName, contentBase64: file.contentBase64, passphrase }));
      expect(refused).toMatchObject({ code: 'invalid_input', key: 'backups.passphraseWrong' });
      expect(refused.message).toContain('lässt sich mit diesem Kennwort nicht öffnen');
    }
    expect((await list(fresh)).items).toEqual([]);
    const uploaded = await callOk<Backup>(fresh, 'backups.upload', {
      fileName: file.fileName,
      contentBase64: file.contentBase64,
      passphrase: 'Kennwort für Düren',
    });
    expect(uploaded).toMatchObject({ kind: 'uploaded', integrity: 'ok', schemaVersion: SCHEMA_VERSION });
    await callOk(fresh, 'backups.restore', { id: uploaded.id });
    for (const [method, input] of [
      ['clients.search', { query: '', limit: 200 }],
      ['partners.list', {}],
      ['documents.list', {}],
      ['settings.get', {}],
    ] as const) {
      expect(await callOk(fresh, method, input), method).toEqual(await callOk(core, method, input));
    }
  });

  it('refuses a damaged backup, a file that is no Lotse store and a backup of a newer Lotse, and changes nothing', async () => {
    const { core, dataDir } = coreWithClock('2026-11-25T10:00:00Z');
    for (let index = 0; index < 200; index += 1) await createClient(core, `Person${index}`);
    const backup = await callOk<Backup>(core, 'backups.create', {});
    await createClient(core, 'Danach');
    const storeBefore = sha256(path.join(dataDir, 'lotse.sqlite'));

    const damagedFile = path.join(dataDir, 'backups', backup.id);
    flipBytesInLastPages(damagedFile);
    const damaged = errorOf(await dispatch(core, 'backups.restore', { id: backup.id }));
    expect(damaged).toMatchObject({ code: 'invalid_input' });
    expect(damaged.message).toBe(
      `Die Sicherung „${backup.id}“ ist beschädigt (die Prüfung hat Fehler gefunden) und kann nicht wiederhergestellt werden. Bitte eine andere Sicherung wählen; es wurde nichts geändert.`,
    );
    expect((await list(core)).items.find((item) => item.id === backup.id)?.integrity).toBe('failed');

    const notAStore = errorOf(
      await dispatch(core, 'backups.upload', { fileName: 'notizen.txt', contentBase64: Buffer.from('Hallo '.repeat(100)).toString('base64') }),
    );
    expect(notAStore.message).toBe('Die Datei „notizen.txt“ ist keine Lotse-Sicherung. Es wurde nichts geändert.');

    const good = await callOk<Backup>(core, 'backups.create', {});
    const newer = path.join(dataDir, 'newer.sqlite');
    // A plain store (as an older Lotse kept them), its header claiming a newer schema.
    fs.writeFileSync(newer, decryptedBytes(path.join(dataDir, 'backups', good.id), path.join(dataDir, 'lotse.sqlite')));
    const buffer = fs.readFileSync(newer);
    buffer.writeUInt32BE(SCHEMA_VERSION + 10, 60);
    const tooNew = errorOf(await dispatch(core, 'backups.upload', { fileName: 'neuer.sqlite', contentBase64: buffer.toString('base64') }));
    expect(tooNew).toMatchObject({ code: 'schema_too_new' });
    expect(tooNew.message).toContain(`Schema ${SCHEMA_VERSION + 10}`);

    expect(await names(core)).toContain('Danach');
    expect((await list(core)).items.some((item) => item.kind === 'uploaded' || item.kind === 'beforeRestore')).toBe(false);
    // The store itself was neither replaced nor written by the refusals.
    expect(sha256(path.join(dataDir, 'lotse.sqlite'))).toBe(storeBefore);
  });
});

describe('backups.restore while a serial letter runs', () => {
  it('is refused, and the batch goes on', async () => {
    const opened = openTestCore(undefined, { batchWorkerScript: batchWorkerScript() });
    cleanups.push(opened.dispose);
    const { core } = opened;
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) ids.push((await createClient(core, `Serie${index}`)).id);
    const backup = await callOk<Backup>(core, 'backups.create', {});
    const started = await callOk<{ batchId: string }>(core, 'batches.render', {
      templateId: 'free-letter',
      values: { subject: 'Einladung', body: 'Bitte kommen Sie.' },
      filter: { clientIds: ids },
      recipients: ids,
    });
    const refused = errorOf(await dispatch(core, 'backups.restore', { id: backup.id }));
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Während ein Serienbrief erstellt wird, kann keine Sicherung wiederhergestellt werden. Bitte warten oder den Serienbrief abbrechen.',
    });
    expect(await callOk(core, 'batches.status', { batchId: started.batchId })).toMatchObject({ state: 'running' });
    await callOk(core, 'batches.cancel', { batchId: started.batchId });
    expect((await list(core)).items.map((item) => item.kind)).toEqual(['manual']);
  });
});

/** Flips bytes across the last three pages of a store file (4096-byte pages). */
function flipBytesInLastPages(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let offset = bytes.length - 3 * 4096; offset < bytes.length; offset += 7) bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
}

describe('a damaged store at start', () => {
  const damages: Record<string, (file: string) => void> = {
    'a truncated file': (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
    'flipped bytes in the last pages': flipBytesInLastPages,
    'a file that is not a database': (file) => fs.writeFileSync(file, 'Dies ist keine Datenbank. '.repeat(2000)),
  };

  for (const [name, damage] of Object.entries(damages)) {
    it(`is never written to (${name}); Lotse reports it and restores the newest good backup, keeping the damaged file aside`, async () => {
      const { core, dataDir } = coreWithClock('2026-11-24T10:00:00Z');
      for (let index = 0; index < 300; index += 1) await createClient(core, `Person${index}`);
      const erased = await createClient(core, 'Zyxwäbcq');
      await callOk(core, 'backups.create', {});
      const saved = await download(core, await callOk<Backup>(core, 'backups.create', {}));
      await callOk(core, 'clients.erase', { id: erased.id });
      // The erasure rewrote the backups in backups/; a copy kept elsewhere and uploaded later still holds the person.
      const daily = await callOk<Backup>(core, 'backups.upload', saved);
      // The erasure is in the newest backup's log only: the damaged store cannot be read for it.
      const last = await callOk<Backup>(core, 'backups.create', {});
      core.db.prepare('DELETE FROM erasures').run();
      core.close();

      const file = path.join(dataDir, 'lotse.sqlite');
      for (const part of [`${file}-wal`, `${file}-shm`]) expect(fs.existsSync(part)).toBe(false);
      damage(file);
      const damagedHash = sha256(file);

      const started = performance.now();
      const reopened = reopenCore(dataDir, new Date('2026-11-25T10:00:00Z'));
      console.log(`start with a damaged store (${name}): ${(performance.now() - started).toFixed(1)} ms`);
      cleanups.unshift(() => reopened.close());
      expect(sha256(file)).toBe(damagedHash);
      expect(reopened.storeDamage).not.toBeNull();

      const info = await callOk<MethodOutput<'app.info'>>(reopened, 'app.info', {});
      expect(info.storeDamage?.newestGoodBackup?.id).toBe(last.id);
      const refused = errorOf(await dispatch(reopened, 'clients.search', { query: '' }));
      expect(refused).toMatchObject({
        code: 'store_damaged',
        message:
          'Der Datenbestand ist beschädigt und wurde nicht verändert. Lotse bietet an, die neueste gute Sicherung wiederherzustellen; bis dahin ist nur das möglich.',
      });
      expect(errorOf(await dispatch(reopened, 'backups.create', {})).code).toBe('store_damaged');
      expect(sha256(file)).toBe(damagedHash);

      // Restoring an older one: the erasure logged in a newer backup is applied too.
      const result = await callOk<MethodOutput<'backups.restore'>>(reopened, 'backups.restore', { id: daily.id });
      expect(result.reappliedErasures).toBe(1);
      expect(reopened.storeDamage).toBeNull();
      expect((await callOk<MethodOutput<'app.info'>>(reopened, 'app.info', {})).storeDamage).toBeNull();
      expect(countRows(reopened, 'clients')).toBe(300);
      expect(errorOf(await dispatch(reopened, 'clients.get', { id: erased.id })).code).toBe('not_found');
      const aside = (await list(reopened)).items.find((item) => item.kind === 'damaged');
      expect(aside).toMatchObject({ id: 'beschaedigt-2026-11-25T10-00-00-000Z.sqlite', integrity: 'failed' });
      expect(sha256(path.join(dataDir, 'backups', aside!.id))).toBe(damagedHash);
      expect(errorOf(await dispatch(reopened, 'backups.restore', { id: aside!.id })).code).toBe('invalid_input');
    });
  }

  it('counts an emptied file as damaged where backups exist, and opens it as a first start where none do', async () => {
    const { core, dataDir } = coreWithClock('2026-11-24T10:00:00Z');
    await callOk(core, 'backups.create', {});
    core.close();
    const file = path.join(dataDir, 'lotse.sqlite');
    fs.writeFileSync(file, '');
    const emptied = reopenCore(dataDir);
    expect(emptied.storeDamage).toBe('empty');
    expect(fs.statSync(file).size).toBe(0);
    emptied.close();

    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true });
    const first = reopenCore(dataDir);
    cleanups.unshift(() => first.close());
    expect(first.storeDamage).toBeNull();
    expect(await names(first)).toEqual([]);
  });
});

describe('a store that goes bad while Lotse runs', () => {
  it('is closed at the first SQLITE_CORRUPT, so no later write reaches the malformed file, and offers its restore', async () => {
    const { core, dataDir } = coreWithClock('2026-11-24T10:00:00Z');
    for (let index = 0; index < 300; index += 1) await createClient(core, `Person${index}`);
    const good = await callOk<Backup>(core, 'backups.create', {});
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(dataDir, 'lotse.sqlite');
    // Every page but the first (the schema) goes bad, so any query meets the damage.
    const bytes = fs.readFileSync(file);
    for (let offset = 4096; offset < bytes.length; offset += 7) bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    // As memory pressure would: the pages are read from the disk again, not from SQLite's cache.
    core.db.pragma('cache_size = 0');
    core.db.pragma('shrink_memory');

    const failed = errorOf(await dispatch(core, 'clients.search', { query: 'Person', limit: 100 }));
    expect(failed).toMatchObject({ code: 'store_damaged', key: 'storage.damaged' });
    expect(core.storeDamage).toBe('corrupt');
    const damagedHash = sha256(file);
    expect(errorOf(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Spät' })).code).toBe('store_damaged');
    expect(sha256(file)).toBe(damagedHash);

    const info = await callOk<MethodOutput<'app.info'>>(core, 'app.info', {});
    expect(info.storeDamage).toMatchObject({ reason: 'corrupt', newestGoodBackup: { id: good.id } });
    await callOk(core, 'backups.restore', { id: good.id });
    expect(core.storeDamage).toBeNull();
    expect(countRows(core, 'clients')).toBe(300);
  });

  it('stays open when the store itself is sound (the damage was in another file)', async () => {
    const { core } = coreWithClock('2026-11-24T10:00:00Z');
    await createClient(core, 'Bleibt');
    core.closeIfDamaged('corrupt');
    expect(core.storeDamage).toBeNull();
    expect(await names(core)).toEqual(['Bleibt']);
  });
});
