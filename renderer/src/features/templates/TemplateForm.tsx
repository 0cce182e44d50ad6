import { useRef, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commitAndPlaceCaret } from '../../ui/place-caret';
import type { RenderedPdf, Template } from '../../../../shared/api/contract';
import type { FieldDefinition, FormDefinition, SectionDefinition } from '../../../../shared/forms/definition';
import { availablePlaceholders } from '../../../../shared/forms/load';
import { ApiCallError, call, isApiCallError } from '../../api';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { FormActions } from '../../ui/FormActions';
import { FormSection } from '../../ui/FormSection';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { PlaceholderPicker } from './PlaceholderPicker';
import {
  hasChanges,
  insertPlaceholder,
  placeholderChoices,
  templateChanges,
  templateDraft,
  templateInputId,
  templatePathOrder,
  type TemplateDraft,
} from './template-edit';

interface TemplateFormProps {
  template: Template;
  onSaved(template: Template): void;
  /** After a conflict: load the newest version (the edits here are dropped). */
  onReload(): void;
}

const LETTER_PARTS = ['subject', 'salutation', 'closing'] as const;
type LetterPart = (typeof LETTER_PARTS)[number];
const LETTER_PICKER = 'letter';

/** The hint names placeholders this template accepts: a person's name and, where it has one, a field of its own. */
function usePlaceholderHint(form: FormDefinition): string {
  const { t } = useTranslation();
  const field = availablePlaceholders(form).fields[0];
  // Braces inside a message would be taken for i18next's own placeholders: they go in as values.
  const example = '{{client.fullName}}';
  return field ? t('templateEditor.placeholderHint', { example, field: `{{${field.id}}}` }) : t('templateEditor.placeholderHintNoField', { example });
}

type Preview = { status: 'none' } | { status: 'busy' } | { status: 'ready'; pdf: RenderedPdf };

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
  const setLetterPart = (part: LetterPart, value: string) =>
    setDraft((current) => ({ ...current, letter: current.letter ? { ...current.letter, [part]: value } : null }));

  const choices = placeholderChoices(form);
  const hint = usePlaceholderHint(form);
  // One placeholder list open at a time: the one of a text block (its id) or of the letter parts.
  const [openPicker, setOpenPicker] = useState<string | null>(null);
  // The letter part the letter's list inserts into: the one last written in.
  const letterPart = useRef<LetterPart>('subject');
  // Where the caret was in each text when it was left, to insert there (a text never entered takes it at its end).
  const selections = useRef(new Map<string, { start: number; end: number }>());
  const rememberSelection = (event: FocusEvent<HTMLFormElement>) => {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
      selections.current.set(target.id, { start: target.selectionStart ?? target.value.length, end: target.selectionEnd ?? target.value.length });
    }
  };
  const noteLetterPart = (event: FocusEvent<HTMLFormElement>) => {
    const part = LETTER_PARTS.find((entry) => templateInputId(`letter.${entry}`) === event.target.id);
    if (part) letterPart.current = part;
  };

  /** Puts `{{name}}` where the caret was in the input `inputId`, then gives the input focus with the caret after it. */
  function insertInto(inputId: string, current: string, apply: (text: string) => void, name: string) {
    const selection = selections.current.get(inputId) ?? { start: current.length, end: current.length };
    const { text, caret } = insertPlaceholder(current, selection.start, selection.end, name);
    selections.current.set(inputId, { start: caret, end: caret });
    commitAndPlaceCaret(
      () => {
        apply(text);
        setOpenPicker(null);
      },
      inputId,
      caret,
    );
  }

  const [preview, setPreview] = useState<Preview>({ status: 'none' });
  async function showPreview() {
    if (preview.status === 'busy') return;
    setPreview({ status: 'busy' });
    setError(null);
    // The preview is below the form: it is brought into view at once, with focus on its heading.
    focusSoon('template-preview-heading');
    try {
      setPreview({ status: 'ready', pdf: await call('templates.preview', templateChanges(template.id, template.version, form, draft)) });
    } catch (caught) {
      setPreview({ status: 'none' });
      setError(caught);
      const first = firstErrorField(caught, paths);
      focusSoon(first ? templateInputId(first) : 'template-form-error');
    }
  }

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
    <>
      <form
        noValidate
        onSubmit={submit}
        onBlurCapture={rememberSelection}
        onFocusCapture={noteLetterPart}
        className="form panel template-form"
        aria-labelledby="template-form-heading"
      >
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
          <GroupFieldset id="tpl-letter" legend={t('templateEditor.letterLegend')} hint={hint} error={errorOf('letter')}>
            {LETTER_PARTS.map((part) => (
              <Field
                key={part}
                id={templateInputId(`letter.${part}`)}
                label={t(`templateEditor.letter.${part}`)}
                value={draft.letter?.[part] ?? ''}
                onChange={(value) => setLetterPart(part, value)}
                error={errorOf(`letter.${part}`)}
                maxLength={300}
              />
            ))}
            <PlaceholderPicker
              id="tpl-placeholders-letter"
              target={t('templateEditor.letterLegend')}
              choices={choices}
              open={openPicker === LETTER_PICKER}
              onToggle={() => setOpenPicker((current) => (current === LETTER_PICKER ? null : LETTER_PICKER))}
              onInsert={(name) => {
                const part = letterPart.current;
                insertInto(templateInputId(`letter.${part}`), draft.letter?.[part] ?? '', (value) => setLetterPart(part, value), name);
              }}
            />
          </GroupFieldset>
        ) : null}
        {form.sections.map((section) => (
          <FormSection key={section.id} id={`tpl-section-${section.id}`} title={section.title} headingLevel={3}>
            {labelField(section.id, t('templateEditor.sectionTitle'), `(${section.title})`)}
            {section.fields.map((field) =>
              field.type === 'block' ? (
                <GroupFieldset
                  key={field.id}
                  id={`tpl-block-${field.id}`}
                  legend={t('templateEditor.blockLegend', { label: field.label || field.id })}
                  hint={hint}
                  className="template-block"
                >
                  <BlockEditor
                    field={field}
                    draft={draft}
                    labelField={labelField}
                    setBlock={setBlock}
                    errorOf={errorOf}
                    picker={
                      <PlaceholderPicker
                        id={`tpl-placeholders-${field.id}`}
                        target={field.label || field.id}
                        choices={choices}
                        open={openPicker === field.id}
                        onToggle={() => setOpenPicker((current) => (current === field.id ? null : field.id))}
                        onInsert={(name) =>
                          insertInto(
                            templateInputId(`blocks.${field.id}.text`),
                            draft.blocks[field.id]?.text ?? '',
                            (text) => setBlock(field.id, { text }),
                            name,
                          )
                        }
                      />
                    }
                  />
                </GroupFieldset>
              ) : (
                <TemplateElement key={field.id} section={section} field={field} labelField={labelField} />
              ),
            )}
          </FormSection>
        ))}
        {/* Stays at the window's bottom edge while the long form scrolls: Speichern and Vorschau are always at hand. */}
        <div className="template-form-bar" role="region" aria-label={t('editorLayout.saveBar')}>
          <FormActions submitLabel={t('templateEditor.save')} saving={saving} />
          <button type="button" className="button button--secondary" onClick={() => void showPreview()} aria-disabled={preview.status === 'busy'}>
            {t('templateEditor.previewButton')}
          </button>
        </div>
      </form>
      <section className="panel template-preview" aria-labelledby="template-preview-heading">
        <h2 id="template-preview-heading" tabIndex={-1}>
          {t('templateEditor.previewHeading')}
        </h2>
        <p className="muted">{t('templateEditor.previewIntro')}</p>
        {preview.status !== 'none' ? (
          <PdfPreview busy={preview.status === 'busy'} pdf={preview.status === 'ready' ? preview.pdf : null} fileName={t('templateEditor.previewFileName')} />
        ) : null}
      </section>
    </>
  );
}

