import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import type { FormDefinition } from '../../../../shared/forms/definition';
import { SelectField } from '../../ui/SelectField';
import { partnerChoices } from '../network/partner-choices';

interface RecipientPickerProps {
  recipient: FormDefinition['recipient'];
  /** The client's full name, for a letter to them. */
  clientName: string;
  partners: readonly Partner[];
  partnerId: string | null;
  /** The name the document has for its partner (an archived one is not among the choices). */
  partnerName: string;
  onChange(partnerId: string | null): void;
  error?: string | undefined;
}

export const RECIPIENT_INPUT_ID = 'doc-recipient';

/**
 * Who the document goes to: for a referral the partner agency (required
 * before finalizing); for a letter to the client optionally a partner
 * instead. Forms without a recipient have no picker.
 */
export function RecipientPicker({ recipient, clientName, partners, partnerId, partnerName, onChange, error }: RecipientPickerProps) {
  const { t } = useTranslation();
  if (recipient === 'none') return null;
  const choices = partnerChoices(partners, { id: partnerId, name: partnerName }, (name) => t('documentEditor.partnerArchived', { name }));
  const first =
    recipient === 'partner'
      ? { value: '', label: t('documentEditor.partnerChoose') }
      : { value: '', label: t('documentEditor.recipientClient', { name: clientName }) };
  return (
    <SelectField
      id={RECIPIENT_INPUT_ID}
      label={recipient === 'partner' ? t('documentEditor.recipientPartner') : t('documentEditor.recipient')}
      hint={recipient === 'partner' ? t('documentEditor.recipientPartnerHint') : t('documentEditor.recipientClientHint')}
      value={partnerId ?? ''}
      options={[first, ...choices]}
      onChange={(value) => onChange(value === '' ? null : value)}
      error={error}
      required={recipient === 'partner'}
      size="full"
    />
  );
}
