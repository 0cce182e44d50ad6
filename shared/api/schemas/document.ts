import { z } from 'zod';
import { id, timestamp } from './common';

export const DOCUMENT_STATUSES = ['draft', 'final'] as const;

export const DocumentSchema = z.object({
  id,
  templateId: z.string(),
  templateVersion: z.number().int(),
  clientId: id,
  partnerId: id.nullable(),
  values: z.record(z.string(), z.unknown()),
  status: z.enum(DOCUMENT_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const RenderedPdfSchema = z.object({
  pdfBase64: z.string(),
  sha256: z.string(),
  pages: z.number().int().positive(),
});

export type LotseDocument = z.output<typeof DocumentSchema>;
export type RenderedPdf = z.output<typeof RenderedPdfSchema>;
