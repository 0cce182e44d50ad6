import type { BilingualLayout, Settings } from '../../../shared/api/contract';
import { LANGUAGES, type LanguageCode } from '../../../shared/domain/languages';
import { formatGermanDate } from '../../../shared/domain/iso-date';
import {
  isInputField,
  type BlockDefinition,
  type FieldDefinition,
  type FormDefinition,
  type FormTranslation,
  type InputFieldDefinition,
  type LinesFieldDefinition,
  type SectionDefinition,
} from '../../../shared/forms/definition';
import { fillText, type FillSources } from '../../../shared/forms/fill';
import { fillPlaceholders, placeholdersIn } from '../../../shared/forms/placeholders';
import type { PrefillContext } from '../../../shared/forms/prefill';
import {
  displayValue,
  formatMoney,
  conditionHolds,
  isBlankValue,
  isFieldShown,
  withComputedValues,
  type FormValues,
  type LineRow,
} from '../../../shared/forms/values';

/**
 * What of a form prints, decided once for both layouts: which sections and
 * fields take part (conditions, data minimisation, print style), the values
 * as they read on paper, and every string that will reach the PDF (for the
 * glyph check before rendering). The layouts only decide where things go.
 *
 * Letters leave out what is blank (a letter has no empty rows); forms print
 * blank fields as writing lines, because they are filled or checked by hand.
 */

export type PrintMode = 'letter' | 'form';

/** A string that will be printed, by where it comes from (a field path as in `invalid_input` errors). */
export interface PrintedText {
  path: string;
  /** What the counselor calls it. */
  label: string;
  text: string;
}

type ChoiceField = Extract<InputFieldDefinition, { type: 'select' | 'multiselect' }>;
type MoneyField = Extract<InputFieldDefinition, { type: 'money' }>;

export interface PrintedRow {
  /** Index in the stored rows (paths name it). */
  index: number;
  row: LineRow;
}

/**
 * What prints, item by item. A label is null where it would only repeat
 * its section's title (printed once, as the heading) or is blank.
 */
export type PrintItem = (
  | /** A label and one short value (blank in forms: a writing line). */ { kind: 'value'; label: string | null; text: string }
    /** A label over long text (textarea); blank in forms: several writing lines. */
  | { kind: 'long-text'; label: string | null; text: string }
  /** Text as paragraphs without a label (`print: 'paragraphs'`). */
  | { kind: 'paragraphs'; text: string }
  /** Every option with a box, ticked where chosen (forms only; letters print the chosen labels as a value). */
  | { kind: 'choice'; label: string | null; options: Array<{ label: string; chosen: boolean; translation?: string }> }
  | { kind: 'checkbox'; label: string; checked: boolean }
  | {
      kind: 'lines';
      label: string | null;
      field: LinesFieldDefinition;
      rows: PrintedRow[];
      /** A computed money field that sums a column of these rows: printed as the table's last row. */
      total: { label: string; column: string; text: string } | null;
      /** Column headers in the translation's language, by column id. */
      columnTranslations?: Record<string, string>;
    }
  | {
      kind: 'block';
      label: string | null;
      text: string;
      stand: string | null;
      /** The block's text in the translation's language, its placeholders filled; its Stand is printed with it. */
      textTranslation?: { text: string; stand: string };
    }
  | { kind: 'signature'; label: string | null; signers: string[]; signerTranslations?: string[]; placeDateTranslation?: string }
  | { kind: 'office-box'; label: string; lines: string[] }
) & {
  /** The label in the translation's language, printed under (or beside) the German one; none: no translation of it. */
  labelTranslation?: string;
};

export interface PrintSection {
  id: string;
  /** The heading; null where none prints (an editor-only title, a letter section of paragraphs only). */
  title: string | null;
  /** The heading in the translation's language, where the section prints one and the translation has it. */
  titleTranslation?: string;
  items: PrintItem[];
}

