import { z } from 'zod';
import { refinement } from '../german-messages';
import { id, isoDate, text, timestamp } from './common';

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

/**
 * Which lines of the trail: each filter left out matches every line. `from`
 * and `to` are days (of `at`, which is UTC), both included; `action`,
 * `subjectType`, `actor` and `subjectId` match exactly.
 */
const auditFilterFields = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: text(100).optional(),
  subjectType: text(100).optional(),
  actor: text(200).optional(),
  subjectId: id.optional(),
};

const rangeInOrder = <T extends { from?: string; to?: string }>(filter: T) => filter.from === undefined || filter.to === undefined || filter.from <= filter.to;

export const AuditFilterSchema = z.object(auditFilterFields).refine(rangeInOrder, { ...refinement('audit.rangeReversed'), path: ['to'] });

export type AuditFilter = z.output<typeof AuditFilterSchema>;

/** A page of the filtered trail, newest first. */
export const AuditListInputSchema = z
  .object({
    ...auditFilterFields,
    limit: z.number().int().min(1).max(1000).default(100),
    /** How many matching lines (newest first) to skip: the pages before this one. */
    offset: z.number().int().min(0).max(100_000_000).default(0),
  })
  .refine(rangeInOrder, { ...refinement('audit.rangeReversed'), path: ['to'] });

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** How many lines match the filter in all (every page). */
  total: z.number().int(),
});

/** What the filter fields can offer: every action, area and counselor the trail holds. */
export const AuditFacetsSchema = z.object({
  actions: z.array(z.string()),
  subjectTypes: z.array(z.string()),
  actors: z.array(z.string()),
});

/** The filtered lines as CSV text for German Excel (BOM, `;`), with a file name. */
export const AuditCsvSchema = z.object({ fileName: z.string(), content: z.string(), lines: z.number().int() });
