import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest (issue 13): every store file and every backup is
 * encrypted by SQLite3 Multiple Ciphers (its default cipher, ChaCha20 with a
 * Poly1305 tag per page). Every connection to a store file is opened here,
 * keyed before its first statement; only the data dir's lock file (no
 * personal data) is opened without a key (data-dir.ts).
 */

/**
 * The secret handed to sqlite3_key: `x'<64 hex digits>'` for a random key
 * (used as it is, no key derivation), or a passphrase (SQLite3MC derives the
 * key from it with PBKDF2-SHA256).
 */
export interface StoreKey {
  readonly secret: string;
}

/** A random 32-byte key (key file, Electron's safeStorage). */
export function rawStoreKey(bytes: Buffer): StoreKey {
  if (bytes.length !== 32) throw new Error('a store key has 32 bytes');
  return { secret: `x'${bytes.toString('hex')}'` };
}

/** A key derived from what the counselor typed. */
export function passphraseStoreKey(passphrase: string): StoreKey {
  return { secret: passphrase };
}

export interface KeyedDriverOptions {
  /** See OpenDatabaseOptions.nativeBinding. */
  nativeBinding?: string;
  key: StoreKey;
}

/** A connection to a store file, keyed before anything else runs on it (no key: a plain file, read only to encrypt it). */
export function openKeyed(
  file: string,
  options: { nativeBinding?: string; key: StoreKey | null },
  flags: { readonly?: boolean; fileMustExist?: boolean } = {},
): Database.Database {
  const db = new Database(file, { ...flags, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    if (options.key) db.key(Buffer.from(options.key.secret, 'utf8'));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function firstBytes(file: string, count: number): Buffer {
  const buffer = Buffer.alloc(count);
  const descriptor = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(descriptor, buffer, 0, count, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** A plain (unencrypted) SQLite file: its first 16 bytes are SQLite's header, which an encrypted file never shows. */
export function isPlainStoreFile(file: string): boolean {
  try {
    return firstBytes(file, 16).equals(SQLITE_HEADER);
  } catch {
    return false;
  }
}

/**
 * Could be an encrypted store: not plain, and a whole number of pages (at
 * least 512 bytes each). A text file or a truncated copy is not one, however
 * it is keyed; it is damaged, not locked.
 */
export function couldBeEncryptedStore(file: string): boolean {
  try {
    const size = fs.statSync(file).size;
    return size > 0 && size % 512 === 0 && !isPlainStoreFile(file);
  } catch {
    return false;
  }
}

/** Whether `key` opens the file: SQLite3MC refuses a wrong key with SQLITE_NOTADB on the first read. */
export function keyOpens(file: string, options: KeyedDriverOptions): boolean {
  try {
    const db = openKeyed(file, options, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Rows per table: the encrypted copy must hold as many as the plain file. */
function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function fsyncFile(file: string): void {
  const descriptor = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

function fsyncDir(dir: string): void {
  try {
    const descriptor = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is durable there once it returns.
  }
}

/** The name the encrypted copy is written under until it replaces the plain file. */
export function encryptionTempName(file: string): string {
  return `${file}.verschluesselung`;
}

/** Removes what a cut-short encryption left beside `file` (its temporary copy); the plain original is still in place then. */
export function removeEncryptionLeftovers(file: string): void {
  const temp = encryptionTempName(file);
  for (const part of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(part, { force: true });
}

export interface EncryptHooks {
  /** Tests: runs after the encrypted copy is complete and checked, just before it replaces the plain file (a crash there). */
  beforeRename?: () => void;
}

/** A closed store file without WAL (a copy, a backup) rekeyed where it lies: from `from.key` (null: plain) to `to`. */
export function rekeyFile(file: string, from: { nativeBinding?: string; key: StoreKey | null }, to: StoreKey): void {
  const db = openKeyed(file, from, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.rekey(Buffer.from(to.secret, 'utf8'));
  } finally {
    db.close();
  }
}

/**
 * Encrypts a plain store file in place, once and safely (see
 * replaceWithRekeyedCopy): until the rename the plain original is
 * untouched, so a crash at any point loses nothing; the next start removes
 * the temporary copy and begins again.
 */
export function encryptPlainFile(file: string, options: KeyedDriverOptions, hooks: EncryptHooks = {}): void {
  replaceWithRekeyedCopy(file, { nativeBinding: options.nativeBinding, key: null }, options.key, hooks.beforeRename);
}

/**
 * Re-encrypts a closed store file from `from.key` to `to` (passphrase mode,
 * store-key.ts); `beforeRename` writes the new mode's marker or key file. A
 * failure before the rename leaves the store as it was.
 */
export function rekeyStoreFile(file: string, from: KeyedDriverOptions, to: StoreKey, beforeRename: () => void): void {
  replaceWithRekeyedCopy(file, from, to, beforeRename);
}

/**
 * The one safe way a store file changes its key: its WAL is checkpointed into
 * it, a compact copy (VACUUM INTO, so no freed page is carried over) is
 * written under a temporary name and rekeyed there, checked (integrity_check,
 * same rows per table, no longer opened by the old key), fsynced, and only
 * then renamed over the store in one step; its -wal and -shm go.
 */
function replaceWithRekeyedCopy(file: string, from: { nativeBinding?: string; key: StoreKey | null }, to: StoreKey, beforeRename?: () => void): void {
  const temp = encryptionTempName(file);
  removeEncryptionLeftovers(file);
  const old = openKeyed(file, from, { fileMustExist: true });
  let expected: Record<string, number>;
  try {
    old.pragma('wal_checkpoint(TRUNCATE)');
    expected = rowCounts(old);
    old.prepare('VACUUM INTO ?').run(temp);
  } finally {
    old.close();
  }
  const toOptions = { nativeBinding: from.nativeBinding, key: to };
  try {
    try {
      fs.chmodSync(temp, 0o600);
    } catch {
      // A disk without modes (see private-files.ts): the encryption is what protects the copy.
    }
    rekeyFile(temp, from, to);
    const check = openKeyed(temp, toOptions, { fileMustExist: true });
    try {
      const rows = check.pragma('integrity_check', { simple: false }) as Array<Record<string, unknown>>;
      if (rows.length !== 1 || Object.values(rows[0] ?? {})[0] !== 'ok')
        throw new Error(`the re-encrypted copy of ${path.basename(file)} failed PRAGMA integrity_check`);
      if (JSON.stringify(rowCounts(check)) !== JSON.stringify(expected))
        throw new Error(`the re-encrypted copy of ${path.basename(file)} does not hold the same rows`);
    } finally {
      check.close();
    }
    if (isPlainStoreFile(temp) || (from.key !== null && keyOpens(temp, { ...from, key: from.key })))
      throw new Error(`the copy of ${path.basename(file)} still opens as before`);
    fsyncFile(temp);
  } catch (error) {
    removeEncryptionLeftovers(file);
    throw error;
  }
  // Like a crash from here on: a copy left beside the store is removed at the next start (open.ts).
  beforeRename?.();
  fs.renameSync(temp, file);
  for (const part of [`${file}-wal`, `${file}-shm`]) fs.rmSync(part, { force: true });
  fsyncDir(path.dirname(file));
}

/** Re-encrypts a backup file (no WAL) from `from.key` to `to` into `target`, checked; the backup itself is left as it is. */
export function rekeyBackupCopy(file: string, target: string, from: KeyedDriverOptions, to: StoreKey): void {
  fs.rmSync(target, { force: true });
  fs.copyFileSync(file, target);
  try {
    fs.chmodSync(target, 0o600);
  } catch {
    // A disk without modes: the encryption protects it.
  }
  rekeyFile(target, from, to);
  if (!keyOpens(target, { ...from, key: to })) throw new Error(`the re-encrypted copy of ${path.basename(file)} does not open`);
  fsyncFile(target);
}
