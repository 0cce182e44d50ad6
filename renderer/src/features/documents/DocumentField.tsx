import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import type { InputFieldDefinition } from '../../../../shared/forms/definition';
import { formatMoney, type FieldValue, type LineRow } from '../../../../shared/forms/values';
import { Checkbox } from '../../ui/Checkbox';
import { MoneyField, NumberField } from '../../ui/DecimalField';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { SelectField } from '../../ui/SelectField';
import { partnerChoices } from '../network/partner-choices';
import { fieldInputId, messageAtField, valuePath } from './document-form';
import { LegendText } from './LegendText';
import { LinesTable } from './LinesTable';

export interface DocumentFieldProps {
  field: InputFieldDefinition;
  value: FieldValue | undefined;
  onChange(value: FieldValue): void;
  /** The message at a field path (`values.<field>` or a cell's) in the interface's language, naming its place as a list would. */
  errorAt(path: string): string | undefined;
  prefilled: boolean;
  partners: readonly Partner[];
  /** The label of the lines field a computed sum adds up. */
  sumSourceLabel?: string | undefined;
}

const asText = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');
const asNumber = (value: FieldValue | undefined) => (typeof value === 'number' ? value : null);

/** One input of a document, built from its field definition. */
export function DocumentField({ field, value, onChange, errorAt, prefilled, partners, sumSourceLabel }: DocumentFieldProps) {
  const { t } = useTranslation();
  const id = fieldInputId(field.id);
  const common = {
    id,
    label: field.label,
    hint: field.help,
    required: field.required ?? false,
    error: messageAtField(errorAt(valuePath(field.id)), field),
    badge: prefilled ? t('documentEditor.prefilled') : undefined,
  };

  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <Field
          {...common}
          value={asText(value)}
          onChange={onChange}
          multiline={field.type === 'textarea'}
          rows={field.type === 'textarea' ? 6 : undefined}
          maxLength={field.max}
          dir="auto"
        />
      );
    case 'date':
      return <DateField {...common} size="short" value={asText(value)} onChange={onChange} />;
    case 'money':
      if (field.sumOf) {
        return (
          <Field
            {...common}
            hint={t('documentEditor.computedHint', { field: sumSourceLabel ?? field.sumOf.field })}
            value={formatMoney(asNumber(value) ?? 0)}
            onChange={() => undefined}
            readOnly
            size="short"
          />
        );
      }
      return <MoneyField {...common} value={asNumber(value)} onChange={onChange} />;
    case 'number':
      return <NumberField {...common} value={asNumber(value)} onChange={onChange} />;
    case 'select':
      return (
        <SelectField
          {...common}
          value={asText(value)}
          options={[{ value: '', label: t('documentEditor.choose') }, ...field.options]}
          onChange={onChange}
          size="full"
        />
      );
    case 'partner':
      return (
        <SelectField
          {...common}
          value={asText(value)}
          options={[
            { value: '', label: t('documentEditor.partnerChoose') },
            ...partnerChoices(partners, { id: asText(value), name: '' }, (name) => t('documentEditor.partnerArchived', { name })),
          ]}
          onChange={onChange}
          size="full"
        />
      );
    case 'checkbox':
      return (
        <div className="field">
          <Checkbox
            id={id}
            label={<LegendText label={field.label} required={false} badge={common.badge} />}
            checked={value === true}
            onChange={onChange}
            error={common.error}
          />
          {field.help ? <p className="field-hint checkbox-hint">{field.help}</p> : null}
        </div>
      );
    case 'multiselect': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <GroupFieldset
          id={id}
          legend={<LegendText label={field.label} required={common.required} badge={common.badge} />}
          error={common.error}
          hint={field.help}
          className="fieldset--choices"
        >
          {field.options.map((option) => (
            <Checkbox
              key={option.value}
              id={`${id}-${option.value}`}
              label={option.label}
              checked={chosen.includes(option.value)}
              // Kept in the order of the options, as the form prints them.
              onChange={(checked) =>
                onChange(field.options.map((entry) => entry.value).filter((entry) => (entry === option.value ? checked : chosen.includes(entry))))
              }
            />
          ))}
        </GroupFieldset>
      );
    }
    case 'lines':
      return <LinesTable field={field} rows={Array.isArray(value) ? (value as LineRow[]) : []} onChange={onChange} errorAt={errorAt} />;
  }
}
