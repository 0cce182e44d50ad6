import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode, type Template } from '../../../../shared/api/contract';
import type { TranslationReview } from '../../../../shared/forms/definition';
import { call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { focusSoon } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { SelectField } from '../../ui/SelectField';
import {
  translationDraft,
  translationEdit,
  translationInputId,
  translationParts,
  translationUpdate,
  type TranslationDraft,
  type TranslationPart,
} from './translation-edit';

interface TranslationEditorProps {
  template: Template;
  language: LanguageCode;
  onLanguage(language: LanguageCode): void;
  onSaved(template: Template): void;
}

/** "ungeprüft" or "geprüft von … am …". */
export function useReviewState(): (review: TranslationReview) => string {
  const { t } = useTranslation();
  return (review) =>
    review === null ? t('translations.stateUnchecked') : t('translations.stateChecked', { name: review.checkedBy, date: formatDate(review.checkedOn) });
}

/**
 * A template's wording in another language, part by part beside the German
 * (which stays binding and is edited above): the title, the letter's parts,
 * every label and text block with its Stand, the binding-language note and
 * whether the translation was checked. A save makes a new version
 * (`templates.update` with this one language).
 */
export function TranslationEditor({ template, language, onLanguage, onSaved }: TranslationEditorProps) {
  const { t } = useTranslation();
  const reviewState = useReviewState();
  const form = template.definition;
  const stored = form.translations?.[language];
  const [drafts, setDrafts] = useState<Partial<Record<LanguageCode, TranslationDraft>>>({});
  const draft = drafts[language] ?? translationDraft(form, stored);
  const [saving, setSaving] = useState(false);
  // The side-by-side form is long: it opens on request, so the German wording above stays the page's main part.
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const info = LANGUAGES[language];
  const parts = translationParts(form);
  const errorAt = (path: string) => fieldError(error, `translations.${language}.${path}`);

  const change = (patch: Partial<TranslationDraft>) => setDrafts((current) => ({ ...current, [language]: { ...draft, ...patch } }));
  const setText = (path: string, text: string) => change({ texts: { ...draft.texts, [path]: text } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await call('templates.update', translationUpdate(template.id, template.version, language, translationEdit(form, draft)));
      setDrafts((current) => {
        const { [language]: _saved, ...rest } = current;
        return rest;
      });
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      focusSoon('translation-editor-error');
    } finally {
      setSaving(false);
    }
  }

  const partName = (part: TranslationPart): string => {
    switch (part.kind) {
      case 'title':
        return t('translations.title');
      case 'letter':
        return t(
          part.name === 'subject' ? 'translations.letterSubject' : part.name === 'salutation' ? 'translations.letterSalutation' : 'translations.letterClosing',
        );
      case 'section':
        return t('translations.sectionTitle', { label: part.name });
      case 'label':
        return t('translations.fieldLabel', { label: part.name });
      case 'part':
        return t('translations.partLabel', { label: part.name, field: part.field ?? '' });
      case 'blockHeading':
        return t('translations.blockHeading', { label: part.name });
      case 'block':
        return t('translations.blockText', { label: part.name });
    }
  };

  const existing = new Map(template.translations.map((translation) => [translation.language, translation.review]));
  const languageOptions = [...LANGUAGE_CODES]
    .sort((a, b) => Number(existing.has(b)) - Number(existing.has(a)))
    .map((code) => ({
      value: code,
      label: existing.has(code)
        ? t('translations.editorOptionExisting', {
            german: LANGUAGES[code].german,
            native: LANGUAGES[code].native,
            state: reviewState(existing.get(code) ?? null),
          })
        : t('translations.editorOptionNew', { german: LANGUAGES[code].german, native: LANGUAGES[code].native }),
    }));

  return (
    <section className="panel translation-editor" aria-labelledby="translation-editor-heading">
      <h2 id="translation-editor-heading">{t('translations.editorHeading')}</h2>
      <p className="muted">{t('translations.editorIntro')}</p>
      <SelectField<LanguageCode>
        id="translation-editor-language"
        label={t('translations.editorLanguage')}
        value={language}
        options={languageOptions}
        onChange={(next) => {
          setError(null);
          onLanguage(next);
        }}
        size="medium"
      />
      {stored ? (
        <p className={stored.review === null ? 'status status--warning translation-review-state' : 'translation-review-state'}>
          {t('translations.currentState', { state: reviewState(stored.review) })}
        </p>
      ) : (
        <p className="alert alert--info">{t('translations.editorNew')}</p>
      )}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls="translation-editor-form"
        onClick={() => {
          setOpen((current) => !current);
          if (!open) focusSoon(translationInputId('title'));
        }}
      >
        {open ? t('translations.close') : t('translations.open', { language: info.german })}
      </button>
      <form id="translation-editor-form" hidden={!open} noValidate onSubmit={submit} className="form" aria-labelledby="translation-editor-heading">
        <div id="translation-editor-error" tabIndex={-1}>
          {error ? <ErrorAlert error={error} /> : null}
        </div>
        <div className="translation-columns" aria-hidden="true">
          <p className="translation-column-head">{t('translations.german')}</p>
          <p className="translation-column-head" lang={language} dir="auto">
            {t('translations.languageOption', { german: info.german, native: info.native })}
          </p>
        </div>
        <ol className="translation-pairs">
          {parts.map((part) => {
            const inputId = translationInputId(part.path);
            const sourceId = `${inputId}-german`;
            const name = partName(part);
            const long = part.kind === 'block';
            return (
              <li key={part.path} className="translation-pair">
                <div className="translation-source">
                  <p className="translation-source-label">{t('translations.germanOf', { part: name })}</p>
                  <div
                    id={sourceId}
                    className={long ? 'translation-source-text translation-source-text--long' : 'translation-source-text'}
                    lang="de"
                    dir="auto"
                  >
                    {part.german || t('translations.empty')}
                  </div>
                </div>
                <div className="translation-target">
                  <Field
                    id={inputId}
                    label={t('translations.inLanguage', { part: name, language: info.german })}
                    value={draft.texts[part.path] ?? ''}
                    onChange={(text) => setText(part.path, text)}
                    describedBy={sourceId}
                    error={errorAt(long ? `${part.path}.text` : part.path) ?? (long ? errorAt(part.path) : undefined)}
                    required={part.kind === 'title'}
                    multiline={long}
                    rows={long ? Math.min(14, Math.max(4, Math.ceil(part.german.length / 70))) : undefined}
                    maxLength={long ? 20000 : 300}
                    lang={language}
                    dir="auto"
                  />
                  {long ? (
                    <DateField
                      id={`${inputId}-stand`}
                      size="short"
                      label={t('translations.blockStand', { label: part.name })}
                      value={draft.stands[part.path] ?? ''}
                      onChange={(stand) => change({ stands: { ...draft.stands, [part.path]: stand } })}
                      error={errorAt(`${part.path}.stand`)}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <Field
          id="tr-bindingNote"
          label={t('translations.bindingNote')}
          hint={t('translations.bindingNoteHint')}
          value={draft.bindingNote}
          onChange={(bindingNote) => change({ bindingNote })}
          error={errorAt('bindingNote')}
          required
          maxLength={300}
          lang={language}
          dir="auto"
        />
        <Checkbox
          id="tr-checked"
          label={t('translations.checked')}
          checked={draft.checked}
          onChange={(checked) => change({ checked })}
          describedBy="tr-checked-hint"
        />
        <p id="tr-checked-hint" className="field-hint checkbox-hint">
          {t('translations.checkedHint')}
        </p>
        <FormActions submitLabel={t('translations.save')} saving={saving} />
      </form>
    </section>
  );
}
