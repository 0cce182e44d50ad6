import { GroupFieldset } from './GroupFieldset';

interface RadioGroupProps<V extends string> {
  /** Base id: the group is `${id}-group`, option v's input `${id}-${v}`, its description `${id}-${v}-hint`. */
  id: string;
  legend: string;
  value: V | null;
  options: ReadonlyArray<{ value: V; label: string; hint?: string | undefined }>;
  onChange(value: V): void;
  error?: string | undefined;
  hint?: string | undefined;
  /** `stacked`: one option per line, with its description under it. */
  layout?: 'inline' | 'stacked';
}

/** Native radio buttons in a fieldset: arrow keys move between them, the legend names the choice. */
export function RadioGroup<V extends string>({ id, legend, value, options, onChange, error, hint, layout = 'inline' }: RadioGroupProps<V>) {
  return (
    <GroupFieldset id={id} legend={legend} error={error} hint={hint}>
      <div className={layout === 'inline' ? 'radio-group' : 'radio-stack'}>
        {options.map((option) => (
          <div key={option.value} className="radio">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <span className="radio-text">
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
              {option.hint ? (
                <span id={`${id}-${option.value}-hint`} className="field-hint radio-hint">
                  {option.hint}
                </span>
              ) : null}
            </span>
          </div>
        ))}
      </div>
    </GroupFieldset>
  );
}
