import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { openDatabase, type Db } from '../../main/core/db/open';
import { RESIDENCE_STATUS_CODES } from '../../shared/domain/residence-status';
import { makeTempDir } from '../support/temp-dir';
import { keyFor } from '../support/store-key';

/**
 * Each migration on a real store (as Signal tests its migrations): a file
 * migrated to the version before it, rows written the way that version wrote
 * them (plain SQL in the old shape), the migration, and the rows after it.
 */

const temps: Array<() => void> = [];
const opened: Db[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.open && db.close());
  temps.splice(0).forEach((cleanup) => cleanup());
});

/** A store file at `version` (0: an empty file), open for writing rows in that version's shape. */
function storeAt(version: number): { file: string; db: Db } {
  const temp = makeTempDir();
  temps.push(temp.cleanup);
  const file = path.join(temp.dir, 'lotse.sqlite');
  return { file, db: migrateTo(file, version) };
}

/** Opens the file and runs the migrations up to and including `version`, as openDatabase does at launch. */
function migrateTo(file: string, version: number): Db {
  const db = openDatabase(file, {
    key: keyFor(file),
    backupDir: path.join(path.dirname(file), 'backups'),
    migrations: MIGRATIONS.filter((m) => m.version <= version),
  });
  opened.push(db);
  return db;
}

/** Closes the older store and opens it again with `migration` (and every one before it) run. */
function upgrade(store: { file: string; db: Db }, migration: number): Db {
  store.db.close();
  const db = migrateTo(store.file, migration);
  expect(db.pragma('user_version', { simple: true })).toBe(migration);
  return db;
}

