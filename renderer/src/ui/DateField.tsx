import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, type FrameProps } from './FieldFrame';
import { germanDateText, parseGermanDate } from './german-date';

interface DateFieldProps extends FrameProps {
  /** `YYYY-MM-DD`, '' when empty (or a text that was refused, handed back as it was typed). */
  value: string;
  /**
   * Gets `YYYY-MM-DD` as soon as the typed text reads as a day, '' when it is
   * emptied. Text that is no day is handed on when the field is left (so
   * saving refuses it instead of keeping the old date), unless `holdUnreadable`.
   */
  onChange(value: string): void;
  /** Filters: text that is no day is never handed on (the last readable day stays in force). */
  holdUnreadable?: boolean;
  size?: 'short' | 'medium' | 'full';
  readOnly?: boolean;
}

/**
 * A calendar day typed the German way, TT.MM.JJJJ (also T.M.JJJJ or a pasted
 * 2023-03-01); the rest of the code gets `YYYY-MM-DD`. The format is the
 * hint; text that is no day is answered in German once the field is left, and
 * the text is tidied ("1.3.2023" → "01.03.2023").
 */
export function DateField({ value, onChange, holdUnreadable = false, size = 'short', readOnly, hint, error, ...frame }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => germanDateText(value));
  const [left, setLeft] = useState(false);

  // A value set from outside (a draft loaded again, a reset filter) replaces what the text says.
  useEffect(() => {
    setText((current) => {
      const typed = current.trim() === '' ? '' : (parseGermanDate(current) ?? current.trim());
      return typed === value ? current : germanDateText(value);
    });
  }, [value]);

  const unreadable = left && text.trim() !== '' && parseGermanDate(text) === null;
  const formatHint = t('dateField.hint');
  return (
    <FieldFrame {...frame} hint={hint ? `${formatHint} – ${hint}` : formatHint} error={unreadable ? t('dateField.unreadable') : error}>
      {(control) => (
        <input
          {...control}
          className={`${control.className} field-control--${size} date-input`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          required={frame.required}
          readOnly={readOnly}
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            if (next.trim() === '') {
              setLeft(false);
              onChange('');
              return;
            }
            const day = parseGermanDate(next);
            if (day !== null) {
              setLeft(false);
              onChange(day);
            }
          }}
          onKeyDown={(event) => {
            // Enter would submit the form with the last readable day: it is held back, and the field says why.
            if (event.key !== 'Enter' || text.trim() === '' || parseGermanDate(text) !== null) return;
            event.preventDefault();
            setLeft(true);
            if (!holdUnreadable && text.trim() !== value) onChange(text.trim());
          }}
          onBlur={() => {
            if (text.trim() === '') return;
            const day = parseGermanDate(text);
            if (day !== null) {
              setText(germanDateText(day));
              return;
            }
            setLeft(true);
            if (!holdUnreadable && text.trim() !== value) onChange(text.trim());
          }}
        />
      )}
    </FieldFrame>
  );
}
