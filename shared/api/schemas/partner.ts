import { z } from 'zod';
import { COUNSELING_FIELDS } from '../../domain/counseling-fields';
import { FORMS_OF_ADDRESS } from '../../domain/salutation';
import { refinement } from '../german-messages';
import { freePhone, id, optionalDate, optionalEmail, optionalText, postalCode, requiredText, text, timestamp, uniqueList } from './common';

/**
 * The network directory, shaped after the Open Referral Human Services Data
 * Specification (HSDS, DOMAIN.md): an organization with its services, its
 * place (address, post box, opening hours) and its contacts. Lotse keeps one
 * place per organization: a letter goes to one address.
 */

/** HSDS 3.0's service statuses, all of them. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const PartnerServiceSchema = z.object({
  id: id.optional(),
  name: requiredText(200),
  description: optionalText(2000),
  status: z.enum(SERVICE_STATUSES).default('active'),
  counselingFields: uniqueList(z.enum(COUNSELING_FIELDS), COUNSELING_FIELDS.length),
  /** Who may come, e.g. "12 bis 27 Jahre". Ages where known, for filters. */
  eligibility: optionalText(1000),
  minimumAge: z.number().int().min(0).max(120).nullable().default(null),
  maximumAge: z.number().int().min(0).max(120).nullable().default(null),
  languages: z.array(requiredText(100)).max(30).default([]),
  fees: optionalText(500),
  /** How to apply or be referred. */
  applicationProcess: optionalText(1000),
});

export const PartnerContactSchema = z.object({
  id: id.optional(),
  name: requiredText(200),
  /** Role or title, e.g. "Teamleitung". */
  role: optionalText(200),
  /** "Frau" or "Herr" as the person wants to be addressed; null: not known, and letters greet "Sehr geehrte Damen und Herren,". */
  formOfAddress: z.enum(FORMS_OF_ADDRESS).nullable().default(null),
  /** Academic title in address and greeting, e.g. "Dr.". */
  title: optionalText(50),
  phone: freePhone,
  email: optionalEmail,
});

/** `addition`: c/o, building, floor …, printed above the street. */
const PartnerAddressSchema = z.object({ addition: optionalText(100), street: optionalText(200), postalCode, city: optionalText(100) });

export const PartnerInputSchema = z.object({
  name: requiredText(200),
  /** Department or team that letters are addressed to, e.g. "Team Zuwanderung". */
  department: optionalText(200),
  description: optionalText(2000),
  counselingFields: uniqueList(z.enum(COUNSELING_FIELDS), COUNSELING_FIELDS.length),
  address: PartnerAddressSchema.default({ addition: '', street: '', postalCode: '', city: '' }),
  /** Letters go to the post box where one is given (DIN 5008: post box instead of street). */
  postbox: z
    .object({ label: requiredText(100), postalCode, city: requiredText(100) })
    .nullable()
    .default(null),
  openingHours: optionalText(500),
  phone: freePhone,
  email: optionalEmail,
  website: optionalText(300),
  services: z
    .array(PartnerServiceSchema)
    .max(30)
    .superRefine((services, context) =>
      services.forEach((service, index) => {
        if (service.minimumAge !== null && service.maximumAge !== null && service.minimumAge > service.maximumAge) {
          context.addIssue({ code: 'custom', path: [index, 'maximumAge'], ...refinement('input.ageRange') });
        }
      }),
    )
    .default([]),
  contacts: z.array(PartnerContactSchema).max(30).default([]),
  notes: optionalText(5000),
  /** When the entry was last checked against the agency itself; null = never (unverified). */
  assuredDate: optionalDate,
  assuredBy: optionalText(200),
});

/** Unverified: never checked. Stale: last checked more than 12 months ago. */
export const VERIFICATION_STATES = ['verified', 'stale', 'unverified'] as const;

