import type { TemplateUpdate } from '../../../../shared/api/contract';
import type { FormDefinition } from '../../../../shared/forms/definition';

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
  return { title: form.title, labels, blocks, letter: form.letter ? { ...form.letter } : null };
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
