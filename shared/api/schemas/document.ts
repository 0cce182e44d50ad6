import { z } from 'zod';
import { MISSING_ADDRESS_PARTS } from '../../domain/postal-address';
import { LanguageCodeSchema, TranslationReviewSchema } from '../../forms/definition';
import { ClientSchema } from './client';
import { refinement } from '../german-messages';
import { id, isoDate, requiredText, timestamp } from './common';
import { ConsentSchema } from './consent';
import { PartnerSchema } from './partner';
import { SettingsSchema } from './settings';

/** A greeting the counselor writes for one letter, instead of the computed one: one line. */
export const salutationOverride = requiredText(200)
  .refine((value) => !/[\r\n]/.test(value), refinement('input.oneLine'))
  .nullable();

/** How a document with a translation prints: each German part with its translation under it, or German left and the translation right. */
export const BILINGUAL_LAYOUTS = ['sequential', 'side-by-side'] as const;

/** `draft`: autosaved, editable. `final`: frozen; a correction is a new document linked to it. */
export const DOCUMENT_STATUSES = ['draft', 'final'] as const;

/** A referral's way: erstellt → übergeben → Rückmeldung erhalten → abgeschlossen (labels in the UI). */
export const REFERRAL_STATUSES = ['created', 'handed-over', 'feedback-received', 'closed'] as const;

/**
 * Why personal data may go to the recipient: a consent that covers it, or
 * another legal basis the counselor names with a reason (e.g. a transfer to
 * another Sozialleistungsträger), which the audit trail keeps.
 */
export const LegalBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consent'), consentId: id, signedOn: isoDate }),
  z.object({ kind: z.literal('other'), basis: requiredText(300), reason: requiredText(2000) }),
]);

