import type { LanguageCode, TemplateTranslationEdit, TemplateUpdate } from '../../../../shared/api/contract';
import type { FormDefinition, FormTranslation } from '../../../../shared/forms/definition';
import { todayIso } from '../../../../shared/domain/iso-date';

/**
 * One part of a template's wording as the translation editor pairs it: the
 * German on the left, the translation on the right. `path` is where it goes
 * in the `templates.update` translation (`title`, `letter.subject`,
 * `labels.<key>`, `blocks.<id>`), and what its input is named after.
 */
export interface TranslationPart {
  path: string;
  kind: 'title' | 'letter' | 'section' | 'label' | 'part' | 'blockHeading' | 'block';
  /** What the part is, in German: a label's text, a block's heading. */
  name: string;
  /** For options and columns: the field they belong to. */
  field?: string;
  german: string;
  /** A text block's German Stand. */
  germanStand?: string;
}

/** Every translatable part of the form in the order the page shows it (as the German editor does). */
export function translationParts(form: FormDefinition): TranslationPart[] {
  const parts: TranslationPart[] = [{ path: 'title', kind: 'title', name: 'title', german: form.title }];
  if (form.letter) {
    for (const part of ['subject', 'salutation', 'closing'] as const)
      parts.push({ path: `letter.${part}`, kind: 'letter', name: part, german: form.letter[part] });
  }
  for (const section of form.sections) {
    parts.push({ path: `labels.${section.id}`, kind: 'section', name: section.title, german: section.title });
    for (const field of section.fields) {
      if (field.type === 'block') {
        const name = field.label || field.id;
        if (field.label) parts.push({ path: `labels.${field.id}`, kind: 'blockHeading', name, german: field.label });
        parts.push({ path: `blocks.${field.id}`, kind: 'block', name, german: field.text, germanStand: field.stand ?? '' });
        continue;
      }
      if (field.label) parts.push({ path: `labels.${field.id}`, kind: 'label', name: field.label, german: field.label });
      if (field.type === 'lines')
        for (const column of field.columns)
          parts.push({ path: `labels.${field.id}.${column.id}`, kind: 'part', name: column.label, field: field.label, german: column.label });
      if (field.type === 'select' || field.type === 'multiselect')
        for (const option of field.options)
          parts.push({ path: `labels.${field.id}.${option.value}`, kind: 'part', name: option.label, field: field.label, german: option.label });
    }
  }
  return parts;
}

/** A translation as the editor holds it: every part's text by path, block Stands by block path, the note and the check. */
export interface TranslationDraft {
  texts: Record<string, string>;
  stands: Record<string, string>;
  bindingNote: string;
  checked: boolean;
}

/** The editor's draft of the stored translation, or an empty one (Stands of today) for a language not translated yet. */
export function translationDraft(form: FormDefinition, stored: FormTranslation | undefined, today = todayIso()): TranslationDraft {
  const texts: Record<string, string> = {};
  const stands: Record<string, string> = {};
  for (const part of translationParts(form)) {
    const [head, ...rest] = part.path.split('.');
    const key = rest.join('.');
    if (head === 'title') texts[part.path] = stored?.title ?? '';
    else if (head === 'letter') texts[part.path] = stored?.letter?.[key as 'subject' | 'salutation' | 'closing'] ?? '';
    else if (head === 'labels') texts[part.path] = stored?.labels[key] ?? '';
    else if (head === 'blocks') {
      texts[part.path] = stored?.blocks[key]?.text ?? '';
      stands[part.path] = stored?.blocks[key]?.stand ?? today;
    }
  }
  return { texts, stands, bindingNote: stored?.bindingNote ?? '', checked: (stored?.review ?? null) !== null };
}

/** The translation as `templates.update` takes it: empty labels and blocks left out (they print in German only). */
export function translationEdit(form: FormDefinition, draft: TranslationDraft): TemplateTranslationEdit {
  const labels: Record<string, string> = {};
  const blocks: Record<string, { text: string; stand: string }> = {};
  const text = (path: string) => (draft.texts[path] ?? '').trim();
  for (const part of translationParts(form)) {
    const [head, ...rest] = part.path.split('.');
    const key = rest.join('.');
    if (head === 'labels' && text(part.path) !== '') labels[key] = text(part.path);
    if (head === 'blocks' && text(part.path) !== '') blocks[key] = { text: draft.texts[part.path] ?? '', stand: draft.stands[part.path] ?? todayIso() };
  }
  return {
    title: text('title'),
    labels,
    blocks,
    // A letter's parts only when one of them is translated: without, the letter prints them in German.
    ...(form.letter && (['letter.subject', 'letter.salutation', 'letter.closing'] as const).some((path) => text(path) !== '')
      ? { letter: { subject: text('letter.subject'), salutation: text('letter.salutation'), closing: text('letter.closing') } }
      : {}),
    bindingNote: draft.bindingNote.trim(),
    checked: draft.checked,
  };
}

/** The whole `templates.update` input that saves one language's translation and changes nothing else. */
export function translationUpdate(id: string, baseVersion: number, language: LanguageCode, edit: TemplateTranslationEdit): TemplateUpdate {
  return { id, baseVersion, labels: {}, blocks: {}, translations: { [language]: edit } };
}

/** The input of a translation part: `blocks.consent-text` → `tr-blocks-consent-text`. */
export function translationInputId(path: string): string {
  return `tr-${path.replace(/\./g, '-')}`;
}