export const PartnerSchema = PartnerInputSchema.extend({
  id,
  services: z.array(PartnerServiceSchema.extend({ id })),
  contacts: z.array(PartnerContactSchema.extend({ id })),
  archived: z.boolean(),
  verification: z.enum(VERIFICATION_STATES),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const POSTAL_ADDRESS_STATES = ['missing', 'complete'] as const;

export const PartnerListInputSchema = z.object({
  query: text(200).default(''),
  counselingField: z.enum(COUNSELING_FIELDS).optional(),
  language: text(100).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  /** Entries a letter can reach ('complete') or cannot ('missing': no street or complete post box, postcode and city). */
  postalAddress: z.enum(POSTAL_ADDRESS_STATES).optional(),
  includeArchived: z.boolean().default(false),
});

/** The HSDS 3.0 forms `partners.export` writes: full organizations as one API page (JSON), or the tabular data package (ZIP of CSVs). */
export const PARTNER_EXPORT_FORMS = ['hsds-organizations', 'hsds-package'] as const;
export type PartnerExportForm = (typeof PARTNER_EXPORT_FORMS)[number];

export const IMPORT_FORMATS = ['hsds', 'csv'] as const;
export const IMPORT_ACTIONS = ['new', 'changed', 'unchanged'] as const;

export const IMPORT_ENCODINGS = ['utf8', 'base64'] as const;

/** A file's limit (20 MB, as base64 a third more) and all files' together. */
const MAX_IMPORT_CHARS = 28_000_000;

/** One file of an import: text as read, or (a ZIP) its bytes as base64. */
export const PartnerImportFileSchema = z.object({
  name: text(255),
  content: z.string().max(MAX_IMPORT_CHARS),
  encoding: z.enum(IMPORT_ENCODINGS).default('utf8'),
});

/**
 * `content` (one file as text, or base64 with `encoding`) or `files`
 * (several: the CSV tables of an HSDS data package, or a ZIP). Format
 * 'hsds' reads every form of HSDS 3.0 (README); 'csv' a spreadsheet list.
 */
export const PartnerImportInputSchema = z.object({
  content: z.string().max(MAX_IMPORT_CHARS).default(''),
  encoding: z.enum(IMPORT_ENCODINGS).default('utf8'),
  files: z
    .array(PartnerImportFileSchema)
    .max(40)
    .refine((files) => files.reduce((sum, file) => sum + file.content.length, 0) <= MAX_IMPORT_CHARS, refinement('input.tooLarge'))
    .default([]),
  format: z.enum(IMPORT_FORMATS).default('hsds'),
  /** false: only say what would happen (the preview); true: do it. */
  apply: z.boolean().default(false),
});

/** A catalogue message as data (shared/i18n/errors.*.ts, `partnerImport.notKept.*`): worded in the interface's language. */
const MessageDataSchema: z.ZodType<{ key: string; params?: Record<string, unknown> | undefined }> = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const PartnerImportResultSchema = z.object({
  applied: z.boolean(),
  items: z.array(
    z.object({
      action: z.enum(IMPORT_ACTIONS),
      name: z.string(),
      /** Tells apart entries of one name ("Kreis Düren": Integrationszentrum, Ausländerbehörde). */
      department: z.string(),
      /** The directory entry it matched (changed, unchanged) or became (new, once applied). */
      partnerId: id.nullable(),
      /** How it was matched: by id, or by name and postcode. */
      matchedBy: z.enum(['id', 'name-postcode']).nullable(),
    }),
  ),
  counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  /** What the file says that Lotse's partner model cannot keep (a second location, funding …): listed, never dropped silently. */
  notKept: z.array(z.object({ partner: z.string(), what: MessageDataSchema })).default([]),
});

export const IMPORT_STATES = ['running', 'done', 'cancelled'] as const;

/**
 * A large import runs in a worker (`partners.importStart`), asked for its
 * progress like a serial letter: `done` of `total` entries checked; the
 * result once it is done. A refused file is answered by `importStatus` with
 * the refusal, as `partners.import` would answer it.
 */
export const PartnerImportStatusSchema = z.object({
  importId: id,
  state: z.enum(IMPORT_STATES),
  done: z.number().int(),
  total: z.number().int(),
  result: PartnerImportResultSchema.optional(),
});

export type Partner = z.output<typeof PartnerSchema>;
export type PartnerInput = z.output<typeof PartnerInputSchema>;
export type PartnerImportResult = z.output<typeof PartnerImportResultSchema>;
export type PartnerImportStatus = z.output<typeof PartnerImportStatusSchema>;
