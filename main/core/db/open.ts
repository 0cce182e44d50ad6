import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';
import { makePrivate, PRIVATE_DIR_MODE } from '../private-files';
import { backupFileName, quickCheckStore, type DamageReason } from './backup-files';
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
  migrations?: readonly Migration[];
  now?: () => Date;
}

/** The store failed its check at start: it was not opened for writing, and nothing was written to it. */
export class StoreDamagedError extends DomainError {
  constructor(readonly reason: DamageReason) {
    super('store_damaged', { key: 'dataDir.storeDamaged' });
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
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  // Check the file and read its version without write access: a damaged or
  // newer file must stay untouched, and even switching on WAL would write to it.
  const existingVersion = fs.existsSync(file) ? checkedVersion(file, driverOptions, options.backupDir) : 0;
  if (existingVersion > latest) {
    throw new DomainError('schema_too_new', { key: 'dataDir.schemaTooNew', params: { found: existingVersion, latest } });
  }

  const db = new Database(file, driverOptions);
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

function checkedVersion(file: string, driverOptions: Database.Options, backupDir: string | null): number {
  if (emptyButBackedUp(file, backupDir)) throw new StoreDamagedError('empty');
  const check = quickCheckStore(file, driverOptions);
  if (!check.ok) throw new StoreDamagedError(check.reason);
  return check.schemaVersion;
}

function backUpBeforeMigration(db: Db, backupDir: string, fromVersion: number, now: Date): void {
  fs.mkdirSync(backupDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = path.join(backupDir, backupFileName(backupDir, 'preMigration', now, fromVersion));
  // VACUUM INTO writes a consistent, compact copy in one synchronous step.
  db.prepare('VACUUM INTO ?').run(target);
  makePrivate(target);
}

export { SCHEMA_VERSION };
