import { z } from 'zod';
import { RESIDENCE_STATUS_CODES } from '../domain/residence-status';
import { isIsoDate } from '../domain/iso-date';

/**
 * The API contract (DESIGN.md §2): one map from method name to input and
 * output schema. The renderer's client derives its types from it and
 * main/core/api/handlers.ts must satisfy it.
 */

/**
 * Text as people type it. Control characters other than tab and line breaks
 * are refused: they cannot be printed and hide content from the reader.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'Enthält Steuerzeichen, die nicht gedruckt werden können.',
    });
const requiredText = (max: number) =>
  text(max).refine((value) => value.trim().length > 0, { message: 'Bitte ausfüllen.' });

export const isoDate = z.string().refine(isIsoDate, { message: 'Bitte ein gültiges Datum angeben (JJJJ-MM-TT).' });
const timestamp = z.string();
const id = z.string().min(1).max(64);

/** Optional text: may be left out by callers and is then stored empty. */
const optionalText = (max: number) => text(max).default('');

export const AddressSchema = z.object({
  street: optionalText(200),
  postalCode: z.string().regex(/^(\d{5})?$/).default(''),
  city: optionalText(100),
});

export const ClientInputSchema = z.object({
  familyName: requiredText(200),
  givenName: optionalText(200),
  birthDate: isoDate.nullable().default(null),
  residenceStatus: z.enum(RESIDENCE_STATUS_CODES).nullable().default(null),
  residenceValidUntil: isoDate.nullable().default(null),
  address: AddressSchema.default({ street: '', postalCode: '', city: '' }),
});

export const ClientSchema = ClientInputSchema.extend({
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ClientUpdateSchema = ClientInputSchema.extend({ id });

const OfficeSchema = z.object({
  organization: requiredText(200),
  department: text(200),
  street: text(200),
  postalCode: z.string().regex(/^(\d{5})?$/),
  city: text(100),
  room: text(100),
  /** Postal address when letters should be answered to a post box. */
  postbox: z.object({ label: text(100), postalCode: z.string().regex(/^(\d{5})?$/), city: text(100) }).nullable(),
  phone: text(60),
  email: text(200),
  web: text(200),
  hours: text(300),
});

const CounselorSchema = z.object({
  name: text(200),
  title: text(200),
  phone: text(60),
  email: text(200),
});

export const SettingsSchema = z.object({
  office: OfficeSchema,
  counselor: CounselorSchema,
});

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

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const contract = {
  'app.info': {
    input: z.object({}).strict().default({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
  'app.describe': {
    input: z.object({}).strict().default({}),
    output: z.object({
      methods: z.record(z.string(), z.object({ input: z.unknown(), output: z.unknown() })),
    }),
  },
  'clients.create': { input: ClientInputSchema, output: ClientSchema },
  'clients.update': { input: ClientUpdateSchema, output: ClientSchema },
  'clients.get': { input: z.object({ id }), output: ClientSchema },
  'clients.search': {
    input: z.object({ query: text(200), limit: z.number().int().min(1).max(200).default(20) }),
    output: list(ClientSchema),
  },
  'documents.create': {
    input: z.object({
      templateId: z.string().min(1).max(100),
      clientId: id,
      partnerId: id.nullable().default(null),
      values: z.record(z.string(), z.unknown()),
    }),
    output: DocumentSchema,
  },
  'documents.update': {
    input: z.object({ id, values: z.record(z.string(), z.unknown()) }),
    output: DocumentSchema,
  },
  'documents.get': { input: z.object({ id }), output: DocumentSchema },
  'documents.list': {
    input: z.object({ clientId: id.optional() }),
    output: list(DocumentSchema),
  },
  'documents.render': { input: z.object({ id }), output: RenderedPdfSchema },
  'settings.get': { input: z.object({}).strict().default({}), output: SettingsSchema },
  'settings.update': { input: SettingsSchema, output: SettingsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export type Client = z.output<typeof ClientSchema>;
export type ClientInput = z.output<typeof ClientInputSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type LotseDocument = z.output<typeof DocumentSchema>;
export type RenderedPdf = z.output<typeof RenderedPdfSchema>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
