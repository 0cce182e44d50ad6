import { useTranslation } from 'react-i18next';
import type { TextBinding } from './contract-form';
import { Field } from './Field';
import { GroupFieldset } from './GroupFieldset';

interface AddressFieldsProps {
  /** The group's id (`…-address`), for its message and for focus. */
  id: string;
  legend: string;
  error: string | undefined;
  /** The inputs of `address.addition`, `address.street`, `address.postalCode` and `address.city` (see contract-form.ts). */
  text(path: 'address.addition' | 'address.street' | 'address.postalCode' | 'address.city'): TextBinding;
}

/** Addition, street, postcode and place of a client or a partner, in the order a letter prints them, with errors at `address.*`. */
export function AddressFields({ id, legend, error, text }: AddressFieldsProps) {
  const { t } = useTranslation();
  return (
    <GroupFieldset id={id} legend={legend} error={error}>
      <Field label={t('clientFields.addition')} hint={t('clientFields.additionHint')} {...text('address.addition')} size="medium" dir="auto" />
      <Field label={t('clientFields.street')} {...text('address.street')} size="medium" />
      <div className="form-row">
        {/* The contract states a postcode as a pattern of five digits. */}
        <Field label={t('clientFields.postalCode')} {...text('address.postalCode')} inputMode="numeric" maxLength={5} size="short" />
        <Field label={t('clientFields.city')} {...text('address.city')} size="medium" />
      </div>
    </GroupFieldset>
  );
}
