import { FieldFrame, type FrameProps } from './FieldFrame';

interface SelectFieldProps<V extends string> extends FrameProps {
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  size?: 'short' | 'medium' | 'full';
}

/** A labelled native select: keyboard and screen readers know it without help. */
export function SelectField<V extends string>({ value, options, onChange, size = 'medium', ...frame }: SelectFieldProps<V>) {
  return (
    <FieldFrame {...frame}>
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
