import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Folder for the copy taken before a migration changes an existing file. */
  backupDir: string;
  /**
   * Path of a better-sqlite3 addon built for this process's ABI. The Electron
   * host passes its Electron build here; Node (tests, browser host) uses the
   * package's default build.
   */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

/**
 * Opens (or creates) the store, refusing a file written by a newer Lotse
 * before anything is written to it, and brings an older one up to date.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  // Read the version without write access: a newer file must stay untouched,
  // and even switching on WAL would write to it.
  const existingVersion = fs.existsSync(file) ? readUserVersion(file, driverOptions) : 0;
  if (existingVersion > latest) {
    throw new DomainError('schema_too_new', { key: 'dataDir.schemaTooNew', params: { found: existingVersion, latest } });
  }

  const db = new Database(file, driverOptions);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not just unlinked: an erased client must
    // leave no trace in the file (GDPR Art. 17).
    db.pragma('secure_delete = ON');
    const pending = migrations.filter((migration) => migration.version > existingVersion);
    if (pending.length > 0 && existingVersion > 0) {
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

function readUserVersion(file: string, driverOptions: Database.Options): number {
  const probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

function backUpBeforeMigration(db: Db, backupDir: string, fromVersion: number, now: Date): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `vor-migration-schema-${fromVersion}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent, compact copy in one synchronous step.
  db.prepare('VACUUM INTO ?').run(target);
}

export { SCHEMA_VERSION };
