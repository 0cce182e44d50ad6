import { z } from 'zod';
import { COUNSELING_FIELDS } from '../../domain/counseling-fields';
import { residenceStatusCode } from './client';
import { refinement } from '../german-messages';
import { id, isoDate, text } from './common';

/**
 * Serial letters (`batches.*`): one template with the same values for a set
 * of clients, rendered in a worker into one PDF. The browser host has no push
 * channel, so a batch is started, then asked for its status until it is done,
 * then its result is fetched: the same calls in both hosts.
 */

/**
 * Which clients get the letter. Criteria given are combined (all must hold);
 * none given means every client. `permitEndsWithinMonths` keeps clients whose
 * residence permit runs out from today up to that many months ahead.
 */
export const BatchFilterSchema = z
  .object({
    residenceStatus: residenceStatusCode.optional(),
    permitEndsWithinMonths: z.number().int().min(1).max(60).optional(),
    counselingField: z.enum(COUNSELING_FIELDS).optional(),
    clientIds: z.array(id).min(1).max(5000).optional(),
    /**
     * No criterion at all means every client: a serial letter to everyone
     * must say so (`everyone: true`), so it is never sent to all by leaving
     * the filter empty by mistake.
     */
    everyone: z.literal(true).optional(),
  })
  .strict();

/**
 * The appointment a serial letter invites to, entered once for the batch and
 * printed where the text has `{{appointment.date}}`, `{{appointment.time}}`,
 * `{{appointment.place}}` (shared/forms/merge-fields.ts). `time` is `HH:MM`.
 */
export const AppointmentSchema = z
  .object({
    date: z.union([z.literal(''), isoDate]).default(''),
    time: z
      .string()
      .refine((value) => /^(([01]\d|2[0-3]):[0-5]\d)?$/.test(value), refinement('input.time'))
      .default(''),
    place: text(200).default(''),
  })
  .strict();

export const BatchInputSchema = z.object({
  templateId: z.string().min(1).max(100),
  /** The same for every letter; fields prefilled from the client are filled per client where left empty. */
  values: z.record(z.string(), z.unknown()).default({}),
  filter: BatchFilterSchema.default({}),
  /**
   * For duplex printing: a letter with an odd page count is followed by a
   * blank page, so every letter starts on the front of a new sheet.
   */
  duplex: z.boolean().default(true),
  appointment: AppointmentSchema.default({ date: '', time: '', place: '' }),
});

/**
 * Starting a serial letter names its recipients one by one: the people the
 * counselor left ticked in the list. Each must exist and match the filter;
 * the batch writes letters for these and no one else.
 */
export const BatchRenderInputSchema = BatchInputSchema.extend({
  recipients: z.array(id).min(1).max(5000),
});

/** The sample of one recipient's letter, before anything is written. */
export const BatchSampleInputSchema = BatchInputSchema.extend({ clientId: id });

/** A merge field that a recipient's record leaves empty: its placeholder and its German name. */
export const UnfilledSchema = z.object({ name: z.string(), label: z.string() });

/** A client the batch leaves out, with the reason in German. */
export const BatchSkippedSchema = z.object({
  clientId: id,
  clientName: z.string(),
  reason: z.string(),
});

export const BatchPreviewSchema = z.object({
  /** Letters the batch would make. */
  total: z.number().int(),
  /**
   * Who would get a letter, by name (at most 5,000), each with the merge
   * fields the text uses that their record leaves empty.
   */
  clients: z.array(z.object({ id, name: z.string(), unfilled: z.array(UnfilledSchema) })),
  skipped: z.array(BatchSkippedSchema),
});

/** One recipient's letter as it will print, marked as a draft; nothing is stored. */
export const BatchSampleSchema = z.object({
  clientId: id,
  clientName: z.string(),
  pdfBase64: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  /** Merge fields left empty for this recipient (the sample shows them as „[fehlt: …]“). */
  unfilled: z.array(UnfilledSchema),
});

export const BATCH_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const BatchStatusSchema = z.object({
  batchId: id,
  state: z.enum(BATCH_STATES),
  /** Letters handled so far (rendered or skipped while rendering); reaches `total`. */
  done: z.number().int(),
  total: z.number().int(),
  skipped: z.array(BatchSkippedSchema),
  /** Why a batch failed, in German. */
  message: z.string().optional(),
});

export const BatchStartedSchema = z.object({
  batchId: id,
  total: z.number().int(),
  skipped: z.array(BatchSkippedSchema),
});

export const BatchResultSchema = z.object({
  pdfBase64: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  /** The final documents, one per letter, in the order of the PDF. */
  documentIds: z.array(id),
  skipped: z.array(BatchSkippedSchema),
});

export type BatchFilter = z.output<typeof BatchFilterSchema>;
export type BatchInput = z.output<typeof BatchInputSchema>;
export type BatchRenderInput = z.output<typeof BatchRenderInputSchema>;
export type BatchSampleInput = z.output<typeof BatchSampleInputSchema>;
export type BatchSample = z.output<typeof BatchSampleSchema>;
export type Appointment = z.output<typeof AppointmentSchema>;
export type Unfilled = z.output<typeof UnfilledSchema>;
export type BatchSkipped = z.output<typeof BatchSkippedSchema>;
export type BatchPreview = z.output<typeof BatchPreviewSchema>;
export type BatchStatus = z.output<typeof BatchStatusSchema>;
export type BatchStarted = z.output<typeof BatchStartedSchema>;
export type BatchResult = z.output<typeof BatchResultSchema>;