/** What the layouts need to know of a translation printed beside the German text. */
export interface PrintedTranslation {
  language: LanguageCode;
  /** The language as German readers call it and as its speakers do, e.g. `Arabisch / العربية`. */
  languageName: string;
  direction: 'ltr' | 'rtl';
  layout: BilingualLayout;
  title: string;
  /** „Übersetzung – maßgeblich ist der deutsche Text“ in the language. */
  bindingNote: string;
}

/** The German half of the binding-language note, printed with every translation's own. */
export const GERMAN_BINDING_NOTE = 'Übersetzung – maßgeblich ist der deutsche Text';

export interface PrintedForm {
  sections: PrintSection[];
  /** Letters: what prints outside the body (see `letter.yourReference` / `letter.attachments` of the definition). */
  letter: { yourReference: string; attachments: string[] };
  /** Values by field path, in form order, then template wording: what the glyph check looks at. */
  texts: PrintedText[];
  /** The translation printed with the German; null: German only. */
  translation: PrintedTranslation | null;
}

/** A translation of the form to print beside the German: the template version's wording in that language. */
export interface TranslationSource {
  language: LanguageCode;
  layout: BilingualLayout;
  wording: FormTranslation;
}

export interface PrintSource {
  form: FormDefinition;
  values: FormValues;
  omittedFields: string[];
  context: PrefillContext;
  partnerName: (id: string) => string;
  /** Left out or null: German only. */
  translation?: TranslationSource | null;
}

/** The translation's text for a label key, where it has a non-blank one. */
function translatedLabel(wording: FormTranslation | undefined, key: string): string | undefined {
  const label = wording?.labels[key];
  return label !== undefined && Object.hasOwn(wording!.labels, key) && label.trim() !== '' ? label : undefined;
}

/** What the layouts show of a translation source. */
export function printedTranslationOf(translation: TranslationSource): PrintedTranslation {
  const info = LANGUAGES[translation.language];
  return {
    language: translation.language,
    languageName: `${info.german} / ${info.native}`,
    direction: info.direction,
    layout: translation.layout,
    title: translation.wording.title,
    bindingNote: translation.wording.bindingNote,
  };
}

function isBlankRow(row: LineRow): boolean {
  return Object.values(row).every((cell) => isBlankValue(cell));
}

/**
 * Fields a letter prints in its information block instead of its body: the
 * client's file number ("Unser Zeichen").
 */
export function fileNumberField(form: FormDefinition, values: FormValues, omitted: ReadonlySet<string>): InputFieldDefinition | null {
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (!isInputField(field) || field.prefill !== 'client.fileNumber' || omitted.has(field.id)) continue;
      if (!isFieldShown(section, field, values)) continue;
      const value = values[field.id];
      if (typeof value === 'string' && value.trim() !== '') return field;
    }
  }
  return null;
}

/**
 * Template text (blocks, letter parts) with its placeholders filled. The
 * values typed into the form are inserted as they are, never read again for
 * placeholders (`fillPlaceholders` replaces in one pass).
 */
export function filledTemplate(text: string, source: PrintSource, options: { gap?: string } = {}): string {
  const sources = fillSources(source, source.values);
  if (!options.gap) return fillText(text, sources);
  // Forms are completed by hand: what is still empty becomes a gap to write in (but not what was left out on purpose).
  const omitted = new Set(source.omittedFields);
  return fillPlaceholders(text, (name) => {
    const filled = fillText(`{{${name}}}`, sources);
    return filled.trim() === '' && !omitted.has(name) ? options.gap! : filled;
  });
}

/** What a blank placeholder prints as in a form. */
const WRITE_IN_GAP = '_______________';

function fillSources(source: PrintSource, values: FormValues): FillSources {
  return { form: source.form, values, context: source.context, partnerName: source.partnerName };
}

/**
 * Template text with only the prefill paths filled (form fields left empty):
 * what the template itself and the case data add, for the glyph check. The
 * fields it names are checked under their own paths.
 */