export const DocumentSchema = z.object({
  id,
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateTitle: z.string(),
  clientId: id,
  clientName: z.string(),
  partnerId: id.nullable(),
  partnerName: z.string(),
  /** The partner's contact person the letter goes to (address block and greeting); null: the organization. */
  contactId: id.nullable(),
  /** The counselor's own greeting for this letter; null: the one computed from the recipient (DocumentContext `salutation`). */
  salutationOverride: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
  /** Fields whose value still is what was prefilled from the client, partner, settings or consent. */
  prefilled: z.array(z.string()),
  status: z.enum(DOCUMENT_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
  finalizedAt: timestamp.nullable(),
  /** Of the final PDF: every reprint has these bytes. */
  sha256: z.string().nullable(),
  /** The final document this one corrects, and the one that corrected this. */
  correctsId: id.nullable(),
  correctedById: id.nullable(),
  referralStatus: z.enum(REFERRAL_STATUSES).nullable(),
  followUpDate: isoDate.nullable(),
  legalBasis: LegalBasisSchema.nullable(),
  /** Personal fields the counselor left out before finalizing (data minimisation). */
  omittedFields: z.array(z.string()),
  /** For a consent form: the consent record its finalization created. */
  consentId: id.nullable(),
  /** The language printed beside the German (binding) text; null: German only. */
  translationLanguage: LanguageCodeSchema.nullable(),
  bilingualLayout: z.enum(BILINGUAL_LAYOUTS),
  /** The review state of the template version's translation in that language (a final document: as frozen); null: ungeprüft or no translation. */
  translationReview: TranslationReviewSchema,
  /** The languages the document's template version has a translation in. */
  translationsAvailable: z.array(LanguageCodeSchema),
});

export const DocumentListFilterSchema = z.object({
  clientId: id.optional(),
  partnerId: id.optional(),
  templateId: z.string().max(100).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  referralStatus: z.enum(REFERRAL_STATUSES).optional(),
  /** Created on or after / on or before (YYYY-MM-DD). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The letters of one serial letter (documents.batches). */
  batchId: id.optional(),
});

/** A new draft with the values of a document (draft or final); `clientId`: for another client, whose personal data are prefilled anew. */
export const DuplicateInputSchema = z.object({ id, clientId: id.optional() });

export const DuplicateResultSchema = z.object({
  document: DocumentSchema,
  /** Labels of fields the document had that the template's current version no longer has (or no longer takes as they were): not carried over. */
  droppedFields: z.array(z.string()),
});

/** How many documents one combined print may hold. */
export const PRINT_MANY_LIMIT = 200;

export const PrintManyInputSchema = z.object({
  ids: z
    .array(id)
    .min(1)
    .max(100_000)
    .refine((ids) => ids.length <= PRINT_MANY_LIMIT, refinement('printMany.tooMany'))
    .refine((ids) => new Set(ids).size === ids.length, refinement('printMany.twice')),
});

/** A serial letter as the documents list groups it: its letters still stored (an erased person's is gone). */
export const BatchGroupSchema = z.object({
  batchId: id,
  templateId: z.string(),
  templateTitle: z.string(),
  finalizedAt: timestamp,
  count: z.number().int().positive(),
});

/** One personal field that would reach the recipient, for the data-minimisation preview. */
export const DisclosureItemSchema = z.object({
  fieldId: z.string(),
  label: z.string(),
  /** Consent category (or `health`) the field belongs to. */
  kind: z.string(),
  /** As it would print. */
  value: z.string(),
  /** Whether the covering consent names this category. */
  covered: z.boolean(),
});

export const DisclosureSchema = z.object({
  consentGate: z.boolean(),
  consent: z.object({ id, signedOn: isoDate, validUntil: isoDate.nullable(), dataCategories: z.array(z.string()), healthData: z.boolean() }).nullable(),
  items: z.array(DisclosureItemSchema),
  /**
   * A referral to a partner none of whose active services takes a person of
   * the client's age (today): the client's age and those services. A warning
   * to read before finalizing, not a refusal; null when some service fits.
   */
  ageMismatch: z
    .object({
      age: z.number().int(),
      services: z.array(z.object({ name: z.string(), minimumAge: z.number().int().nullable(), maximumAge: z.number().int().nullable() })),
    })
    .nullable(),
  /** The recipient (named) and what its address lacks, where finalizing will refuse it for that; null when it can go out. */
  undeliverable: z.object({ name: z.string(), missing: z.array(z.enum(MISSING_ADDRESS_PARTS)).min(1) }).nullable(),
  /**
   * What the address block had to shorten to fit the envelope window
   * ("Straße gekürzt"), in German: said before finalizing, never cut silently.
   */
  addressShortened: z.array(z.string()),
});

export const FinalizeInputSchema = z.object({
  id,
  /** Personal fields to leave out of the final document. */
  omitFields: z.array(z.string().max(60)).max(200).default([]),
  /** Another legal basis, where no consent covers the recipient. */
  otherLegalBasis: z.object({ basis: requiredText(300), reason: requiredText(2000) }).optional(),
});

export const RenderedPdfSchema = z.object({
  pdfBase64: z.string(),
  sha256: z.string(),
  pages: z.number().int().positive(),
});

/**
 * What the core makes a document of besides its values (its context), as the
 * editor shows it: the same client, recipient, covering consent, settings and
 * address block the core prefills, gates and prints with.
 */
export const DocumentContextSchema = z.object({
  templateId: z.string(),
  templateVersion: z.number().int(),
  /** The core's today (`YYYY-MM-DD`), which placeholders such as {{today}} print. */
  today: isoDate,
  client: ClientSchema,
  partner: PartnerSchema.nullable(),
  /** The newest consent valid today that covers the recipient, or null. */
  consent: ConsentSchema.nullable(),
  settings: SettingsSchema,
  residenceStatusLabel: z.string(),
  /** The address block in the envelope window, as it prints ([] without a recipient). */
  recipientLines: z.array(z.string()),
  /** The greeting the recipient is due, which `{{salutation}}` prints (the override is the document's `salutationOverride`). */
  salutation: z.string(),
  /** The partner's contact the letter goes to, where the partner still lists the one chosen; else null. */
  contactId: id.nullable(),
});

export type LotseDocument = z.output<typeof DocumentSchema>;
export type RenderedPdf = z.output<typeof RenderedPdfSchema>;
export type LegalBasis = z.output<typeof LegalBasisSchema>;
export type Disclosure = z.output<typeof DisclosureSchema>;
export type DocumentContextView = z.output<typeof DocumentContextSchema>;
export type DocumentListFilter = z.output<typeof DocumentListFilterSchema>;
export type DuplicateResult = z.output<typeof DuplicateResultSchema>;
export type BatchGroup = z.output<typeof BatchGroupSchema>;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type BilingualLayout = (typeof BILINGUAL_LAYOUTS)[number];
