import type { Client, Partner } from '../../../shared/api/contract';
import { addressWord, clientAddressee, contactLine, nameWithTitle } from '../../../shared/domain/salutation';
import type { AddressRecipient } from './address-block';

/** A client as the recipient of a letter to them: "Frau" / "Herrn" above the name where the recorded sex gives it (DIN 5008). */
export function clientRecipient(client: Pick<Client, 'sex' | 'title' | 'givenName' | 'familyName' | 'address'>): AddressRecipient {
  const addressee = clientAddressee(client);
  return {
    ...(addressee.formOfAddress ? { formOfAddress: addressWord(addressee.formOfAddress) } : {}),
    name: nameWithTitle(addressee),
    street: client.address.street,
    postalCode: client.address.postalCode,
    city: client.address.city,
  };
}

/** A partner agency as the recipient, to one of its contacts if given ("Frau Dr. Anna Schmitz" below the department). */
export function partnerRecipient(partner: Partner, contact?: Partner['contacts'][number] | null): AddressRecipient {
  return {
    name: partner.name,
    department: partner.department,
    ...(contact ? { attention: contactLine(contact) } : {}),
    street: partner.address.street,
    postbox: partner.postbox,
    postalCode: partner.address.postalCode,
    city: partner.address.city,
  };
}
