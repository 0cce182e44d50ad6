import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * A numbered schema step. `version` is written to `PRAGMA user_version` once
 * `up` has run; all pending steps run in one transaction.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
