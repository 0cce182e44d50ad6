import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import type { Client } from '../../shared/api/contract';
import { keptStatement } from '../../main/core/db/kept-statements';
import { installOutboxTriggers, readEntity, setApplying, writeEntity } from '../../main/core/db/queries/team-replication';
import { clientInput, openTestCore } from '../support/core';
import { callOk } from '../support/results';

/**
 * A team pull writes up to 1,000 rows in one transaction through statements kept per store
 * (main/core/db/kept-statements.ts). Kept statements must follow the store as it changes: the
 * outbox triggers are made anew at every link and start, and a migration may add a column.
 */
describe('statements kept per store', () => {
  let dispose: () => void = () => undefined;
  afterEach(() => dispose());

  function open() {
    const opened = openTestCore();
    dispose = opened.dispose;
    return opened.core;
  }

  test('one SQL is prepared once, and a pluck asked by one caller is not left for the next', () => {
    const { db } = open();
    const sql = "SELECT key, value FROM settings WHERE key = 'settings'";
    expect(keptStatement(db, sql)).toBe(keptStatement(db, sql));
    expect(keptStatement(db, sql, { pluck: true }).get()).toBe('settings');
    expect(keptStatement(db, sql).get()).toMatchObject({ key: 'settings' });
  });

  test('a kept statement sees a column a later change of the schema added', () => {
    const { db } = open();
    const id = randomUUID();
    db.exec('CREATE TABLE kept_probe (id TEXT PRIMARY KEY)');
    db.prepare('INSERT INTO kept_probe (id) VALUES (?)').run(id);
    expect(keptStatement(db, 'SELECT * FROM kept_probe WHERE id = ?').get(id)).toEqual({ id });
    db.exec("ALTER TABLE kept_probe ADD COLUMN note TEXT DEFAULT 'neu'");
    expect(keptStatement(db, 'SELECT * FROM kept_probe WHERE id = ?').get(id)).toEqual({ id, note: 'neu' });
  });

  test('rows written through kept statements fire the outbox triggers as they are now, and stay out of the outbox while a pull applies', async () => {
    const core = open();
    const { db } = core;
    const client = await callOk<Client>(core, 'clients.create', clientInput({ familyName: 'Haddad', givenName: 'Maryam' }));
    const payload = readEntity(db, 'clients', client.id)!;
    const outbox = () => db.prepare("SELECT count(*) FROM team_outbox WHERE kind = 'clients'").pluck().get() as number;

    // Without triggers, then with them: the kept INSERT is the same statement, and it now fires them.
    writeEntity(db, 'clients', client.id, { ...payload, street: 'Kölnstraße 1' });
    expect(outbox()).toBe(0);
    installOutboxTriggers(db);
    writeEntity(db, 'clients', client.id, { ...payload, street: 'Kölnstraße 2' });
    expect(outbox()).toBe(1);
    setApplying(db, true);
    writeEntity(db, 'clients', client.id, { ...payload, street: 'Kölnstraße 3' });
    setApplying(db, false);
    expect(outbox()).toBe(1);
    expect(readEntity(db, 'clients', client.id)).toMatchObject({ street: 'Kölnstraße 3' });
  });
});
