import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/api/contract';
import type { FieldDefinition, SectionDefinition } from '../../../../shared/forms/definition';
import { ApiCallError, call, isApiCallError } from '../../api';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focus';
import { FormActions } from '../../ui/FormActions';
import { FormSection } from '../../ui/FormSection';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { hasChanges, templateChanges, templateDraft, templateInputId, templatePathOrder, type TemplateDraft } from './template-edit';

interface TemplateFormProps {
  template: Template;
  onSaved(template: Template): void;
  /** After a conflict: load the newest version (the edits here are dropped). */
  onReload(): void;
}

const LETTER_PARTS = ['subject', 'salutation', 'closing'] as const;
/** Braces inside a message would be taken for i18next's own placeholders. */
const PLACEHOLDER_EXAMPLES = { example: '{{client.fullName}}', field: '{{subject}}' };

/**
 * The office's wording of a template: title, letter parts, every label and
 * every text block with its Stand. Each input is named after the label it
 * has now; a save makes a new version (`templates.update`).
 */
export function TemplateForm({ template, onSaved, onReload }: TemplateFormProps) {
  const { t } = useTranslation();
  const form = template.definition;
  const [draft, setDraft] = useState<TemplateDraft>(() => templateDraft(form));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const paths = templatePathOrder(form);
  const errorOf = (path: string) => fieldError(error, path);
  const conflict = isApiCallError(error) && error.code === 'conflict';

  const setLabel = (key: string, label: string) => setDraft((current) => ({ ...current, labels: { ...current.labels, [key]: label } }));
  const setBlock = (key: string, patch: Partial<TemplateDraft['blocks'][string]>) =>
    setDraft((current) => ({ ...current, blocks: { ...current.blocks, [key]: { ...(current.blocks[key] ?? { text: '', stand: '' }), ...patch } } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const update = templateChanges(template.id, template.version, form, draft);
    if (!hasChanges(update)) {
      setError(new ApiCallError({ code: 'invalid_input', message: t('templateEditor.nothingChanged') }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('templates.update', update));
    } catch (caught) {
      setError(caught);
      setSaving(false);
      const first = firstErrorField(caught, paths);
      focusSoon(first ? templateInputId(first) : 'template-form-error');
    }
  }

  const labelField = (key: string, label: string, suffix?: string) => (
    <Field
      key={key}
      id={templateInputId(`labels.${key}`)}
      label={label}
      labelSuffix={suffix}
      value={draft.labels[key] ?? ''}
      onChange={(value) => setLabel(key, value)}
      error={errorOf(`labels.${key}`)}
      required
      maxLength={300}
    />
  );

  return (
    <form noValidate onSubmit={submit} className="form panel template-form" aria-labelledby="template-form-heading">
      <h2 id="template-form-heading">{t('templateEditor.formHeading')}</h2>
      <p className="muted">{t('templateEditor.formIntro')}</p>
      <div id="template-form-error" tabIndex={-1}>
        {error ? <ErrorAlert error={error} shownFields={paths} /> : null}
        {conflict ? (
          <div className="toolbar toolbar--wrap">
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t('templateEditor.loadNewest')}
            </button>
            <p className="muted">{t('templateEditor.conflictHint')}</p>
          </div>
        ) : null}
      </div>
      <Field
        id={templateInputId('title')}
        label={t('templateEditor.templateTitle')}
        value={draft.title}
        onChange={(title) => setDraft((current) => ({ ...current, title }))}
        error={errorOf('title')}
        required
        maxLength={300}
      />
      {draft.letter ? (
        <GroupFieldset
          id="tpl-letter"
          legend={t('templateEditor.letterLegend')}
          hint={t('templateEditor.placeholderHint', PLACEHOLDER_EXAMPLES)}
          error={errorOf('letter')}
        >
          {LETTER_PARTS.map((part) => (
            <Field
              key={part}
              id={templateInputId(`letter.${part}`)}
              label={t(`templateEditor.letter.${part}`)}
              value={draft.letter?.[part] ?? ''}
              onChange={(value) => setDraft((current) => ({ ...current, letter: current.letter ? { ...current.letter, [part]: value } : null }))}
              error={errorOf(`letter.${part}`)}
              maxLength={300}
            />
          ))}
        </GroupFieldset>
      ) : null}
      {form.sections.map((section) => (
        <FormSection key={section.id} id={`tpl-section-${section.id}`} title={section.title} headingLevel={3}>
          {labelField(section.id, t('templateEditor.sectionTitle'), `(${section.title})`)}
          {section.fields.map((field) => (
            <TemplateElement key={field.id} section={section} field={field} draft={draft} labelField={labelField} setBlock={setBlock} errorOf={errorOf} />
          ))}
        </FormSection>
      ))}
      <FormActions submitLabel={t('templateEditor.save')} saving={saving} />
    </form>
  );
}

interface TemplateElementProps {
  section: SectionDefinition;
  field: FieldDefinition;
  draft: TemplateDraft;
  labelField(key: string, label: string, suffix?: string): React.ReactNode;
  setBlock(key: string, patch: Partial<TemplateDraft['blocks'][string]>): void;
  errorOf(path: string): string | undefined;
}

/** One element of a section: its label, and a block's text and Stand, or the labels of a table's columns or a choice's options. */
function TemplateElement({ section, field, draft, labelField, setBlock, errorOf }: TemplateElementProps) {
  const { t } = useTranslation();
  const kind = t(`fieldTypes.${field.type}`);
  if (field.type === 'block') {
    const block = draft.blocks[field.id] ?? { text: '', stand: '' };
    return (
      <GroupFieldset
        id={`tpl-block-${field.id}`}
        legend={t('templateEditor.blockLegend', { label: field.label || field.id })}
        hint={t('templateEditor.placeholderHint', PLACEHOLDER_EXAMPLES)}
        className="template-block"
      >
        {labelField(field.id, t('templateEditor.blockHeading'), `(${field.label || field.id})`)}
        <Field
          id={templateInputId(`blocks.${field.id}.text`)}
          label={t('templateEditor.blockText')}
          labelSuffix={`(${field.label || field.id})`}
          value={block.text}
          onChange={(text) => setBlock(field.id, { text })}
          error={errorOf(`blocks.${field.id}.text`) ?? errorOf(`blocks.${field.id}`)}
          multiline
          rows={6}
          maxLength={20000}
        />
        <Field
          id={templateInputId(`blocks.${field.id}.stand`)}
          type="date"
          size="short"
          label={t('templateEditor.blockStand')}
          labelSuffix={`(${field.label || field.id})`}
          hint={t('templateEditor.blockStandHint')}
          value={block.stand}
          onChange={(stand) => setBlock(field.id, { stand })}
          error={errorOf(`blocks.${field.id}.stand`)}
          required
        />
      </GroupFieldset>
    );
  }
  const suffix = `(${kind}, ${section.title})`;
  if (field.type === 'lines' || field.type === 'select' || field.type === 'multiselect') {
    const parts =
      field.type === 'lines'
        ? field.columns.map((column) => ({ key: `${field.id}.${column.id}`, label: column.label }))
        : field.options.map((option) => ({ key: `${field.id}.${option.value}`, label: option.label }));
    return (
      <div className="template-element">
        {labelField(field.id, field.label, suffix)}
        <GroupFieldset
          id={`tpl-parts-${field.id}`}
          legend={
            field.type === 'lines' ? t('templateEditor.columnsLegend', { label: field.label }) : t('templateEditor.optionsLegend', { label: field.label })
          }
          className="fieldset--nested"
        >
          {parts.map((part) => labelField(part.key, part.label, `(${field.label})`))}
        </GroupFieldset>
      </div>
    );
  }
  return labelField(field.id, field.label || field.id, suffix);
}
