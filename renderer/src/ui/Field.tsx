import { FieldFrame } from './FieldFrame';

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

/** A labelled text input or textarea (see FieldFrame). */
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
  return (
    <FieldFrame id={id} label={label} labelSuffix={labelSuffix} error={error} hint={hint} required={required} className={className}>
      {(control) => {
        const common = {
          ...control,
          value,
          required,
          maxLength,
          dir,
          autoComplete: autoComplete ?? 'off',
          className: `${control.className} field-control--${size}`,
        };
        return multiline ? (
          <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...common} type={type} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
        );
      }}
    </FieldFrame>
  );
}
