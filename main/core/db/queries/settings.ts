import type { Settings } from '../../../../shared/api/contract';
import type { Db } from '../open';
import type { LogoReference } from './logos';

/** The settings as stored: the logo by reference, its bytes kept once in the logos table. */
export interface StoredSettings extends Omit<Settings, 'office'> {
  office: Omit<Settings['office'], 'logo'> & { logo: LogoReference | null };
}

/** One row holds all settings (the table is a key-value store, so later parts need no new schema). */
const KEY = 'settings';

/**
 * The stored JSON as it is: complete once the store is seeded (db/seed), in
 * an older shape or absent before.
 */
export function readSettings(db: Db): StoredSettings | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as StoredSettings);
}

export function writeSettings(db: Db, settings: StoredSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
}
