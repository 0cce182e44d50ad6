import { getISOWeek, getISOWeekYear } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { Backup, BackupSettings, MethodOutput } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { backupFileName, checkCopy, openStoreFile, parseBackupName, schemaVersionOf, storeFiles, type DriverOptions } from '../db/backup-files';
import os from 'node:os';
import {
  couldBeEncryptedStore,
  encryptPlainFile,
  isPlainStoreFile,
  keyOpens,
  passphraseStoreKey,
  rawStoreKey,
  rekeyBackupCopy,
  rekeyFile,
  removeEncryptionLeftovers,
  type StoreKey,
} from '../db/cipher';
import { randomBytes } from 'node:crypto';
import { insertAuditEntry } from '../db/queries/audit';
import { holdsClient, truncateWriteAheadLog } from '../db/queries/clients';
import { listErasures, type Erasure } from '../db/queries/erasures';
import { readSettings } from '../db/queries/settings';
import { openDatabase, SCHEMA_VERSION } from '../db/open';
import { seedBuiltIns } from '../db/seed';
import { FRESH_SETTINGS } from '../db/seed/settings';
import { DomainError, invalid, notFound } from '../errors';
import { makePrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../private-files';
import { counselorOf, recordAudit } from './audit';
import { batchRunning } from './batches';
import { reapplyErasures } from './clients';

/**
 * Backups of the store (`backups.*`, DESIGN.md `backup`): SQLite online
 * backups into the data folder's `backups/`, each checked with the full
 * PRAGMA integrity_check on the copy; a daily one taken automatically and
 * rotated; restore with the erasure log re-applied.
 *
 * The integrity results live in `backups/pruefungen.json` (file name →
 * `ok` | `failed`): the copies themselves stay exactly as taken, and a
 * lost index only makes results `unchecked` again, which a restore checks
 * anyway. Every operation on backups of a core runs one after the other, so
 * a restore never closes the store under a backup still copying it.
 */

const CHECKS_FILE = 'pruefungen.json';
/** A file being written carries this ending until it is complete and checked: the list never shows half a backup. */
const PARTIAL = '.unfertig';
/** The daily backup waits this long after the start, so the first screen is drawn first. */
const FIRST_DAILY_DELAY_MS = 10_000;
/** How often a running Lotse looks whether a new day needs its backup. */
const DAILY_CHECK_INTERVAL_MS = 30 * 60_000;

const DEFAULT_ROTATION: BackupSettings = FRESH_SETTINGS.backups;

type Integrity = 'ok' | 'failed';

function driverOptions(core: Core): DriverOptions & { key: Core['key'] } {
  return { ...(core.nativeBinding ? { nativeBinding: core.nativeBinding } : {}), key: core.key };
}

const queues = new WeakMap<Core, Promise<unknown>>();

/** Runs `operation` after every backup operation of this core started before it. */
function queued<T>(core: Core, operation: () => Promise<T>): Promise<T> {
  // The queue itself never rejects: a failed operation must not stop the next one.
  const result = (queues.get(core) ?? Promise.resolve()).then(operation);
  queues.set(
    core,
    result.catch(() => undefined),
  );
  return result;
}

function readChecks(dir: string): Record<string, Integrity> {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, CHECKS_FILE), 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, Integrity] => entry[1] === 'ok' || entry[1] === 'failed'));
  } catch {
    return {};
  }
}

