import { useTranslation } from 'react-i18next';
import type { ColumnDefinition, LinesFieldDefinition } from '../../../../shared/forms/definition';
import { blankValue, type CellValue, type FieldValue, type LineRow } from '../../../../shared/forms/values';
import { Checkbox } from '../../ui/Checkbox';
import { MoneyField, NumberField } from '../../ui/DecimalField';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { SelectField } from '../../ui/SelectField';
import { fieldInputId, messageAtField, valuePath } from './document-form';
import { LegendText } from './LegendText';

const DEFAULT_MAX_ROWS = 50;

interface LinesTableProps {
  field: LinesFieldDefinition;
  rows: readonly LineRow[];
  onChange(rows: FieldValue): void;
  errorAt(path: string): string | undefined;
}

/**
 * Repeatable rows (cost items): a table whose column heads are the labels,
 * a typed input per cell named "Betrag, Zeile 2", and add/remove buttons.
 * Focus follows: into the new row, or to the row that moved up.
 */
export function LinesTable({ field, rows, onChange, errorAt }: LinesTableProps) {
  const { t } = useTranslation();
  const baseId = fieldInputId(field.id);
  const addId = `${baseId}-add`;
  const maxRows = field.maxRows ?? DEFAULT_MAX_ROWS;
  const firstColumn = field.columns[0]?.id ?? '';

  const setCell = (index: number, column: string, cell: CellValue) => onChange(rows.map((row, at) => (at === index ? { ...row, [column]: cell } : row)));

  const add = () => {
    onChange([...rows, Object.fromEntries(field.columns.map((column) => [column.id, blankValue(column) as CellValue]))]);
    focusSoon(fieldInputId(field.id, rows.length, firstColumn));
  };

  const remove = (index: number) => {
    onChange(rows.filter((_, at) => at !== index));
    const next = index < rows.length - 1 ? index : index - 1;
    focusSoon(next >= 0 ? fieldInputId(field.id, next, firstColumn) : addId, addId);
  };

  return (
    <GroupFieldset
      id={baseId}
      legend={<LegendText label={field.label} required={field.required ?? false} />}
      hint={field.help}
      error={messageAtField(errorAt(valuePath(field.id)), field)}
      className="fieldset--lines"
    >
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table lines-table">
            <caption className="visually-hidden">{field.label}</caption>
            <thead>
              <tr>
                {field.columns.map((column) => (
                  <th key={column.id} scope="col">
                    {column.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('documentEditor.rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {field.columns.map((column) => (
                    <td key={column.id}>
                      <LineCell
                        id={fieldInputId(field.id, index, column.id)}
                        column={column}
                        label={t('documentEditor.cellLabel', { column: column.label, row: index + 1 })}
                        value={row[column.id] ?? (blankValue(column) as CellValue)}
                        onChange={(cell) => setCell(index, column.id, cell)}
                        error={messageAtField(errorAt(valuePath(field.id, index, column.id)), field, index, column)}
                      />
                    </td>
                  ))}
                  <td>
                    <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                      {t('common.removeRow', { item: t('documentEditor.row', { n: index + 1 }) })}
                      <span className="visually-hidden"> ({field.label})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('documentEditor.noRows')}</p>
      )}
      {rows.length < maxRows ? (
        <button id={addId} type="button" className="button button--secondary button--small" onClick={add}>
          {t('documentEditor.addRow')}
          <span className="visually-hidden"> ({field.label})</span>
        </button>
      ) : (
        <p id={addId} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: maxRows })}
        </p>
      )}
    </GroupFieldset>
  );
}

interface LineCellProps {
  id: string;
  column: ColumnDefinition;
  label: string;
  value: CellValue;
  onChange(value: CellValue): void;
  error: string | undefined;
}

function LineCell({ id, column, label, value, onChange, error }: LineCellProps) {
  const { t } = useTranslation();
  const common = { id, label, labelHidden: true, error, className: 'cell-field' };
  const text = typeof value === 'string' ? value : '';
  const amount = typeof value === 'number' ? value : null;
  switch (column.type) {
    case 'text':
      return <Field {...common} value={text} onChange={onChange} maxLength={column.max} dir="auto" />;
    case 'date':
      return <DateField {...common} size="short" value={text} onChange={onChange} />;
    case 'money':
      return <MoneyField {...common} value={amount} onChange={onChange} />;
    case 'number':
      return <NumberField {...common} value={amount} onChange={onChange} />;
    case 'select':
      return (
        <SelectField {...common} value={text} options={[{ value: '', label: t('documentEditor.choose') }, ...column.options]} onChange={onChange} size="full" />
      );
    case 'checkbox':
      return <Checkbox id={id} label={<span className="visually-hidden">{label}</span>} checked={value === true} onChange={onChange} error={error} />;
  }
}
