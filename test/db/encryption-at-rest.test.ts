import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { encryptionTempName, isPlainStoreFile, rawStoreKey } from '../../main/core/db/cipher';
import { openDatabase } from '../../main/core/db/open';
import { DomainError } from '../../main/core/errors';
import { openCore } from '../../main/core/open-core';
import { createClient } from '../../main/core/services/clients';
import { defaultKeyFile } from '../../main/core/store-key';
import type { Backup, Client } from '../../shared/api/contract';
import { foldedVariants } from '../../shared/domain/fold';
import { clientInput, openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';
import { decryptedBytes, keyFor } from '../support/store-key';
import { makeTempDir } from '../support/temp-dir';

/*
 * Issue 13 item 1 and the byte proof of item 7: no client's data is readable
 * in any file of the data folder, looked for in the raw bytes (Buffer.indexOf,
 * as `strings lotse.sqlite | grep` would), never through Lotse reading its own
 * files.
 */

const FAMILY_NAME = 'Zwörnitzky';
const GIVEN_NAME = 'Ljudmyla';
const STREET = 'Quxbergweg 41';
const WAL_ONLY = 'Walnotiz Jqpx';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Every form a value could be stored in: as typed, folded as the search index keeps it (ASCII), in UTF-8 and UTF-16. */
function traces(extra: readonly string[] = []): Array<{ form: string; bytes: Buffer }> {
  const forms = [FAMILY_NAME, GIVEN_NAME, STREET, ...extra, ...foldedVariants(FAMILY_NAME), ...foldedVariants(GIVEN_NAME)];
  return [...new Set(forms)].flatMap((form) => [
    { form, bytes: Buffer.from(form, 'utf8') },
    { form: `${form} (UTF-16)`, bytes: Buffer.from(form, 'utf16le') },
  ]);
}

/** Every file below `dir` but the lock (reading it here would drop the lock an open core holds; it holds no personal data). */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && entry.name !== 'lotse.lock.sqlite' ? [file] : [];
  });
}

/** `file: form` for every trace in the raw bytes of any file of the folder. */
function leftovers(dataDir: string, extra: readonly string[] = []): string[] {
  return filesBelow(dataDir).flatMap((file) => {
    const bytes = fs.readFileSync(file);
    return traces(extra)
      .filter((trace) => bytes.indexOf(trace.bytes) !== -1)
      .map((trace) => `${path.relative(dataDir, file)}: ${trace.form}`);
  });
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Hash of every file but the lock and its owner note (which each start rewrites). */
function hashes(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    filesBelow(dataDir)
      .filter((file) => path.basename(file) !== 'lotse.lock')
      .map((file) => [path.relative(dataDir, file), sha256(file)]),
  );
}

async function createPerson(core: Core): Promise<Client> {
  return callOk<Client>(core, 'clients.create', {
    ...SAMPLE_CLIENT,
    familyName: FAMILY_NAME,
    givenName: GIVEN_NAME,
    address: { street: STREET, postalCode: '52349', city: 'Düren' },
  });
}

const search = async (core: Core, query: string) => (await callOk<{ items: Client[] }>(core, 'clients.search', { query, limit: 50 })).items;

/**
 * Turns the folder into one an older Lotse left: the store and its backups
 * decrypted in place, the key file gone; and a last write that is still only
 * in the store's WAL (copied while the writer was open, put back after).
 */
