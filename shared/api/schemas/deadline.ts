import { z } from 'zod';
import { id, isoDate, text } from './common';

/** `feedback`: the "Rückmeldung erbeten bis" of a final referral not yet answered. */
export const DEADLINE_KINDS = ['residence-expiry', 'consent-expiry', 'follow-up', 'feedback'] as const;

/**
 * Where the list is worked off: past due, due by this Sunday, by the end of
 * this month, later (by the date it shows, a postponed one by its new date),
 * and those marked done.
 */
export const DEADLINE_GROUPS = ['overdue', 'week', 'month', 'later', 'done'] as const;
export type DeadlineGroup = (typeof DEADLINE_GROUPS)[number];

/** What to do next about a deadline: the checklist template a status names, the client's consents, the referral, or the client. */
export const DeadlineNextSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('template'), templateId: z.string(), templateTitle: z.string() }),
  z.object({ type: z.literal('consents') }),
  z.object({ type: z.literal('document'), documentId: id }),
  z.object({ type: z.literal('client') }),
]);

export const DeadlineSchema = z.object({
  clientId: id,
  clientName: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  /** The deadline's own date; with `sourceId`, `kind` and `clientId` it names the deadline for deadlines.complete / .postpone. */
  dueDate: isoDate,
  /** Past due on the day asked for (a postponed one: past its new date). */
  overdue: z.boolean(),
  /** What it is about, e.g. the status label or the consent's recipients. */
  subject: z.string(),
  /** What to do, from data (e.g. the residence status's reminder text). */
  reminder: z.string(),
  /** The residence status whose reminder it is (residence-expiry), else null: the screen shows each status's note once. */
  statusCode: z.string().nullable(),
  /** The record the deadline comes from (a consent's id, a document's id); null for the client's own data. */
  sourceId: id.nullable(),
  /** open, postponed to `postponedTo`, or done. */
  state: z.enum(['open', 'postponed', 'done']),
  postponedTo: isoDate.nullable(),
  /** The counselor's note with the postponement or completion; empty when open. */
  note: z.string(),
  /** When it was marked done or postponed (ISO timestamp); null when open. */
  actedAt: z.string().nullable(),
  next: DeadlineNextSchema,
});

export type Deadline = z.output<typeof DeadlineSchema>;
export type DeadlineNext = z.output<typeof DeadlineNextSchema>;

export const DeadlineListInputSchema = z.object({
  /** The day to count from; left out: today. */
  date: isoDate.optional(),
  /** One group; left out: every open one (not done). */
  group: z.enum(DEADLINE_GROUPS).optional(),
  kind: z.enum(DEADLINE_KINDS).optional(),
  limit: z.number().int().min(1).max(200).default(100),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

export const DeadlineListSchema = z.object({
  /** One page, by the date shown (then client name); done ones newest first. */
  items: z.array(DeadlineSchema),
  /** How many match the group and kind asked for. */
  total: z.number().int(),
  /** How many are in each group (with the kind asked for). */
  counts: z.object({ overdue: z.number().int(), week: z.number().int(), month: z.number().int(), later: z.number().int(), done: z.number().int() }),
  /** Follow-ups and feedback dates appear this many days before their day. */
  followUpLeadDays: z.number().int(),
});

/** Names one deadline, as deadlines.list gives it. */
export const DeadlineRefSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  clientId: id,
  sourceId: id.nullable().default(null),
  dueDate: isoDate,
});

export const DeadlineCompleteSchema = DeadlineRefSchema.extend({ note: text(1000).default('') });
export const DeadlinePostponeSchema = DeadlineRefSchema.extend({ until: isoDate, note: text(1000).default('') });

export type DeadlineRef = z.output<typeof DeadlineRefSchema>;
