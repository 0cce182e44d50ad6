import { z } from 'zod';
import { SETUP_ITEMS } from '../domain/setup';
import { closedInputs } from './closed-input';
import { refinement } from './german-messages';
import { AuditCsvSchema, AuditFacetsSchema, AuditFilterSchema, AuditListInputSchema, AuditPageSchema } from './schemas/audit';
import { BackupListSchema, BackupPassphraseSchema, BackupSchema, BackupUploadSchema, backupId, StoreDamageSchema } from './schemas/backup';
import {
  BatchInputSchema,
  BatchPreviewSchema,
  BatchRenderInputSchema,
  BatchResultSchema,
  BatchSampleInputSchema,
  BatchSampleSchema,
  BatchStartedSchema,
  BatchStatusSchema,
} from './schemas/batch';
import {
  ClientCloseSchema,
  ClientCreateSchema,
  ClientExportSchema,
  ClientSchema,
  ClientListItemSchema,
  ClientSearchInputSchema,
  ClientSimilarInputSchema,
  ClientUpdateSchema,
  SimilarClientsSchema,
  ResidenceStatusSchema,
  RetentionDueListSchema,
} from './schemas/client';
import { id, isoDate, list, text } from './schemas/common';
import { ConsentInputSchema, ConsentSchema } from './schemas/consent';
import { DeadlineCompleteSchema, DeadlineListInputSchema, DeadlineListSchema, DeadlinePostponeSchema, DeadlineRefSchema } from './schemas/deadline';
import { LanguageCodeSchema } from '../forms/definition';
import {
  BILINGUAL_LAYOUTS,
  DisclosureSchema,
  DocumentContextSchema,
  BatchGroupSchema,
  DocumentListFilterSchema,
  DocumentSchema,
  DuplicateInputSchema,
  DuplicateResultSchema,
  FinalizeInputSchema,
  PrintManyInputSchema,
  REFERRAL_STATUSES,
  RenderedPdfSchema,
  salutationOverride,
} from './schemas/document';
import {
  PartnerImportInputSchema,
  PartnerImportResultSchema,
  PartnerImportStatusSchema,
  PartnerInputSchema,
  PartnerListInputSchema,
  PartnerSchema,
  PARTNER_EXPORT_FORMS,
} from './schemas/partner';
import { SettingsSchema } from './schemas/settings';
import { ConflictListSchema, ConflictResolveSchema, HandOverSchema, TeamConnectSchema, TeamStatusSchema, TeamSyncResultSchema } from './schemas/team';
import { TemplateRefSchema, TemplateSchema, TemplateSummarySchema, TemplateUpdateSchema } from './schemas/template';

/**
 * The API contract (DESIGN.md §2): one map from method name to input and
 * output schema. The renderer's client derives its types from it and
 * main/core/api/handlers.ts must satisfy it. Every input refuses keys it
 * does not name (closed-input.ts).
 */

const noInput = z.object({}).strict().default({});

/** A passphrase for the store itself (main/core/store-key.ts): at least 10 characters. */
const StorePassphraseSchema = z
  .string()
  .max(500)
  .refine((value) => value.length >= 10, refinement('dataDir.passphraseTooShort'));

