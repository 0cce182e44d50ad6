import type { Migration } from './migration';
import { migration0010 } from './0010-init';

/** Every migration in the order it runs. Append, never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0010];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
