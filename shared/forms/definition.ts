import { z } from 'zod';
import { DATA_CATEGORIES } from '../api/schemas/consent';
import { LANGUAGE_CODES, type LanguageCode } from '../domain/languages';

/**
 * The vocabulary of form definitions (DESIGN.md §5). A form is data: the
 * renderer builds its input screen from it, main/core/pdf its PDF, and the
 * templates screen edits its labels and text blocks. Office versions are
 * stored as JSON, so the vocabulary is a zod schema: a stored definition is
 * checked the same way as a shipped one (`loadFormDefinition`).
 */

const identifier = z.string().regex(/^[a-z][A-Za-z0-9]{0,59}$/, 'Kennungen bestehen aus Buchstaben und Ziffern (camelCase).');
const label = z.string().max(300);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A legal age limit (⚖: the form's wording, with its Stand, not code): holds
 * while the person born on the date field `field` is younger than
 * `youngerThan` years on the first filled date field of `on` (e.g. the
 * application date, else the day of the check). `reason` tells the editor
 * why what it hides is hidden. With a date missing it holds: nothing is
 * hidden on a guess.
 */
export const AgeConditionSchema = z.object({
  field: identifier,
  youngerThan: z.number().int().min(1).max(130),
  on: z.array(identifier).min(1).max(4),
  reason: label,
});

/** Shows a field only when another field of the same form has a value, or the person's age allows it. */
export const ConditionSchema = z.union([
  z.object({ field: identifier, equals: z.union([z.string(), z.boolean()]) }),
  /** A multiselect field that contains the value. */
  z.object({ field: identifier, includes: z.string() }),
  z.object({ field: identifier, filled: z.literal(true) }),
  AgeConditionSchema,
]);

export const OptionSchema = z.object({ value: z.string().min(1).max(60), label });

/**
 * Personal data of the client that reaches a recipient: the consent category
 * that covers it (DATA_CATEGORIES), or `health` (Art. 9 GDPR, named on its
 * own). The data-minimisation preview lists these fields before a referral is
 * finalized.
 */
export const PERSONAL_DATA_KINDS = [...DATA_CATEGORIES, 'health'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** How a field prints. `paragraphs`: its text as letter paragraphs without a label; `none`: only through placeholders. */
export const PRINT_STYLES = ['labelled', 'paragraphs', 'none'] as const;

const fieldCommon = {
  id: identifier,
  label,
  /** A sentence under the input (not printed). */
  help: z.string().max(500).optional(),
  /** Needed before the document is finalized (drafts may be incomplete). */
  required: z.boolean().optional(),
  /** A path from PREFILL_SOURCES, e.g. `client.birthDate`. */
  prefill: z.string().max(100).optional(),
  showIf: ConditionSchema.optional(),
  personal: z.enum(PERSONAL_DATA_KINDS).optional(),
  print: z.enum(PRINT_STYLES).optional(),
};

export const TextFieldSchema = z.object({ ...fieldCommon, type: z.enum(['text', 'textarea']), max: z.number().int().positive().max(20000).optional() });
export const DateFieldSchema = z.object({ ...fieldCommon, type: z.literal('date') });
/** Euro amounts, stored in cents. `sumOf` makes it computed: the sum of a money column of a `lines` field. */
export const MoneyFieldSchema = z.object({
  ...fieldCommon,
  type: z.literal('money'),
  sumOf: z.object({ field: identifier, column: identifier }).optional(),
});
export const NumberFieldSchema = z.object({
  ...fieldCommon,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Decimal places allowed (0: whole numbers). */
  decimals: z.number().int().min(0).max(4).optional(),
});
export const ChoiceFieldSchema = z.object({
  ...fieldCommon,
  type: z.enum(['select', 'multiselect']),
  options: z.array(OptionSchema).min(1).max(60),
});
export const CheckboxFieldSchema = z.object({ ...fieldCommon, type: z.literal('checkbox') });
/** A partner from the network directory (stored as its id). */
export const PartnerFieldSchema = z.object({ ...fieldCommon, type: z.literal('partner') });

/** A column of a `lines` field: the scalar field kinds, without prefill or conditions. */
export const ColumnSchema = z.discriminatedUnion('type', [
  z.object({ id: identifier, label, type: z.enum(['text']), max: z.number().int().positive().max(2000).optional(), required: z.boolean().optional() }),
  z.object({ id: identifier, label, type: z.literal('money'), required: z.boolean().optional() }),
  z.object({ id: identifier, label, type: z.literal('number'), decimals: z.number().int().min(0).max(4).optional(), required: z.boolean().optional() }),
  z.object({ id: identifier, label, type: z.literal('date'), required: z.boolean().optional() }),
  z.object({ id: identifier, label, type: z.literal('checkbox') }),
  z.object({ id: identifier, label, type: z.literal('select'), options: z.array(OptionSchema).min(1).max(60), required: z.boolean().optional() }),
]);

/**
 * Repeatable rows such as cost items. `rows` pre-sets rows for a new
 * document (e.g. the usual cost kinds); counselors add, change and remove.
 */
export const LinesFieldSchema = z.object({
  ...fieldCommon,
  type: z.literal('lines'),
  columns: z.array(ColumnSchema).min(1).max(8),
  maxRows: z.number().int().positive().max(100).optional(),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])))
    .max(100)
    .optional(),
});

