import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../ui/focus';
import type { PlaceholderChoice, PlaceholderGroup } from './template-edit';

interface PlaceholderPickerProps {
  /** Base id: the toggle is `${id}-toggle`, the list `${id}-panel`. */
  id: string;
  /** What the placeholders go into, as the page names it. */
  target: string;
  choices: Array<{ group: PlaceholderGroup; entries: PlaceholderChoice[] }>;
  open: boolean;
  onToggle(): void;
  onInsert(name: string): void;
}

/**
 * "Platzhalter einfügen" under a text: opens the list of every placeholder
 * the template accepts, grouped by where the value comes from, each with an
 * "Einfügen" button that puts it where the caret was in the text (focus goes
 * back there). Under its text in the page order, so a keyboard reaches it
 * with one Tab from the text.
 */
export function PlaceholderPicker({ id, target, choices, open, onToggle, onInsert }: PlaceholderPickerProps) {
  const { t } = useTranslation();
  const panelId = `${id}-panel`;
  return (
    <div className="placeholder-picker">
      <button
        id={`${id}-toggle`}
        type="button"
        className="button button--secondary button--small"
        // One name for both states: aria-expanded says whether the list is open.
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          onToggle();
          if (open) focusSoon(`${id}-toggle`);
        }}
      >
        {t('templateEditor.placeholdersOpen')}
      </button>
      {open ? (
        <div id={panelId} className="placeholder-panel" role="group" aria-labelledby={`${id}-title`}>
          <p id={`${id}-title`} className="placeholder-panel-title">
            {t('templateEditor.placeholdersFor', { target })}
          </p>
          <p className="muted">{t('templateEditor.placeholdersIntro')}</p>
          {choices.map(({ group, entries }) => (
            <div key={group} className="placeholder-group">
              <h4 id={`${id}-${group}`}>{t(`templateEditor.placeholderGroups.${group}`)}</h4>
              <ul className="plain-list placeholder-list" aria-labelledby={`${id}-${group}`}>
                {entries.map((entry) => {
                  const code = `{{${entry.name}}}`;
                  // Prefill paths are named by the interface; `placeholderNames` is nested like the paths.
                  const label = entry.fieldLabel ?? t(`placeholderNames.${entry.name}` as 'placeholderNames.today');
                  return (
                    <li key={entry.name}>
                      <code>{code}</code>
                      <span className="placeholder-label">{label}</span>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('templateEditor.insertLabel', { placeholder: code, label })}
                        onClick={() => onInsert(entry.name)}
                      >
                        {t('templateEditor.insert')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
