import fs from 'node:fs';
import path from 'node:path';
import { lockDataDir } from './data-dir';
import { openDatabase, type Db } from './db/open';
import { ensureBuiltInTemplates } from './services/templates';

export type HostKind = 'electron' | 'browser';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  /** The app's version, as the host knows it (package.json or Electron's app.getVersion()). */
  version: string;
  /** See OpenDatabaseOptions.nativeBinding. */
  nativeBinding?: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/** Everything a handler needs: the open store and facts about this launch. */
export interface Core {
  readonly db: Db;
  readonly dataDir: string;
  readonly host: HostKind;
  readonly version: string;
  now(): Date;
  close(): void;
}

export const DATABASE_FILE = 'lotse.sqlite';

/** Takes the data dir for this process and opens its store. */
export function openCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(options.dataDir);
  const now = options.now ?? (() => new Date());
  let db: Db;
  try {
    db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
      backupDir: path.join(options.dataDir, 'backups'),
      nativeBinding: options.nativeBinding,
      now,
    });
    ensureBuiltInTemplates(db, now().toISOString());
  } catch (error) {
    lock.release();
    throw error;
  }
  let open = true;
  return {
    db,
    dataDir: options.dataDir,
    host: options.host,
    version: options.version,
    now,
    close() {
      if (!open) return;
      open = false;
      db.close();
      lock.release();
    },
  };
}
