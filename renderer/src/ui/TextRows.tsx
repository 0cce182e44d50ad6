import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { focusSoon } from './focus';
import { FieldMessages, messageIds } from './FieldMessages';

interface TextRowsProps {
  /** Base id: rows are `${id}-0`, `${id}-1` …, the group `${id}-group`, the add button `${id}-add`. */
  id: string;
  legend: string;
  hint?: string | undefined;
  /** "Schreibweise 2": the label of row n (counted from 1). */
  itemLabel(n: number): string;
  /** "Schreibweise hinzufügen" */
  addLabel: string;
  values: readonly string[];
  onChange(values: string[]): void;
  /** Called before a row is taken out, so its messages can go with it. */
  onRemove?(index: number): void;
  rowError(index: number): string | undefined;
  /** A message about the whole list (too many rows, a repeat). */
  groupError?: string | undefined;
  max: number;
  maxLength: number;
  dir?: 'auto' | 'ltr' | undefined;
  multiline?: boolean;
  size?: 'medium' | 'full';
}

/**
 * A list of text rows with "hinzufügen" and per-row "… entfernen" buttons
 * whose names say which row they take out. Focus follows: into the new row,
 * or to the row that moved up (or the add button) after a removal.
 */
export function TextRows({
  id,
  legend,
  hint,
  itemLabel,
  addLabel,
  values,
  onChange,
  onRemove,
  rowError,
  groupError,
  max,
  maxLength,
  dir = 'auto',
  multiline = false,
  size = 'medium',
}: TextRowsProps) {
  const { t } = useTranslation();
  const { describedBy } = messageIds(id, hint, groupError);

  const add = () => {
    onChange([...values, '']);
    focusSoon(`${id}-${values.length}`);
  };
  const remove = (index: number) => {
    onRemove?.(index);
    onChange(values.filter((_, row) => row !== index));
    const next = index < values.length - 1 ? index : index - 1;
    focusSoon(next >= 0 ? `${id}-${next}` : `${id}-add`, `${id}-add`);
  };

  return (
    <fieldset id={`${id}-group`} className={`fieldset fieldset--rows${groupError ? ' fieldset--invalid' : ''}`} aria-describedby={describedBy} tabIndex={-1}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={groupError} />
      {values.length > 0 ? (
        <ol className="rows">
          {values.map((value, index) => (
            <li key={index} className="row">
              <Field
                id={`${id}-${index}`}
                label={itemLabel(index + 1)}
                value={value}
                onChange={(next) => onChange(values.map((old, row) => (row === index ? next : old)))}
                error={rowError(index)}
                maxLength={maxLength}
                dir={dir}
                multiline={multiline}
                rows={2}
                size={size}
                className={size === 'full' ? 'row-field row-field--wide' : 'row-field'}
              />
              <button type="button" className="button button--secondary button--small row-remove" onClick={() => remove(index)}>
                {t('common.removeRow', { item: itemLabel(index + 1) })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {values.length < max ? (
        <button id={`${id}-add`} type="button" className="button button--secondary button--small" onClick={add}>
          {addLabel}
        </button>
      ) : (
        <p id={`${id}-add`} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: max })}
        </p>
      )}
    </fieldset>
  );
}