const rows = (db: Db, sql: string) => db.prepare(sql).all();
const tables = (db: Db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'clients_search_%' ORDER BY name").pluck().all();

/** A service and a contact as the records of schema 30 on store them. */
const SERVICE = {
  name: 'Beratung',
  description: '',
  status: 'active',
  counselingFields: [],
  eligibility: '',
  minimumAge: null,
  maximumAge: null,
  languages: [],
  fees: '',
  applicationProcess: '',
};
const CONTACT = { name: 'Petra Roth', role: '', phone: '', email: '', formOfAddress: 'Frau', title: '' };

const tested = new Set<number>();
/** A test of migration `version`; the last test checks that no migration goes without one. */
function upgradeTest(version: number, title: string, test: () => void): void {
  tested.add(version);
  it(`${version}: ${title}`, test);
}

/** A client as schema 10 wrote it: no details column yet. */
function insertSchema10Client(db: Db, id: string, familyName: string, residenceStatus: string | null): void {
  db.prepare(
    `INSERT INTO clients (id, family_name, given_name, birth_date, residence_status, residence_valid_until, street, postal_code, city, created_at, updated_at)
     VALUES (?, ?, 'Ayşe', '1990-03-12', ?, '2026-12-31', 'Hauptstraße 5', '52349', 'Düren', '2025-01-02T10:00:00.000Z', '2025-01-02T10:00:00.000Z')`,
  ).run(id, familyName, residenceStatus);
}

/** A document as schemas 10 to 30 wrote it: values and status, nothing of the lifecycle. */
function insertSchema10Document(db: Db, id: string, clientId: string, status: 'draft' | 'final', partnerId: string | null = null): void {
  db.prepare(
    `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, field_values, status, created_at, updated_at)
     VALUES (?, 'free-letter', 1, ?, ?, '{"subject":"Einladung","body":"Text."}', ?, '2025-01-03T10:00:00.000Z', '2025-01-03T10:00:00.000Z')`,
  ).run(id, clientId, partnerId, status);
}

/** A consent with its recipients as schema 20 wrote it. */
function insertSchema20Consent(db: Db, id: string, clientId: string, recipients: Array<{ partnerId: string | null; name: string; nameKey: string }>): void {
  db.prepare(
    `INSERT INTO consents (id, client_id, purposes, data_categories, health_data, exchange, signed_on, valid_until, revoked_on,
                           explained_in, interpreter, notes, recorded_by, created_at)
     VALUES (?, ?, '["referral"]', '["contact"]', 0, 'both', '2025-02-01', '2027-02-01', NULL, 'Deutsch', '', '', 'Silke Nießen', '2025-02-01T09:00:00.000Z')`,
  ).run(id, clientId);
  recipients.forEach((recipient, position) =>
    db
      .prepare('INSERT INTO consent_recipients (consent_id, position, partner_id, name, name_key) VALUES (?, ?, ?, ?, ?)')
      .run(id, position, recipient.partnerId, recipient.name, recipient.nameKey),
  );
}

describe('each migration on a store of the version before it', () => {
  upgradeTest(10, 'creates settings, clients with their search index, and documents that go with their client', () => {
    const db = upgrade(storeAt(0), 10);
    expect(tables(db)).toEqual(['clients', 'clients_search', 'documents', 'settings']);
    insertSchema10Client(db, 'c1', 'Müller', null);
    db.prepare("INSERT INTO clients_search (rowid, names) VALUES ((SELECT rowid FROM clients WHERE id = 'c1'), 'muller ayse')").run();
    insertSchema10Document(db, 'd1', 'c1', 'draft');
    expect(db.prepare("SELECT rowid FROM clients_search WHERE clients_search MATCH 'mull*'").pluck().all()).toHaveLength(1);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('broken', 'not json')").run()).toThrow(/CHECK constraint/);
    expect(() => insertSchema10Document(db, 'd2', 'nobody', 'draft')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
    expect(rows(db, 'SELECT id FROM documents')).toEqual([]);
  });

  upgradeTest(20, 'keeps clients and documents, seeds the residence statuses and maps unknown status codes to "sonstiges"', () => {
    const store = storeAt(10);
    insertSchema10Client(store.db, 'a', 'Müller', 'p104c');
    insertSchema10Client(store.db, 'b', 'Schmidt', 'unbekannt');
    insertSchema10Client(store.db, 'c', 'Yılmaz', null);
    insertSchema10Document(store.db, 'd1', 'a', 'final');
    store.db.prepare(`INSERT INTO settings (key, value) VALUES ('settings', '{"office":{"organization":"job-com"}}')`).run();
    const documentsBefore = rows(store.db, 'SELECT * FROM documents');

    const db = upgrade(store, 20);
    expect(rows(db, 'SELECT id, family_name, residence_status, residence_valid_until, details FROM clients ORDER BY id')).toEqual([
      { id: 'a', family_name: 'Müller', residence_status: 'p104c', residence_valid_until: '2026-12-31', details: '{}' },
      { id: 'b', family_name: 'Schmidt', residence_status: 'sonstiges', residence_valid_until: '2026-12-31', details: '{}' },
      { id: 'c', family_name: 'Yılmaz', residence_status: null, residence_valid_until: '2026-12-31', details: '{}' },
    ]);
    expect(rows(db, 'SELECT * FROM documents')).toEqual(documentsBefore);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get()).toBe('{"office":{"organization":"job-com"}}');
    expect(db.prepare('SELECT code FROM residence_statuses ORDER BY position').pluck().all()).toEqual([...RESIDENCE_STATUS_CODES]);
    expect(db.prepare("SELECT * FROM residence_statuses WHERE code = 'p104c'").get()).toMatchObject({
      label: 'Chancen-Aufenthaltsrecht (§ 104c AufenthG)',
      expires: 1,
      reminder_lead_days: 90,
      reminder_text: expect.stringContaining('Fiktionswirkung'),
      stand: '2026-01-01',
    });
    expect(tables(db)).toEqual(expect.arrayContaining(['audit', 'client_search_keys', 'consent_recipients', 'consents', 'residence_statuses']));
  });

  upgradeTest(30, 'adds the partner directory with the district seed, leaving clients, consents and documents as they were', () => {
    const store = storeAt(20);
    insertSchema10Client(store.db, 'a', 'Müller', 'duldung');
    store.db.prepare(`UPDATE clients SET details = '{"phone":"0170 1234567"}' WHERE id = 'a'`).run();
    insertSchema20Consent(store.db, 'k1', 'a', [
      { partnerId: 'seed-jmd', name: 'Jugendmigrationsdienst (JMD)', nameKey: 'jugendmigrationsdienst jmd' },
      { partnerId: null, name: 'Caritas Düren', nameKey: 'caritas duren' },
    ]);
    insertSchema10Document(store.db, 'd1', 'a', 'draft', 'seed-jmd');
    store.db
      .prepare(
        "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2025-02-01T09:00:00.000Z', 'consents.create', 'consent', 'k1', 'a', 'Silke Nießen', '{}')",
      )
      .run();
    const before = (db: Db) => ['clients', 'consents', 'consent_recipients', 'documents', 'audit'].map((table) => rows(db, `SELECT * FROM ${table}`));
    const kept = before(store.db);

    const db = upgrade(store, 30);
    expect(before(db)).toEqual(kept);
    const partners = rows(db, 'SELECT id, name, name_key, postal_code, assured_date, archived FROM partners ORDER BY id') as Array<Record<string, unknown>>;
    expect(partners).toHaveLength(13);
    expect(partners.every((partner) => partner.assured_date === null && partner.archived === 0)).toBe(true);
    expect(partners.find((partner) => partner.id === 'seed-job-com')).toEqual({
      id: 'seed-job-com',
      name: 'job-com – kommunales Jobcenter des Kreises Düren',
      name_key: expect.stringContaining('team zuwanderung'),
      postal_code: '52351',
      assured_date: null,
      archived: 0,
    });
    // The partner the old consent named by id is now in the directory.
    expect(db.prepare("SELECT count(*) FROM partners JOIN consent_recipients ON partner_id = partners.id WHERE consent_id = 'k1'").pluck().get()).toBe(1);
    const jmd = JSON.parse(db.prepare("SELECT record FROM partners WHERE id = 'seed-jmd'").pluck().get() as string);
    expect(jmd).toMatchObject({
      department: 'SkF Düren',
      address: { street: '', postalCode: '', city: '' },
      postbox: null,
      services: [{ id: 'seed-jmd-service-1', name: 'Jugendmigrationsdienst', status: 'active', minimumAge: 12, maximumAge: 27, languages: [] }],
      contacts: [],
      assuredDate: null,
    });
  });

  upgradeTest(40, 'gives existing documents an empty lifecycle, freezes those already final, and adds template versions', () => {
    const store = storeAt(30);
    insertSchema10Client(store.db, 'a', 'Müller', null);
    insertSchema10Document(store.db, 'draft', 'a', 'draft', 'seed-vhs-rur-eifel');
    insertSchema10Document(store.db, 'final', 'a', 'final');
    insertSchema20Consent(store.db, 'k1', 'a', []);

    const db = upgrade(store, 40);
    expect(
      rows(
        db,
        `SELECT id, status, partner_id, field_values, prefilled, finalized_at, pdf_sha256, final_snapshot, corrects_id, referral_status,
                follow_up_date, legal_basis, omitted_fields, consent_id
         FROM documents ORDER BY id`,
      ),
    ).toEqual(
      ['draft', 'final'].map((id) => ({
        id,
        status: id,
        partner_id: id === 'draft' ? 'seed-vhs-rur-eifel' : null,
        field_values: '{"subject":"Einladung","body":"Text."}',
        prefilled: '[]',
        finalized_at: null,
        pdf_sha256: null,
        final_snapshot: null,
        corrects_id: null,
        referral_status: null,
        follow_up_date: null,
        legal_basis: null,
        omitted_fields: '[]',
        consent_id: null,
      })),
    );
    expect(db.prepare("SELECT document_id FROM consents WHERE id = 'k1'").pluck().get()).toBeNull();
    expect(db.prepare('SELECT count(*) FROM template_versions').pluck().get()).toBe(0);
    db.prepare(`UPDATE documents SET field_values = '{"subject":"Neu"}' WHERE id = 'draft'`).run();
    expect(() => db.prepare(`UPDATE documents SET field_values = '{"subject":"Neu"}' WHERE id = 'final'`).run()).toThrow('final documents are immutable');
    // A follow-up date is no part of the letter: it may change after finalizing.
    db.prepare("UPDATE documents SET follow_up_date = '2026-03-01', referral_status = 'handed-over' WHERE id = 'final'").run();
  });

  const png = (seed: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed, seed + 1, seed + 2]);
  const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const asSetting = (mimeType: string, bytes: Buffer) => JSON.stringify({ mimeType, dataBase64: bytes.toString('base64') });
  /** The settings JSON of schema 40 (the current shape but for the logo), keys in the order the service wrote them. */
  const schema40Settings = (logo: string) =>
    `{"office":{"organization":"Kreis Düren","department":"KI","street":"Bismarckstr. 16","postalCode":"52351","city":"Düren","room":"","postbox":null,` +
    `"phone":"","email":"","web":"","hours":"","contact":"Frau Nießen","logo":${logo}},` +
    `"counselor":{"name":"Silke Nießen","title":"","phone":"","email":""},"deadlines":{"consentLeadDays":30}}`;

  upgradeTest(50, "moves the final documents' logos and the office logo into the logos table, leaving a reference in the settings", () => {
    const store = storeAt(40);
    const [office, older, jpeg] = [png(1), png(2), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9])];
    const insertSetting = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    insertSetting.run('settings', schema40Settings(asSetting('image/png', office)));
    // Final documents printed with the current logo, an older one and a JPEG: one row per distinct logo.
    for (const [mimeType, bytes] of [
      ['image/png', office],
      ['image/png', older],
      ['image/jpeg', jpeg],
    ] as const)
      insertSetting.run(`letterhead-logo:${sha256Of(bytes)}`, asSetting(mimeType, bytes));
    insertSchema10Client(store.db, 'a', 'Müller', null);
    const snapshot = JSON.stringify({ context: { settings: { office: { logo: { mimeType: 'image/png', sha256: sha256Of(older) } } } } });
    store.db
      .prepare(
        "INSERT INTO documents (id, template_id, template_version, client_id, field_values, status, created_at, updated_at, final_snapshot) VALUES ('d1', 'free-letter', 1, 'a', '{}', 'final', 't', 't', ?)",
      )
      .run(snapshot);

    const db = upgrade(store, 50);
    expect(rows(db, 'SELECT sha256, mime_type, data FROM logos ORDER BY sha256')).toEqual(
      [
        { sha256: sha256Of(office), mime_type: 'image/png', data: office },
        { sha256: sha256Of(older), mime_type: 'image/png', data: older },
        { sha256: sha256Of(jpeg), mime_type: 'image/jpeg', data: jpeg },
      ].sort((a, b) => a.sha256.localeCompare(b.sha256)),
    );
    expect(db.prepare('SELECT key FROM settings').pluck().all()).toEqual(['settings']);
    // Only the logo changed, in place: every other byte of the settings JSON is as it was.
    expect(db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get()).toBe(
      schema40Settings(JSON.stringify({ mimeType: 'image/png', sha256: sha256Of(office) })),
    );
    expect(db.prepare("SELECT final_snapshot FROM documents WHERE id = 'd1'").pluck().get()).toBe(snapshot);
  });

  upgradeTest(50, 'leaves settings without a logo, or no settings at all, as they were', () => {
    const withoutLogo = storeAt(40);
    withoutLogo.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('settings', schema40Settings('null'));
    let db = upgrade(withoutLogo, 50);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get()).toBe(schema40Settings('null'));
    expect(db.prepare('SELECT count(*) FROM logos').pluck().get()).toBe(0);

    // Settings from before the logo field existed, and a store that never saved any.
    const beforeLogos = storeAt(40);
    beforeLogos.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('settings', '{"office":{"organization":"job-com"}}');
    db = upgrade(beforeLogos, 50);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get()).toBe('{"office":{"organization":"job-com"}}');
    db = upgrade(storeAt(40), 50);
    expect(rows(db, 'SELECT * FROM settings')).toEqual([]);
  });

  upgradeTest(60, 'gives every document no contact and no greeting of its own, and freezes both once final', () => {
    const store = storeAt(50);
    insertSchema10Client(store.db, 'a', 'Müller', null);
    insertSchema10Document(store.db, 'draft', 'a', 'draft', 'seed-vhs-rur-eifel');
    insertSchema10Document(store.db, 'final', 'a', 'final', 'seed-vhs-rur-eifel');

    const db = upgrade(store, 60);
    expect(rows(db, 'SELECT id, partner_id, contact_id, salutation_override FROM documents ORDER BY id')).toEqual(
      ['draft', 'final'].map((id) => ({ id, partner_id: 'seed-vhs-rur-eifel', contact_id: null, salutation_override: null })),
    );
    db.prepare("UPDATE documents SET contact_id = 'seed-vhs-rur-eifel-contact-1', salutation_override = 'Liebe Frau Roth,' WHERE id = 'draft'").run();
    expect(() => db.prepare("UPDATE documents SET contact_id = 'seed-vhs-rur-eifel-contact-1' WHERE id = 'final'").run()).toThrow(
      'final documents are immutable',
    );
    expect(() => db.prepare("UPDATE documents SET salutation_override = 'Hallo,' WHERE id = 'final'").run()).toThrow('final documents are immutable');
  });

  /** The settings JSON as the seed of schemas 10 to 50 wrote it into every fresh store: the district's office and a real team lead as counselor. */
  const sampleSettings = (counselor: string) =>
    `{"office":{"organization":"Kreis Düren","department":"Kommunales Integrationszentrum","street":"Bismarckstr. 16","postalCode":"52351","city":"Düren",` +
    `"room":"Zimmer 68 (Haus A)","postbox":{"label":"Postfach","postalCode":"52348","city":"Düren"},"phone":"","email":"","web":"",` +
    `"hours":"Mo–Do 8–16 Uhr, Fr 8–13 Uhr","contact":"","logo":null},"counselor":${counselor},"deadlines":{"consentLeadDays":30}}`;
  const SAMPLE_COUNSELOR = '{"name":"Silke Nießen","title":"Teamleitung","phone":"","email":""}';
  const storedSettingsOf = (db: Db) => db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get();

  upgradeTest(70, 'empties the counselor a store still has from the old sample, and nothing else', () => {
    const store = storeAt(50);
    store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('settings', sampleSettings(SAMPLE_COUNSELOR));
    const db = upgrade(store, 70);
    // Only the counselor changed, in place: the office's letterhead is the office's to correct in the setup.
    expect(storedSettingsOf(db)).toBe(sampleSettings('{"name":"","title":"","phone":"","email":""}'));
  });

  upgradeTest(70, 'keeps a counselor the office entered, even one with the same name, and a store without settings', () => {
    for (const counselor of [
      '{"name":"Silke Nießen","title":"Teamleitung","phone":"02421 22-1234","email":""}',
      '{"name":"Silke Nießen","title":"Teamleitung","phone":"","email":"s.niessen@example.org"}',
      '{"name":"Silke Nießen","title":"","phone":"","email":""}',
      '{"name":"Erika Mustermann","title":"Teamleitung","phone":"","email":""}',
    ]) {
      const store = storeAt(50);
      store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('settings', sampleSettings(counselor));
      expect(storedSettingsOf(upgrade(store, 70)), counselor).toBe(sampleSettings(counselor));
    }
    expect(rows(upgrade(storeAt(50), 70), 'SELECT * FROM settings')).toEqual([]);
  });

  upgradeTest(80, 'adds an empty erasure log beside the clients, which stay as they were', () => {
    const store = storeAt(70);
    insertSchema10Client(store.db, 'c-1', 'Yılmaz', null);
    const before = rows(store.db, 'SELECT * FROM clients');
    const db = upgrade(store, 80);
    expect(rows(db, 'SELECT * FROM clients')).toEqual(before);
    expect(rows(db, 'SELECT * FROM erasures')).toEqual([]);
    // Ids and times only: nothing in the log can name a person.
    expect(rows(db, "SELECT name FROM pragma_table_info('erasures') ORDER BY cid")).toEqual([{ name: 'client_id' }, { name: 'erased_at' }]);
    db.prepare('INSERT INTO erasures (client_id, erased_at) VALUES (?, ?)').run('c-1', '2026-11-25T10:00:00.000Z');
    expect(() => db.prepare('INSERT INTO erasures (client_id, erased_at) VALUES (?, ?)').run('c-1', '2026-11-26T10:00:00.000Z')).toThrow(/UNIQUE/);
  });

  upgradeTest(90, 'gives a partner, service and contact id too long for the contract a new one everywhere, and remembers the old one', () => {
    const store = storeAt(80);
    const longId = 'org-'.padEnd(88, 'x');
    const serviceId = 'service-'.padEnd(70, 'y');
    const contactId = 'contact-'.padEnd(80, 'z');
    const record = JSON.parse(store.db.prepare("SELECT record FROM partners WHERE id = 'seed-vhs-rur-eifel'").pluck().get() as string) as Record<
      string,
      unknown
    >;
    const broken = { ...record, name: 'Import mit langer id', services: [{ ...SERVICE, id: serviceId }], contacts: [{ ...CONTACT, id: contactId }] };
    store.db
      .prepare(
        `INSERT INTO partners (id, name, name_key, postal_code, assured_date, archived, record, created_at, updated_at)
         VALUES (?, 'Import mit langer id', 'import mit langer id', '', NULL, 0, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run(longId, JSON.stringify(broken));
    insertSchema10Client(store.db, 'c1', 'Müller', null);
    for (const status of ['draft', 'final'] as const) {
      store.db
        .prepare(
          `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, contact_id, field_values, status, created_at, updated_at)
           VALUES (?, 'free-letter', 1, 'c1', ?, ?, '{}', ?, '2026-01-03T10:00:00.000Z', '2026-01-03T10:00:00.000Z')`,
        )
        .run(status, longId, contactId, status);
    }
    insertSchema20Consent(store.db, 'k1', 'c1', [{ partnerId: longId, name: 'Import mit langer id', nameKey: 'import mit langer id' }]);
    store.db
      .prepare(
        "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-01-01', 'partners.import', 'partner', ?, NULL, 'x', '{}')",
      )
      .run(longId);
    const othersBefore = rows(store.db, `SELECT * FROM partners WHERE id <> '${longId}' ORDER BY id`);

    const db = upgrade(store, 90);
    const mapped = Object.fromEntries(
      (rows(db, 'SELECT kind, source_id, local_id FROM import_ids') as Array<{ kind: string; source_id: string; local_id: string }>).map((row) => [
        `${row.kind}:${row.source_id}`,
        row.local_id,
      ]),
    );
    expect(Object.keys(mapped).sort()).toEqual([`contact:${contactId}`, `organization:${longId}`, `service:${serviceId}`]);
    const partnerId = mapped[`organization:${longId}`]!;
    expect(partnerId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = JSON.parse(db.prepare('SELECT record FROM partners WHERE id = ?').pluck().get(partnerId) as string) as typeof broken;
    expect(stored).toEqual({
      ...broken,
      services: [{ ...SERVICE, id: mapped[`service:${serviceId}`] }],
      contacts: [{ ...CONTACT, id: mapped[`contact:${contactId}`] }],
    });
    expect(rows(db, 'SELECT id FROM partners WHERE length(id) > 64')).toEqual([]);
    expect(rows(db, 'SELECT id, partner_id, contact_id FROM documents ORDER BY id')).toEqual(
      ['draft', 'final'].map((id) => ({ id, partner_id: partnerId, contact_id: mapped[`contact:${contactId}`] })),
    );
    expect(rows(db, 'SELECT partner_id FROM consent_recipients')).toEqual([{ partner_id: partnerId }]);
    expect(rows(db, "SELECT subject_id FROM audit WHERE action = 'partners.import'")).toEqual([{ subject_id: partnerId }]);
    expect(rows(db, `SELECT * FROM partners WHERE id <> '${partnerId}' ORDER BY id`)).toEqual(othersBefore);
    // The final document is frozen again.
    expect(() => db.prepare("UPDATE documents SET contact_id = NULL WHERE id = 'final'").run()).toThrow('final documents are immutable');
  });

  upgradeTest(90, 'leaves a store whose ids all fit as it was', () => {
    const store = storeAt(80);
    const before = rows(store.db, 'SELECT * FROM partners ORDER BY id');
    const db = upgrade(store, 90);
    expect(rows(db, 'SELECT * FROM partners ORDER BY id')).toEqual(before);
    expect(rows(db, 'SELECT * FROM import_ids')).toEqual([]);
  });

  upgradeTest(100, 'makes the audit trail append-only: lines of the older store stay, may only forget whom they concerned', () => {
    const store = storeAt(90);
    const insert = store.db.prepare(
      "INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES ('2026-01-01T09:00:00.000Z', ?, ?, ?, ?, 'Beraterin', '{}')",
    );
    insert.run('clients.create', 'client', 'c1', 'c1');
    insert.run('consents.create', 'consent', 'k1', 'c1');
    const before = rows(store.db, 'SELECT * FROM audit ORDER BY id');
    // Schema 90 kept another legal basis with its reason (free text that may name the person) in the finalize line.
    store.db
      .prepare(
        `INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details)
         VALUES ('2026-01-02T09:00:00.000Z', 'documents.finalize', 'document', 'd1', 'c1', 'Beraterin', ?)`,
      )
      .run(JSON.stringify({ templateId: 'referral-letter', legalBasis: '§ 69 SGB X', reason: 'Frau Müller braucht das.' }));

    const db = upgrade(store, 100);
    expect(rows(db, 'SELECT * FROM audit WHERE id <= 2 ORDER BY id')).toEqual(before);
    expect(JSON.parse(db.prepare("SELECT details FROM audit WHERE subject_id = 'd1'").pluck().get() as string)).toEqual({
      templateId: 'referral-letter',
      otherLegalBasis: true,
    });
    expect(() => db.prepare("UPDATE audit SET action = 'clients.update' WHERE id = 1").run()).toThrow('the audit trail is append-only');
    expect(() => db.prepare('DELETE FROM audit WHERE id = 2').run()).toThrow('the audit trail is append-only');
    db.prepare("UPDATE audit SET client_id = NULL, subject_id = CASE WHEN subject_type = 'client' THEN NULL ELSE subject_id END WHERE client_id = 'c1'").run();
    expect(rows(db, 'SELECT subject_id, client_id FROM audit ORDER BY id')).toEqual([
      { subject_id: null, client_id: null },
      { subject_id: 'k1', client_id: null },
      { subject_id: 'd1', client_id: null },
    ]);
    // Run again (user_version set back, as tests of older migrations do): the triggers exist once.
    db.pragma('user_version = 90');
    const again = upgrade({ file: store.file, db }, 100);
    expect(again.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").pluck().get()).toBe(2);
  });

  upgradeTest(110, 'leaves every case open, keeps the rows, and can be run again on a store that has the columns', () => {
    // The migration before it, whichever that is: another may come in between.
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 110) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Müller', null);
    const clientsBefore = rows(store.db, 'SELECT * FROM clients');
    const db = upgrade(store, 110);
    expect(rows(db, 'SELECT * FROM clients')).toEqual((clientsBefore as object[]).map((row) => ({ ...row, closed_on: null, closed_reason: null })));
    db.prepare("UPDATE clients SET closed_on = '2026-01-31', closed_reason = 'moved-away' WHERE id = 'c1'").run();
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'clients_by_closed_on'")).toHaveLength(1);
    // Set back by hand, as tests of older migrations do: the columns are there, the step runs again without harm.
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 110);
    expect(rows(again, 'SELECT closed_on, closed_reason FROM clients')).toEqual([{ closed_on: '2026-01-31', closed_reason: 'moved-away' }]);
  });

  upgradeTest(120, 'adds the deadline actions, going with their client, and can be run again', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 120) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Müller', 'p104c');
    insertSchema10Client(store.db, 'c2', 'Demir', 'p104c');
    const clientsBefore = rows(store.db, 'SELECT * FROM clients ORDER BY id');
    const db = upgrade(store, 120);
    expect(rows(db, 'SELECT * FROM clients ORDER BY id')).toEqual(clientsBefore);
    const insert = db.prepare(
      `INSERT INTO deadline_actions (kind, client_id, source_id, due_date, action, postponed_to, note, acted_at, acted_by)
       VALUES ('residence-expiry', ?, '', '2026-12-31', ?, ?, 'Notiz', '2026-11-25T10:00:00.000Z', 'Beraterin')`,
    );
    insert.run('c1', 'done', null);
    insert.run('c2', 'postponed', '2027-01-15');
    // A postponement needs its day, "done" has none; one row per deadline.
    expect(() => insert.run('c1', 'postponed', null)).toThrow();
    expect(() => db.prepare("UPDATE deadline_actions SET postponed_to = '2027-01-01' WHERE client_id = 'c1'").run()).toThrow();
    expect(
      rows(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('deadline_actions_by_client', 'deadline_actions_done', 'documents_feedback_by') ORDER BY name",
      ),
    ).toHaveLength(3);
    db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
    expect(rows(db, 'SELECT client_id FROM deadline_actions')).toEqual([{ client_id: 'c2' }]);
    // Set back by hand, as tests of older migrations do: the table is there, the step runs again without harm.
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 120);
    expect(rows(again, 'SELECT client_id, action, postponed_to FROM deadline_actions')).toEqual([
      { client_id: 'c2', action: 'postponed', postponed_to: '2027-01-15' },
    ]);
  });

  upgradeTest(130, 'gives every document an empty batch, keeps the rows, and can be run again on a store that has the column', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 130) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Müller', null);
    insertSchema10Document(store.db, 'd1', 'c1', 'final');
    const documentsBefore = rows(store.db, 'SELECT * FROM documents');
    const db = upgrade(store, 130);
    expect(rows(db, 'SELECT * FROM documents')).toEqual((documentsBefore as object[]).map((row) => ({ ...row, batch_id: null })));
    db.prepare("UPDATE documents SET batch_id = 'b1' WHERE id = 'd1'").run();
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'documents_by_batch'")).toHaveLength(1);
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 130);
    expect(rows(again, 'SELECT batch_id FROM documents')).toEqual([{ batch_id: 'b1' }]);
  });

  upgradeTest(140, 'gives every client a folded sort name with an index, and can be run again', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 140) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Özdemir', null);
    insertSchema10Client(store.db, 'c2', 'Zander', null);
    insertSchema10Client(store.db, 'c3', 'Otto', null);
    const db = upgrade(store, 140);
    expect(rows(db, 'SELECT id, sort_name FROM clients ORDER BY sort_name')).toEqual([
      { id: 'c3', sort_name: 'otto\u0001ayse' },
      { id: 'c1', sort_name: 'ozdemir\u0001ayse' },
      { id: 'c2', sort_name: 'zander\u0001ayse' },
    ]);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'clients_by_sort_name'")).toHaveLength(1);
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 140);
    expect(again.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(3);
  });

  upgradeTest(150, 'lets a final document keep its sha256 once, adds the batch staging going with its client, and can be run again', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 150) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Müller', null);
    insertSchema10Client(store.db, 'c2', 'Demir', null);
    insertSchema10Document(store.db, 'd1', 'c1', 'final');
    insertSchema10Document(store.db, 'd2', 'c1', 'draft');
    store.db.prepare("UPDATE documents SET pdf_sha256 = 'kept', status = 'final' WHERE id = 'd2'").run();
    // Before: no final document's sha256 can be set.
    expect(() => store.db.prepare("UPDATE documents SET pdf_sha256 = 'late' WHERE id = 'd1'").run()).toThrow(/immutable/);
    const documentsBefore = rows(store.db, 'SELECT * FROM documents ORDER BY id');
    const db = upgrade(store, 150);
    expect(rows(db, 'SELECT * FROM documents ORDER BY id')).toEqual(documentsBefore);
    // Set once, from NULL; never changed or cleared; everything else of a final document stays frozen.
    db.prepare("UPDATE documents SET pdf_sha256 = 'late' WHERE id = 'd1'").run();
    expect(() => db.prepare("UPDATE documents SET pdf_sha256 = 'other' WHERE id = 'd1'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE documents SET pdf_sha256 = NULL WHERE id = 'd2'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE documents SET field_values = '{}' WHERE id = 'd1'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE documents SET status = 'draft' WHERE id = 'd1'").run()).toThrow(/immutable/);
    expect(rows(db, 'SELECT id, pdf_sha256 FROM documents ORDER BY id')).toEqual([
      { id: 'd1', pdf_sha256: 'late' },
      { id: 'd2', pdf_sha256: 'kept' },
    ]);
    const stage = db.prepare(
      `INSERT INTO batch_letters (batch_id, position, document_id, client_id, field_values, prefilled, final_snapshot, pdf_sha256)
       VALUES ('b1', ?, ?, ?, '{}', '[]', '{}', 'abc')`,
    );
    stage.run(0, 'n1', 'c1');
    stage.run(1, 'n2', 'c2');
    expect(() => stage.run(1, 'n3', 'c1')).toThrow();
    db.prepare("DELETE FROM clients WHERE id = 'c2'").run();
    expect(rows(db, 'SELECT document_id FROM batch_letters')).toEqual([{ document_id: 'n1' }]);
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 150);
    expect(rows(again, 'SELECT document_id FROM batch_letters')).toEqual([{ document_id: 'n1' }]);
    expect(() => again.prepare("UPDATE documents SET pdf_sha256 = 'other' WHERE id = 'd1'").run()).toThrow(/immutable/);
  });

  upgradeTest(160, 'gives every document no translation and the sequential layout, freezes both on final documents, and can be run again', () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 160) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Haddad', null);
    insertSchema10Document(store.db, 'd1', 'c1', 'final');
    insertSchema10Document(store.db, 'd2', 'c1', 'draft');
    const documentsBefore = rows(store.db, 'SELECT * FROM documents ORDER BY id');
    const db = upgrade(store, 160);
    expect(rows(db, 'SELECT * FROM documents ORDER BY id')).toEqual(
      (documentsBefore as object[]).map((row) => ({ ...row, translation_language: null, bilingual_layout: 'sequential' })),
    );
    db.prepare("UPDATE documents SET translation_language = 'fa', bilingual_layout = 'side-by-side' WHERE id = 'd2'").run();
    expect(() => db.prepare("UPDATE documents SET bilingual_layout = 'diagonal' WHERE id = 'd2'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE documents SET translation_language = 'uk' WHERE id = 'd1'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE documents SET bilingual_layout = 'side-by-side' WHERE id = 'd1'").run()).toThrow(/immutable/);
    // What 0150 allowed stays allowed: a final document's sha256 set once.
    db.prepare("UPDATE documents SET pdf_sha256 = 'late' WHERE id = 'd1'").run();
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 160);
    expect(rows(again, 'SELECT id, translation_language, bilingual_layout FROM documents ORDER BY id')).toEqual([
      { id: 'd1', translation_language: null, bilingual_layout: 'sequential' },
      { id: 'd2', translation_language: 'fa', bilingual_layout: 'side-by-side' },
    ]);
    expect(() => again.prepare("UPDATE documents SET translation_language = 'uk' WHERE id = 'd1'").run()).toThrow(/immutable/);
  });

  upgradeTest(170, "adds team mode's empty tables, leaves every row as it was, writes no outbox entry for a desk on its own, and can be run again", () => {
    const before = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.version === 170) - 1]!.version;
    const store = storeAt(before);
    insertSchema10Client(store.db, 'c1', 'Haddad', null);
    const clientsBefore = rows(store.db, 'SELECT * FROM clients');
    const db = upgrade(store, 170);
    expect(rows(db, 'SELECT * FROM clients')).toEqual(clientsBefore);
    for (const table of ['team_link', 'team_outbox', 'team_entities', 'team_client_teams', 'team_teams', 'team_conflicts']) {
      expect(rows(db, `SELECT * FROM ${table}`)).toEqual([]);
    }
    expect(rows(db, 'SELECT applying FROM team_applying')).toEqual([{ applying: 0 }]);
    // Unlinked, no trigger sends anything: a write stays a plain write.
    db.prepare("UPDATE clients SET city = 'Jülich' WHERE id = 'c1'").run();
    expect(rows(db, 'SELECT * FROM team_outbox')).toEqual([]);
    db.pragma(`user_version = ${before}`);
    const again = upgrade({ file: db.name, db }, 170);
    expect(rows(again, 'SELECT applying FROM team_applying')).toEqual([{ applying: 0 }]);
  });

  upgradeTest(180, 'gives a linked desk its pull cursor (transaction 0, its last seq), so it goes on where it was, and can be run again', () => {
    const store = storeAt(170);
    store.db
      .prepare(
        `INSERT INTO team_link (id, url, role, password, display_name, desk_id, team_id, lead, last_seq, last_sync_at, linked_at)
         VALUES (1, 'postgres://127.0.0.1:5432/lotse', 'lotse_anna', 'geheim', 'Anna', 'desk-1', 'team-1', 0, 42, '2026-12-01T10:00:00.000Z', '2026-12-01T09:00:00.000Z')`,
      )
      .run();
    const db = upgrade(store, 180);
    expect(rows(db, 'SELECT role, last_tx, last_seq, last_sync_at FROM team_link')).toEqual([
      { role: 'lotse_anna', last_tx: '0', last_seq: 42, last_sync_at: '2026-12-01T10:00:00.000Z' },
    ]);
    db.pragma('user_version = 170');
    const again = upgrade({ file: db.name, db }, 180);
    expect(rows(again, 'SELECT last_tx, last_seq FROM team_link')).toEqual([{ last_tx: '0', last_seq: 42 }]);
  });

  it('has a test for every migration', () => {
    expect([...tested].sort((a, b) => a - b)).toEqual(MIGRATIONS.map((migration) => migration.version));
  });
});

describe('a store migrated step by step', () => {
  it('ends in the same schema and built-in rows as a fresh one', () => {
    const stepwise = storeAt(0);
    for (const migration of MIGRATIONS) stepwise.db = upgrade(stepwise, migration.version);
    const fresh = storeAt(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const shape = (db: Db) => ({
      schema: rows(db, 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name'),
      statuses: rows(db, 'SELECT * FROM residence_statuses ORDER BY code'),
      partners: rows(db, 'SELECT id, name, name_key, postal_code, assured_date, archived, record FROM partners ORDER BY id'),
    });
    expect(shape(stepwise.db)).toEqual(shape(fresh.db));
  });
});
