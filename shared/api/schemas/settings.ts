import { z } from 'zod';
import { optionalEmail, optionalPhone, postalCode, requiredText, text } from './common';

const OfficeSchema = z.object({
  organization: requiredText(200),
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
});

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

export const SettingsSchema = z.object({
  office: OfficeSchema,
  counselor: CounselorSchema,
  deadlines: DeadlineSettingsSchema,
});

export type Settings = z.output<typeof SettingsSchema>;
