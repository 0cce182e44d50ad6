import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/core';
import { DomainError } from '../../main/core/errors';
import { openDatabase } from '../../main/core/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/core/db/migrations';
import type { Migration } from '../../main/core/db/migrations/migration';
import { makeTempDir } from '../support/temp-dir';
import { RESIDENCE_STATUS_CODES } from '../../shared/domain/residence-status';

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
    const db = openDatabase(path.join(dir, 'lotse.sqlite'), { backupDir: path.join(dir, 'backups') });
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
      openDatabase(file, { backupDir: path.join(dir, 'backups') });
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
    const db = openDatabase(file, { backupDir, migrations: first });
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();
    db.close();

    const later: Migration = { version: 20, name: 'test-step', up: (d) => d.exec('CREATE TABLE added_later (x)') };
    const migrated = openDatabase(file, { backupDir, migrations: [...first, later], now: () => new Date('2026-01-02T03:04:05Z') });
    expect(migrated.pragma('user_version', { simple: true })).toBe(20);
    migrated.close();

    const backups = fs.readdirSync(backupDir);
    expect(backups).toEqual(['vor-migration-schema-10-2026-01-02T03-04-05-000Z.sqlite']);
    const copy = new Database(path.join(backupDir, backups[0]!), { readonly: true });
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
    expect(() => openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: [...MIGRATIONS, broken] })).toThrow('step failed');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'clients')").pluck().get()).toBe(0);
    db.close();
  });

  it('lets one process own a data dir at a time', () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, host: 'browser', version: 't' });
    fs.writeFileSync(path.join(dir, 'lotse.lock'), String(process.ppid));
    expect(() => openCore({ dataDir: dir, host: 'browser', version: 't' })).toThrow(/läuft bereits/);
    core.close();
  });

  it('takes over the lock a crashed process left behind', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'lotse.lock'), '999999999');
    const core = openCore({ dataDir: dir, host: 'browser', version: 't' });
    expect(fs.readFileSync(path.join(dir, 'lotse.lock'), 'utf8')).toBe(String(process.pid));
    core.close();
    expect(fs.existsSync(path.join(dir, 'lotse.lock'))).toBe(false);
  });

  it('brings a schema-10 store up to date, keeping its clients and seeding the residence statuses', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lotse.sqlite');
    const old = openDatabase(file, { backupDir: path.join(dir, 'backups'), migrations: MIGRATIONS.slice(0, 1) });
    const insert = old.prepare(
      `INSERT INTO clients (id, family_name, given_name, birth_date, residence_status, residence_valid_until, street, postal_code, city, created_at, updated_at)
       VALUES (?, ?, '', NULL, ?, NULL, '', '', '', 't', 't')`,
    );
    insert.run('a', 'Müller', 'p104c');
    insert.run('b', 'Schmidt', 'unbekannt');
    old.close();

    const db = openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.prepare('SELECT id, residence_status, details FROM clients ORDER BY id').all()).toEqual([
      { id: 'a', residence_status: 'p104c', details: '{}' },
      { id: 'b', residence_status: 'sonstiges', details: '{}' },
    ]);
    const statuses = db.prepare('SELECT code FROM residence_statuses ORDER BY position').pluck().all();
    expect(statuses).toEqual([...RESIDENCE_STATUS_CODES]);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
  });
});