function templateOnly(text: string, source: PrintSource): string {
  return fillText(text, fillSources(source, {}));
}

export function printedForm(source: PrintSource, mode: PrintMode, extraTemplateTexts: string[] = []): PrintedForm {
  const { form } = source;
  const wording = source.translation?.wording;
  /** Translated wording that prints, for the glyph check (under `translations.<language>`). */
  const translationTexts: string[] = wording ? [wording.title, wording.bindingNote] : [];
  const translated = (key: string): string | undefined => {
    const label = translatedLabel(wording, key);
    if (label !== undefined) translationTexts.push(label);
    return label;
  };
  const omitted = new Set(source.omittedFields);
  const values = withComputedValues(form, source.values);
  const letter = mode === 'letter';
  const inputs = new Map<string, { section: SectionDefinition; field: InputFieldDefinition }>();
  for (const section of form.sections) {
    for (const field of section.fields) if (isInputField(field)) inputs.set(field.id, { section, field });
  }
  const takesPart = (section: SectionDefinition, field: FieldDefinition) =>
    isFieldShown(section, field, values) && !(isInputField(field) && omitted.has(field.id));

  // The letter's file number goes to the information block.
  const inInfoBlock = letter ? fileNumberField(form, values, omitted)?.id : undefined;
  // So do the recipient's reference, and the enclosures go under the signature.
  const outsideBody = new Set<string>(
    letter && form.letter ? [form.letter.yourReference, form.letter.attachments?.field].filter((id): id is string => id !== undefined) : [],
  );

  // Sums that print as the total row of the table they add up.
  const totals = new Map<string, MoneyField>();
  for (const { section, field } of inputs.values()) {
    if (field.type !== 'money' || !field.sumOf || field.print === 'none' || !takesPart(section, field)) continue;
    const lines = inputs.get(field.sumOf.field);
    if (lines && lines.field.type === 'lines' && lines.field.print !== 'none' && takesPart(lines.section, lines.field) && !totals.has(lines.field.id))
      totals.set(lines.field.id, field);
  }

  const valueTexts = new Map<string, PrintedText[]>();
  const templateTexts: string[] = [form.title, ...extraTemplateTexts];
  const blockTexts: PrintedText[] = [];
  const printedValue = (field: InputFieldDefinition, text: string) => {
    valueTexts.set(field.id, [{ path: `values.${field.id}`, label: field.label, text }]);
  };

  function itemOf(field: FieldDefinition): PrintItem | null {
    switch (field.type) {
      case 'block': {
        const text = filledTemplate(field.text, source, letter ? {} : { gap: WRITE_IN_GAP });
        if (letter && text.trim() === '') return null;
        addBlockText(field);
        const own = wording && Object.hasOwn(wording.blocks, field.id) ? wording.blocks[field.id] : undefined;
        const textTranslation =
          own && own.text.trim() !== ''
            ? { text: filledTemplate(own.text, source, letter ? {} : { gap: WRITE_IN_GAP }), stand: formatGermanDate(own.stand) }
            : undefined;
        if (own) translationTexts.push(templateOnly(own.text, source));
        return {
          kind: 'block',
          label: field.label,
          text,
          stand: field.stand ? formatGermanDate(field.stand) : null,
          ...(textTranslation ? { textTranslation } : {}),
        };
      }
      case 'signature': {
        templateTexts.push(field.label, ...field.signers);
        const signerTranslations = field.signers.map((_signer, index) => translated(`${field.id}.signer${index}`) ?? '');
        const placeDateTranslation = translated(`${field.id}.placeDate`);
        return {
          kind: 'signature',
          label: field.label,
          signers: field.signers,
          ...(signerTranslations.some((signer) => signer !== '') ? { signerTranslations } : {}),
          ...(placeDateTranslation === undefined ? {} : { placeDateTranslation }),
        };
      }
      case 'office-box':
        templateTexts.push(field.label, ...field.lines);
        return { kind: 'office-box', label: field.label, lines: field.lines };
      default:
        return inputItem(field);
    }
  }

  function addBlockText(block: BlockDefinition): void {
    templateTexts.push(block.label);
    blockTexts.push({ path: `template.${block.id}`, label: block.label, text: templateOnly(block.text, source) });
  }

  function inputItem(field: InputFieldDefinition): PrintItem | null {
    const print = field.print ?? 'labelled';
    if (print === 'none' || field.id === inInfoBlock || outsideBody.has(field.id)) return null;
    if (field.type === 'money' && field.sumOf && totals.get(field.sumOf.field)?.id === field.id) {
      // Printed with its table (see the lines case); the table may come later in the form.
      return null;
    }
    const value = values[field.id];
    switch (field.type) {
      case 'lines': {
        const rows = (Array.isArray(value) ? (value as LineRow[]) : []).map((row, index) => ({ index, row })).filter(({ row }) => !letter || !isBlankRow(row));
        const sum = totals.get(field.id);
        const total = sum
          ? { label: sum.label, column: sum.sumOf!.column, text: formatMoney(typeof values[sum.id] === 'number' ? (values[sum.id] as number) : 0) }
          : null;
        if (letter && rows.length === 0) return null;
        templateTexts.push(field.label, ...field.columns.map((column) => column.label));
        const cells: PrintedText[] = [];
        for (const { index, row } of rows) {
          for (const column of field.columns) {
            const text = displayValue(column, row[column.id] ?? null);
            if (column.type !== 'checkbox' && text !== '') {
              cells.push({ path: `values.${field.id}.${index}.${column.id}`, label: `${field.label}, Zeile ${index + 1}, ${column.label}`, text });
            }
          }
        }
        valueTexts.set(field.id, cells);
        if (sum && total) {
          templateTexts.push(sum.label);
          valueTexts.set(sum.id, [{ path: `values.${sum.id}`, label: sum.label, text: total.text }]);
        }
        const columnTranslations = Object.fromEntries(
          field.columns.flatMap((column) => {
            const label = translated(`${field.id}.${column.id}`);
            return label === undefined ? [] : [[column.id, label] as const];
          }),
        );
        return { kind: 'lines', label: field.label, field, rows, total, ...(wording ? { columnTranslations } : {}) };
      }
      case 'checkbox': {
        const checked = value === true;
        if (letter && !checked) return null;
        templateTexts.push(field.label);
        return { kind: 'checkbox', label: field.label, checked };
      }
      case 'select':
      case 'multiselect': {
        const text = displayValue(field, value, source.partnerName);
        if (letter || print === 'paragraphs') return scalarItem(field, text);
        const chosen = new Set(Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);
        templateTexts.push(field.label, ...field.options.map((option) => option.label));
        const options = choiceOptions(field, chosen).map((option, index) => {
          const label = translated(`${field.id}.${field.options[index]!.value}`);
          return label === undefined ? option : { ...option, translation: label };
        });
        // Each chosen option prints on its own, next to its box.
        const chosenLabels = options.filter((option) => option.chosen).map((option) => option.label);
        if (chosenLabels.length > 0) printedValue(field, chosenLabels.join('\n'));
        return { kind: 'choice', label: field.label, options };
      }
      default:
        return scalarItem(field, displayValue(field, value, source.partnerName));
    }
  }

  function scalarItem(field: InputFieldDefinition, text: string): PrintItem | null {
    const blank = text.trim() === '';
    if (letter && blank) return null;
    if (!blank) printedValue(field, text);
    const print = field.print ?? 'labelled';
    if (print === 'paragraphs' && !blank) return { kind: 'paragraphs', text };
    templateTexts.push(field.label);
    // Forms: a blank paragraphs field gets its label and writing lines, to be filled by hand.
    if (field.type === 'textarea' || print === 'paragraphs') return { kind: 'long-text', label: field.label, text };
    return { kind: 'value', label: field.label, text };
  }

  const sections: PrintSection[] = [];
  for (const section of form.sections) {
    if (!conditionHolds(section.showIf, values)) continue;
    const items: PrintItem[] = [];
    for (const field of section.fields) {
      if (!takesPart(section, field)) continue;
      const item = itemOf(field);
      if (!item) continue;
      const labelTranslation = item.kind === 'paragraphs' || item.kind === 'office-box' ? undefined : translated(field.id);
      items.push(labelTranslation === undefined ? item : { ...item, labelTranslation });
    }
    if (items.length === 0) continue;
    // A section of paragraphs only (the body of a letter) prints without its title.
    const title = section.printTitle !== false && items.some((item) => item.kind !== 'paragraphs') ? section.title : null;
    if (title !== null) templateTexts.push(title);
    const titleTranslation = title === null ? undefined : translated(section.id);
    sections.push({
      id: section.id,
      title,
      ...(titleTranslation === undefined ? {} : { titleTranslation }),
      items: items.map((item) => withoutRepeatedLabel(item, section.title)),
    });
  }

  const letterParts = { yourReference: '', attachments: [] as string[] };
  if (letter && form.letter) {
    const reference = form.letter.yourReference === undefined ? undefined : inputs.get(form.letter.yourReference);
    if (reference && takesPart(reference.section, reference.field)) {
      const text = displayValue(reference.field, values[reference.field.id], source.partnerName).trim();
      if (text !== '') {
        printedValue(reference.field, text);
        letterParts.yourReference = text;
        templateTexts.push('Ihr Zeichen');
      }
    }
    const spec = form.letter.attachments;
    const lines = spec === undefined ? undefined : inputs.get(spec.field);
    if (spec && lines && lines.field.type === 'lines' && takesPart(lines.section, lines.field)) {
      const column = lines.field.columns.find((entry) => entry.id === spec.text);
      const rows = Array.isArray(values[lines.field.id]) ? (values[lines.field.id] as LineRow[]) : [];
      const cells: PrintedText[] = [];
      rows.forEach((row, index) => {
        if (!column || (spec.enclosed !== undefined && row[spec.enclosed] !== true)) return;
        const text = displayValue(column, row[column.id] ?? null).trim();
        if (text === '') return;
        letterParts.attachments.push(text);
        cells.push({ path: `values.${lines.field.id}.${index}.${column.id}`, label: `${lines.field.label}, Zeile ${index + 1}, ${column.label}`, text });
      });
      if (cells.length > 0) {
        valueTexts.set(lines.field.id, cells);
        templateTexts.push('Anlagen');
      }
    }
  }

  // Values that print through placeholders (letter parts, blocks) although their field prints nothing itself.
  const templates = [
    ...extraTemplateTexts,
    ...form.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'block' ? [field.text] : []))),
  ];
  if (form.letter && letter) templates.push(form.letter.subject, form.letter.salutation, form.letter.closing);
  for (const name of templates.flatMap((text) => placeholdersIn(text))) {
    const entry = inputs.get(name);
    if (!entry || valueTexts.has(name) || omitted.has(name)) continue;
    const text = displayValue(entry.field, values[name], source.partnerName);
    if (text !== '') printedValue(entry.field, text);
  }

  const texts: PrintedText[] = [];
  for (const { field } of inputs.values()) texts.push(...(valueTexts.get(field.id) ?? []).filter((entry) => entry.text !== ''));
  texts.push(...blockTexts.filter((entry) => entry.text.trim() !== ''));
  texts.push({ path: 'template', label: `Vorlage „${form.title}“`, text: templateTexts.filter((text) => text.trim() !== '').join('\n') });
  if (source.translation) {
    texts.push({
      path: `translations.${source.translation.language}`,
      label: `Übersetzung (${LANGUAGES[source.translation.language].german})`,
      text: translationTexts.filter((text) => text.trim() !== '').join('\n'),
    });
  }
  return { sections, letter: letterParts, texts, translation: source.translation ? printedTranslationOf(source.translation) : null };
}

