import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Core, HostKind, PdfPrinter } from './core';
import { lockDataDir } from './data-dir';
import { openDatabase, type Db } from './db/open';
import { seedBuiltIns } from './db/seed';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  /** The app's version, as the host knows it (package.json or Electron's app.getVersion()). */
  version: string;
  /** See OpenDatabaseOptions.nativeBinding. */
  nativeBinding?: string;
  /** The clock; tests pass a fixed one. */
  now?: Clock;
  /**
   * The bundled serial-letter worker (dist/batch-worker.cjs, built by
   * main/build.mjs). Defaults to batch-worker.cjs beside the running bundle.
   */
  batchWorkerScript?: string;
  /** The bundled partner-import worker (dist/partner-import-worker.cjs); defaults to the one beside the running bundle. */
  importWorkerScript?: string;
  /** The host's system print dialog for a PDF, where it has one (Electron); the browser prints itself. */
  printPdf?: PdfPrinter;
}

export const DATABASE_FILE = 'lotse.sqlite';

/** The store, migrated to this version and with its built-in data written (db/seed). */
function openSeededStore(options: CoreOptions, now: Clock): Db {
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    backupDir: path.join(options.dataDir, 'backups'),
    nativeBinding: options.nativeBinding,
    now,
  });
  try {
    seedBuiltIns(db, now().toISOString());
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Takes the data dir for this process and opens its store, migrated and seeded. */
export function openCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(options.dataDir);
  const now = options.now ?? (() => new Date());
  let db: Db;
  try {
    db = openSeededStore(options, now);
  } catch (error) {
    lock.release();
    throw error;
  }
  let open = true;
  const disposers = new Set<() => void>();
  return {
    db,
    dataDir: options.dataDir,
    host: options.host,
    version: options.version,
    batchWorkerScript: options.batchWorkerScript ?? path.join(__dirname, 'batch-worker.cjs'),
    importWorkerScript: options.importWorkerScript ?? path.join(__dirname, 'partner-import-worker.cjs'),
    printPdf: options.printPdf,
    now,
    onClose(dispose) {
      disposers.add(dispose);
    },
    close() {
      if (!open) return;
      open = false;
      for (const dispose of disposers) {
        try {
          dispose();
        } catch (error) {
          console.error('[lotse] closing failed:', error);
        }
      }
      db.close();
      lock.release();
    },
  };
}
