import { z } from 'zod';
import { COUNSELING_FIELDS } from '../../domain/counseling-fields';
import { id, isoDate, optionalDate, optionalEmail, optionalPhone, optionalText, postalCode, requiredText, text, timestamp, uniqueList } from './common';

export const SEXES = ['female', 'male', 'diverse', 'unspecified'] as const;
export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'in-person', 'messenger'] as const;
export const GERMAN_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const AddressSchema = z.object({
  /** Address addition (c/o, Unterkunft, Zimmer, Wohnung …), printed above the street. */
  addition: optionalText(100),
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
});

export const LanguageSchema = z.object({
  language: requiredText(100),
  interpreterNeeded: z.boolean().default(false),
});

export const QualificationSchema = z.object({
  /** The title as the certificate states it, in its own language and script. */
  titleOriginal: optionalText(300),
  titleGerman: optionalText(300),
  country: optionalText(100),
  year: z.number().int().min(1900).max(2100).nullable().default(null),
  /** e.g. Hochschulabschluss, Berufsausbildung */
  kind: optionalText(100),
  /** Referenzberuf: the German occupation the recognition is measured against. */
  referenceOccupation: optionalText(200),
  /** Reglementierter Beruf: recognition is required to work in it. null = not known yet. */
  regulated: z.boolean().nullable().default(null),
});

export const GermanLevelSchema = z.object({
  level: z.enum(GERMAN_LEVELS).nullable().default(null),
  certificate: optionalText(200),
  certificateDate: optionalDate,
});

/** A residence status code: one of the rows of `residenceStatuses.list`. */
export const residenceStatusCode = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const ClientInputSchema = z.object({
  familyName: requiredText(200),
  givenName: optionalText(200),
  /** Other spellings and the names in the original script (e.g. Cyrillic, Arabic). */
  otherNames: z.array(requiredText(200)).max(10).default([]),
  sex: z.enum(SEXES).nullable().default(null),
  /** Academic title the client is addressed with, e.g. "Dr.": letters greet "Sehr geehrte Frau Dr. Kovalenko,". */
  title: optionalText(50),
  birthDate: optionalDate,
  birthPlace: optionalText(200),
  nationalities: z.array(requiredText(100)).max(5).default([]),
  address: AddressSchema.default({ addition: '', street: '', postalCode: '', city: '' }),
  phone: optionalPhone,
  email: optionalEmail,
  preferredContact: z.enum(CONTACT_CHANNELS).nullable().default(null),
  languages: z.array(LanguageSchema).max(10).default([]),
  /** Job-centre numbers: Kundennummer and BG-Nummer (Bedarfsgemeinschaft). */
  customerNumber: optionalText(30),
  bgNumber: optionalText(30),
  /** Aktenzeichen of the office. */
  fileNumber: optionalText(50),
  counselingFields: uniqueList(z.enum(COUNSELING_FIELDS), COUNSELING_FIELDS.length),
  germanLevel: GermanLevelSchema.default({ level: null, certificate: '', certificateDate: null }),
  education: optionalText(2000),
  qualifications: z.array(QualificationSchema).max(10).default([]),
  residenceStatus: residenceStatusCode.nullable().default(null),
  residenceValidUntil: optionalDate,
  notes: optionalText(20000),
});

/**
 * Why a case was closed: a short code, no free text (what happened belongs in
 * the notes, where the counselor decides what to write).
 */
export const CLOSE_REASONS = ['goal-reached', 'moved-away', 'no-contact', 'handed-over', 'other'] as const;

