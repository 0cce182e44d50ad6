import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StoreDamage } from '../../shared/api/contract';
import type { StoreKey } from './db/cipher';

/*
 * Types only: every service names the Core, so this file imports no code;
 * opening one (open-core.ts) calls into db/ and would close a circle.
 */

export type HostKind = 'electron' | 'browser';

/** The time of this desk; tests pass a fixed one. */
export type Clock = () => Date;

/** Opens the host's print dialog for a PDF; `printed` is false when the counselor cancelled it. */
export type PdfPrinter = (pdf: Buffer, title: string) => Promise<{ printed: boolean }>;

/** Everything a handler needs: the open store and facts about this launch. */
export interface Core {
  /**
   * The open store. Read it on every use, never keep it: a restore replaces
   * it (replaceStore). While the store is damaged, reading it throws
   * `store_damaged`.
   */
  readonly db: Database;
  /** Why the store is not open (it failed its check at start, or SQLite found it damaged during work), or null when it is open. */
  readonly storeDamage: StoreDamage['reason'] | null;
  readonly dataDir: string;
  /** The store's file (`lotse.sqlite` in the data dir) and the folder of its backups. */
  readonly databaseFile: string;
  readonly backupDir: string;
  /** See CoreOptions.nativeBinding: for opening other store files (backups) with the same driver. */
  readonly nativeBinding: string | undefined;
  /** The store's key (db/cipher.ts): every backup is encrypted with it, and every store file opened with it. */
  readonly key: StoreKey;
  readonly host: HostKind;
  readonly version: string;
  readonly batchWorkerScript: string;
  readonly importWorkerScript: string;
  readonly printPdf: PdfPrinter | undefined;
  now: Clock;
  /** Runs `dispose` when the core closes (before the store closes), e.g. to stop a worker. */
  onClose(dispose: () => void): void;
  /**
   * Closes the store (if open), lets `replace` put another file in its
   * place, and opens that one, migrated and seeded; a damaged store counts
   * as sound again once this succeeds.
   */
  replaceStore(replace: () => void): void;
  /**
   * After SQLite reported damage during work: checks the open store
   * (quick_check) and, if it fails, closes it, so that nothing more is
   * written into the malformed file; the core is then in its recovery state,
   * as after a failed check at start. A sound store (the damage was in
   * another file, e.g. a backup being read) stays open.
   */
  closeIfDamaged(reason: StoreDamage['reason']): void;
  close(): void;
}
