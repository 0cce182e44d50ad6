import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from './errors';
import { makePrivate, PRIVATE_FILE_MODE } from './private-files';

/**
 * The browser host's data folder when no --data-dir is given (DESIGN.md §3);
 * the Electron host uses its `userData` instead.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lotse');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Lotse');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'lotse');
}

export interface DataDirLock {
  release(): void;
}

/** Holds the OS lock: a SQLite file, never opened by anything else (see lockDataDir). */
export const LOCK_FILE = 'lotse.lock.sqlite';
/** Who owns the folder, for the message a second start gives; the format old Lotse versions used as their lock. */
export const OWNER_NOTE_FILE = 'lotse.lock';

/*
 * A few hundred ms: two starters racing for the lock each hold a shared lock
 * for a moment on the way to the exclusive one, and SQLite's busy handler lets
 * one of them through instead of refusing both. A start refused because the
 * folder is owned waits this long.
 */
const LOCK_WAIT_MS = 300;

interface OwnerNote {
  pid: number;
  host: string;
}

/** The owner's note, or undefined if there is none or it is not ours to read (an old Lotse wrote only its PID). */
function readOwnerNote(dataDir: string): OwnerNote | undefined {
  try {
    const note = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_NOTE_FILE), 'utf8')) as Partial<OwnerNote>;
    return Number.isInteger(note.pid) && typeof note.host === 'string' ? { pid: note.pid as number, host: note.host } : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: the note only words a refusal, so a start goes on without it (e.g. on a full disk the store will tell). */
function writeOwnerNote(dataDir: string): void {
  const file = path.join(dataDir, OWNER_NOTE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    // Written aside and renamed, so a starter reading it never sees half a note.
    fs.writeFileSync(temp, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies OwnerNote), { mode: PRIVATE_FILE_MODE });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    console.warn(`[lotse] Die Notiz zum Besitzer des Datenordners konnte nicht geschrieben werden: ${String(error)}`);
  }
}

/**
 * One process owns a data dir at a time: two writers on one SQLite file from
 * two app windows would each believe their view is current.
 *
 * The lock is an OS file lock (fcntl on Unix, LockFileEx on Windows) that
 * SQLite takes on LOCK_FILE: in locking_mode=EXCLUSIVE a committed write
 * transaction keeps the exclusive lock until the connection closes (taking
 * it is a tiny write, so a full disk refuses the start in words), and the OS
 * drops it when the process dies. So no lock outlives its owner and no PID
 * is ever trusted: an old lock note naming a PID that now belongs to another
 * process is merely overwritten. SQLite also refuses a second connection of
 * the same process (it tracks its own locks per file), which a plain fcntl
 * lock would not.
 *
 * The file is never deleted: a starter that opened it just before would lock
 * the unlinked file while the next one locks a new one. And nothing else in
 * this process may open it: on Unix, closing any descriptor of a file drops
 * every fcntl lock the process holds on it.
 */
export function lockDataDir(dataDir: string, options: { nativeBinding?: string } = {}): DataDirLock {
  const db = new Database(path.join(dataDir, LOCK_FILE), { timeout: LOCK_WAIT_MS, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    // Through the path, never a second handle on the file: closing one would drop the lock.
    makePrivate(path.join(dataDir, LOCK_FILE));
    db.pragma('locking_mode = EXCLUSIVE');
    // A real write: on a read-only disk SQLite opens the file read-only and an empty transaction would
    // "succeed" without any lock; writing fails there (SQLITE_READONLY, said in German by openCore).
    db.exec('BEGIN EXCLUSIVE; PRAGMA user_version = 1; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    const owner = readOwnerNote(dataDir);
    throw new DomainError(
      'data_dir_locked',
      owner ? { key: 'dataDir.inUse', params: { dataDir, pid: owner.pid, host: owner.host } } : { key: 'dataDir.inUseOwnerUnknown', params: { dataDir } },
    );
  }
  writeOwnerNote(dataDir);
  return {
    release() {
      try {
        // Removed while the lock is still held, so it never names a later owner.
        fs.rmSync(path.join(dataDir, OWNER_NOTE_FILE), { force: true });
      } finally {
        // Let go even when the note cannot be removed (a disk gone read-only): a stale note decides nothing.
        db.close();
      }
    },
  };
}
