import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { GroupFieldset } from './GroupFieldset';

export interface AddressDraft {
  street: string;
  postalCode: string;
  city: string;
}

interface AddressFieldsProps {
  /** Builds the input id for a field path such as `address.street`. */
  idOf(path: string): string;
  legend: string;
  value: AddressDraft;
  onChange(value: AddressDraft): void;
  errorOf(path: string): string | undefined;
}

/** Street, postcode and place of a client or a partner, with errors at `address.*`. */
export function AddressFields({ idOf, legend, value, onChange, errorOf }: AddressFieldsProps) {
  const { t } = useTranslation();
  return (
    <GroupFieldset id={idOf('address')} legend={legend} error={errorOf('address')}>
      <Field
        id={idOf('address.street')}
        label={t('clientFields.street')}
        value={value.street}
        onChange={(street) => onChange({ ...value, street })}
        error={errorOf('address.street')}
        maxLength={200}
        size="medium"
      />
      <div className="form-row">
        <Field
          id={idOf('address.postalCode')}
          label={t('clientFields.postalCode')}
          value={value.postalCode}
          onChange={(postalCode) => onChange({ ...value, postalCode })}
          error={errorOf('address.postalCode')}
          inputMode="numeric"
          maxLength={5}
          size="short"
        />
        <Field
          id={idOf('address.city')}
          label={t('clientFields.city')}
          value={value.city}
          onChange={(city) => onChange({ ...value, city })}
          error={errorOf('address.city')}
          maxLength={100}
          size="medium"
        />
      </div>
    </GroupFieldset>
  );
}
