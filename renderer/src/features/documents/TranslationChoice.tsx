import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BILINGUAL_LAYOUTS, LANGUAGES, type BilingualLayout, type LanguageCode, type Template } from '../../../../shared/api/contract';
import type { TranslationReview } from '../../../../shared/forms/definition';
import { formatDate } from '../../ui/format';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { RadioGroup } from '../../ui/RadioGroup';
import { SelectField } from '../../ui/SelectField';

export const TRANSLATION_LANGUAGE_ID = 'document-translation-language';
/** The warning (or the reviewer's note) beside the preview and in the finalize dialog refers to this one. */
export const TRANSLATION_STATE_ID = 'document-translation-state';

/** The review of the template version's translation in `language`: null while it is ungeprüft (or there is none). */
export function reviewOf(template: Pick<Template, 'translations'>, language: LanguageCode | null): TranslationReview {
  if (language === null) return null;
  return template.translations.find((translation) => translation.language === language)?.review ?? null;
}

/** "Persisch – فارسی": the German name and the endonym, so both counselor and client can find it. */
export function languageLabel(t: TFunction<'translation'>, code: LanguageCode): string {
  return t('translations.languageOption', { german: LANGUAGES[code].german, native: LANGUAGES[code].native });
}

interface TranslationChoiceProps {
  available: readonly LanguageCode[];
  language: LanguageCode | null;
  layout: BilingualLayout;
  review: TranslationReview;
  onLanguage(language: LanguageCode | null): void;
  onLayout(layout: BilingualLayout): void;
}

/**
 * The language printed beside the German (preset from the client's record
 * by the core), how the two are arranged, and whether the translation was
 * checked: an unchecked one is said plainly before anything is printed.
 */
export function TranslationChoice({ available, language, layout, review, onLanguage, onLayout }: TranslationChoiceProps) {
  const { t } = useTranslation();
  if (available.length === 0 && language === null) return null;
  const codes = language !== null && !available.includes(language) ? [...available, language] : available;
  return (
    <GroupFieldset id="document-translation" legend={t('translations.legend')}>
      <SelectField<LanguageCode | ''>
        id={TRANSLATION_LANGUAGE_ID}
        label={t('translations.language')}
        hint={t('translations.languageHint')}
        value={language ?? ''}
        options={[{ value: '', label: t('translations.germanOnly') }, ...codes.map((code) => ({ value: code, label: languageLabel(t, code) }))]}
        onChange={(value) => onLanguage(value === '' ? null : value)}
        size="medium"
      />
      {language !== null ? (
        <>
          <RadioGroup<BilingualLayout>
            id="document-translation-layout"
            legend={t('translations.layout')}
            value={layout}
            options={BILINGUAL_LAYOUTS.map((value) => ({ value, label: t(value === 'sequential' ? 'translations.sequential' : 'translations.sideBySide') }))}
            onChange={onLayout}
            layout="stacked"
          />
          <TranslationState id={TRANSLATION_STATE_ID} review={review} />
        </>
      ) : null}
    </GroupFieldset>
  );
}

/** "Diese Übersetzung ist noch nicht geprüft …" as a warning, or who checked it and when. */
export function TranslationState({ id, review }: { id?: string; review: TranslationReview }) {
  const { t } = useTranslation();
  return review === null ? (
    <div id={id} className="alert alert--warning translation-state" tabIndex={id ? -1 : undefined}>
      <p className="alert-title alert-title--warning">{t('translations.uncheckedTitle')}</p>
      <p>{t('translations.unchecked')}</p>
    </div>
  ) : (
    <p id={id} className="alert alert--info translation-state" tabIndex={id ? -1 : undefined}>
      {t('translations.checkedBy', { name: review.checkedBy, date: formatDate(review.checkedOn) })}
    </p>
  );
}
