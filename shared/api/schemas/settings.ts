import { z } from 'zod';
import { BackupSettingsSchema } from './backup';
import { optionalEmail, optionalPhone, postalCode, text } from './common';

/**
 * The letterhead logo, PNG or JPEG, as base64. The core reads the file
 * itself before storing it (type by its first bytes, at most 500 KB and
 * 4000 × 4000 pixels, image data that inflate to no more than the pixels
 * need, not damaged), says in German what is wrong, and stores a PNG redrawn
 * at most 600 pixels wide or high; the length limit here only keeps absurd
 * requests out.
 */
export const LogoSchema = z.object({
  mimeType: z.enum(['image/png', 'image/jpeg']),
  dataBase64: z.string().min(1).max(8_000_000),
});

/**
 * The office sending the letters. Every part may be empty: a fresh data
 * folder starts so, until the first-run setup fills in what a letter needs
 * (shared/domain/setup.ts); saving checks that, not the schema.
 */
const OfficeSchema = z.object({
  organization: text(200),
  department: text(200),
  street: text(200),
  postalCode,
  city: text(100),
  room: text(100),
  /** Postal address when letters should be answered to a post box. */
  postbox: z.object({ label: text(100), postalCode, city: text(100) }).nullable(),
  phone: optionalPhone,
  email: optionalEmail,
  web: text(200),
  hours: text(300),
  /** Whom to ask at the office when the counselor is not named (e.g. the team lead); added later, so optional. */
  contact: text(200).default(''),
  /** Printed in the letterhead (at most 40 × 20 mm); added later, so optional. */
  logo: LogoSchema.nullable().default(null),
});

/** The counselor: named in the information block and under the signature (name, then title). */
const CounselorSchema = z.object({
  name: text(200),
  title: text(200),
  phone: optionalPhone,
  email: optionalEmail,
});

export const DeadlineSettingsSchema = z.object({
  /** Days before a consent runs out that the deadline list shows it. */
  consentLeadDays: z.number().int().min(0).max(365),
});

/**
 * How long the office keeps a closed case before it is due for review and
 * erasure. The office sets its own period (DOMAIN.md, Retention); Lotse only
 * lists who is due, and never erases without the counselor's confirmation.
 */
export const RetentionSettingsSchema = z.object({
  closedCaseMonths: z.number().int().min(1).max(240),
});

export const SettingsSchema = z.object({
  office: OfficeSchema,
  counselor: CounselorSchema,
  deadlines: DeadlineSettingsSchema,
  /** Rotation of the daily backups; always there in what settings.get returns, left out on update: unchanged. */
  backups: BackupSettingsSchema.optional(),
  /** How long closed cases are kept; like backups, always in what settings.get returns, left out on update: unchanged. */
  retention: RetentionSettingsSchema.optional(),
});

export type Settings = z.output<typeof SettingsSchema>;
export type Logo = z.output<typeof LogoSchema>;
export type RetentionSettings = z.output<typeof RetentionSettingsSchema>;
