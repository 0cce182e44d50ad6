import type { Db } from '../open';
import { seedSettings } from './settings';
import { seedBuiltInTemplates } from './templates';

/*
 * The data Lotse ships with, all in this folder, and when each kind is written:
 *
 * - Rows that become the office's own once written are seeded once, by the
 *   migration that creates their table: residence statuses (0020, which also
 *   needs them to map old status codes) and the partner directory (0030). The
 *   office edits them, and deletes partners; seeding again at open would bring
 *   back what it deleted. This data is what those migrations shipped with:
 *   change it by a new migration, which reaches old and fresh stores alike,
 *   never here, or a fresh store would start apart from one migrated long ago.
 * - What must match the running version is seeded at every open, after the
 *   migrations (seedBuiltIns): the shipped templates, and the settings, written
 *   once when absent and completed with the default of any field added since,
 *   so that reading them needs no defaults.
 */

/** Runs after the migrations on every open; writes only what is missing or outdated. */
export function seedBuiltIns(db: Db, now: string): void {
  db.transaction(() => {
    seedBuiltInTemplates(db, now);
    seedSettings(db);
  })();
}
