import fs from 'node:fs';
import { damageOf } from './db/backup-files';
import { DomainError } from './errors';

/**
 * What the disk said, in words the person at the desk can act on: a full
 * disk, a read-only or forbidden data folder, a damaged store, a taken port.
 * Node reports these as errno codes (ENOSPC …), better-sqlite3 as SQLite
 * result codes (SQLITE_FULL …); both arrive as `error.code`.
 */
type StorageKind = 'full' | 'readonly' | 'denied' | 'damaged';

const ERRNO_KINDS: Record<string, StorageKind> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'readonly',
  EACCES: 'denied',
  EPERM: 'denied',
};

const CODES = { full: 'storage_full', readonly: 'storage_readonly', denied: 'storage_denied', damaged: 'store_damaged' } as const;

/** Less free space than this on the data folder's disk counts as full: SQLite needs whole pages, a WAL frame and a journal. */
const NEARLY_FULL_BYTES = 1024 * 1024;

export interface StorageErrorContext {
  dataDir: string;
  /** At start the message says that Lotse cannot start; during work, that nothing was saved. */
  atStart?: boolean;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * SQLite's I/O and open errors do not say why (SQLITE_IOERR_WRITE is ENOSPC
 * or EROFS or a broken disk alike), so the folder is asked: is its disk
 * (nearly) full, may it be written? Undefined when neither explains it.
 */
function probeDataDir(dataDir: string): StorageKind | undefined {
  try {
    const stats = fs.statfsSync(dataDir);
    if (stats.bavail * stats.bsize < NEARLY_FULL_BYTES) return 'full';
  } catch {
    // No statfs here (or the folder is gone): the write check below may still tell.
  }
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
    return undefined;
  } catch (error) {
    return ERRNO_KINDS[errorCode(error) ?? ''];
  }
}

function sqliteKind(error: unknown, code: string, dataDir: string): StorageKind | undefined {
  if (damageOf(error)) return 'damaged';
  if (code === 'SQLITE_FULL') return 'full';
  if (code === 'SQLITE_PERM') return 'denied';
  // A file opened read-only because Lotse may not write it reports READONLY too: the probe tells which.
  if (code.startsWith('SQLITE_READONLY')) return probeDataDir(dataDir) ?? 'readonly';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return probeDataDir(dataDir);
  return undefined;
}

/**
 * The German DomainError for a storage failure, or undefined when `error`
 * is none (then the caller reports it as it would any other).
 */
export function storageError(error: unknown, { dataDir, atStart = false }: StorageErrorContext): DomainError | undefined {
  if (error instanceof DomainError) return undefined;
  const code = errorCode(error);
  if (code === undefined) return undefined;
  const kind = code.startsWith('SQLITE_') ? sqliteKind(error, code, dataDir) : ERRNO_KINDS[code];
  if (kind === undefined) return undefined;
  const key = atStart ? (`storage.${kind}AtStart` as const) : (`storage.${kind}` as const);
  return new DomainError(CODES[kind], { key, params: { dataDir } });
}

/** The browser host's listen failed because the port is taken. */
export function portError(error: unknown, port: number): DomainError | undefined {
  return errorCode(error) === 'EADDRINUSE' ? new DomainError('port_in_use', { key: 'start.portInUse', params: { port } }) : undefined;
}
