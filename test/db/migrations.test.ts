import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/open-core';
import { DomainError } from '../../main/core/errors';
import { openDatabase } from '../../main/core/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/core/db/migrations';
import type { Migration } from '../../main/core/db/migrations/migration';
import { FRESH_SETTINGS } from '../../main/core/db/seed/settings';
import type { Core } from '../../main/core/core';
import type { ResidenceStatus, Settings } from '../../shared/api/contract';
import { BUILT_IN_FORMS } from '../../shared/forms';
import { openTestCore, reopenCore } from '../support/core';
import { callOk, countRows } from '../support/results';
import { TEST_SETTINGS } from '../support/settings';
import { makeTempDir } from '../support/temp-dir';
import { keyFor, openWithKey } from '../support/store-key';

const temps: Array<() => void> = [];
function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp.cleanup);
  return temp.dir;
}
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

describe('store', () => {
  it('creates a fresh database at the latest schema with WAL and foreign keys', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'lotse.sqlite'), { key: keyFor(path.join(dir, 'lotse.sqlite')), backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['clients', 'documents', 'settings', 'clients_search']));
    db.close();
    // No backup for a fresh file: there was nothing to lose.
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database from a newer version and leaves its bytes untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lotse.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future_things (x)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);

    let caught: unknown;
    try {
      openDatabase(file, { key: keyFor(file), backupDir: path.join(dir, 'backups') });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('schema_too_new');
    expect((caught as DomainError).message).toContain('neueren Lotse-Version');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['lotse.sqlite']);
  });

  it('backs up an existing database before migrating it, and runs only the pending steps', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lotse.sqlite');
    const backupDir = path.join(dir, 'backups');
    const first = MIGRATIONS.slice(0, 1);
    const db = openDatabase(file, { key: keyFor(file), backupDir, migrations: first });
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();
    db.close();

    const later: Migration = { version: 20, name: 'test-step', up: (d) => d.exec('CREATE TABLE added_later (x)') };
    const migrated = openDatabase(file, { key: keyFor(file), backupDir, migrations: [...first, later], now: () => new Date('2026-01-02T03:04:05Z') });
    expect(migrated.pragma('user_version', { simple: true })).toBe(20);
    migrated.close();

    const backups = fs.readdirSync(backupDir);
    expect(backups).toEqual(['vor-migration-schema-10-2026-01-02T03-04-05-000Z.sqlite']);
    const copy = openWithKey(path.join(backupDir, backups[0]!), { readonly: true }, file);
    expect(copy.pragma('user_version', { simple: true })).toBe(10);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('1');
    copy.close();
  });

  it('rolls back every step of a failing migration', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lotse.sqlite');
    const broken: Migration = {
      version: 20,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('step failed');
      },
    };
    expect(() => openDatabase(file, { key: keyFor(file), backupDir: path.join(dir, 'b'), migrations: [...MIGRATIONS, broken] })).toThrow('step failed');
    const db = openWithKey(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'clients')").pluck().get()).toBe(0);
    db.close();
  });

  it('lets one process own a data dir at a time, and names the owner in the refusal', () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, host: 'browser', version: 't' });
    expect(() => openCore({ dataDir: dir, host: 'browser', version: 't' })).toThrow(
      `Der Datenordner ${dir} wird schon von Lotse (Prozess ${process.pid} auf ${os.hostname()}) verwendet.`,
    );
    core.close();
    openCore({ dataDir: dir, host: 'browser', version: 't' }).close();
  });

  it('is not held back by an old-style lock file whose PID now belongs to a live process, and leaves no owner note', () => {
    const dir = tempDir();
    // The lock of an older Lotse: just a PID. This one is alive (the test runner's parent), yet owns nothing.
    fs.writeFileSync(path.join(dir, 'lotse.lock'), String(process.ppid));
    const core = openCore({ dataDir: dir, host: 'browser', version: 't' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'lotse.lock'), 'utf8'))).toEqual({ pid: process.pid, host: os.hostname() });
    core.close();
    expect(fs.existsSync(path.join(dir, 'lotse.lock'))).toBe(false);
  });
});

describe('built-in data at open', () => {
  let store: ReturnType<typeof openTestCore>;
  let core: Core;
  beforeEach(() => {
    store = openTestCore(undefined, { freshInstall: true });
    core = store.core;
  });
  afterEach(() => {
    core.close();
    store.dispose();
  });
  const reopen = () => {
    core.close();
    core = reopenCore(store.dataDir);
  };
  /** Rows this connection wrote since it opened (migrations and seeding included). */
  const writesSinceOpen = () => core.db.prepare('SELECT total_changes()').pluck().get();
  const storedSettings = () => JSON.parse(core.db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get() as string) as Settings;

  it('writes empty settings (no office, no counselor) and the shipped templates into a fresh store, and nothing when opened again', () => {
    expect(storedSettings()).toEqual(FRESH_SETTINGS);
    expect(core.db.prepare('SELECT template_id, version, source FROM template_versions ORDER BY template_id').all()).toEqual(
      Object.keys(BUILT_IN_FORMS)
        .sort()
        .map((id) => ({ template_id: id, version: 1, source: 'built-in' })),
    );
    reopen();
    expect(writesSinceOpen()).toBe(0);
  });

  it('keeps what the office changed or deleted: seeded partners stay deleted, statuses and settings stay edited', async () => {
    await callOk(core, 'partners.delete', { id: 'seed-low-tec' });
    const duldung = (await callOk<{ items: ResidenceStatus[] }>(core, 'residenceStatuses.list', {})).items.find((status) => status.code === 'duldung')!;
    await callOk(core, 'residenceStatuses.update', { ...duldung, reminderLeadDays: 45, stand: '2026-06-01' });
    const settings = { ...TEST_SETTINGS, counselor: { ...TEST_SETTINGS.counselor, name: 'Max Mustermann' } };
    await callOk(core, 'settings.update', settings);
    const partners = countRows(core, 'partners');

    reopen();
    expect(writesSinceOpen()).toBe(0);
    expect(countRows(core, 'partners')).toBe(partners);
    expect(core.db.prepare("SELECT count(*) FROM partners WHERE id = 'seed-low-tec'").pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT reminder_lead_days, stand FROM residence_statuses WHERE code = 'duldung'").get()).toEqual({
      reminder_lead_days: 45,
      stand: '2026-06-01',
    });
    expect(await callOk(core, 'settings.get', {})).toEqual({ ...settings, backups: FRESH_SETTINGS.backups, retention: FRESH_SETTINGS.retention });
  });

  it('completes settings an older version stored without a part or a later field, once', async () => {
    const { contact: _contact, logo: _logo, ...officeBeforeLogos } = TEST_SETTINGS.office;
    const office = { ...officeBeforeLogos, organization: 'job-com', room: '' };
    core.db.prepare("UPDATE settings SET value = ? WHERE key = 'settings'").run(JSON.stringify({ office }));

    reopen();
    const completed = {
      office: { ...office, contact: '', logo: null },
      counselor: FRESH_SETTINGS.counselor,
      deadlines: FRESH_SETTINGS.deadlines,
      backups: FRESH_SETTINGS.backups,
      retention: FRESH_SETTINGS.retention,
    };
    expect(storedSettings()).toEqual(completed);
    expect(await callOk(core, 'settings.get', {})).toEqual(completed);
    reopen();
    expect(writesSinceOpen()).toBe(0);
  });
});
