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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
          {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
        </label>
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
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`field-control field-control--${size}${error ? ' field-control--invalid' : ''}`}
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
    </div>
  );
}
