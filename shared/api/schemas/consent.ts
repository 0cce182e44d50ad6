import { z } from 'zod';
import { refinement } from '../german-messages';
import { id, isoDate, optionalDate, optionalText, requiredText, timestamp, uniqueList } from './common';

/**
 * Categories of personal data a consent may name (DOMAIN.md: blanket consent
 * is invalid). Health data are not among them: Art. 9 GDPR wants them named
 * on their own (`healthData`).
 */
export const DATA_CATEGORIES = ['identity', 'contact', 'residence', 'language-education', 'benefits', 'counseling'] as const;
export const EXCHANGE_DIRECTIONS = ['one-way', 'mutual'] as const;

/**
 * One recipient a consent names. `partnerId` refers to the network
 * directory; until an agency is in it, the name alone identifies it.
 */
export const ConsentRecipientSchema = z.object({
  partnerId: id.nullable().default(null),
  name: requiredText(200),
});

export const ConsentInputSchema = z.object({
  clientId: id,
  recipients: z.array(ConsentRecipientSchema).min(1).max(20),
  purposes: z.array(requiredText(500)).min(1).max(10),
  dataCategories: uniqueList(z.enum(DATA_CATEGORIES), DATA_CATEGORIES.length).refine((values) => values.length > 0, refinement('input.noDataCategory')),
  healthData: z.boolean().default(false),
  exchange: z.enum(EXCHANGE_DIRECTIONS).default('one-way'),
  /** Null while the form is printed but not yet signed: such a consent covers nothing. */
  signedOn: optionalDate,
  /** Null: until revoked. */
  validUntil: optionalDate,
  /** Language the form was explained in, and by which interpreter. */
  explainedIn: optionalText(100),
  interpreter: optionalText(200),
  notes: optionalText(2000),
});

/** Derived for a given day: only `valid` covers anything. */
export const CONSENT_STATES = ['unsigned', 'valid', 'expired', 'revoked'] as const;

export const ConsentSchema = ConsentInputSchema.extend({
  id,
  revokedOn: isoDate.nullable(),
  /** The printed consent form it was made from, where it was. */
  documentId: id.nullable(),
  /** The counselor who recorded it (from the settings at that moment). */
  recordedBy: z.string(),
  createdAt: timestamp,
  state: z.enum(CONSENT_STATES),
});

export type Consent = z.output<typeof ConsentSchema>;
export type ConsentInput = z.output<typeof ConsentInputSchema>;
export type ConsentState = (typeof CONSENT_STATES)[number];
