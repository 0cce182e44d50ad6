import type Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';
import { makePrivate, PRIVATE_DIR_MODE } from '../private-files';
import { backupFileName, openStoreFile, quickCheckStore, type DamageReason, type DriverOptions } from './backup-files';
import { couldBeEncryptedStore, encryptPlainFile, isPlainStoreFile, keyOpens, removeEncryptionLeftovers, type EncryptHooks, type StoreKey } from './cipher';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Folder for the copy taken before a migration changes an existing file;
   * null for a file that is itself a copy (a backup being restored).
   */
  backupDir: string | null;
  /**
   * Path of a better-sqlite3 addon built for this process's ABI. The Electron
   * host passes its Electron build here; Node (tests, browser host) uses the
   * package's default build.
   */
  nativeBinding?: string;
  /** The store's key (db/cipher.ts): the file is opened with it, a plain one is encrypted with it first. */
  key: StoreKey;
  migrations?: readonly Migration[];
  now?: () => Date;
  /** Tests: simulate a crash during the one-time encryption of a plain store. */
  encryptHooks?: EncryptHooks;
}

/** The store failed its check at start: it was not opened for writing, and nothing was written to it. */
export class StoreDamagedError extends DomainError {
  constructor(readonly reason: DamageReason) {
    super('store_damaged', { key: 'dataDir.storeDamaged' });
  }
}

/**
 * The key does not open the store (wrong, or from another data folder): the
 * file is left exactly as it was, and nothing offers a restore, since the
 * store is not damaged.
 */
export class StoreKeyError extends DomainError {
  constructor(file: string) {
    super('store_key_wrong', { key: 'dataDir.keyWrong', params: { file } });
  }
}

/**
 * An existing file with no bytes is an empty database to SQLite, and would
 * be filled with a fresh store. Where backups exist it is a store that lost
 * its content, so it counts as damaged; otherwise it is a first start that
 * was cut short before anything was written.
 */
function emptyButBackedUp(file: string, backupDir: string | null): boolean {
  return fs.statSync(file).size === 0 && backupDir !== null && fs.existsSync(backupDir) && fs.readdirSync(backupDir).some((name) => name.endsWith('.sqlite'));
}

/**
 * Opens (or creates) the store. Before anything is written to an existing
 * file, PRAGMA quick_check runs on a read-only connection: a damaged file
 * is refused with StoreDamagedError, one written by a newer Lotse with
 * `schema_too_new`, both left untouched. An older one is brought up to date.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const driverOptions: DriverOptions & { key: StoreKey } = { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), key: options.key };

  if (fs.existsSync(file)) {
    // A temporary copy of a cut-short encryption: the plain original is still in place and is encrypted again below.
    removeEncryptionLeftovers(file);
    if (isPlainStoreFile(file)) encryptPlainStore(file, { ...driverOptions, key: options.key }, latest, options.encryptHooks);
  }
  if (options.backupDir !== null) encryptPlainBackups(options.backupDir, { ...driverOptions, key: options.key });

  // Check the file and read its version without write access: a damaged or
  // newer file must stay untouched, and even switching on WAL would write to it.
  const existingVersion = fs.existsSync(file) ? checkedVersion(file, driverOptions, options.backupDir) : 0;
  if (existingVersion > latest) {
    throw new DomainError('schema_too_new', { key: 'dataDir.schemaTooNew', params: { found: existingVersion, latest } });
  }

  const db = openStoreFile(file, driverOptions);
  try {
    // Before WAL mode creates the -wal and -shm files, which take the store's mode.
    makePrivate(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not just unlinked: an erased client must
    // leave no trace in the file (GDPR Art. 17).
    db.pragma('secure_delete = ON');
    const pending = migrations.filter((migration) => migration.version > existingVersion);
    if (pending.length > 0 && existingVersion > 0 && options.backupDir !== null) {
      backUpBeforeMigration(db, options.backupDir, existingVersion, (options.now ?? (() => new Date()))());
    }
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    })();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkedVersion(file: string, driverOptions: DriverOptions & { key: StoreKey }, backupDir: string | null): number {
  if (emptyButBackedUp(file, backupDir)) throw new StoreDamagedError('empty');
  const check = quickCheckStore(file, driverOptions);
  if (!check.ok) {
    if (check.reason === 'notADatabase' && couldBeEncryptedStore(file) && !keyOpensABackup(backupDir, driverOptions)) throw new StoreKeyError(file);
    throw new StoreDamagedError(check.reason);
  }
  return check.schemaVersion;
}

/**
 * SQLite3MC answers a wrong key as it answers garbage: SQLITE_NOTADB. A key
 * that opens one of the folder's encrypted backups is the right one, so the
 * store itself is damaged; otherwise the key is taken to be wrong, and
 * nothing is moved aside (a store that cannot be told from a locked one is
 * never treated as damaged).
 */
function keyOpensABackup(backupDir: string | null, options: DriverOptions & { key: StoreKey }): boolean {
  if (backupDir === null || !fs.existsSync(backupDir)) return false;
  return fs
    .readdirSync(backupDir)
    .filter((name) => name.endsWith('.sqlite'))
    .some((name) => couldBeEncryptedStore(path.join(backupDir, name)) && keyOpens(path.join(backupDir, name), options));
}

/**
 * The one-time encryption of a store an older Lotse kept in plain text
 * (db/cipher.ts encryptPlainFile). A damaged or newer plain file is left as
 * it is, for the checks below to refuse it in words.
 */
function encryptPlainStore(file: string, options: DriverOptions & { key: StoreKey }, latest: number, hooks: EncryptHooks | undefined): void {
  const check = quickCheckStore(file, { ...options, key: null });
  if (!check.ok) throw new StoreDamagedError(check.reason);
  if (check.schemaVersion > latest) throw new DomainError('schema_too_new', { key: 'dataDir.schemaTooNew', params: { found: check.schemaVersion, latest } });
  encryptPlainFile(file, options, hooks);
}

/** Plain backups an older Lotse took are encrypted the same way, so no plain copy of the store stays in the folder. */
function encryptPlainBackups(backupDir: string, options: DriverOptions & { key: StoreKey }): void {
  if (!fs.existsSync(backupDir)) return;
  for (const name of fs.readdirSync(backupDir)) {
    const backup = path.join(backupDir, name);
    if (name.endsWith('.verschluesselung')) {
      removeEncryptionLeftovers(backup.slice(0, -'.verschluesselung'.length));
      continue;
    }
    if (!name.endsWith('.sqlite') || !isPlainStoreFile(backup)) continue;
    try {
      encryptPlainFile(backup, options);
      makePrivate(backup);
    } catch (error) {
      // A damaged plain copy cannot be copied sound; it stays, and an erasure removes it (services/backup.ts).
      console.error(`[lotse] the plain backup ${name} could not be encrypted: ${String(error)}`);
    }
  }
}

function backUpBeforeMigration(db: Db, backupDir: string, fromVersion: number, now: Date): void {
  fs.mkdirSync(backupDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = path.join(backupDir, backupFileName(backupDir, 'preMigration', now, fromVersion));
  // VACUUM INTO writes a consistent, compact copy in one synchronous step, encrypted with the store's key (SQLite3MC).
  db.prepare('VACUUM INTO ?').run(target);
  makePrivate(target);
}

export { SCHEMA_VERSION };