/** Records one result and forgets those of files no longer there; written whole, then renamed, so it is never half written. */
function recordCheck(dir: string, id: string | null, result?: Integrity): void {
  const present = new Set(fs.readdirSync(dir));
  const checks = Object.fromEntries(Object.entries(readChecks(dir)).filter(([name]) => present.has(name)));
  if (id !== null && result) checks[id] = result;
  const temporary = path.join(dir, `${CHECKS_FILE}${PARTIAL}`);
  fs.writeFileSync(temporary, `${JSON.stringify(checks, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temporary, path.join(dir, CHECKS_FILE));
}

function describe(dir: string, id: string, checks: Record<string, Integrity>, options: DriverOptions): Backup | null {
  const name = parseBackupName(id);
  if (!name) return null;
  const file = path.join(dir, id);
  let stat: fs.Stats;
  let schemaVersion: number | null;
  try {
    stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    schemaVersion = schemaVersionOf(file, options);
  } catch {
    return null;
  }
  return {
    id,
    kind: name.kind,
    createdAt: name.createdAt.toISOString(),
    sizeBytes: stat.size,
    schemaVersion,
    integrity: name.kind === 'damaged' ? 'failed' : (checks[id] ?? 'unchecked'),
  };
}

/** Every backup in backups/, newest first. */
export function listBackups(core: Core): Backup[] {
  const dir = core.backupDir;
  if (!fs.existsSync(dir)) return [];
  const checks = readChecks(dir);
  return fs
    .readdirSync(dir)
    .flatMap((id) => {
      const backup = describe(dir, id, checks, driverOptions(core));
      return backup ? [{ backup, sequence: parseBackupName(id)?.sequence ?? 1 }] : [];
    })
    .sort((a, b) => b.backup.createdAt.localeCompare(a.backup.createdAt) || b.sequence - a.sequence)
    .map(({ backup }) => backup);
}

export function backupList(core: Core): MethodOutput<'backups.list'> {
  return { items: listBackups(core), folder: core.backupDir };
}

/** Could this backup bring back a sound store? Not found damaged, from this or an older Lotse. */
function looksRestorable(backup: Backup): boolean {
  return (
    backup.kind !== 'damaged' &&
    backup.integrity !== 'failed' &&
    backup.schemaVersion !== null &&
    backup.schemaVersion > 0 &&
    backup.schemaVersion <= SCHEMA_VERSION
  );
}

/** The backup the recovery screen offers first. */
export function newestGoodBackup(core: Core): Backup | null {
  return listBackups(core).find(looksRestorable) ?? null;
}

function backupPath(core: Core, id: string): { file: string; backup: Backup } {
  const backup = describe(core.backupDir, id, readChecks(core.backupDir), driverOptions(core));
  if (!backup) throw notFound('backup', { id });
  return { file: path.join(core.backupDir, id), backup };
}

/** The online backup of the open store into a new file, checked, then given its final name. */
async function takeBackup(core: Core, kind: 'daily' | 'manual' | 'beforeRestore'): Promise<Backup> {
  if (core.storeDamage) throw new DomainError('store_damaged', { key: 'backups.damagedStore' });
  const dir = core.backupDir;
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const id = backupFileName(dir, kind, core.now());
  const partial = path.join(dir, `${id}${PARTIAL}`);
  try {
    // A compact copy encrypted with the store's key (SQLite3MC); SQLite's online backup refuses an encrypted source.
    core.db.prepare('VACUUM INTO ?').run(partial);
    makePrivate(partial);
    // Calls that came in meanwhile run before the check, as they did while SQLite's online backup copied step by step.
    await new Promise((resolve) => setImmediate(resolve));
    const check = checkCopy(partial, driverOptions(core));
    // A copy that fails the check means the store itself is damaged: kept and marked, so nobody restores it unawares.
    if (!check.ok) console.error(`[lotse] the backup ${id} failed PRAGMA integrity_check: the store may be damaged`);
    fs.renameSync(partial, path.join(dir, id));
    recordCheck(dir, id, check.ok ? 'ok' : 'failed');
  } finally {
    fs.rmSync(partial, { force: true });
  }
  if (kind === 'daily') rotateDailyBackups(core);
  return backupPath(core, id).backup;
}

/**
 * A line of the trail for a backup taken, downloaded or uploaded (the file's
 * id, never the name of a file the counselor picked). A damaged store takes
 * no writes: there the backup methods still work, unrecorded.
 */
function auditBackup(core: Core, action: 'backups.create' | 'backups.download' | 'backups.upload', id: string): void {
  if (core.storeDamage) return;
  core.db.transaction(() => recordAudit(core, { action, subjectType: 'backup', subjectId: id, clientId: null, details: {} }))();
}

export function createBackup(core: Core): Promise<Backup> {
  return queued(core, async () => {
    const backup = await takeBackup(core, 'manual');
    auditBackup(core, 'backups.create', backup.id);
    return backup;
  });
}

/** Keeps the newest backup of each of the newest `count` buckets (days, weeks) in `keep`. */
function keepNewestPerBucket(newestFirst: readonly Backup[], bucketOf: (createdAt: Date) => string, count: number, keep: Set<string>): void {
  const buckets = new Set<string>();
  for (const backup of newestFirst) {
    const bucket = bucketOf(new Date(backup.createdAt));
    if (buckets.has(bucket)) continue;
    if (buckets.size >= count) break;
    buckets.add(bucket);
    keep.add(backup.id);
  }
}

/**
 * Rotation of the daily backups, as restic's `--keep-daily` and
 * `--keep-weekly` do it: the newest of each of the last `keepDaily` days
 * with a backup, and the newest of each of the last `keepWeekly` ISO weeks
 * with one. Days and weeks are the desk's local ones. Other kinds are never
 * removed here: a manual backup or the copy before a migration or a restore
 * was taken for a reason the rotation cannot know.
 */
export function rotateDailyBackups(core: Core): string[] {
  const rotation = readSettings(core.db)?.backups ?? DEFAULT_ROTATION;
  const dailies = listBackups(core).filter((backup) => backup.kind === 'daily');
  const keep = new Set<string>();
  keepNewestPerBucket(dailies, (date) => todayIso(date), rotation.keepDaily, keep);
  keepNewestPerBucket(dailies, (date) => `${getISOWeekYear(date)}-${getISOWeek(date)}`, rotation.keepWeekly, keep);
  const removed = dailies.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
  for (const id of removed) fs.rmSync(path.join(core.backupDir, id), { force: true });
  if (removed.length > 0) recordCheck(core.backupDir, null);
  return removed;
}

/** Takes today's daily backup unless there is one (or the store is damaged); the new backup, or null. */
export function ensureDailyBackup(core: Core): Promise<Backup | null> {
  return queued(core, async () => {
    if (core.storeDamage) return null;
    const today = todayIso(core.now());
    const taken = listBackups(core).some((backup) => backup.kind === 'daily' && todayIso(new Date(backup.createdAt)) === today);
    return taken ? null : takeBackup(core, 'daily');
  });
}

/**
 * The daily backup on first use of a day: shortly after the start (not
 * before the first screen), then checked every half hour for a Lotse left
 * running overnight. The timers end with the core.
 */
export function scheduleDailyBackups(core: Core): void {
  const run = () => {
    ensureDailyBackup(core).catch((error: unknown) => console.error('[lotse] the daily backup failed:', error));
  };
  const first = setTimeout(run, FIRST_DAILY_DELAY_MS);
  const later = setInterval(run, DAILY_CHECK_INTERVAL_MS);
  first.unref();
  later.unref();
  core.onClose(() => {
    clearTimeout(first);
    clearInterval(later);
  });
}

type CheckedCopy = { schemaVersion: number };

/** Integrity, Lotse's tables and a schema this Lotse knows, checked on a copy Lotse owns; the result of the check is recorded for `id`. */
function checkRestorable(core: Core, file: string, id: string, record: boolean, options: DriverOptions = driverOptions(core)): CheckedCopy {
  if (schemaVersionOf(file, options) === null) throw invalid({}, { key: 'backups.notAStore', params: { fileName: id } });
  const check = checkCopy(file, options);
  if (record) recordCheck(core.backupDir, id, check.ok ? 'ok' : 'failed');
  if (!check.ok) throw invalid({}, { key: 'backups.damaged', params: { id } });
  if (!check.isLotseStore || check.schemaVersion === 0) throw invalid({}, { key: 'backups.notAStore', params: { fileName: id } });
  if (check.schemaVersion > SCHEMA_VERSION) {
    throw new DomainError('schema_too_new', { key: 'backups.schemaTooNew', params: { id, found: check.schemaVersion, latest: SCHEMA_VERSION } });
  }
  return { schemaVersion: check.schemaVersion };
}

/** The erasure log of a store file that is not open, read-only; empty when it cannot be read (damaged, or older than the log). */
function erasuresIn(core: Core, file: string): Erasure[] {
  try {
    const db = openStoreFile(file, driverOptions(core), { readonly: true, fileMustExist: true });
    try {
      return listErasures(db);
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/**
 * Everyone erased so far. From the open store; when it is damaged, whatever
 * of its log can still be read, joined with the logs of the backups Lotse
 * took itself (they are checked copies), so that even then nobody erased
 * before the newest of them comes back.
 */
function knownErasures(core: Core): Erasure[] {
  if (!core.storeDamage) return listErasures(core.db);
  const own = listBackups(core).filter((backup) => ['daily', 'manual', 'beforeRestore'].includes(backup.kind) && backup.integrity === 'ok');
  const all = [core.databaseFile, ...own.map((backup) => path.join(core.backupDir, backup.id))].flatMap((file) => erasuresIn(core, file));
  return [...new Map(all.map((erasure) => [erasure.clientId, erasure])).values()];
}

/**
 * Makes the copy about to replace the store ready, before the store is
 * touched: migrated (an older backup) and seeded as every open does, then,
 * in one transaction, every known erasure applied again and the restore
 * recorded in its audit trail.
 */
function prepareRestoredCopy(core: Core, file: string, id: string, erasures: readonly Erasure[]): number {
  const db = openDatabase(file, { backupDir: null, nativeBinding: core.nativeBinding, key: core.key, now: core.now });
  try {
    const now = core.now();
    seedBuiltIns(db, now.toISOString());
    const actor = counselorOf(core.storeDamage ? (readSettings(db) ?? FRESH_SETTINGS) : (readSettings(core.db) ?? FRESH_SETTINGS));
    const reapplied = db.transaction(() => {
      const count = reapplyErasures(db, erasures, now, actor);
      insertAuditEntry(db, {
        at: now.toISOString(),
        action: 'backups.restore',
        subjectType: 'backup',
        subjectId: id,
        clientId: null,
        actor,
        details: { reappliedErasures: count },
      });
      return count;
    })();
    truncateWriteAheadLog(db);
    return reapplied;
  } finally {
    db.close();
  }
}

/**
 * Puts the damaged store and its -wal and -shm into backups/ as
 * `beschaedigt-<stamp>.sqlite…`, unchanged. The main file is linked there
 * (copied where the disk has no hard links) rather than moved: the restored
 * copy then replaces it in one rename, and if that fails the damaged store
 * is still in its place, never a missing file that would open as an empty
 * store.
 */
function setDamagedAside(core: Core): void {
  fs.mkdirSync(core.backupDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const [file, wal, shm] = storeFiles(core.databaseFile);
  const [aside, walAside, shmAside] = storeFiles(path.join(core.backupDir, backupFileName(core.backupDir, 'damaged', core.now())));
  if (fs.existsSync(wal)) fs.renameSync(wal, walAside);
  if (fs.existsSync(shm)) fs.renameSync(shm, shmAside);
  if (!fs.existsSync(file)) return;
  try {
    fs.linkSync(file, aside);
  } catch {
    fs.copyFileSync(file, aside);
    makePrivate(aside);
  }
}

async function restore(core: Core, id: string): Promise<MethodOutput<'backups.restore'>> {
  const { file, backup } = backupPath(core, id);
  if (backup.kind === 'damaged') throw invalid({}, { key: 'backups.damaged', params: { id } });
  if (batchRunning(core)) throw new DomainError('conflict', { key: 'backups.batchRunning' });
  // The copy is prepared beside the store, so that putting it in place is one rename on the same disk.
  const staging = `${core.databaseFile}.wiederherstellung`;
  const removeStaging = () => storeFiles(staging).forEach((part) => fs.rmSync(part, { force: true }));
  removeStaging();
  try {
    fs.copyFileSync(file, staging);
    makePrivate(staging);
    checkRestorable(core, staging, id, true);
    const reapplied = prepareRestoredCopy(core, staging, id, knownErasures(core));
    const damaged = core.storeDamage !== null;
    if (!damaged) await takeBackup(core, 'beforeRestore');
    core.replaceStore(() => {
      if (damaged) setDamagedAside(core);
      // Closed cleanly, SQLite has removed them; one left over would be laid over the restored file.
      else
        storeFiles(core.databaseFile)
          .slice(1)
          .forEach((part) => fs.rmSync(part, { force: true }));
      fs.renameSync(staging, core.databaseFile);
    });
    return { restored: backupPath(core, id).backup, reappliedErasures: reapplied };
  } finally {
    removeStaging();
  }
}

export function restoreBackup(core: Core, id: string): Promise<MethodOutput<'backups.restore'>> {
  return queued(core, () => restore(core, id));
}

export function downloadBackup(core: Core, id: string, passphrase?: string): MethodOutput<'backups.download'> {
  const { file } = backupPath(core, id);
  const contentBase64 = passphrase === undefined ? fs.readFileSync(file).toString('base64') : withPassphrase(core, file, id, passphrase);
  auditBackup(core, 'backups.download', id);
  return { fileName: `lotse-${id}`, contentBase64 };
}

/** The backup re-encrypted with the passphrase, on a private temp copy: the backup in backups/ stays as it is. */
function withPassphrase(core: Core, file: string, id: string, passphrase: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-download-'));
  try {
    const copy = path.join(dir, id);
    fs.copyFileSync(file, copy);
    rekeyFile(copy, driverOptions(core), passphraseStoreKey(passphrase));
    return fs.readFileSync(copy).toString('base64');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Keeps a backup file the counselor picked, once it proved a sound store of this or an older Lotse. */
export function uploadBackup(core: Core, input: { fileName: string; contentBase64: string; passphrase?: string }): Promise<Backup> {
  return queued(core, async () => {
    const dir = core.backupDir;
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const id = backupFileName(dir, 'uploaded', core.now());
    const partial = path.join(dir, `${id}${PARTIAL}`);
    try {
      fs.writeFileSync(partial, Buffer.from(input.contentBase64, 'base64'), { mode: PRIVATE_FILE_MODE });
      if (input.passphrase !== undefined) {
        // Downloaded with a passphrase (on this desk or another): re-encrypted with this store's key once the passphrase opens it.
        const withPassphrase = { ...driverOptions(core), key: passphraseStoreKey(input.passphrase) };
        if (isPlainStoreFile(partial) || !keyOpens(partial, withPassphrase)) {
          throw invalid({}, { key: 'backups.passphraseWrong', params: { fileName: input.fileName } });
        }
        rekeyFile(partial, withPassphrase, core.key);
      } else if (isPlainStoreFile(partial)) {
        // A plain copy (from a Lotse before encryption at rest) is kept encrypted with this store's key, once it proved sound.
        checkRestorable(core, partial, input.fileName, false, { ...driverOptions(core), key: null });
        encryptPlainFile(partial, driverOptions(core));
      } else if (couldBeEncryptedStore(partial) && !keyOpens(partial, driverOptions(core))) {
        // Encrypted, but not with this store's key: a copy from another desk, which needs its passphrase.
        throw invalid({}, { key: 'backups.passphraseWrong', params: { fileName: input.fileName } });
      }
      checkRestorable(core, partial, input.fileName, false);
      fs.renameSync(partial, path.join(dir, id));
      recordCheck(dir, id, 'ok');
    } finally {
      storeFiles(partial).forEach((part) => fs.rmSync(part, { force: true }));
      removeEncryptionLeftovers(partial);
    }
    auditBackup(core, 'backups.upload', id);
    return backupPath(core, id).backup;
  });
}

/** What an erasure did to backups/: every file name, never a person. */
export interface BackupErasure {
  /** Backups that held the person and were rewritten without them. */
  rewritten: string[];
  /** Damaged backups (`beschaedigt-…`, or failed their check), deleted: they cannot be rewritten safely. */
  removed: string[];
  /** Backups that could not be rewritten and still hold the person (the reason is in the log). */
  failed: string[];
}

/**
 * Rewrites one backup without the erased people, if it holds any of them:
 * on a copy beside it (never the file itself, never the live store), the same
 * deletion as the erasure (reapplyErasures, with secure_delete), VACUUM so no
 * freed page keeps a byte of them, the full integrity_check, and then one
 * rename over the old file, which keeps its name and so its kind and time.
 */
function eraseFromBackupFile(core: Core, id: string, erasures: readonly Erasure[], actor: string): boolean {
  const file = path.join(core.backupDir, id);
  const partial = `${file}${PARTIAL}`;
  try {
    fs.copyFileSync(file, partial);
    makePrivate(partial);
    const db = openStoreFile(partial, driverOptions(core), { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      const held = erasures.filter((erasure) => holdsClient(db, erasure.clientId));
      if (held.length === 0) return false;
      db.transaction(() => reapplyErasures(db, held, core.now(), actor))();
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    if (!checkCopy(partial, driverOptions(core)).ok) throw new Error(`the rewritten copy of ${id} failed PRAGMA integrity_check`);
    fs.renameSync(partial, file);
    recordCheck(core.backupDir, id, 'ok');
    return true;
  } finally {
    storeFiles(partial).forEach((part) => fs.rmSync(part, { force: true }));
  }
}

/** Removes a damaged backup with the -wal and -shm it was moved aside with. */
function removeBackupFiles(core: Core, id: string): void {
  storeFiles(path.join(core.backupDir, id)).forEach((part) => fs.rmSync(part, { force: true }));
}

/**
 * Erasure reaches the backups (GDPR Art. 17): after the erasure has
 * committed, every backup that still holds one of the `erasures` is rewritten
 * without them. A damaged backup cannot be opened safely to do that, so it is
 * deleted: it was kept aside only for a look later and can no longer be
 * restored. Leftovers of a backup or restore cut short (`.unfertig`, the
 * restore's staging copy) go too. In the backup queue, so it never races a
 * backup being taken or a restore; one file failing is reported, not undone,
 * and the others are still done. The host gets its turn between files.
 */
export function eraseFromBackups(core: Core, erasures: readonly Erasure[]): Promise<BackupErasure> {
  return queued(core, async () => {
    const result: BackupErasure = { rewritten: [], removed: [], failed: [] };
    storeFiles(`${core.databaseFile}.wiederherstellung`).forEach((part) => fs.rmSync(part, { force: true }));
    const actor = counselorOf(readSettings(core.db) ?? FRESH_SETTINGS);
    // A restore queued before this may have put a store in place that was prepared before the erasure.
    const returned = erasures.filter((erasure) => holdsClient(core.db, erasure.clientId));
    if (returned.length > 0) {
      core.db.transaction(() => reapplyErasures(core.db, returned, core.now(), actor))();
      truncateWriteAheadLog(core.db);
    }
    if (!fs.existsSync(core.backupDir)) return result;
    for (const name of fs.readdirSync(core.backupDir)) {
      if (name.includes(PARTIAL)) fs.rmSync(path.join(core.backupDir, name), { force: true });
    }
    for (const backup of listBackups(core)) {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        if (backup.kind === 'damaged' || backup.integrity === 'failed') {
          removeBackupFiles(core, backup.id);
          result.removed.push(backup.id);
        } else if (eraseFromBackupFile(core, backup.id, erasures, actor)) {
          result.rewritten.push(backup.id);
        }
      } catch (error) {
        console.error(`[lotse] Die Sicherung ${backup.id} konnte nach dem Löschen nicht bereinigt werden; sie enthält die gelöschte Person noch:`, error);
        result.failed.push(backup.id);
      }
    }
    if (result.removed.length > 0) recordCheck(core.backupDir, null);
    return result;
  });
}

/**
 * Passphrase mode (store-key.ts): the store and every backup it opens get a
 * key derived from the passphrase, so that a restore keeps working. Each
 * backup is re-encrypted into a copy beside it first; then the store is
 * switched (a checked copy renamed over it, open-core.ts switchKey); only then
 * the copies replace the backups, one rename each. A failure before the
 * store's rename leaves everything as it was. The trail records the switch
 * and how many backups followed, never the passphrase.
 */
export function setStorePassphrase(core: Core, passphrase: string): Promise<MethodOutput<'app.setPassphrase'>> {
  return switchStoreKey(core, passphraseStoreKey(passphrase), 'passphrase', null).then(() => ({ keyMode: 'passphrase' as const }));
}

/** Back to key file mode: a new random key, written to the key file; the store and its backups re-encrypted with it. */
export function removeStorePassphrase(core: Core): Promise<MethodOutput<'app.removePassphrase'>> {
  if (core.keyMode !== 'passphrase') return Promise.reject(new DomainError('conflict', { key: 'dataDir.passphraseNotSet' }));
  const bytes = randomBytes(32);
  return switchStoreKey(core, rawStoreKey(bytes), 'keyFile', bytes).then(() => ({ keyMode: 'keyFile' as const }));
}

const REKEYED = '.neuer-schluessel';

function switchStoreKey(core: Core, to: StoreKey, mode: 'keyFile' | 'passphrase', keyFileBytes: Buffer | null): Promise<void> {
  return queued(core, async () => {
    if (!core.keyFile) throw new DomainError('not_supported', { key: 'dataDir.passphraseNotHere' });
    if (core.storeDamage) throw new DomainError('store_damaged', { key: 'backups.damagedStore' });
    if (batchRunning(core)) throw new DomainError('conflict', { key: 'backups.batchRunning' });
    const from = driverOptions(core);
    const files = listBackups(core)
      .map((backup) => path.join(core.backupDir, backup.id))
      .filter((file) => keyOpens(file, from));
    const pending: string[] = [];
    try {
      for (const file of files) {
        rekeyBackupCopy(file, `${file}${REKEYED}`, from, to);
        pending.push(file);
      }
      core.switchKey(to, mode, keyFileBytes);
    } catch (error) {
      for (const file of files) fs.rmSync(`${file}${REKEYED}`, { force: true });
      throw error;
    }
    for (const file of pending) fs.renameSync(`${file}${REKEYED}`, file);
    core.db.transaction(() =>
      recordAudit(core, {
        action: mode === 'passphrase' ? 'app.setPassphrase' : 'app.removePassphrase',
        subjectType: 'store',
        subjectId: null,
        clientId: null,
        details: { backups: files.length },
      }),
    )();
  });
}
