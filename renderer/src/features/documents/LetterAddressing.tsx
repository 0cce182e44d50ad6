import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import { contactDisplayName } from '../../../../shared/domain/salutation';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';

export const CONTACT_INPUT_ID = 'doc-contact';
export const SALUTATION_INPUT_ID = 'doc-salutation';

interface LetterAddressingProps {
  /** The recipient partner as the core has it (its contacts); null for a letter to the client. */
  partner: Partner | null;
  contactId: string | null;
  /** The counselor's own greeting; null: `defaultSalutation` prints. */
  salutationOverride: string | null;
  /** What the letter greets with when nothing of its own is written (the form's wording, filled in by the core's context). */
  defaultSalutation: string;
  onContactChange(contactId: string | null): void;
  onSalutationChange(salutationOverride: string | null): void;
  errorAt(path: string): string | undefined;
}

/**
 * Whom in the recipient a letter speaks to: a contact person of the partner
 * (named in the address block and greeted) and the greeting itself, prefilled
 * with the one the recipient is due. What the counselor writes there wins;
 * emptied, or written back to the prefilled wording, the computed one returns.
 */
export function LetterAddressing(props: LetterAddressingProps) {
  const { t } = useTranslation();
  const { partner, contactId, salutationOverride, defaultSalutation } = props;
  // While typing, the field keeps what was typed, even empty; it shows the default again once left.
  const [typed, setTyped] = useState<string | null>(null);
  const contacts = partner?.contacts ?? [];
  const shown = typed ?? salutationOverride ?? defaultSalutation;
  const changeSalutation = (text: string) => {
    setTyped(text);
    props.onSalutationChange(text.trim() === '' || text === defaultSalutation ? null : text);
  };
  return (
    <div className="form-grid letter-addressing">
      {contacts.length > 0 ? (
        <SelectField
          id={CONTACT_INPUT_ID}
          label={t('documentEditor.contact')}
          hint={t('documentEditor.contactHint')}
          value={contactId ?? ''}
          options={[
            { value: '', label: t('documentEditor.contactNone') },
            ...contacts.map((contact) => ({
              value: contact.id,
              label: contact.role ? `${contactDisplayName(contact)} – ${contact.role}` : contactDisplayName(contact),
            })),
          ]}
          onChange={(value) => {
            setTyped(null);
            props.onContactChange(value === '' ? null : value);
          }}
          error={props.errorAt('contactId')}
          size="full"
        />
      ) : null}
      <div onBlur={() => setTyped(null)}>
        <Field
          id={SALUTATION_INPUT_ID}
          label={t('documentEditor.salutation')}
          hint={salutationOverride === null ? t('documentEditor.salutationHint') : t('documentEditor.salutationOwnHint', { greeting: defaultSalutation })}
          badge={salutationOverride === null ? t('documentEditor.prefilled') : undefined}
          value={shown}
          onChange={changeSalutation}
          maxLength={200}
          dir="auto"
          error={props.errorAt('salutationOverride')}
        />
      </div>
    </div>
  );
}
