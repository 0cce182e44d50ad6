import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

/**
 * Statements prepared once per store and kept, for the paths that run the same
 * SQL hundreds of times in one transaction: a team pull applies up to 1,000
 * rows, and preparing an INSERT into a table compiles that table's outbox
 * triggers with it, which cost more than the row's write (a desk spent more of
 * a pull preparing than writing). SQLite prepares a kept statement anew by
 * itself when the schema changed since.
 */
const keptByStore = new WeakMap<Db, Map<string, Statement>>();

/**
 * Far more than the shapes of SQL a pull writes (a few per replicated table);
 * a store that meets more (payloads of many Lotse versions) starts its set over.
 */
const KEPT_AT_MOST = 500;

/**
 * The store's statement for `sql`, prepared at its first use. `pluck` is set at
 * every call, so two callers of one SQL cannot leave each other a mode.
 */
export function keptStatement(db: Db, sql: string, options: { pluck?: boolean } = {}): Statement {
  let kept = keptByStore.get(db);
  if (!kept) {
    kept = new Map();
    keptByStore.set(db, kept);
  }
  let statement = kept.get(sql);
  if (!statement) {
    if (kept.size >= KEPT_AT_MOST) kept.clear();
    statement = db.prepare(sql);
    kept.set(sql, statement);
  }
  return statement.reader ? statement.pluck(options.pluck === true) : statement;
}
