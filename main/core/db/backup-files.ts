import type Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind, StoreDamage } from '../../../shared/api/contract';
import { isPlainStoreFile, openKeyed, type StoreKey } from './cipher';

/**
 * Backup files and the checks of a store file, below the services: db/open.ts
 * names its copy before a migration with them, services/backup.ts everything
 * else. A backup's name says its kind and the moment it was taken (UTC), so
 * the folder stays readable without Lotse and no index can get out of step.
 */

export type DamageReason = StoreDamage['reason'];

/** The name's first part per kind; a copy before a migration also names the schema it was taken of. */
const PREFIXES: Record<Exclude<BackupKind, 'preMigration'>, string> = {
  daily: 'taeglich',
  manual: 'manuell',
  beforeRestore: 'vor-wiederherstellung',
  uploaded: 'hochgeladen',
  damaged: 'beschaedigt',
};

const NAME =
  /^(taeglich|manuell|vor-wiederherstellung|hochgeladen|beschaedigt|vor-migration-schema-\d+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.sqlite$/;

export interface BackupName {
  kind: BackupKind;
  createdAt: Date;
  /** 1, or n for the n-th backup taken in the same millisecond. */
  sequence: number;
}

/** What a file name in backups/ says, or null for anything that is not a backup Lotse named. */
export function parseBackupName(fileName: string): BackupName | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [, prefix = '', day, hours, minutes, seconds, millis, sequence = '1'] = match;
  const kind = prefix.startsWith('vor-migration-schema-') ? 'preMigration' : (Object.entries(PREFIXES).find(([, name]) => name === prefix)?.[0] as BackupKind);
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(createdAt.getTime()) ? null : { kind, createdAt, sequence: Number(sequence) };
}

/**
 * A free name in `dir` for a backup of `kind` taken at `now`; two in the same
 * millisecond get `-2`, `-3` …
 */
export function backupFileName(dir: string, kind: BackupKind, now: Date, schemaVersion = 0): string {
  const prefix = kind === 'preMigration' ? `vor-migration-schema-${schemaVersion}` : PREFIXES[kind];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let suffix = 1; ; suffix += 1) {
    const name = `${prefix}-${stamp}${suffix === 1 ? '' : `-${suffix}`}.sqlite`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The schema version a plain file's header names (PRAGMA user_version, bytes
 * 60–63), read without SQLite. Null when the file is no plain SQLite store;
 * an encrypted one hides its header (see schemaVersionOf).
 */
export function headerSchemaVersion(file: string): number | null {
  const header = Buffer.alloc(100);
  const descriptor = fs.openSync(file, 'r');
  try {
    if (fs.readSync(descriptor, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(descriptor);
  }
  return header.subarray(0, 16).equals(SQLITE_HEADER) ? header.readUInt32BE(60) : null;
}

/** The driver and the key of the store (db/cipher.ts); null only for a plain file read before it is encrypted. */
export interface DriverOptions {
  nativeBinding?: string;
  key: StoreKey | null;
}

/** A connection to a store file with the key of `options` (none for a plain file). */
export function openStoreFile(file: string, options: DriverOptions, flags: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  return openKeyed(file, { nativeBinding: options.nativeBinding, key: options.key }, flags);
}

/**
 * The schema version of a store file: from the header of a plain one, else
 * read on a read-only keyed connection (an encrypted file shows nothing
 * without its key). Null when the file is no store this key opens.
 */
export function schemaVersionOf(file: string, options: DriverOptions): number | null {
  if (isPlainStoreFile(file)) return headerSchemaVersion(file);
  try {
    const db = openStoreFile(file, options, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** How SQLite refused a file: malformed (SQLITE_CORRUPT) or not a database at all (SQLITE_NOTADB); null for anything else (e.g. no permission). */
export function damageOf(error: unknown): DamageReason | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_NOTADB')) return 'notADatabase';
  return null;
}

/** The answer of PRAGMA quick_check / integrity_check: a single "ok" row, else one row per problem found. */
export function checkPassed(db: Database.Database, pragma: 'quick_check' | 'integrity_check'): boolean {
  const rows = db.pragma(pragma, { simple: false }) as Array<Record<string, unknown>>;
  return rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok';
}

export type StoreCheck = { ok: true; schemaVersion: number } | { ok: false; reason: DamageReason };

/**
 * PRAGMA quick_check on a read-only connection, before anything may write
 * to the file (not even switching on WAL): a damaged store must stay as it
 * is, for a restore to move it aside and for anyone to look at later.
 */
export function quickCheckStore(file: string, driverOptions: DriverOptions): StoreCheck {
  try {
    const probe = openStoreFile(file, driverOptions, { readonly: true, fileMustExist: true });
    try {
      const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
      return checkPassed(probe, 'quick_check') ? { ok: true, schemaVersion } : { ok: false, reason: 'quickCheck' };
    } finally {
      probe.close();
    }
  } catch (error) {
    const reason = damageOf(error);
    if (reason) return { ok: false, reason };
    throw error;
  }
}

export type CopyCheck = { ok: true; schemaVersion: number; isLotseStore: boolean } | { ok: false };

/**
 * The full PRAGMA integrity_check of a copy Lotse owns (a fresh backup, a
 * file about to be restored). The copy is switched to a rollback journal
 * first, so that opening it later, even read-only, leaves no -wal or -shm
 * file beside it in backups/.
 */
export function checkCopy(file: string, driverOptions: DriverOptions): CopyCheck {
  try {
    const copy = openStoreFile(file, driverOptions, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      if (!checkPassed(copy, 'integrity_check')) return { ok: false };
      const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      const isLotseStore = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
      return { ok: true, schemaVersion, isLotseStore };
    } finally {
      copy.close();
    }
  } catch (error) {
    if (damageOf(error)) return { ok: false };
    throw error;
  }
}

/** The store's own file and the two SQLite keeps beside it in WAL mode. */
export function storeFiles(file: string): [main: string, wal: string, shm: string] {
  return [file, `${file}-wal`, `${file}-shm`];
}