function makePlainAsBefore(dataDir: string): void {
  const store = path.join(dataDir, 'lotse.sqlite');
  const backups = path.join(dataDir, 'backups');
  for (const file of [
    store,
    ...(fs.existsSync(backups) ? fs.readdirSync(backups).filter((name) => name.endsWith('.sqlite')) : []).map((name) => path.join(backups, name)),
  ]) {
    const plain = decryptedBytes(file, store);
    for (const part of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(part, { force: true });
    fs.writeFileSync(file, plain);
  }
  fs.rmSync(defaultKeyFile(dataDir));
  const writer = new Database(store);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.prepare('UPDATE clients SET street = ? WHERE family_name = ?').run(WAL_ONLY, FAMILY_NAME);
  const walCopy = fs.readFileSync(`${store}-wal`);
  const mainCopy = fs.readFileSync(store);
  writer.close();
  fs.writeFileSync(store, mainCopy);
  fs.writeFileSync(`${store}-wal`, walCopy);
}

describe('encryption at rest', () => {
  it('no client value is in the bytes of the store, its uncheckpointed WAL or any backup', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    await createPerson(core);
    await callOk<Backup>(core, 'backups.create', {});
    // A write after the backup, still only in the WAL (no checkpoint has run: the core is open).
    const other = await callOk<Client>(core, 'clients.create', {
      ...SAMPLE_CLIENT,
      familyName: 'Qölbrecht',
      address: { street: WAL_ONLY, postalCode: '52349', city: 'Düren' },
    });
    const wal = path.join(dataDir, 'lotse.sqlite-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    expect((await search(core, 'Qölbrecht')).map((client) => client.id)).toEqual([other.id]);

    expect(filesBelow(dataDir).map((file) => path.relative(dataDir, file))).toEqual(
      expect.arrayContaining(['lotse.sqlite', 'lotse.sqlite-wal', expect.stringMatching(/^backups\/manuell-.*\.sqlite$/)]),
    );
    expect(leftovers(dataDir, ['Qölbrecht', 'Qoelbrecht', WAL_ONLY])).toEqual([]);
    // The test can fail: the backup, decrypted, holds the values.
    const backup = filesBelow(dataDir).find((file) => file.includes(`${path.sep}backups${path.sep}manuell-`))!;
    const plain = decryptedBytes(backup, path.join(dataDir, 'lotse.sqlite'));
    expect(plain.indexOf(Buffer.from(FAMILY_NAME, 'utf8'))).toBeGreaterThan(-1);
    for (const file of filesBelow(dataDir).filter((name) => name.endsWith('.sqlite'))) expect(isPlainStoreFile(file), file).toBe(false);
  });

  it('encrypts a plain store of an older Lotse once, in place: the names are in no file of the folder afterwards, and nothing is lost', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    const person = await createPerson(core);
    await callOk<Backup>(core, 'backups.create', {});
    core.close();
    makePlainAsBefore(dataDir);
    // The test can fail: the old folder holds the names in plain text, in the store, its WAL and the backup.
    const before = leftovers(dataDir, [WAL_ONLY]);
    expect(before).toEqual(
      expect.arrayContaining(['lotse.sqlite: ' + FAMILY_NAME, 'lotse.sqlite-wal: ' + WAL_ONLY, expect.stringMatching(/^backups\/manuell-.*: Zwörnitzky$/)]),
    );

    const reopened = reopenCore(dataDir);
    try {
      expect(leftovers(dataDir, [WAL_ONLY])).toEqual([]);
      expect(fs.readdirSync(dataDir).filter((name) => name.includes('verschluesselung'))).toEqual([]);
      const found = await search(reopened, FAMILY_NAME);
      expect(found.map((client) => client.id)).toEqual([person.id]);
      // The write that was only in the old WAL came along.
      expect((await callOk<Client>(reopened, 'clients.get', { id: person.id })).address.street).toBe(WAL_ONLY);
      const backups = (await callOk<{ items: Backup[] }>(reopened, 'backups.list', {})).items;
      expect(backups).toHaveLength(1);
      expect(backups[0]!.schemaVersion).not.toBeNull();
      expect((await callOk(reopened, 'backups.restore', { id: backups[0]!.id })) as unknown).toMatchObject({ reappliedErasures: 0 });
      expect((await search(reopened, FAMILY_NAME)).map((client) => client.id)).toEqual([person.id]);
    } finally {
      reopened.close();
    }
    const keyFile = defaultKeyFile(dataDir);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
  });

  it('loses nothing when the one-time encryption is cut short before its rename, and finishes it at the next start', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    const person = await createPerson(core);
    core.close();
    makePlainAsBefore(dataDir);
    const store = path.join(dataDir, 'lotse.sqlite');

    expect(() =>
      openDatabase(store, {
        backupDir: path.join(dataDir, 'backups'),
        key: keyFor(store),
        encryptHooks: {
          beforeRename: () => {
            throw new Error('crash');
          },
        },
      }),
    ).toThrow('crash');
    // The plain original is in place and whole; the encrypted copy waits under its temporary name.
    expect(isPlainStoreFile(store)).toBe(true);
    expect(fs.existsSync(encryptionTempName(store))).toBe(true);
    const plain = new Database(store, { readonly: true });
    expect(plain.prepare('SELECT street FROM clients WHERE id = ?').pluck().get(person.id)).toBe(WAL_ONLY);
    plain.close();

    const reopened = reopenCore(dataDir);
    try {
      expect(fs.existsSync(encryptionTempName(store))).toBe(false);
      expect(isPlainStoreFile(store)).toBe(false);
      expect((await callOk<Client>(reopened, 'clients.get', { id: person.id })).familyName).toBe(FAMILY_NAME);
      expect(leftovers(dataDir, [WAL_ONLY])).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('refuses a wrong or missing key with a German message and changes no byte; a copied data folder does not carry its key', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    await createPerson(core);
    await callOk<Backup>(core, 'backups.create', {});
    core.close();
    const before = hashes(dataDir);

    let refused: unknown;
    try {
      openCore({ dataDir, host: 'browser', version: 't', dailyBackups: false, key: rawStoreKey(randomBytes(32)) });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'store_key_wrong' });
    expect((refused as Error).message).toContain('Der Schlüssel passt nicht zum Datenbestand');
    expect(hashes(dataDir)).toEqual(before);

    // The key file is named after the folder: a copy of the folder elsewhere has none, and is refused the same way.
    const elsewhere = makeTempDir();
    cleanups.push(elsewhere.cleanup);
    fs.cpSync(dataDir, elsewhere.dir, { recursive: true });
    const copied = hashes(elsewhere.dir);
    expect(() => openCore({ dataDir: elsewhere.dir, host: 'browser', version: 't', dailyBackups: false })).toThrow(
      'Der Schlüssel zum verschlüsselten Datenbestand',
    );
    expect(hashes(elsewhere.dir)).toEqual(copied);
    expect(fs.existsSync(defaultKeyFile(elsewhere.dir))).toBe(false);

    // The right key opens it as it was.
    const reopened = reopenCore(dataDir);
    expect((await search(reopened, FAMILY_NAME)).length).toBe(1);
    reopened.close();
  });

  it('keeps the key file outside the data folder, 0600 in a 0700 folder; --key-file names another', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = path.join(temp.dir, 'daten');
    const keyFile = path.join(temp.dir, 'schluessel', 'lotse.key');
    const core = openCore({ dataDir, host: 'browser', version: 't', dailyBackups: false, keyFile });
    core.close();
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(defaultKeyFile(dataDir))).toBe(false);
    expect(fs.readdirSync(dataDir).some((name) => name.endsWith('.key'))).toBe(false);
    expect(isPlainStoreFile(path.join(dataDir, 'lotse.sqlite'))).toBe(false);
  });

  it('measures opening a store and the one-time encryption of one with 5,000 clients', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    core.db.transaction(() => {
      // No birth date: 5,000 numbered people born the same day would each be a likely duplicate of the others; this measures volume.
      for (let index = 0; index < 5000; index += 1) createClient(core, clientInput({ familyName: `Person${index}`, birthDate: null }));
    })();
    core.close();
    makePlainAsBefore(dataDir);
    let started = performance.now();
    const migrated = reopenCore(dataDir);
    const migration = performance.now() - started;
    migrated.close();
    started = performance.now();
    const opened = reopenCore(dataDir);
    const opening = performance.now() - started;
    try {
      expect(errorOf(await dispatch(opened, 'clients.get', { id: 'constructor' })).code).toBe('not_found');
      expect((await search(opened, 'Person4999')).length).toBe(1);
    } finally {
      opened.close();
    }
    console.log(`5,000 clients: one-time encryption (with start) ${Math.round(migration)} ms, opening the encrypted store ${Math.round(opening)} ms`);
    expect(migration).toBeLessThan(30_000);
  });
});
