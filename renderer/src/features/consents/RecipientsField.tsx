import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focus';
import { SelectField } from '../../ui/SelectField';
import { useAsync } from '../../ui/use-async';
import { partnerChoices } from '../network/partner-choices';

/**
 * A recipient row: a partner of the directory (`partnerId` and its name),
 * or, for an agency not in it, a name typed by hand (`freeText`).
 */
export interface RecipientDraft {
  partnerId: string | null;
  name: string;
  freeText: boolean;
}

export const EMPTY_RECIPIENT: RecipientDraft = { partnerId: null, name: '', freeText: false };

/** The option that shows the text input. Partner ids never take this form. */
const OTHER = '(other)';

interface RecipientsFieldProps {
  /** Base id: row n's select is `${id}-n`, its text input `${id}-n-name`, the add button `${id}-add`. */
  id: string;
  value: readonly RecipientDraft[];
  onChange(value: RecipientDraft[]): void;
  onRemove(index: number): void;
  errorOf(path: string): string | undefined;
  max: number;
}

/**
 * The recipients of a consent, each on its own row ("Empfänger 1", …): a
 * native select of the directory's active partners, plus "Andere Stelle
 * (freier Text)" for one that is not in it. The consent form only sees
 * `{ partnerId, name }`.
 */
export function RecipientsField({ id, value, onChange, onRemove, errorOf, max }: RecipientsFieldProps) {
  const { t } = useTranslation();
  const [partners] = useAsync(() => call('partners.list', {}).then(({ items }) => items), []);
  const groupError = errorOf('recipients');
  const hintId = `${id}-hint`;
  const errorId = groupError ? `${id}-error` : undefined;
  const known = partners.status === 'ready' ? partners.value : [];

  const replace = (index: number, row: RecipientDraft) => onChange(value.map((old, at) => (at === index ? row : old)));

  const choose = (index: number, choice: string) => {
    const row = value[index] ?? EMPTY_RECIPIENT;
    if (choice === OTHER) {
      replace(index, { partnerId: null, name: row.freeText ? row.name : '', freeText: true });
      focusSoon(`${id}-${index}-name`);
    } else if (choice === '') {
      replace(index, EMPTY_RECIPIENT);
    } else {
      const partner = known.find((candidate) => candidate.id === choice);
      if (partner) replace(index, { partnerId: partner.id, name: partner.name, freeText: false });
    }
  };

  const remove = (index: number) => {
    onRemove(index);
    onChange(value.filter((_, row) => row !== index));
    const next = index < value.length - 1 ? index : index - 1;
    focusSoon(next >= 0 ? `${id}-${next}` : `${id}-add`, `${id}-add`);
  };

  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset fieldset--rows${groupError ? ' fieldset--invalid' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ')}
      tabIndex={-1}
    >
      <legend>{t('consents.recipientsLegend')}</legend>
      <p id={hintId} className="field-hint">
        {t('consents.recipientsHint')}
      </p>
      {groupError ? (
        <p id={errorId} className="field-error">
          {groupError}
        </p>
      ) : null}
      {partners.status === 'loading' ? <p className="busy">{t('consents.recipientsLoading')}</p> : null}
      {partners.status === 'error' ? <p className="field-hint">{t('consents.recipientsLoadFailed')}</p> : null}
      {value.length > 0 ? (
        <ol className="rows">
          {value.map((row, index) => {
            const item = t('consents.recipient', { n: index + 1 });
            const error = errorOf(`recipients.${index}.name`) ?? errorOf(`recipients.${index}.partnerId`) ?? errorOf(`recipients.${index}`);
            const options = [
              { value: '', label: t('consents.recipientChoose') },
              ...partnerChoices(known, { id: row.partnerId, name: row.name }, (name) => t('consents.recipientArchived', { name })),
              { value: OTHER, label: t('consents.recipientOther') },
            ];
            return (
              <li key={index} className="row">
                <SelectField
                  id={`${id}-${index}`}
                  label={item}
                  value={row.freeText ? OTHER : (row.partnerId ?? '')}
                  options={options}
                  onChange={(choice) => choose(index, choice)}
                  error={row.freeText ? undefined : error}
                  size="full"
                  className="row-field"
                />
                {row.freeText ? (
                  <Field
                    id={`${id}-${index}-name`}
                    label={t('consents.recipientOtherName')}
                    labelSuffix={`(${item})`}
                    value={row.name}
                    onChange={(name) => replace(index, { partnerId: null, name, freeText: true })}
                    error={error}
                    maxLength={200}
                    dir="auto"
                    size="full"
                    className="row-field"
                  />
                ) : null}
                <button type="button" className="button button--secondary button--small row-remove" onClick={() => remove(index)}>
                  {t('common.removeRow', { item })}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {value.length < max ? (
        <button
          id={`${id}-add`}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onChange([...value, EMPTY_RECIPIENT]);
            focusSoon(`${id}-${value.length}`);
          }}
        >
          {t('consents.addRecipient')}
        </button>
      ) : (
        <p id={`${id}-add`} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: max })}
        </p>
      )}
    </fieldset>
  );
}
