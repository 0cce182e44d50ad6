import { FieldFrame } from './FieldFrame';

interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  /** Said after the visible label but not shown (see Field). */
  labelSuffix?: string | undefined;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  error?: string | undefined;
  hint?: string | undefined;
  size?: 'short' | 'medium' | 'full';
  className?: string | undefined;
}

/** A labelled native select: keyboard and screen readers know it without help. */
export function SelectField<V extends string>({
  id,
  label,
  labelSuffix,
  value,
  options,
  onChange,
  error,
  hint,
  size = 'medium',
  className,
}: SelectFieldProps<V>) {
  return (
    <FieldFrame id={id} label={label} labelSuffix={labelSuffix} error={error} hint={hint} className={className}>
      {(control) => (
        <select
          {...control}
          value={value}
          className={`${control.className} field-control--${size}`}
          onChange={(event) => {
            const chosen = options.find((option) => option.value === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
