import { FieldFrame, type FrameProps } from './FieldFrame';

interface FieldProps extends FrameProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  multiline?: boolean;
  rows?: number | undefined;
  maxLength?: number | undefined;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url' | undefined;
  /** Narrow input for short values (PLZ). */
  size?: 'short' | 'medium' | 'full';
  /**
   * `auto` (the default) lets the browser take the direction from the first strong
   * character, so names and free text written right to left (Arabic, Persian) show
   * correctly; `ltr` for values that are always left to right.
   */
  dir?: 'auto' | 'ltr' | undefined;
  readOnly?: boolean;
  /** The language of the text (`lang`), where it is not the interface's: a translation's. */
  lang?: string | undefined;
  /** The id of a `<datalist>` of suggestions; the input stays free text. */
  list?: string | undefined;
}

/** A labelled text input or textarea (see FieldFrame). */
export function Field({
  value,
  onChange,
  type = 'text',
  multiline = false,
  rows = 8,
  maxLength,
  autoComplete,
  inputMode,
  size = 'full',
  dir = 'auto',
  readOnly,
  lang,
  list,
  ...frame
}: FieldProps) {
  const required = frame.required ?? false;
  return (
    <FieldFrame {...frame}>
      {(control) => {
        const common = {
          ...control,
          value,
          required,
          maxLength,
          dir,
          readOnly,
          lang,
          autoComplete: autoComplete ?? 'off',
          className: `${control.className} field-control--${size}`,
        };
        return multiline ? (
          <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...common} type={type} inputMode={inputMode} list={list} onChange={(event) => onChange(event.target.value)} />
        );
      }}
    </FieldFrame>
  );
}
