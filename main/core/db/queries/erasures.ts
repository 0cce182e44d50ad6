import type { Db } from '../open';

/** One line of the erasure log (migration 0080): an id and a time, no personal data. */
export interface Erasure {
  clientId: string;
  erasedAt: string;
}

export function logErasure(db: Db, erasure: Erasure): void {
  db.prepare('INSERT INTO erasures (client_id, erased_at) VALUES (?, ?) ON CONFLICT (client_id) DO NOTHING').run(erasure.clientId, erasure.erasedAt);
}

export function listErasures(db: Db): Erasure[] {
  return db.prepare('SELECT client_id AS clientId, erased_at AS erasedAt FROM erasures ORDER BY erased_at, client_id').all() as Erasure[];
}
