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
  /** The store is in passphrase mode and not unlocked yet (store-key.ts): no db is open, only app.info, app.describe and app.unlock answer. */
  readonly locked: boolean;
  /** How the store is keyed: a key file (browser host), a passphrase typed at start, or a key the host hands over (Electron's safeStorage). */
  readonly keyMode: 'keyFile' | 'passphrase' | 'host';
  /** Where the store's key file is (or would be written, back from passphrase mode); undefined when the host hands the key over. */
  readonly keyFile: string | undefined;
  readonly dataDir: string;
  /** The store's file (`lotse.sqlite` in the data dir) and the folder of its backups. */
  readonly databaseFile: string;
  readonly backupDir: string;
  /** See CoreOptions.nativeBinding: for opening other store files (backups) with the same driver. */
  readonly nativeBinding: string | undefined;
  /** The store's key (db/cipher.ts): every backup is encrypted with it, and every store file opened with it. Read it on every use: switching modes changes it. */
  readonly key: StoreKey;
  /** Opens a locked store with the passphrase (migrated, seeded, daily backups): refused with `store_key_wrong` when it does not open it, and nothing changes. */
  unlock(passphrase: string): void;
  /**
   * Re-encrypts the store with `to` (store-key.ts switchStoreKey: a checked
   * copy renamed over it) and makes `mode` the store's mode; in key file
   * mode, `keyFileBytes` are the new key, written to `keyFile`. The backups
   * are the caller's (services/passphrase.ts).
   */
  switchKey(to: StoreKey, mode: 'keyFile' | 'passphrase', keyFileBytes: Buffer | null): void;
  readonly host: HostKind;
  readonly version: string;
  readonly batchWorkerScript: string;
  readonly importWorkerScript: string;
  /** The bundled checkpoint worker (dist/checkpoint-worker.cjs): checkpoints off the host's thread during long write work (db/checkpoints.ts). */
  readonly checkpointWorkerScript: string;
  readonly printPdf: PdfPrinter | undefined;
  /** Team mode syncs by itself (at start, after writes, on the server's NOTIFY); tests of the protocol turn it off and sync by hand. */
  readonly teamAutoSync: boolean;
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
