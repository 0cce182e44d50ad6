import type { Client, Partner } from '../../../shared/api/contract';
import { fullName } from '../../../shared/domain/person-name';
import { missingAddressParts, type UndeliverableAddress } from '../../../shared/domain/postal-address';
import type { AddressRecipient } from './address-block';

/** A client as the recipient of a letter to them. */
export function clientRecipient(client: Pick<Client, 'givenName' | 'familyName' | 'address'>): AddressRecipient {
  const { addition, street, postalCode, city } = client.address;
  return { name: fullName(client), addition, street, postalCode, city };
}

/** A partner agency as the recipient, to the attention of one of its contacts if given. */
export function partnerRecipient(partner: Partner, contact?: Partner['contacts'][number]): AddressRecipient {
  return {
    name: partner.name,
    department: partner.department,
    attention: contact?.name,
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
