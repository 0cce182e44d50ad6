import type { Client, Partner } from '../../../shared/api/contract';
import { fullName } from '../../../shared/domain/person-name';
import type { AddressRecipient } from './address-block';

/** A client as the recipient of a letter to them. */
export function clientRecipient(client: Pick<Client, 'givenName' | 'familyName' | 'address'>): AddressRecipient {
  return { name: fullName(client), street: client.address.street, postalCode: client.address.postalCode, city: client.address.city };
}

/** A partner agency as the recipient, to the attention of one of its contacts if given. */
export function partnerRecipient(partner: Partner, contact?: Partner['contacts'][number]): AddressRecipient {
  return {
    name: partner.name,
    department: partner.department,
    attention: contact?.name,
    street: partner.address.street,
    postbox: partner.postbox,
    postalCode: partner.address.postalCode,
    city: partner.address.city,
  };
}