/**
 * An item labelled like its section belongs to the section's title: the
 * label goes (the title prints once, as the heading, or not at all where it
 * is for the editor only). So does the label of a table whose one column's
 * header says the same. A check box's label is its statement and an office
 * box's title is inside its frame: both stay.
 */
function withoutRepeatedLabel(item: PrintItem, sectionTitle: string): PrintItem {
  if (item.kind === 'paragraphs' || item.kind === 'checkbox' || item.kind === 'office-box') return item;
  const label = item.label?.trim() ?? '';
  const same = (other: string) => label.toLocaleLowerCase('de') === other.trim().toLocaleLowerCase('de');
  const repeated = same(sectionTitle) || (item.kind === 'lines' && item.field.columns.length === 1 && same(item.field.columns[0]!.label));
  if (label !== '' && !repeated) return item;
  // The translation of a label that does not print goes with it.
  const { labelTranslation: _dropped, ...rest } = item;
  return { ...rest, label: null };
}

function choiceOptions(field: ChoiceField, chosen: ReadonlySet<string>): Array<{ label: string; chosen: boolean }> {
  return field.options.map((option) => ({ label: option.label, chosen: chosen.has(option.value) }));
}

/**
 * Whose document it is, for the header of pages 2 and following: name,
 * birth date and file number, e.g. `Ayşe Müller · geb. 12.03.1990 · Az.
 * KI-2026-0815`. Where the form has a field for one of them, the header says
 * what that field prints: a value the counselor changed, cleared or left out
 * (data minimisation) is changed, missing or left out here too. A form sent
 * to a partner names nothing the form itself does not print; the others fall
 * back to the client's record (`fromRecord`: those parts, for the glyph check).
 */
