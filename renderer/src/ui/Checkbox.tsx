import type { ReactNode } from 'react';

interface CheckboxProps {
  id: string;
  label: ReactNode;
  /** Said after the visible label but not shown (see Field). */
  labelSuffix?: string | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | undefined;
  describedBy?: string | undefined;
  name?: string | undefined;
}

/** A checkbox with its label beside it; the whole label is the click target. */
export function Checkbox({ id, label, labelSuffix, checked, onChange, error, describedBy, name }: CheckboxProps) {
  const errorId = error ? `${id}-error` : undefined;
  const described = [errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={id}
          name={name ?? id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>
          {label}
          {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
        </label>
      </div>
    </>
  );
}
