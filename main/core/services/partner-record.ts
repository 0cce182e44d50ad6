import { randomUUID } from 'node:crypto';
import type { PartnerInput } from '../../../shared/api/contract';
import type { StoredPartnerRecord } from '../db/queries/partners';

/** Gives every service and contact an id, keeping the ones it has. (Apart from partners.ts: the import worker needs it without the store.) */
export function withIds(input: PartnerInput): StoredPartnerRecord {
  return {
    ...input,
    services: input.services.map((service) => ({ ...service, id: service.id ?? randomUUID() })),
    contacts: input.contacts.map((contact) => ({ ...contact, id: contact.id ?? randomUUID() })),
  };
}
