import { z } from 'zod';
import { FORM_PURPOSES, FormDefinitionSchema, LanguageCodeSchema, TranslationReviewSchema } from '../../forms/definition';
import { isoDate, requiredText, text, timestamp } from './common';

/** Where a template version's text came from: as shipped, or edited by the office. */
export const TEMPLATE_SOURCES = ['built-in', 'office'] as const;

export const TemplateVersionSchema = z.object({
  version: z.number().int().positive(),
  source: z.enum(TEMPLATE_SOURCES),
  savedAt: timestamp,
  /** The counselor who saved it (from the settings at that moment); empty for shipped versions. */
  savedBy: z.string(),
});

export const TemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  layout: FormDefinitionSchema.shape.layout,
  recipient: FormDefinitionSchema.shape.recipient,
  /** The newest version: new documents use it. */
  version: z.number().int().positive(),
  source: z.enum(TEMPLATE_SOURCES),
  savedAt: timestamp,
  /** The oldest "Stand" among its text blocks: how current its legal wording is. */
  oldestStand: isoDate.nullable(),
  /** Set for a form Lotse fills itself (the Art. 15 information): its wording is edited here, but no document is made of it. */
  purpose: z.enum(FORM_PURPOSES).nullable(),
  /** The languages this version has a translation in, each with its review state (null: ungeprüft). */
  translations: z.array(z.object({ language: LanguageCodeSchema, review: TranslationReviewSchema })),
});

export const TemplateSchema = TemplateSummarySchema.extend({
  definition: FormDefinitionSchema,
  versions: z.array(TemplateVersionSchema),
});

/** One language's wording as the template editor saves it. */
export const TemplateTranslationEditSchema = z.object({
  title: requiredText(300),
  labels: z.record(z.string(), requiredText(300)).default({}),
  blocks: z.record(z.string(), z.object({ text: text(20000), stand: isoDate })).default({}),
  letter: z.object({ subject: text(300), salutation: text(300), closing: text(300) }).optional(),
  bindingNote: requiredText(300),
  checked: z.boolean(),
});

/**
 * An office edit: labels of fields and sections, text blocks with their
 * Stand, the letter's subject, salutation and closing. Structure (which
 * fields exist) is the shipped definition's; a save makes a new version.
 */
export const TemplateUpdateSchema = z.object({
  id: z.string().min(1).max(100),
  /** The version the edit started from: a newer one saved meanwhile is a conflict, not overwritten. */
  baseVersion: z.number().int().positive(),
  title: requiredText(300).optional(),
  labels: z.record(z.string(), requiredText(300)).default({}),
  blocks: z.record(z.string(), z.object({ text: text(20000), stand: isoDate })).default({}),
  letter: z.object({ subject: text(300), salutation: text(300), closing: text(300) }).optional(),
  /**
   * Translations edited with it, by language: each one given replaces that
   * language's translation whole; `checked: true` stamps it as checked by the
   * counselor (settings) today, `false` makes it ungeprüft. Languages not
   * given stay as they are.
   */
  translations: z.partialRecord(LanguageCodeSchema, TemplateTranslationEditSchema).default({}),
});

export const TemplateRefSchema = z.object({ id: z.string().min(1).max(100), version: z.number().int().positive().optional() });

export type TemplateSummary = z.output<typeof TemplateSummarySchema>;
export type Template = z.output<typeof TemplateSchema>;
export type TemplateUpdate = z.output<typeof TemplateUpdateSchema>;
export type TemplateTranslationEdit = z.output<typeof TemplateTranslationEditSchema>;
