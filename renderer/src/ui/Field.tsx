import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  /**
   * Said after the visible label but not shown, to tell repeated rows apart
   * ("Titel (deutsch)" in "Abschluss 2").
   */
  labelSuffix?: string | undefined;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel' | 'url' | 'search';
  multiline?: boolean;
  rows?: number;
  maxLength?: number | undefined;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url' | undefined;
  /** Narrow input for short values (PLZ). */
  size?: 'short' | 'medium' | 'full';
  /** `auto` for names and free text that may be written right to left (Arabic, Persian). */
  dir?: 'auto' | undefined;
  /** Extra class for the wrapper, e.g. to place it in a row. */
  className?: string | undefined;
}

/**
 * A labelled input. The label text is the field's whole accessible name
 * (the * for required fields stays outside it), and an error message is
 * tied to the input with aria-describedby.
 */
export function Field({
  id,
  label,
  labelSuffix,
  value,
  onChange,
  error,
  hint,
  required = false,
  type = 'text',
  multiline = false,
  rows = 8,
  maxLength,
  autoComplete,
  inputMode,
  size = 'full',
  dir,
  className,
}: FieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    required,
    maxLength,
    dir,
    autoComplete: autoComplete ?? 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `field-control field-control--${size}${error ? ' field-control--invalid' : ''}`,
  } as const;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
          {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
        </label>
        {required ? (
          <span className="field-required" aria-hidden="true">
            {t('common.requiredMark')}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}
