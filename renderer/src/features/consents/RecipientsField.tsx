import { useTranslation } from 'react-i18next';
import { TextRows } from '../../ui/TextRows';

/** A recipient as the contract names it: a partner of the directory, or (until it is there) a name. */
export interface RecipientDraft {
  partnerId: string | null;
  name: string;
}

interface RecipientsFieldProps {
  id: string;
  value: readonly RecipientDraft[];
  onChange(value: RecipientDraft[]): void;
  onRemove(index: number): void;
  errorOf(path: string): string | undefined;
  max: number;
}

/**
 * The recipients of a consent, each on its own row ("Empfänger 1", …).
 * Free text for now; the network directory will put a partner picker here,
 * so the rest of the consent form only sees `{ partnerId, name }`.
 */
export function RecipientsField({ id, value, onChange, onRemove, errorOf, max }: RecipientsFieldProps) {
  const { t } = useTranslation();
  return (
    <TextRows
      id={id}
      legend={t('consents.recipientsLegend')}
      hint={t('consents.recipientsHint')}
      itemLabel={(n) => t('consents.recipient', { n })}
      addLabel={t('consents.addRecipient')}
      values={value.map((recipient) => recipient.name)}
      onChange={(names) =>
        onChange(names.map((name, index) => ({ partnerId: value[index]?.name === name ? (value[index]?.partnerId ?? null) : null, name })))
      }
      onRemove={onRemove}
      rowError={(index) => errorOf(`recipients.${index}.name`) ?? errorOf(`recipients.${index}`)}
      groupError={errorOf('recipients')}
      max={max}
      maxLength={200}
    />
  );
}
