import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import type { Migration } from './migration';

const SNAPSHOT_LOGO_PREFIX = 'letterhead-logo:';

interface LogoAsSetting {
  mimeType: string;
  dataBase64: string;
}

/** The logos of final documents were settings rows named by the hash their snapshots still name. */
function moveSnapshotLogos(db: Database, insert: Statement): void {
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE '${SNAPSHOT_LOGO_PREFIX}%'`).all() as Array<{ key: string; value: string }>;
  for (const { key, value } of rows) {
    const logo = JSON.parse(value) as LogoAsSetting;
    insert.run(key.slice(SNAPSHOT_LOGO_PREFIX.length), logo.mimeType, Buffer.from(logo.dataBase64, 'base64'));
  }
  db.exec(`DELETE FROM settings WHERE key LIKE '${SNAPSHOT_LOGO_PREFIX}%'`);
}

/** The office's current logo was inside the settings JSON; only the logo changes there, in place. */
function moveOfficeLogo(db: Database, insert: Statement): void {
  const stored = db.prepare(`SELECT value ->> '$.office.logo' FROM settings WHERE key = 'settings'`).pluck().get() as string | null | undefined;
  if (!stored) return;
  const logo = JSON.parse(stored) as LogoAsSetting;
  const data = Buffer.from(logo.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  insert.run(sha256, logo.mimeType, data);
  db.prepare(`UPDATE settings SET value = json_set(value, '$.office.logo', json(?)) WHERE key = 'settings'`).run(
    JSON.stringify({ mimeType: logo.mimeType, sha256 }),
  );
}

/**
 * Logos in a table of their own, one row per distinct image by its hash,
 * never deleted (a reprint of a final document needs its logo; a logo is no
 * personal data), instead of rows and bytes in the settings. The settings
 * JSON keeps `{ mimeType, sha256 }`. Plain SQL rather than db/queries/logos:
 * queries follow the newest schema, a migration must do what it did when it
 * shipped.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'logos',
  up(db) {
    db.exec(`
      CREATE TABLE logos (
        sha256    TEXT PRIMARY KEY,
        mime_type TEXT NOT NULL,
        data      BLOB NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO logos (sha256, mime_type, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING');
    moveSnapshotLogos(db, insert);
    moveOfficeLogo(db, insert);
  },
};
