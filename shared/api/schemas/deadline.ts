import { z } from 'zod';
import { id, isoDate } from './common';

export const DEADLINE_KINDS = ['residence-expiry', 'consent-expiry', 'follow-up'] as const;

export const DeadlineSchema = z.object({
  clientId: id,
  clientName: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  dueDate: isoDate,
  /** Past due on the day asked for. */
  overdue: z.boolean(),
  /** What it is about, e.g. the status label or the consent's recipients. */
  subject: z.string(),
  /** What to do, from data (e.g. the residence status's reminder text). */
  reminder: z.string(),
  /** The record the deadline comes from (a consent's id, a document's id); null for the client's own data. */
  sourceId: id.nullable(),
});

export type Deadline = z.output<typeof DeadlineSchema>;
