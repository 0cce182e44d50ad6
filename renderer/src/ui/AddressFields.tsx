import { useTranslation } from 'react-i18next';
import type { TextBinding } from './contract-form';
import { Field } from './Field';
import { GroupFieldset } from './GroupFieldset';

interface AddressFieldsProps {
  /** The group's id (`…-address`), for its message and for focus. */
  id: string;
  legend: string;
  error: string | undefined;
  /** The inputs of `address.street`, `address.postalCode` and `address.city` (see contract-form.ts). */
  text(path: 'address.street' | 'address.postalCode' | 'address.city'): TextBinding;
}

/** Street, postcode and place of a client or a partner, with errors at `address.*`. */
export function AddressFields({ id, legend, error, text }: AddressFieldsProps) {
  const { t } = useTranslation();
  return (
    <GroupFieldset id={id} legend={legend} error={error}>
      <Field label={t('clientFields.street')} {...text('address.street')} size="medium" />
      <div className="form-row">
        {/* The contract states a postcode as a pattern of five digits. */}
        <Field label={t('clientFields.postalCode')} {...text('address.postalCode')} inputMode="numeric" maxLength={5} size="short" />
        <Field label={t('clientFields.city')} {...text('address.city')} size="medium" />
      </div>
    </GroupFieldset>
  );
}
