import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { checkPassed } from '../../main/core/db/backup-files';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { openDatabase } from '../../main/core/db/open';
import { ensureDailyBackup } from '../../main/core/services/backup';
import type { AuditEntry, Backup, BatchStarted, BatchStatus, Client, MethodOutput } from '../../shared/api/contract';
import { foldedVariants } from '../../shared/domain/fold';
import { batchWorkerScript } from '../support/batch-worker';
import { createLookAlike, openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';
import { makeTempDir } from '../support/temp-dir';
import { decryptedBytes, keyFor, openWithKey } from '../support/store-key';

/**
 * Erasure reaches everywhere (issue 13, item 2): after `clients.erase` no
 * file of the data folder holds the person — not the store, its WAL, any
 * backup of any kind — no serial letter in memory hands out their letter,
 * and the folder and its files are the user's alone (0700 / 0600).
 */

const FAMILY_NAME = 'Qwzörnik';
const GIVEN_NAME = 'Xaverija';
const CUSTOMER_NUMBER = 'KD-77441199';
const STREET = 'Vlkbergweg 17';
const HEALTH = 'Tuberkulose-Befund Mqzt';
const KEEPER = 'Bleibtda';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Every form the person's data could be stored in: as typed, folded as the search index keeps it, the number as its key, in UTF-8 and UTF-16. */
function traces(): Array<{ form: string; bytes: Buffer }> {
  const forms = [FAMILY_NAME, GIVEN_NAME, CUSTOMER_NUMBER, 'kd77441199', STREET, HEALTH, 'Mqzt', ...foldedVariants(FAMILY_NAME), ...foldedVariants(GIVEN_NAME)];
  return [...new Set(forms)].flatMap((form) => [
    { form, bytes: Buffer.from(form, 'utf8') },
    { form: `${form} (UTF-16)`, bytes: Buffer.from(form, 'utf16le') },
  ]);
}

/** Every file below `dir`, but the lock: reading it from this process would close a handle on it, and so drop the lock the open core holds. */
function filesBelow(dir: string, skipLock: boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || (skipLock && entry.name === 'lotse.lock.sqlite')) return [];
    return [file];
  });
}

/**
 * `file: form` for every trace of the person in any file of the folder: the
 * raw bytes, and of every store file the bytes it would have unencrypted
 * (the store and backups are encrypted at rest, test/db/encryption-at-rest.test.ts).
 */
function leftovers(dataDir: string, skipLock = true): string[] {
  return filesBelow(dataDir, skipLock).flatMap((file) => {
    const bytes = Buffer.concat([fs.readFileSync(file), decryptedBytes(file, path.join(dataDir, 'lotse.sqlite'))]);
    return traces()
      .filter((trace) => bytes.includes(trace.bytes))
      .map((trace) => `${path.relative(dataDir, file)}: ${trace.form}`);
  });
}

async function createPerson(core: Core): Promise<string> {
  const person = await callOk<Client>(core, 'clients.create', {
    ...SAMPLE_CLIENT,
    familyName: FAMILY_NAME,
    givenName: GIVEN_NAME,
    customerNumber: CUSTOMER_NUMBER,
    notes: HEALTH,
    address: { street: STREET, postalCode: '52349', city: 'Düren' },
    residenceStatus: 'p104c',
    residenceValidUntil: '2026-12-15',
  });
  // A deadline postponed with a note that names the person (deadline_actions).
  await callOk(core, 'deadlines.postpone', {
    kind: 'residence-expiry',
    clientId: person.id,
    dueDate: '2026-12-15',
    until: '2026-12-20',
    note: `${GIVEN_NAME} ${FAMILY_NAME}: ${HEALTH}`,
  });
  await callOk(core, 'consents.create', {
    clientId: person.id,
    recipients: [{ name: 'Gesundheitsamt' }],
    purposes: [`Befund ${HEALTH}`],
    dataCategories: ['identity'],
    healthData: true,
    signedOn: '2026-11-20',
  });
  const document = await callOk<{ id: string }>(core, 'documents.create', {
    templateId: 'free-letter',
    clientId: person.id,
    values: { subject: `Termin für ${GIVEN_NAME} ${FAMILY_NAME}`, body: `Wegen ${HEALTH}.` },
  });
  await callOk(core, 'documents.finalize', { id: document.id });
  return person.id;
}

const list = async (core: Core) => (await callOk<MethodOutput<'backups.list'>>(core, 'backups.list', {})).items;
const familyNames = async (core: Core) =>
  (await callOk<{ items: Client[] }>(core, 'clients.search', { query: '', limit: 50 })).items.map((client) => client.familyName).sort();