export const contract = closedInputs({
  'app.info': {
    input: noInput,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      host: z.enum(['electron', 'browser']),
      /** What the first-run setup still lacks (shared/domain/setup.ts); empty once letters can be finalized. */
      setupMissing: z.array(z.enum(SETUP_ITEMS)),
      /**
       * Set when the store was found damaged at start: it is left untouched, every method but
       * app.* and backups.* answers `store_damaged`, and restoring a backup opens a sound store again.
       */
      storeDamage: StoreDamageSchema.nullable(),
      /** The store is in passphrase mode and not unlocked yet: only app.info, app.describe and app.unlock answer (the rest `store_locked`). */
      locked: z.boolean(),
      /** How the store is keyed: a key file (browser host), a passphrase typed at start, or a key the host keeps (Electron's safeStorage). */
      keyMode: z.enum(['keyFile', 'passphrase', 'host']),
    }),
  },
  /** Opens a locked store with its passphrase; a wrong one answers `store_key_wrong` and changes nothing (try again). */
  'app.unlock': { input: z.object({ passphrase: z.string().max(500) }), output: z.object({ unlocked: z.literal(true) }) },
  /**
   * Passphrase mode (browser host): re-encrypts the store and every backup with a key derived from the passphrase
   * (at least 10 characters) and removes the key file; from the next start Lotse asks for it. Also changes a passphrase.
   */
  'app.setPassphrase': { input: z.object({ passphrase: StorePassphraseSchema }), output: z.object({ keyMode: z.literal('passphrase') }) },
  /** Back to a key file: the store and every backup re-encrypted with a new random key, written to the key file. */
  'app.removePassphrase': { input: noInput, output: z.object({ keyMode: z.literal('keyFile') }) },
  'app.describe': {
    input: noInput,
    output: z.object({
      methods: z.record(z.string(), z.object({ input: z.unknown(), output: z.unknown() })),
    }),
  },

  /** Refused with `duplicate_suspected` when clients.similar finds someone not named in `confirmedNotDuplicateOf`. */
  'clients.create': { input: ClientCreateSchema, output: ClientSchema },
  /** As create; the duplicate check runs only when a name, the birth date, the customer or the file number changes. */
  'clients.update': { input: ClientUpdateSchema, output: ClientSchema },
  /** Stored clients that may be the person of an unsaved form: same name in any spelling or order, same birth date and a similar name, same customer or file number. */
  'clients.similar': { input: ClientSimilarInputSchema, output: SimilarClientsSchema },
  'clients.get': { input: z.object({ id }), output: ClientSchema },
  /**
   * By any name spelling, birth date (12.03.1990 or 1990-03-12), customer, BG or file number; with `sort` or `filter`
   * the client list: filtered by residence status, permit end, counseling field, last contact, and sorted.
   */
  'clients.search': {
    input: ClientSearchInputSchema,
    output: list(ClientListItemSchema),
  },
  /** GDPR Art. 17: removes the person and everything attached; the audit trail keeps only that it happened. */
  'clients.erase': { input: z.object({ id }), output: z.object({ erased: z.literal(true) }) },
  /** GDPR Art. 15: everything held about the person as one ZIP (JSON plus the documents as PDFs). */
  'clients.export': { input: z.object({ id }), output: ClientExportSchema },
  /** Closes the case on `closedOn` (today or earlier): from then on the retention period runs and its deadlines stop. Refused with `conflict` when it is closed already. */
  'clients.close': { input: ClientCloseSchema, output: ClientSchema },
  /** Opens a closed case again; refused with `conflict` when it is open. */
  'clients.reopen': { input: z.object({ id }), output: ClientSchema },
  /** Persons whose case was closed longer ago than settings.retention keeps it, on `date` (default today): for review, never erased by Lotse itself. */
  'clients.retentionDue': { input: z.object({ date: isoDate.optional() }), output: RetentionDueListSchema },

  'residenceStatuses.list': { input: noInput, output: list(ResidenceStatusSchema) },
  'residenceStatuses.update': { input: ResidenceStatusSchema, output: ResidenceStatusSchema },

  'consents.create': { input: ConsentInputSchema, output: ConsentSchema },
  'consents.revoke': {
    input: z.object({ id, revokedOn: isoDate.optional() }),
    output: ConsentSchema,
  },
  /** The printed form came back signed: from this day on the consent covers its recipients. */
  'consents.sign': { input: z.object({ id, signedOn: isoDate }), output: ConsentSchema },
  'consents.list': { input: z.object({ clientId: id, date: isoDate.optional() }), output: list(ConsentSchema) },
  /** Does a valid consent cover this recipient for this client on this day (default today)? */
  'consents.covers': {
    input: z
      .object({ clientId: id, partnerId: id.optional(), recipientName: text(200).optional(), date: isoDate.optional() })
      .refine((value) => value.partnerId !== undefined || (value.recipientName ?? '').trim() !== '', {
        ...refinement('input.partnerMissing'),
        path: ['partnerId'],
      }),
    output: z.object({ covered: z.boolean(), consentIds: z.array(id) }),
  },

  'partners.create': { input: PartnerInputSchema, output: PartnerSchema },
  'partners.update': { input: PartnerInputSchema.extend({ id }), output: PartnerSchema },
  'partners.get': { input: z.object({ id }), output: PartnerSchema },
  'partners.list': { input: PartnerListInputSchema, output: list(PartnerSchema) },
  /** Archived partners leave the lists and pickers but stay for the documents and consents that name them. */
  'partners.archive': { input: z.object({ id, archived: z.boolean().default(true) }), output: PartnerSchema },
  /** Only for entries nothing refers to; others are archived. */
  'partners.delete': { input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },
  /** The directory as HSDS 3.0, to share between desks: full organizations as one `/organizations` page (JSON, text) or the tabular data package (ZIP, base64). */
  'partners.export': {
    input: z.object({ form: z.enum(PARTNER_EXPORT_FORMS).default('hsds-organizations') }).default({ form: 'hsds-organizations' }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), encoding: z.enum(['utf8', 'base64']) }),
  },
  /** HSDS JSON (from another Lotse or any HSDS source) or a simple CSV list; a preview unless `apply`. */
  'partners.import': { input: PartnerImportInputSchema, output: PartnerImportResultSchema },
  /** The same, in a worker, for large files: returns at once; `partners.importStatus` tells the progress and gives the result. */
  'partners.importStart': { input: PartnerImportInputSchema, output: PartnerImportStatusSchema },
  'partners.importStatus': { input: z.object({ importId: id }), output: PartnerImportStatusSchema },
  /** Stops a running import: nothing of it is written. */
  'partners.importCancel': { input: z.object({ importId: id }), output: PartnerImportStatusSchema },
  /** The DIN 5008 address block a letter to this partner carries. */
  'partners.addressBlock': {
    input: z.object({ id, contactId: id.optional() }),
    output: z.object({ lines: z.array(z.string()), shortened: z.array(z.string()) }),
  },

  /** What is due: permits running out, consents running out, follow-ups. Sorted by date. */
  /** One page of what is due (paged in SQL), with the count of each group: a long list never loads whole. */
  'deadlines.list': { input: DeadlineListInputSchema, output: DeadlineListSchema },
  /** Marks a deadline done with a note: it leaves the open list and shows under "erledigt"; a new due date (a renewed permit) is a new deadline. */
  'deadlines.complete': { input: DeadlineCompleteSchema, output: z.object({ done: z.literal(true) }) },
  /** Shows the deadline again from `until` on (today or later), with the note. */
  'deadlines.postpone': { input: DeadlinePostponeSchema, output: z.object({ postponed: z.literal(true) }) },
  /** Takes back "done" or "postponed": the deadline is open again. */
  'deadlines.reopen': { input: DeadlineRefSchema, output: z.object({ reopened: z.literal(true) }) },

  'templates.list': { input: noInput, output: list(TemplateSummarySchema) },
  /** The newest version, or the one named (documents keep the version they were made with). */
  'templates.get': { input: TemplateRefSchema, output: TemplateSchema },
  /** Saves the office's wording as a new version. */
  'templates.update': { input: TemplateUpdateSchema, output: TemplateSchema },
  /** A new version with the shipped wording again. */
  'templates.restore': { input: z.object({ id: z.string().min(1).max(100) }), output: TemplateSchema },
  /**
   * The edit (as `templates.update` takes it) applied to version
   * `baseVersion` and printed with a made-up person and agency, as a draft;
   * nothing is saved.
   */
  'templates.preview': { input: TemplateUpdateSchema, output: RenderedPdfSchema },

  /** A draft, prefilled from the client, the partner, the settings and a covering consent; `values` given win. */
  'documents.create': {
    input: z.object({
      templateId: z.string().min(1).max(100),
      clientId: id,
      partnerId: id.nullable().default(null),
      /** A contact of the partner the letter goes to; left out: none (a correction keeps the corrected one's). */
      contactId: id.nullable().optional(),
      /** The counselor's own greeting; left out: the computed one (a correction keeps the corrected one's). */
      salutationOverride: salutationOverride.optional(),
      values: z.record(z.string(), z.unknown()).default({}),
      /** A final document this one corrects: its values are the starting point. */
      correctsId: id.optional(),
      /**
       * For a consent form: the referral (a document of a form with the
       * consent gate, same client) it asks consent for. Its recipient, its
       * form's purpose and the kinds of its personal data prefill the form.
       */
      fromDocumentId: id.optional(),
      /**
       * The language printed beside the German; left out: the first of the
       * client's languages the template version has a translation in; null:
       * German only.
       */
      translationLanguage: LanguageCodeSchema.nullable().optional(),
    }),
    output: DocumentSchema,
  },
  /**
   * Autosave of a draft: incomplete values are kept, wrong ones refused.
   * Left out, partner, contact and greeting stay; another partner drops the contact.
   */
  'documents.update': {
    input: z.object({
      id,
      values: z.record(z.string(), z.unknown()),
      partnerId: id.nullable().optional(),
      contactId: id.nullable().optional(),
      salutationOverride: salutationOverride.optional(),
      /** Left out: stays. null: German only. */
      translationLanguage: LanguageCodeSchema.nullable().optional(),
      bilingualLayout: z.enum(BILINGUAL_LAYOUTS).optional(),
    }),
    output: DocumentSchema,
  },
  'documents.get': { input: z.object({ id }), output: DocumentSchema },
  'documents.list': { input: DocumentListFilterSchema, output: list(DocumentSchema) },
  /** What the core makes the document of (client, recipient, covering consent, settings); `partnerId`, `contactId`: for a recipient picked but not yet saved. */
  'documents.context': {
    input: z.object({ id, partnerId: id.nullable().optional(), contactId: id.nullable().optional() }),
    output: DocumentContextSchema,
  },
  /** Which personal fields would reach the recipient, and whether a consent covers each. */
  'documents.disclosure': { input: z.object({ id }), output: DisclosureSchema },
  /** Freezes the document; refused with `consent_missing` where the consent gate applies and nothing covers it. */
  'documents.finalize': { input: FinalizeInputSchema, output: DocumentSchema },
  /** A draft as it stands, or a final document exactly as it was finalized. */
  'documents.render': { input: z.object({ id }), output: RenderedPdfSchema },
  'documents.setStatus': {
    input: z.object({ id, referralStatus: z.enum(REFERRAL_STATUSES), followUpDate: isoDate.nullable().default(null) }),
    output: DocumentSchema,
  },
  /** Drafts only: a final document is kept (a correction replaces it). */
  'documents.discard': { input: z.object({ id }), output: z.object({ discarded: z.literal(true) }) },
  /**
   * A new draft with a document's values (a final one stays as it is), from
   * the template's current version. `clientId`: for another client: every
   * value prefilled from the person (name, birth date, address …) is taken
   * from that client, never from the document's.
   */
  'documents.duplicate': { input: DuplicateInputSchema, output: DuplicateResultSchema },
  /** Documents in the order given as one PDF: finals exactly as finalized, drafts marked as drafts (at most 200). */
  'documents.printMany': { input: PrintManyInputSchema, output: RenderedPdfSchema },
  /** The serial letters whose letters are still stored, newest first, for the documents list. */
  'documents.batches': { input: noInput, output: list(BatchGroupSchema) },

  /** Which clients a serial letter would go to, and who would be left out and why; changes nothing. */
  'batches.preview': { input: BatchInputSchema, output: BatchPreviewSchema },
  /** One recipient's letter as it will print (draft-marked), with the merge fields filled for them; changes nothing. */
  'batches.sample': { input: BatchSampleInputSchema, output: BatchSampleSchema },
  /**
   * Starts a serial letter: one template, the same values, one final document
   * per client, all in one PDF, rendered in a worker. Returns at once; ask
   * `batches.status` for progress and `batches.result` for the PDF.
   */
  'batches.render': { input: BatchRenderInputSchema, output: BatchStartedSchema },
  'batches.status': { input: z.object({ batchId: id }), output: BatchStatusSchema },
  /** Stops a running batch: nothing of it is recorded. */
  'batches.cancel': { input: z.object({ batchId: id }), output: BatchStatusSchema },
  /** The combined PDF of a finished batch and the documents it recorded. */
  'batches.result': { input: z.object({ batchId: id }), output: BatchResultSchema },

  /**
   * The host's print dialog for a PDF (Electron: the system dialog). The
   * browser host has none (`not_supported`): there the page opens the PDF for
   * the browser's own printing.
   */
  'pdf.print': {
    input: z.object({
      pdfBase64: z
        .string()
        .min(1)
        .max(200 * 1024 * 1024),
      title: text(300).default(''),
    }),
    output: z.object({ printed: z.boolean() }),
  },

  'settings.get': { input: noInput, output: SettingsSchema },
  /**
   * Refused with `invalid_input` on `office.logo` when the logo is no usable PNG/JPEG (type, ≤ 500 KB, ≤ 4000 × 4000 px, not damaged),
   * and on the fields the first-run setup needs (shared/domain/setup.ts) when they are left empty.
   */
  'settings.update': { input: SettingsSchema, output: SettingsSchema },
  /** A short sample letter with the letterhead of `settings` (unsaved entries) or of the stored settings. */
  'settings.previewLetterhead': { input: z.object({ settings: SettingsSchema.optional() }), output: RenderedPdfSchema },

  /** A backup of the store now (SQLite online backup, then PRAGMA integrity_check on the copy). */
  'backups.create': { input: noInput, output: BackupSchema },
  /** Every backup in the data folder's backups/, newest first, with the folder. */
  'backups.list': { input: noInput, output: BackupListSchema },
  /**
   * Replaces the store with a backup: refused when the backup fails PRAGMA integrity_check, is from a
   * newer Lotse, or a serial letter is running. The store it replaces is kept as a backup (a damaged
   * one is moved aside as `beschaedigt-…`); an older backup is migrated; every client erased since
   * (the erasure log) is erased from it again.
   */
  'backups.restore': { input: z.object({ id: backupId }), output: z.object({ restored: BackupSchema, reappliedErasures: z.number().int() }) },
  /**
   * One backup file's bytes, to save it elsewhere (a USB stick, a network drive): encrypted with
   * `passphrase` when given (to restore it on another desk), else with this store's key.
   */
  'backups.download': {
    input: z.object({ id: backupId, passphrase: BackupPassphraseSchema.optional() }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
  /** Keeps a backup file the counselor picked (if it is a sound Lotse store) among the backups, to restore it. */
  'backups.upload': { input: BackupUploadSchema, output: BackupSchema },

  /** The audit trail, newest first, filtered (time range, action, area, counselor, subject), a page at a time, with the total that matches. */
  'audit.list': { input: AuditListInputSchema, output: AuditPageSchema },
  /** Every action, area and counselor the trail holds, for the filter fields. */
  'audit.facets': { input: noInput, output: AuditFacetsSchema },
  /** Every line the filter matches as CSV for German Excel: UTF-8 with BOM, `;`, cells that would start a formula quoted. */
  'audit.exportCsv': { input: AuditFilterSchema, output: AuditCsvSchema },

  /**
   * Links this desk to the office's team store (docs/team-mode.md): refused with `team_unreachable` when the server
   * cannot be reached or refuses the login, and with `invalid_input` on `url` for an address off this machine
   * without `sslmode=verify-full`. The password is kept in the encrypted store only. What the desk holds goes up
   * with the first sync; what the team holds comes down.
   */
  'team.connect': { input: TeamConnectSchema, output: TeamStatusSchema },
  /** Unlinks the desk; refused with `conflict` while changes are still waiting, unless `discardWaiting`. The local data stay. */
  'team.disconnect': { input: z.object({ discardWaiting: z.boolean().default(false) }), output: TeamStatusSchema },
  /** Online or not, the last sync, the changes waiting and the conflicts open. */
  'team.status': { input: noInput, output: TeamStatusSchema },
  /** Pushes the waiting changes and pulls the team's; `team_unreachable` when offline (nothing is lost: they keep waiting). */
  'team.sync': { input: noInput, output: TeamSyncResultSchema },
  /** Every open conflict, field by field, the server's state beside this desk's. */
  'team.conflicts': { input: noInput, output: ConflictListSchema },
  /** Decides a conflict: the merged state is written as a new change on top of the server's and syncs like any edit. */
  'team.resolve': { input: ConflictResolveSchema, output: z.object({ resolved: z.literal(true) }) },
  /** Moves a client with everything of theirs to another team (online only, audited); this desk keeps them only if it belongs to that team too. */
  'team.handOver': { input: HandOverSchema, output: z.object({ handedOver: z.literal(true), kept: z.boolean() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { AuditEntry, AuditFilter } from './schemas/audit';
export type { Backup, BackupKind, BackupSettings, StoreDamage } from './schemas/backup';
export { BACKUP_KINDS, INTEGRITY_RESULTS } from './schemas/backup';
export type {
  Client,
  ClientInput,
  ClientListFilter,
  ClientSort,
  ClientSummary,
  CloseReason,
  DuplicateReason,
  ResidenceStatus,
  RetentionDue,
} from './schemas/client';
export type { Consent, ConsentInput, ConsentState } from './schemas/consent';
export type { Deadline, DeadlineGroup, DeadlineNext, DeadlineRef } from './schemas/deadline';
export type {
  BatchGroup,
  BilingualLayout,
  Disclosure,
  DocumentContextView,
  DocumentListFilter,
  DuplicateResult,
  LegalBasis,
  LotseDocument,
  ReferralStatus,
  RenderedPdf,
} from './schemas/document';
export { BILINGUAL_LAYOUTS, DOCUMENT_STATUSES, PRINT_MANY_LIMIT, REFERRAL_STATUSES } from './schemas/document';
export type { Template, TemplateSummary, TemplateTranslationEdit, TemplateUpdate } from './schemas/template';
export type { LanguageCode } from '../domain/languages';
export { LANGUAGE_CODES, LANGUAGES, languageCodeOf } from '../domain/languages';
export type { Logo, RetentionSettings, Settings } from './schemas/settings';
export type { Conflict, ConflictField, ConflictSubject, TeamStatus } from './schemas/team';
export { CONFLICT_SUBJECTS } from './schemas/team';
export type { BatchFilter, BatchPreview, BatchResult, BatchSample, BatchSkipped, BatchStarted, BatchStatus, Unfilled } from './schemas/batch';
export { BATCH_STATES } from './schemas/batch';
export type { Partner, PartnerInput, PartnerImportResult, PartnerImportStatus } from './schemas/partner';
export { IMPORT_ACTIONS, IMPORT_STATES, POSTAL_ADDRESS_STATES, SERVICE_STATUSES, VERIFICATION_STATES } from './schemas/partner';
export { CLIENT_SORTS, CLOSE_REASONS, CONTACT_CHANNELS, DUPLICATE_REASONS, GERMAN_LEVELS, SEXES } from './schemas/client';
export { CONSENT_STATES, DATA_CATEGORIES, EXCHANGE_DIRECTIONS } from './schemas/consent';
export { DEADLINE_GROUPS, DEADLINE_KINDS } from './schemas/deadline';
