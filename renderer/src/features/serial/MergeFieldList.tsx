import { useTranslation } from 'react-i18next';
import { MERGE_CHOICES } from './serial-letter';

/**
 * The merge fields of a serial letter, listed beside its text, each with an
 * "Einfügen" button that puts `{{name}}` where the caret was in the text last
 * written in (focus goes back there). Plain buttons: Tab and Enter reach each.
 */
export function MergeFieldList({ onInsert }: { onInsert(name: string): void }) {
  const { t } = useTranslation();
  return (
    <aside className="merge-fields" aria-labelledby="serial-merge-heading">
      <h3 id="serial-merge-heading">{t('serial.mergeHeading')}</h3>
      <p className="muted">{t('serial.mergeIntro')}</p>
      <ul className="plain-list merge-field-list">
        {MERGE_CHOICES.map((choice) => {
          const code = `{{${choice.name}}}`;
          const label = t(`serial.mergeNames.${choice.key}`);
          return (
            <li key={choice.name}>
              <span className="merge-field-label">{label}</span>
              <code>{code}</code>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('serial.mergeInsertLabel', { placeholder: code, label })}
                onClick={() => onInsert(choice.name)}
              >
                {t('serial.mergeInsert')}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