/** A backup's store: backups/<id> belongs to <dataDir>/lotse.sqlite. */
const storeFileOf = (backup: string) => path.join(path.dirname(path.dirname(backup)), 'lotse.sqlite');

function integrityOk(file: string): boolean {
  const db = openWithKey(file, { readonly: true, fileMustExist: true }, storeFileOf(file));
  try {
    return checkPassed(db, 'integrity_check');
  } finally {
    db.close();
  }
}

describe('clients.erase reaches every backup', () => {
  it('rewrites daily, manual, pre-migration and uploaded backups without the person, deletes damaged ones, and every backup still restores', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00Z') };
    const opened = openTestCore(clock.now);
    cleanups.push(opened.dispose);
    const { dataDir } = opened;
    let core = opened.core;
    core.now = () => clock.now;
    await callOk(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: KEEPER });
    const id = await createPerson(core);
    // A store of the schema before the newest: the next start migrates it and keeps a copy first.
    core.db.pragma(`user_version = ${MIGRATIONS.at(-2)!.version}`);
    core.close();
    clock.now = new Date('2026-11-21T10:00:00Z');
    core = reopenCore(dataDir, () => clock.now);
    cleanups.unshift(() => core.close());
    expect((await ensureDailyBackup(core))?.kind).toBe('daily');
    const manual = await callOk<Backup>(core, 'backups.create', {});
    const download = await callOk<MethodOutput<'backups.download'>>(core, 'backups.download', { id: manual.id });
    await callOk(core, 'backups.upload', { fileName: download.fileName, contentBase64: download.contentBase64 });
    // A store moved aside as damaged (as a restore from the recovery screen does): it cannot be rewritten.
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(path.join(dataDir, 'lotse.sqlite'), path.join(dataDir, 'backups', 'beschaedigt-2026-11-21T09-00-00-000Z.sqlite'));
    const before = await list(core);
    expect(before.map((backup) => backup.kind).sort()).toEqual(['daily', 'damaged', 'manual', 'preMigration', 'uploaded']);
    // The test can fail: before the erasure every backup holds the person.
    const found = leftovers(dataDir);
    for (const backup of before) expect(found.some((leftover) => leftover.startsWith(path.join('backups', backup.id)))).toBe(true);

    const started = performance.now();
    expect(await callOk(core, 'clients.erase', { id })).toEqual({ erased: true });
    console.log(`erasure with ${before.length} backups rewritten or removed: ${(performance.now() - started).toFixed(0)} ms`);

    expect(leftovers(dataDir)).toEqual([]);
    const after = await list(core);
    const kept = before.filter((backup) => backup.kind !== 'damaged');
    expect(after.map((backup) => [backup.id, backup.kind, backup.integrity])).toEqual(kept.map((backup) => [backup.id, backup.kind, 'ok']));
    for (const backup of after) expect(integrityOk(path.join(dataDir, 'backups', backup.id))).toBe(true);
    const audit = (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', {})).items;
    expect(audit[0]).toMatchObject({
      action: 'backups.erase',
      details: {
        rewritten: expect.arrayContaining(kept.map((backup) => backup.id)) as unknown,
        removed: ['beschaedigt-2026-11-21T09-00-00-000Z.sqlite'],
        failed: [],
      },
    });

    // Each backup restores, with the other client and without the person: nothing was left to erase again.
    for (const backup of kept) {
      const restored = await callOk<MethodOutput<'backups.restore'>>(core, 'backups.restore', { id: backup.id });
      expect(restored.reappliedErasures).toBe(0);
      expect(await familyNames(core)).toEqual([KEEPER]);
      expect(errorOf(await dispatch(core, 'clients.get', { id })).code).toBe('not_found');
    }
    expect(leftovers(dataDir)).toEqual([]);
    core.close();
    expect(leftovers(dataDir, false)).toEqual([]);
  });

  it('the erased name is in no file of the data folder after an upgrade from schema 20 and the erasure', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = temp.dir;
    // A store as Lotse of schema 20 wrote it: no erasure log yet, the person in record, search index, number keys, consent and audit trail.
    const old = openDatabase(path.join(dataDir, 'lotse.sqlite'), {
      key: keyFor(path.join(dataDir, 'lotse.sqlite')),
      backupDir: null,
      migrations: MIGRATIONS.filter((migration) => migration.version <= 20),
    });
    const id = 'c0ffee00-0000-4000-8000-000000000001';
    old
      .prepare(
        `INSERT INTO clients (rowid, id, family_name, given_name, street, postal_code, city, details, created_at, updated_at)
         VALUES (1, ?, ?, ?, ?, '52349', 'Düren', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(id, FAMILY_NAME, GIVEN_NAME, STREET, JSON.stringify({ customerNumber: CUSTOMER_NUMBER, notes: HEALTH }));
    old.prepare('INSERT INTO clients_search (rowid, names) VALUES (1, ?)').run([FAMILY_NAME, GIVEN_NAME].flatMap(foldedVariants).join(' '));
    old.prepare("INSERT INTO client_search_keys (client_id, kind, key) VALUES (?, 'customer', 'kd77441199')").run(id);
    old
      .prepare(
        `INSERT INTO consents (id, client_id, purposes, data_categories, health_data, exchange, explained_in, interpreter, notes, recorded_by, created_at)
         VALUES ('k1', ?, ?, '[]', 1, 'both', 'de', '', '', 'Beraterin', '2026-01-01T00:00:00Z')`,
      )
      .run(id, JSON.stringify([`Befund ${HEALTH}`]));
    old
      .prepare(
        "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-01-01T00:00:00Z', 'clients.create', 'client', ?, ?, 'Beraterin', '{}')",
      )
      .run(id, id);
    old.close();
    expect(leftovers(dataDir).length).toBeGreaterThan(0);

    const core = reopenCore(dataDir);
    cleanups.unshift(() => core.close());
    const [preMigration] = await list(core);
    expect(preMigration).toMatchObject({ kind: 'preMigration', schemaVersion: 20 });
    expect((await callOk<Client>(core, 'clients.get', { id })).familyName).toBe(FAMILY_NAME);

    await callOk(core, 'clients.erase', { id });
    expect(leftovers(dataDir)).toEqual([]);
    // The copy keeps its name, kind and old schema, and restores (migrated on the way) without the person.
    expect(await list(core)).toEqual([expect.objectContaining({ id: preMigration!.id, kind: 'preMigration', schemaVersion: 20, integrity: 'ok' })]);
    expect(integrityOk(path.join(dataDir, 'backups', preMigration!.id))).toBe(true);
    expect((await callOk<MethodOutput<'backups.restore'>>(core, 'backups.restore', { id: preMigration!.id })).reappliedErasures).toBe(0);
    expect(errorOf(await dispatch(core, 'clients.get', { id })).code).toBe('not_found');
    core.close();
    expect(leftovers(dataDir, false)).toEqual([]);
  });

  it('also erases the person from a store that a restore, asked for just before the erasure, puts in place', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    const id = await createPerson(core);
    const backup = await callOk<Backup>(core, 'backups.create', {});
    const restoring = dispatch(core, 'backups.restore', { id: backup.id });
    // The restore has prepared its copy (with the erasures known then) and is taking the backup before it.
    const staging = path.join(dataDir, 'lotse.sqlite.wiederherstellung');
    for (let turn = 0; !fs.existsSync(staging) || !fs.readdirSync(path.join(dataDir, 'backups')).some((name) => name.endsWith('.unfertig')); turn += 1) {
      if (turn > 100_000) throw new Error('the restore never reached its backup before the restore');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await callOk(core, 'clients.erase', { id });
    expect((await restoring).ok).toBe(true);
    expect(errorOf(await dispatch(core, 'clients.get', { id })).code).toBe('not_found');
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('stands when a backup cannot be rewritten, and names that backup in the log and the audit trail', async () => {
    const { core, dataDir, dispose } = openTestCore();
    cleanups.push(dispose);
    const id = await createPerson(core);
    const good = await callOk<Backup>(core, 'backups.create', {});
    // Named as a backup and never checked, but its pages are noise after the header: SQLite cannot read it.
    const broken = 'manuell-2026-11-01T10-00-00-000Z.sqlite';
    fs.writeFileSync(
      path.join(dataDir, 'backups', broken),
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84), Buffer.alloc(8192, 0xa5)]),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => logged.mockRestore());
    expect(await callOk(core, 'clients.erase', { id })).toEqual({ erased: true });
    expect(errorOf(await dispatch(core, 'clients.get', { id })).code).toBe('not_found');
    expect(logged.mock.calls.map((call) => call[0])).toEqual([expect.stringContaining(broken)]);
    const audit = (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', {})).items;
    expect(audit[0]).toMatchObject({ action: 'backups.erase', details: { rewritten: [good.id], removed: [], failed: [broken] } });
    expect(leftovers(dataDir)).toEqual([]);
  });
});

describe('clients.erase and serial letters', () => {
  async function waitForBatch(core: Core, batchId: string): Promise<void> {
    for (let attempt = 0; attempt < 3000; attempt += 1) {
      const status = await callOk<BatchStatus>(core, 'batches.status', { batchId });
      if (status.state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('batch did not finish');
  }

  it('a finished serial letter with the erased person no longer hands out its PDF; one without them still does', async () => {
    const { core, dispose } = openTestCore(undefined, { batchWorkerScript: batchWorkerScript() });
    cleanups.push(dispose);
    const keeper = await callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: KEEPER });
    const person = await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: FAMILY_NAME });
    const letter = { templateId: 'free-letter', values: { subject: 'Einladung', body: 'Bitte kommen Sie.' } };
    const withPerson = await callOk<BatchStarted>(core, 'batches.render', {
      ...letter,
      filter: { clientIds: [keeper.id, person.id] },
      recipients: [keeper.id, person.id],
    });
    await waitForBatch(core, withPerson.batchId);
    const without = await callOk<BatchStarted>(core, 'batches.render', { ...letter, filter: { clientIds: [keeper.id] }, recipients: [keeper.id] });
    await waitForBatch(core, without.batchId);
    expect((await callOk<{ pages: number }>(core, 'batches.result', { batchId: withPerson.batchId })).pages).toBeGreaterThan(1);

    await callOk(core, 'clients.erase', { id: person.id });
    const refused = errorOf(await dispatch(core, 'batches.result', { batchId: withPerson.batchId }));
    expect(refused).toMatchObject({
      code: 'not_found',
      message: 'Der Serienbrief wurde verworfen, weil eine Person darin gelöscht wurde. Bitte den Serienbrief neu erstellen.',
    });
    expect(errorOf(await dispatch(core, 'batches.status', { batchId: withPerson.batchId })).code).toBe('not_found');
    expect((await callOk<{ pages: number }>(core, 'batches.result', { batchId: without.batchId })).pages).toBe(1);
  });
});

describe('the data folder is private', () => {
  const modes = (dataDir: string) =>
    Object.fromEntries(
      [dataDir, ...fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dataDir, name))].map((file) => [
        path.relative(dataDir, file) || '.',
        (fs.statSync(file).mode & 0o777).toString(8),
      ]),
    );

  it('makes an existing 0755 folder with 0644 files 0700 / 0600 at start, and keeps what it creates later so', async () => {
    const first = openTestCore();
    cleanups.push(first.dispose);
    const { dataDir } = first;
    await callOk(first.core, 'clients.create', { ...SAMPLE_CLIENT, familyName: KEEPER });
    await callOk(first.core, 'backups.create', {});
    first.core.close();
    // As an older Lotse (or a umask of 022) left it.
    const loosen = (dir: string) => {
      fs.chmodSync(dir, 0o755);
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) loosen(file);
        else fs.chmodSync(file, 0o644);
      }
    };
    loosen(dataDir);
    expect(modes(dataDir)['lotse.sqlite']).toBe('644');
    expect(modes(dataDir)['.']).toBe('755');

    const core = reopenCore(dataDir);
    cleanups.unshift(() => core.close());
    // Born the same day as the keeper, with the same given name: a look-alike made on purpose.
    await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: 'Neu' });
    await callOk(core, 'backups.create', {});
    const seen = modes(dataDir);
    for (const name of ['lotse.sqlite', 'lotse.sqlite-wal', 'lotse.sqlite-shm', 'lotse.lock.sqlite', 'lotse.lock', path.join('backups', 'pruefungen.json')]) {
      expect(seen, name).toHaveProperty([name]);
    }
    expect(Object.values(seen).filter((mode) => mode !== '600' && mode !== '700')).toEqual([]);
    expect(seen['.']).toBe('700');
    expect(seen.backups).toBe('700');
    expect(Object.keys(seen).filter((name) => name.startsWith('backups') && name.endsWith('.sqlite'))).toHaveLength(2);
  });

  it('creates a new data folder with 0700 and its files with 0600, whatever the umask', () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = path.join(temp.dir, 'neu');
    const umask = process.umask(0o022);
    try {
      const core = reopenCore(dataDir);
      cleanups.unshift(() => core.close());
    } finally {
      process.umask(umask);
    }
    const seen = modes(dataDir);
    expect(seen['lotse.sqlite']).toBe('600');
    expect(seen['lotse.sqlite-wal']).toBe('600');
    expect(Object.values(seen).filter((mode) => mode !== '600' && mode !== '700')).toEqual([]);
  });
});
