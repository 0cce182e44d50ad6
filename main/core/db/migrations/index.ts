import type { Migration } from './migration';
import { migration0010 } from './0010-init';
import { migration0020 } from './0020-caseload';
import { migration0030 } from './0030-network';
import { migration0040 } from './0040-forms';
import { migration0050 } from './0050-logos';
import { migration0060 } from './0060-letter-addressing';
import { migration0070 } from './0070-no-sample-counselor';
import { migration0080 } from './0080-erasure-log';
import { migration0090 } from './0090-import-ids';
import { migration0100 } from './0100-audit-append-only';
import { migration0110 } from './0110-case-closing';
import { migration0120 } from './0120-deadline-actions';
import { migration0130 } from './0130-document-batches';
import { migration0140 } from './0140-client-list-order';
import { migration0150 } from './0150-final-sha256-and-batch-staging';
import { migration0160 } from './0160-document-translations';
import { migration0170 } from './0170-team-sync';
import { migration0180 } from './0180-team-pull-cursor';

/** Every migration in the order it runs. Append, never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0170,
  migration0180,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