interface BlockEditorProps {
  field: Extract<FieldDefinition, { type: 'block' }>;
  draft: TemplateDraft;
  labelField(key: string, label: string, suffix?: string): React.ReactNode;
  setBlock(key: string, patch: Partial<TemplateDraft['blocks'][string]>): void;
  errorOf(path: string): string | undefined;
  /** The placeholder list, right under the text: one Tab away from it. */
  picker: ReactNode;
}

/** A text block's heading, text and Stand. */
function BlockEditor({ field, draft, labelField, setBlock, errorOf, picker }: BlockEditorProps) {
  const { t } = useTranslation();
  const block = draft.blocks[field.id] ?? { text: '', stand: '' };
  const name = `(${field.label || field.id})`;
  return (
    <>
      {labelField(field.id, t('templateEditor.blockHeading'), name)}
      <Field
        id={templateInputId(`blocks.${field.id}.text`)}
        label={t('templateEditor.blockText')}
        labelSuffix={name}
        value={block.text}
        onChange={(text) => setBlock(field.id, { text })}
        error={errorOf(`blocks.${field.id}.text`) ?? errorOf(`blocks.${field.id}`)}
        multiline
        rows={6}
        maxLength={20000}
      />
      {picker}
      <DateField
        id={templateInputId(`blocks.${field.id}.stand`)}
        size="short"
        label={t('templateEditor.blockStand')}
        labelSuffix={name}
        hint={t('templateEditor.blockStandHint')}
        value={block.stand}
        onChange={(stand) => setBlock(field.id, { stand })}
        error={errorOf(`blocks.${field.id}.stand`)}
        required
      />
    </>
  );
}

interface TemplateElementProps {
  section: SectionDefinition;
  field: Exclude<FieldDefinition, { type: 'block' }>;
  labelField(key: string, label: string, suffix?: string): React.ReactNode;
}

/** One element of a section other than a text block: its label, or the labels of a table's columns or a choice's options. */
function TemplateElement({ section, field, labelField }: TemplateElementProps) {
  const { t } = useTranslation();
  const kind = t(`fieldTypes.${field.type}`);
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
