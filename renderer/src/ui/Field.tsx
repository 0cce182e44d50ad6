import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel' | 'url' | 'search';
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  /** Narrow input for short values (PLZ). */
  size?: 'short' | 'medium' | 'full';
}

/**
 * A labelled input. The label text is the field's whole accessible name
 * (the * for required fields stays outside it), and an error message is
 * tied to the input with aria-describedby.
 */
export function Field({
  id,
  label,
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
    autoComplete: autoComplete ?? 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `field-control field-control--${size}${error ? ' field-control--invalid' : ''}`,
  } as const;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
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