/**
 * Wording, not input: legal text (⚖) and explanations. `{{path}}` inserts a
 * prefill path or a field of the form. `stand` dates the legal state.
 */
export const BlockSchema = z.object({
  id: identifier,
  type: z.literal('block'),
  label,
  text: z.string().max(20000),
  stand: isoDay.optional(),
  showIf: ConditionSchema.optional(),
});

/** Lines to sign on, each with its caption (date and place are printed with each). */
export const SignatureSchema = z.object({
  id: identifier,
  type: z.literal('signature'),
  label,
  signers: z.array(label).min(1).max(4),
});

/** A framed box the receiving office fills in by hand (e.g. the job centre's decision). */
export const OfficeBoxSchema = z.object({
  id: identifier,
  type: z.literal('office-box'),
  label,
  lines: z.array(label).min(1).max(12),
});

export const FieldSchema = z.discriminatedUnion('type', [
  TextFieldSchema,
  DateFieldSchema,
  MoneyFieldSchema,
  NumberFieldSchema,
  ChoiceFieldSchema,
  CheckboxFieldSchema,
  PartnerFieldSchema,
  LinesFieldSchema,
  BlockSchema,
  SignatureSchema,
  OfficeBoxSchema,
]);

export const SectionSchema = z.object({
  id: identifier,
  title: label,
  /**
   * `false`: the title names the section for the editor only (e.g.
   * "Einleitung" above a letter's opening sentence); the PDF prints no
   * heading there, nor a label that only repeats it.
   */
  printTitle: z.boolean().optional(),
  fields: z.array(FieldSchema).max(80),
  showIf: ConditionSchema.optional(),
});

export const FORM_LAYOUTS = ['letter', 'form'] as const;
export const FORM_RECIPIENTS = ['partner', 'client', 'none'] as const;

/**
 * What finalizing a document of this form does besides freezing it:
 * `consent-record` pre-creates the consent its recipients and purposes name.
 */
export const FORM_EFFECTS = ['consent-record'] as const;

/**
 * A form Lotse fills itself from the store instead of a counselor filling it:
 * `data-access` is the Art. 15 information printed with a person's data
 * export. Its wording is edited like any template's, but no document is ever
 * made of it (not offered as a new document nor as a serial letter).
 */
export const FORM_PURPOSES = ['data-access'] as const;

/** Who checked a translation against the German text, and when; null: ungeprüft. */
export const TranslationReviewSchema = z.object({ checkedBy: z.string().min(1).max(200), checkedOn: isoDay }).nullable();

/**
 * The form's wording in another language (issue 17), printed beside or
 * under the German, which stays binding. Keys as `templates.update` takes
 * them: `labels` by section/field id (`field.column`, `field.option`),
 * `blocks` by block id, each with its own Stand. `bindingNote` is „Übersetzung –
 * maßgeblich ist der deutsche Text“ in the language.
 */
