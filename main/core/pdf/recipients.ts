import type { Client, Partner } from '../../../shared/api/contract';
import { missingAddressParts, type UndeliverableAddress } from '../../../shared/domain/postal-address';
import { addressWord, clientAddressee, contactLine, nameWithTitle } from '../../../shared/domain/salutation';
import type { AddressRecipient } from './address-block';

/** A client as the recipient of a letter to them: "Frau" / "Herrn" above the name where the recorded sex gives it (DIN 5008). */
export function clientRecipient(client: Pick<Client, 'sex' | 'title' | 'givenName' | 'familyName' | 'address'>): AddressRecipient {
  const addressee = clientAddressee(client);
  const { addition, street, postalCode, city } = client.address;
  return {
    ...(addressee.formOfAddress ? { formOfAddress: addressWord(addressee.formOfAddress) } : {}),
    name: nameWithTitle(addressee),
    addition,
    street,
    postalCode,
    city,
  };
}

/** A partner agency as the recipient, to one of its contacts if given ("Frau Dr. Anna Schmitz" below the department). */
export function partnerRecipient(partner: Partner, contact?: Partner['contacts'][number] | null): AddressRecipient {
  return {
    name: partner.name,
    department: partner.department,
    ...(contact ? { attention: contactLine(contact) } : {}),
    addition: partner.address.addition,
    street: partner.address.street,
    postbox: partner.postbox,
    postalCode: partner.address.postalCode,
    city: partner.address.city,
  };
}

/**
 * What keeps a letter from reaching this recipient, or null: the one check of
 * finalizing, serial letters and the finalize dialog. A partner is named with
 * its department, as the directory lists it ("Kreis Düren – Ausländerbehörde").
 */
export function undeliverable(recipient: AddressRecipient): UndeliverableAddress | null {
  const missing = missingAddressParts(recipient);
  if (missing.length === 0) return null;
  return { name: recipient.department ? `${recipient.name} – ${recipient.department}` : recipient.name, missing };
}
