import type { ImportIdKind } from '../migrations/0090-import-ids';
import type { Db } from '../open';

/** An id from an import file that the contract cannot carry, and the id its entry, service or contact has here. */
export interface ImportId {
  kind: ImportIdKind;
  sourceId: string;
  localId: string;
}

export function listImportIds(db: Db): ImportId[] {
  return db.prepare('SELECT kind, source_id AS sourceId, local_id AS localId FROM import_ids').all() as ImportId[];
}

export function countImportIds(db: Db): number {
  return db.prepare('SELECT count(*) FROM import_ids').pluck().get() as number;
}

/** Prepared once for an import that records many. */
export function importIdWriter(db: Db): (entry: ImportId) => void {
  const insert = db.prepare('INSERT OR REPLACE INTO import_ids (kind, source_id, local_id) VALUES (@kind, @sourceId, @localId)');
  return (entry) => insert.run(entry);
}
