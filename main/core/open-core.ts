import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Core, HostKind, PdfPrinter } from './core';
import { lockDataDir, type DataDirLock } from './data-dir';
import { checkPassed, type DamageReason } from './db/backup-files';
import { keyOpens, passphraseStoreKey, rekeyStoreFile, type StoreKey } from './db/cipher';
import { openDatabase, StoreDamagedError, type Db } from './db/open';
import { dropStagedLetters } from './db/queries/batch-letters';
import { seedBuiltIns } from './db/seed';
import { DomainError } from './errors';
import { makeTreePrivate, PRIVATE_DIR_MODE } from './private-files';
import { scheduleDailyBackups } from './services/backup';
import { resumeTeamSync } from './services/team';
import { storageError } from './storage-errors';
import {
  defaultKeyFile,
  inPassphraseMode,
  keyFileFromEnv,
  loadOrCreateKeyFile,
  passphraseMarker,
  readKeyFile,
  writeKeyFile,
  writePassphraseMarker,
} from './store-key';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  /** The app's version, as the host knows it (package.json or Electron's app.getVersion()). */
  version: string;
  /** See OpenDatabaseOptions.nativeBinding. */
  nativeBinding?: string;
  /**
   * The store's key (Electron: from safeStorage). Without it, the key file
   * `keyFile` (default: LOTSE_KEY_FILE, else store-key.ts defaultKeyFile) is
   * read, or made for a new or plain store.
   */
  key?: StoreKey;
  keyFile?: string;
  /** The clock; tests pass a fixed one. */
  now?: Clock;
  /**
   * The bundled serial-letter worker (dist/batch-worker.cjs, built by
   * main/build.mjs). Defaults to batch-worker.cjs beside the running bundle.
   */
  batchWorkerScript?: string;
  /** The bundled partner-import worker (dist/partner-import-worker.cjs); defaults to the one beside the running bundle. */
  importWorkerScript?: string;
  /** The bundled checkpoint worker (dist/checkpoint-worker.cjs); defaults to the one beside the running bundle. */
  checkpointWorkerScript?: string;
  /** The host's system print dialog for a PDF, where it has one (Electron); the browser prints itself. */
  printPdf?: PdfPrinter;
  /** Takes the daily backup (soon after the start, and on later days while running); tests with a fixed clock switch it off. */
  dailyBackups?: boolean;
  /** Team mode's automatic sync (default on): see Core.teamAutoSync. */
  teamAutoSync?: boolean;
}

export const DATABASE_FILE = 'lotse.sqlite';
export const BACKUP_FOLDER = 'backups';

/**
 * The store, or why it could not be opened: a damaged file (StoreDamagedError)
 * starts Lotse in its recovery state rather than failing the start, so the
 * counselor can restore a backup from the app.
 */
function openOrRecover(options: CoreOptions & { key: StoreKey }, now: Clock): { db: Db; damage: null } | { db: undefined; damage: DamageReason } {
  try {
    return { db: openSeededStore(options, now), damage: null };
  } catch (error) {
    if (error instanceof StoreDamagedError) return { db: undefined, damage: error.reason };
    throw error;
  }
}