export const FormTranslationSchema = z.object({
  title: label,
  labels: z.record(z.string(), label),
  blocks: z.record(z.string(), z.object({ text: z.string().max(20000), stand: isoDay })),
  letter: z.object({ subject: label, salutation: label, closing: label }).optional(),
  bindingNote: label,
  review: TranslationReviewSchema,
});

export const LanguageCodeSchema = z.enum(LANGUAGE_CODES);

export const FormDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/),
  version: z.number().int().positive(),
  title: label,
  description: z.string().max(1000).default(''),
  layout: z.enum(FORM_LAYOUTS),
  recipient: z.enum(FORM_RECIPIENTS),
  /** Personal data go to the recipient partner: finalize needs a covering consent or another legal basis. */
  consentGate: z.boolean().default(false),
  /**
   * With the consent gate: the purpose a consent form started from a
   * document of this form names (placeholders allowed, e.g.
   * `{{partner.name}}` and the form's own fields).
   */
  consentPurpose: label.optional(),
  /** Follows erstellt → übergeben → Rückmeldung erhalten → abgeschlossen once final. */
  tracksReferral: z.boolean().default(false),
  /**
   * Residence status codes (residence_statuses) whose running-out permit this
   * form is the next step for, e.g. the § 104c checklist for `p104c`: the
   * deadline list offers it (deadlines.list `next`).
   */
  residenceStatuses: z.array(z.string().min(1).max(60)).max(20).optional(),
  effect: z.enum(FORM_EFFECTS).optional(),
  purpose: z.enum(FORM_PURPOSES).optional(),
  /** Letter parts; placeholders allowed (`{{subject}}` takes the field `subject`). */
  letter: z
    .object({
      subject: label,
      salutation: label,
      closing: label,
      /** A text field printed as "Ihr Zeichen" in the information block instead of in the body. */
      yourReference: identifier.optional(),
      /**
       * A lines field printed as the "Anlagen" list under the signature
       * instead of in the body: its text column, one line per row, and the
       * checkbox column that marks a row as enclosed (rows not ticked are
       * not in the envelope, so not listed).
       */
      attachments: z.object({ field: identifier, text: identifier, enclosed: identifier.optional() }).optional(),
    })
    .optional(),
  sections: z.array(SectionSchema).min(1).max(60),
  /** Translations of the wording by language; German is the definition itself and binding. */
  translations: z.partialRecord(LanguageCodeSchema, FormTranslationSchema).optional(),
});

export type Condition = z.output<typeof ConditionSchema>;
export type AgeCondition = z.output<typeof AgeConditionSchema>;
export type FieldDefinition = z.output<typeof FieldSchema>;
export type ColumnDefinition = z.output<typeof ColumnSchema>;
export type LinesFieldDefinition = z.output<typeof LinesFieldSchema>;
export type BlockDefinition = z.output<typeof BlockSchema>;
export type SectionDefinition = z.output<typeof SectionSchema>;
export type FormDefinition = z.output<typeof FormDefinitionSchema>;
export type FormTranslation = z.output<typeof FormTranslationSchema>;
/** A shipped translation as written (shared/forms/translations). */
export type FormTranslationSource = z.input<typeof FormTranslationSchema>;
export type TranslationReview = z.output<typeof TranslationReviewSchema>;
export type { LanguageCode };
/** What a definition file may leave out (defaults filled in when loaded). */
export type FormDefinitionSource = z.input<typeof FormDefinitionSchema>;
export type FieldType = FieldDefinition['type'];

/** Elements that take input (blocks, signatures and office boxes are printed wording). */
export type InputFieldDefinition = Exclude<FieldDefinition, { type: 'block' | 'signature' | 'office-box' }>;

export function isInputField(field: FieldDefinition): field is InputFieldDefinition {
  return field.type !== 'block' && field.type !== 'signature' && field.type !== 'office-box';
}

export function fieldsOf(form: FormDefinition): FieldDefinition[] {
  return form.sections.flatMap((section) => section.fields);
}

export function inputFieldsOf(form: FormDefinition): InputFieldDefinition[] {
  return fieldsOf(form).filter(isInputField);
}
