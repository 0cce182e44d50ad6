import type { TemplateUpdate } from '../../../../shared/api/contract';
import type { FormDefinition } from '../../../../shared/forms/definition';
import { availablePlaceholders } from '../../../../shared/forms/load';

/**
 * What the office may change in a template (TemplateUpdateSchema): labels
 * of sections, fields, columns and choices, text blocks with their Stand,
 * and a letter's subject, salutation and closing. Label keys are the core's:
 * a section or field id, `field.column`, `field.option`.
 */
export interface TemplateDraft {
  title: string;
  labels: Record<string, string>;
  blocks: Record<string, { text: string; stand: string }>;
  letter: { subject: string; salutation: string; closing: string } | null;
}

export function templateDraft(form: FormDefinition): TemplateDraft {
  const labels: Record<string, string> = {};
  const blocks: TemplateDraft['blocks'] = {};
  for (const section of form.sections) {
    labels[section.id] = section.title;
    for (const field of section.fields) {
      labels[field.id] = field.label;
      if (field.type === 'lines') for (const column of field.columns) labels[`${field.id}.${column.id}`] = column.label;
      if (field.type === 'select' || field.type === 'multiselect') for (const option of field.options) labels[`${field.id}.${option.value}`] = option.label;
      if (field.type === 'block') blocks[field.id] = { text: field.text, stand: field.stand ?? '' };
    }
  }
  // Only the wording is editable: the letter's other parts (which fields print as "Ihr Zeichen", enclosures) are no input of templates.update.
  const letter = form.letter ? { subject: form.letter.subject, salutation: form.letter.salutation, closing: form.letter.closing } : null;
  return { title: form.title, labels, blocks, letter };
}

/** Only what changed, so a save says what the office edited (and the audit trail too). */
export function templateChanges(id: string, baseVersion: number, form: FormDefinition, draft: TemplateDraft): TemplateUpdate {
  const before = templateDraft(form);
  const labels = Object.fromEntries(Object.entries(draft.labels).filter(([key, label]) => before.labels[key] !== label));
  const blocks = Object.fromEntries(
    Object.entries(draft.blocks).filter(([key, block]) => before.blocks[key]?.text !== block.text || before.blocks[key]?.stand !== block.stand),
  );
  const letterChanged =
    draft.letter !== null &&
    before.letter !== null &&
    (['subject', 'salutation', 'closing'] as const).some((part) => draft.letter?.[part] !== before.letter?.[part]);
  return {
    id,
    baseVersion,
    ...(draft.title !== before.title ? { title: draft.title } : {}),
    labels,
    blocks,
    ...(letterChanged && draft.letter ? { letter: draft.letter } : {}),
    translations: {},
  };
}

export function hasChanges(update: TemplateUpdate): boolean {
  return update.title !== undefined || update.letter !== undefined || Object.keys(update.labels).length > 0 || Object.keys(update.blocks).length > 0;
}

/** The input of a path in the core's messages: `labels.field.column` → `tpl-labels-field-column`. */
export function templateInputId(path: string): string {
  return `tpl-${path.replace(/\./g, '-')}`;
}

/** Paths in the order the page shows them, for focus to go to the first message. */
export function templatePathOrder(form: FormDefinition): string[] {
  const paths = ['title', 'letter.subject', 'letter.salutation', 'letter.closing'];
  for (const section of form.sections) {
    paths.push(`labels.${section.id}`);
    for (const field of section.fields) {
      paths.push(`labels.${field.id}`);
      if (field.type === 'lines') paths.push(...field.columns.map((column) => `labels.${field.id}.${column.id}`));
      if (field.type === 'select' || field.type === 'multiselect') paths.push(...field.options.map((option) => `labels.${field.id}.${option.value}`));
      if (field.type === 'block') paths.push(`blocks.${field.id}.text`, `blocks.${field.id}.stand`);
    }
  }
  return paths;
}

/** Where a placeholder's value comes from, as the editor's list groups them. */
export const PLACEHOLDER_GROUPS = ['form', 'general', 'client', 'partner', 'settings', 'consent'] as const;
export type PlaceholderGroup = (typeof PLACEHOLDER_GROUPS)[number];

export interface PlaceholderChoice {
  /** What goes between the braces: a field id or a prefill path. */
  name: string;
  /** A field's own label; prefill paths are named by the interface (`placeholderNames.<path>`). */
  fieldLabel?: string;
}

function groupOfPath(path: string): PlaceholderGroup {
  const prefix = path.split('.')[0] ?? '';
  return (PLACEHOLDER_GROUPS as readonly string[]).includes(prefix) && prefix !== 'form' ? (prefix as PlaceholderGroup) : 'general';
}

/** Every placeholder a text of this template may use (what the core accepts), by group, groups without entries left out. */
export function placeholderChoices(form: FormDefinition): Array<{ group: PlaceholderGroup; entries: PlaceholderChoice[] }> {
  const { fields, paths } = availablePlaceholders(form);
  const entries = new Map<PlaceholderGroup, PlaceholderChoice[]>(PLACEHOLDER_GROUPS.map((group) => [group, []]));
  for (const field of fields) entries.get('form')?.push({ name: field.id, fieldLabel: field.label || field.id });
  for (const path of paths) entries.get(groupOfPath(path))?.push({ name: path });
  return PLACEHOLDER_GROUPS.map((group) => ({ group, entries: entries.get(group) ?? [] })).filter((entry) => entry.entries.length > 0);
}

/** `{{name}}` put in place of the selection `start`–`end` of `text`; `caret` is just after it. */
export function insertPlaceholder(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const placeholder = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + placeholder + text.slice(to), caret: from + placeholder.length };
}