export const ClientSchema = ClientInputSchema.extend({
  id,
  /** The day the case was closed (clients.close), null while it is open; from then on the retention period runs. A record of an older Lotse (a final document's snapshot) has none: open. */
  closedOn: isoDate.nullable().default(null),
  closedReason: z.enum(CLOSE_REASONS).nullable().default(null),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ClientCloseSchema = z.object({
  id,
  /** Today or earlier. */
  closedOn: isoDate,
  reason: z.enum(CLOSE_REASONS).nullable().default(null),
});

/** A person whose case was closed longer ago than the office keeps closed cases (settings.retention). */
export const RetentionDueSchema = z.object({
  clientId: id,
  name: z.string(),
  closedOn: isoDate,
  /** The closing day plus the retention period: from this day on the file is no longer needed. */
  dueSince: isoDate,
  documents: z.number().int(),
});

export const RetentionDueListSchema = z.object({
  /** The period the list was computed with, as set in settings.retention. */
  months: z.number().int(),
  /** Longest due first. */
  items: z.array(RetentionDueSchema),
});

/**
 * The people the counselor checked and found to be someone else (clients.similar): a create or an
 * update that would look like a duplicate of anyone not named here is refused with `duplicate_suspected`.
 */
const confirmedNotDuplicateOf = z.array(id).max(50).default([]);

export const ClientCreateSchema = ClientInputSchema.extend({ confirmedNotDuplicateOf });

export const ClientUpdateSchema = ClientInputSchema.extend({ id, confirmedNotDuplicateOf });

/** Why a stored client may be the same person as the one being entered. */
export const DUPLICATE_REASONS = [
  /** The same names (family, given, other spellings) in any order and spelling: Müller/Mueller/Muller, Nguyễn/Nguyen. */
  'sameName',
  /** The same birth date and a similar name (a shared name, or a family name a letter or two apart). */
  'birthDateSimilarName',
  'customerNumber',
  'fileNumber',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What clients.similar compares: the fields of an unsaved form that identify a person. */
export const ClientSimilarInputSchema = z.object({
  familyName: optionalText(200),
  givenName: optionalText(200),
  otherNames: z.array(text(200)).max(10).default([]),
  birthDate: optionalDate,
  customerNumber: optionalText(30),
  fileNumber: optionalText(50),
  /** The client being edited: never their own duplicate. */
  excludeId: id.optional(),
});

export const ClientSummarySchema = z.object({
  id,
  familyName: z.string(),
  givenName: z.string(),
  birthDate: isoDate.nullable(),
  city: z.string(),
  customerNumber: z.string(),
  fileNumber: z.string(),
  closedOn: isoDate.nullable(),
});

export const SimilarClientsSchema = z.object({
  items: z.array(z.object({ client: ClientSummarySchema, reasons: z.array(z.enum(DUPLICATE_REASONS)).min(1) })),
});

/** How the client list is ordered: by name, by the end of the permit (soonest first), by last contact (longest ago first), or last changed first. */
export const CLIENT_SORTS = ['name', 'residenceValidUntil', 'lastContactOldest', 'lastContactNewest', 'recent'] as const;

/** Filters of the client list; every one given must hold. */
export const ClientListFilterSchema = z.object({
  residenceStatus: residenceStatusCode.optional(),
  counselingField: z.enum(COUNSELING_FIELDS).optional(),
  /** Permit (residence valid until) on or after / on or before this day. */
  validUntilFrom: isoDate.optional(),
  validUntilTo: isoDate.optional(),
  /** Last contact (the newest document or change of the record) before this day: who has not been seen since. */
  lastContactBefore: isoDate.optional(),
  /** Open cases only (closed ones are left out). */
  openOnly: z.boolean().optional(),
});

export const ClientSearchInputSchema = z.object({
  query: text(200),
  limit: z.number().int().min(1).max(200).default(20),
  /** Without sort and filter the search answers as it always did: best matches first, an empty query the last changed. */
  sort: z.enum(CLIENT_SORTS).optional(),
  filter: ClientListFilterSchema.optional(),
});
/** A client in the list; with sort or filter also the last contact (timestamp: the newest document or change of the record). */
export const ClientListItemSchema = ClientSchema.extend({ lastContact: timestamp.optional() });

export type ClientSearchInput = z.output<typeof ClientSearchInputSchema>;
export type ClientListFilter = z.output<typeof ClientListFilterSchema>;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export type ClientSimilarInput = z.output<typeof ClientSimilarInputSchema>;
export type ClientSummary = z.output<typeof ClientSummarySchema>;

export const ClientExportSchema = z.object({
  fileName: z.string(),
  zipBase64: z.string(),
});

export const ResidenceStatusSchema = z.object({
  code: residenceStatusCode,
  label: requiredText(200),
  /** Whether a permit of this kind runs out (and so feeds the deadline list). */
  expires: z.boolean(),
  /** How many days before expiry the deadline list shows it. */
  reminderLeadDays: z.number().int().min(0).max(730),
  /** What the counselor should do before expiry (legal text: editable, with its Stand). */
  reminderText: optionalText(1000),
  /** Date of the legal state the label and reminder describe. */
  stand: isoDate,
});

export type Client = z.output<typeof ClientSchema>;
export type ClientInput = z.output<typeof ClientInputSchema>;
export type ResidenceStatus = z.output<typeof ResidenceStatusSchema>;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export type RetentionDue = z.output<typeof RetentionDueSchema>;