export function personLine(source: PrintSource): { line: string; fromRecord: string[] } {
  const { form, values, context } = source;
  const { client } = context;
  const fields = form.sections.flatMap((section) => section.fields.filter(isInputField));
  const fromRecord: string[] = [];
  const printed = (path: string, record: string): string => {
    const field = fields.find((candidate) => candidate.prefill === path);
    if (field) return displayValue(field, values[field.id], source.partnerName).trim();
    if (form.recipient === 'partner' || record.trim() === '') return '';
    fromRecord.push(record.trim());
    return record.trim();
  };
  const name = fields.some((field) => field.prefill === 'client.fullName')
    ? printed('client.fullName', '')
    : [printed('client.givenName', client.givenName), printed('client.familyName', client.familyName)].filter((part) => part !== '').join(' ');
  const birthDate = printed('client.birthDate', client.birthDate ? formatGermanDate(client.birthDate) : '');
  const fileNumber = printed('client.fileNumber', client.fileNumber);
  return { line: [name, birthDate && `geb. ${birthDate}`, fileNumber && `Az. ${fileNumber}`].filter((part) => part !== '').join(' · '), fromRecord };
}

/** The letterhead strings (office and counselor) as one entry for the glyph check. */
export function settingsText(settings: Settings): PrintedText {
  const { office, counselor } = settings;
  const parts = [
    office.organization,
    office.department,
    office.street,
    office.postalCode,
    office.city,
    office.room,
    office.phone,
    office.email,
    office.web,
    office.hours,
    office.contact,
    ...(office.postbox ? [office.postbox.label, office.postbox.postalCode, office.postbox.city] : []),
    counselor.name,
    counselor.title,
    counselor.phone,
    counselor.email,
  ];
  return { path: 'settings', label: 'Briefkopf (Einstellungen)', text: parts.filter((part) => part.trim() !== '').join('\n') };
}
