import { useTranslation } from 'react-i18next';
import { isInputField, type FormDefinition } from '../../../../shared/forms/definition';
import { displayValue, isFieldShown, type FieldValue, type FormValues, type LineRow } from '../../../../shared/forms/values';

interface DocumentValuesProps {
  form: FormDefinition;
  values: FormValues;
  omitted: readonly string[];
  partnerName(id: string): string;
}

/** A final document's values, read-only, section by section as the form has them. */
export function DocumentValues({ form, values, omitted, partnerName }: DocumentValuesProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="document-values-heading">
      <h2 id="document-values-heading">{t('finalDocument.valuesHeading')}</h2>
      {form.sections.map((section) => {
        const fields = section.fields.filter(isInputField).filter((field) => isFieldShown(section, field, values));
        if (fields.length === 0) return null;
        return (
          <div key={section.id} className="values-section">
            <h3 className="facts-subheading">{section.title}</h3>
            <dl className="facts">
              {fields.map((field) => (
                <div key={field.id} className={field.type === 'lines' || field.type === 'textarea' ? 'facts-wide' : undefined}>
                  <dt>{field.label}</dt>
                  <dd>
                    {omitted.includes(field.id) ? (
                      <span className="status status--inline status--omitted">{t('finalDocument.omitted')}</span>
                    ) : field.type === 'lines' ? (
                      <LinesValue columns={field.columns} rows={values[field.id]} caption={field.label} />
                    ) : (
                      <span className="long-text" dir="auto">
                        {displayValue(field, values[field.id], partnerName) || t('common.none')}
                      </span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
    </section>
  );
}

type Columns = Extract<FormDefinition['sections'][number]['fields'][number], { type: 'lines' }>['columns'];

function LinesValue({ columns, rows, caption }: { columns: Columns; rows: FieldValue | undefined; caption: string }) {
  const { t } = useTranslation();
  const list = Array.isArray(rows) ? (rows as LineRow[]) : [];
  if (list.length === 0) return <>{t('common.none')}</>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.id}>{displayValue(column, row[column.id]) || t('common.none')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