/** The store, migrated to this version and with its built-in data written (db/seed). */
function openSeededStore(options: CoreOptions & { key: StoreKey }, now: Clock): Db {
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    backupDir: path.join(options.dataDir, BACKUP_FOLDER),
    nativeBinding: options.nativeBinding,
    key: options.key,
    now,
  });
  try {
    seedBuiltIns(db, now().toISOString());
    // No serial letter runs in a store that is just opening: letters staged by a host that stopped mid-batch never become documents.
    dropStagedLetters(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Takes the data dir for this process and opens its store, migrated and
 * seeded (or in the recovery state, when it is damaged). A full, read-only or
 * forbidden folder is refused in German (storage-errors.ts), not with the
 * system's ENOSPC.
 */
export function openCore(coreOptions: CoreOptions): Core {
  const now = coreOptions.now ?? (() => new Date());
  let options: CoreOptions & { key: StoreKey };
  let lock: DataDirLock | undefined;
  let store: ReturnType<typeof openOrRecover> | { db: undefined; damage: null; locked: true };
  const databaseFile = path.join(coreOptions.dataDir, DATABASE_FILE);
  // The host's key (Electron) has no file; the browser host's key file is the one named, or the folder's default.
  const keyFile = coreOptions.key ? undefined : (coreOptions.keyFile ?? keyFileFromEnv() ?? defaultKeyFile(coreOptions.dataDir));
  let keyMode: Core['keyMode'] = coreOptions.key ? 'host' : 'keyFile';
  try {
    fs.mkdirSync(coreOptions.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    // mkdir leaves a folder that existed alone: an older Lotse (or the umask) made it 0755 and its files 0644.
    makeTreePrivate(coreOptions.dataDir);
    lock = lockDataDir(coreOptions.dataDir, { nativeBinding: coreOptions.nativeBinding });
    const driver = coreOptions.nativeBinding ? { nativeBinding: coreOptions.nativeBinding } : {};
    if (keyFile && inPassphraseMode(coreOptions.dataDir)) {
      // A switch cut short (store-key.ts): the key file still opens the store, so key file mode holds and the marker goes.
      const fileKey = readKeyFile(keyFile);
      if (fileKey && keyOpens(databaseFile, { ...driver, key: fileKey })) fs.rmSync(passphraseMarker(coreOptions.dataDir), { force: true });
    }
    if (keyFile && inPassphraseMode(coreOptions.dataDir)) {
      // Locked: no store is open until app.unlock brings the passphrase; the key is a placeholder that opens nothing.
      keyMode = 'passphrase';
      options = { ...coreOptions, key: passphraseStoreKey('') };
      store = { db: undefined, damage: null, locked: true };
    } else {
      // Only the owner of the folder reads or makes its key: two starters never make two.
      const key = coreOptions.key ?? loadOrCreateKeyFile(keyFile!, databaseFile);
      options = { ...coreOptions, key };
      store = openOrRecover(options, now);
    }
  } catch (error) {
    lock?.release();
    throw storageError(error, { dataDir: coreOptions.dataDir, atStart: true }) ?? error;
  }
  const heldLock = lock;
  let open = true;
  let backupsScheduled = false;
  const disposers = new Set<() => void>();
  const scheduleBackups = () => {
    if (store.db !== undefined && !('locked' in store)) resumeTeamSync(core);
    if (backupsScheduled || !(options.dailyBackups ?? true)) return;
    backupsScheduled = true;
    scheduleDailyBackups(core);
  };
  const core: Core = {
    get db() {
      if ('locked' in store) throw new DomainError('store_locked', { key: 'dataDir.locked' });
      if (store.db === undefined) throw new DomainError('store_damaged', { key: 'dataDir.storeDamaged' });
      return store.db;
    },
    get storeDamage() {
      return store.damage;
    },
    get locked() {
      return 'locked' in store;
    },
    get keyMode() {
      return keyMode;
    },
    keyFile,
    dataDir: options.dataDir,
    databaseFile,
    backupDir: path.join(options.dataDir, BACKUP_FOLDER),
    nativeBinding: options.nativeBinding,
    get key() {
      return options.key;
    },
    host: options.host,
    version: options.version,
    batchWorkerScript: options.batchWorkerScript ?? path.join(__dirname, 'batch-worker.cjs'),
    importWorkerScript: options.importWorkerScript ?? path.join(__dirname, 'partner-import-worker.cjs'),
    checkpointWorkerScript: options.checkpointWorkerScript ?? path.join(__dirname, 'checkpoint-worker.cjs'),
    printPdf: options.printPdf,
    teamAutoSync: options.teamAutoSync ?? true,
    now,
    onClose(dispose) {
      disposers.add(dispose);
    },
    unlock(passphrase) {
      if (!('locked' in store)) throw new DomainError('conflict', { key: 'dataDir.notLocked' });
      const key = passphraseStoreKey(passphrase);
      // Tried read-only first: a wrong passphrase changes no byte of the folder.
      if (!keyOpens(databaseFile, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), key })) {
        throw new DomainError('store_key_wrong', { key: 'dataDir.passphraseWrong' });
      }
      options = { ...options, key };
      store = openOrRecover(options, now);
      // A key file left by a switch cut short (store-key.ts) holds no more: the passphrase opened the store.
      if (keyFile) fs.rmSync(keyFile, { force: true });
      scheduleBackups();
    },
    switchKey(to, mode, keyFileBytes) {
      if ('locked' in store || store.db === undefined) throw new DomainError('store_damaged', { key: 'dataDir.storeDamaged' });
      if (!keyFile) throw new DomainError('not_supported', { key: 'dataDir.passphraseNotHere' });
      const from = options;
      core.replaceStore(() => {
        rekeyStoreFile(databaseFile, from, to, () => {
          // The new mode's marker or key file first, then the rename; the old one goes after (store-key.ts).
          if (mode === 'passphrase') writePassphraseMarker(options.dataDir);
          else writeKeyFile(keyFile, keyFileBytes!);
        });
        options = { ...options, key: to };
        keyMode = mode;
        if (mode === 'passphrase') fs.rmSync(keyFile, { force: true });
        else fs.rmSync(passphraseMarker(options.dataDir), { force: true });
      });
    },
    replaceStore(replace) {
      if ('locked' in store) throw new DomainError('store_locked', { key: 'dataDir.locked' });
      store.db?.close();
      // Until the new file is open, the store counts as damaged: no call reaches a closed connection.
      store = { db: undefined, damage: store.damage ?? 'corrupt' };
      try {
        replace();
      } finally {
        // Replaced or not (a failed rename leaves the old file in place), whatever is there now is opened.
        store = openOrRecover(options, now);
      }
    },
    closeIfDamaged(reason) {
      if (store.db === undefined) return;
      let sound: boolean;
      try {
        sound = checkPassed(store.db, 'quick_check');
      } catch {
        sound = false;
      }
      if (sound) return;
      store.db.close();
      store = { db: undefined, damage: reason };
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
      store.db?.close();
      heldLock.release();
    },
  };
  if (!core.locked) scheduleBackups();
  return core;
}
