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
  /**
   * The bundled serial-letter worker (dist/batch-worker.cjs, built by
   * main/build.mjs). Defaults to batch-worker.cjs beside the running bundle.
   */
  batchWorkerScript?: string;
  /** The host's system print dialog for a PDF, where it has one (Electron); the browser prints itself. */
  printPdf?: PdfPrinter;
}

/** Opens the host's print dialog for a PDF; `printed` is false when the counselor cancelled it. */
export type PdfPrinter = (pdf: Buffer, title: string) => Promise<{ printed: boolean }>;

/** Everything a handler needs: the open store and facts about this launch. */
export interface Core {
  readonly db: Db;
  readonly dataDir: string;
  readonly host: HostKind;
  readonly version: string;
  readonly batchWorkerScript: string;
  readonly printPdf: PdfPrinter | undefined;
  now(): Date;
  /** Runs `dispose` when the core closes (before the store closes), e.g. to stop a worker. */
  onClose(dispose: () => void): void;
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
  const disposers = new Set<() => void>();
  return {
    db,
    dataDir: options.dataDir,
    host: options.host,
    version: options.version,
    batchWorkerScript: options.batchWorkerScript ?? path.join(__dirname, 'batch-worker.cjs'),
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
