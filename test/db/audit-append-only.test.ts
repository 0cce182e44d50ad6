import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { openDatabase } from '../../main/core/db/open';
import { pseudonymiseAuditOfClient } from '../../main/core/db/queries/audit';
import { openTestCore } from '../support/core';
import { keyFor } from '../support/store-key';
import { makeTempDir } from '../support/temp-dir';

/**
 * The store itself keeps the audit trail append-only (migration 0100):
 * plain SQL, as any code or a SQLite shell would send it, cannot change or
 * delete a line; the one update let through is the erasure's: client_id and
 * subject_id going to NULL, nothing else changing.
 */

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore());
  const insert = core.db.prepare(
    "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-11-25T10:00:00.000Z', ?, ?, ?, ?, 'Silke Nießen', ?)",
  );
  insert.run('clients.create', 'client', 'c-1', 'c-1', '{}');
  insert.run('documents.create', 'document', 'd-1', 'c-1', '{"templateId":"free-letter"}');
});
afterEach(() => dispose());

const lines = () =>
  core.db.prepare("SELECT action, subject_type, subject_id, client_id, actor, details FROM audit WHERE action <> 'settings.update' ORDER BY id").all();

describe('the audit table', () => {
  it('refuses to delete a line, one or all', () => {
    const before = lines();
    expect(() => core.db.prepare("DELETE FROM audit WHERE subject_id = 'c-1'").run()).toThrow('the audit trail is append-only');
    expect(() => core.db.exec('DELETE FROM audit')).toThrow('the audit trail is append-only');
    expect(lines()).toEqual(before);
  });

  it.each([
    ['the action', "UPDATE audit SET action = 'clients.update' WHERE subject_id = 'c-1'"],
    ['the time', "UPDATE audit SET at = '2020-01-01T00:00:00.000Z' WHERE subject_id = 'c-1'"],
    ['the counselor', "UPDATE audit SET actor = 'Jemand' WHERE subject_id = 'c-1'"],
    ['the details', "UPDATE audit SET details = '{}' WHERE subject_id = 'd-1'"],
    ['the area', "UPDATE audit SET subject_type = 'partner' WHERE subject_id = 'c-1'"],
    ['whom it concerns (to someone else)', "UPDATE audit SET client_id = 'c-2' WHERE client_id = 'c-1'"],
    ['the subject (to another)', "UPDATE audit SET subject_id = 'd-2' WHERE subject_id = 'd-1'"],
    ['the id', "UPDATE audit SET id = id + 100 WHERE subject_id = 'c-1'"],
    ['the client to NULL together with the action', "UPDATE audit SET client_id = NULL, action = 'x' WHERE client_id = 'c-1'"],
  ])('refuses to change %s', (_what, sql) => {
    const before = lines();
    expect(() => core.db.exec(sql)).toThrow('the audit trail is append-only');
    expect(lines()).toEqual(before);
  });

  it("lets the erasure's update through: client and subject id to NULL, nothing else", () => {
    core.db.exec("UPDATE audit SET client_id = NULL, subject_id = CASE WHEN subject_type = 'client' THEN NULL ELSE subject_id END WHERE client_id = 'c-1'");
    expect(lines()).toEqual([
      { action: 'clients.create', subject_type: 'client', subject_id: null, client_id: null, actor: 'Silke Nießen', details: '{}' },
      {
        action: 'documents.create',
        subject_type: 'document',
        subject_id: 'd-1',
        client_id: null,
        actor: 'Silke Nießen',
        details: '{"templateId":"free-letter"}',
      },
    ]);
  });

  it('still takes new lines', () => {
    core.db
      .prepare(
        "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-11-25T11:00:00.000Z', 'x', 'y', NULL, NULL, 'z', '{}')",
      )
      .run();
    expect(lines()).toHaveLength(3);
  });
});

describe('an erasure in a backup of an older Lotse (no trigger yet)', () => {
  it('forgets whom the lines concerned and drops the free text of another legal basis older Lotse kept there', () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'alt.sqlite');
    const db = openDatabase(file, { key: keyFor(file), backupDir: null, migrations: MIGRATIONS.filter((migration) => migration.version <= 90) });
    try {
      const insert = db.prepare(
        "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-01-01T00:00:00.000Z', ?, ?, ?, 'c-1', 'Beraterin', ?)",
      );
      insert.run('clients.create', 'client', 'c-1', '{}');
      insert.run('documents.finalize', 'document', 'd-1', JSON.stringify({ templateId: 'referral-letter', legalBasis: '§ 69 SGB X', reason: 'Frau Müller.' }));
      expect(pseudonymiseAuditOfClient(db, 'c-1')).toBe(2);
      expect(db.prepare('SELECT subject_id, client_id, details FROM audit ORDER BY id').all()).toEqual([
        { subject_id: null, client_id: null, details: '{}' },
        { subject_id: 'd-1', client_id: null, details: '{"templateId":"referral-letter","otherLegalBasis":true}' },
      ]);
    } finally {
      db.close();
      temp.cleanup();
    }
  });
});
