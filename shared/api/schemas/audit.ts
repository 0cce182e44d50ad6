import { z } from 'zod';
import { id, timestamp } from './common';

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: timestamp,
  /** The contract method that did it, e.g. `clients.erase`. */
  action: z.string(),
  subjectType: z.string(),
  /** Null where naming the subject would keep personal data (an erased client). */
  subjectId: id.nullable(),
  /** Who was at the desk (the counselor in the settings). */
  actor: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export type AuditEntry = z.output<typeof AuditEntrySchema>;
