import { randomUUID } from 'node:crypto';
import type { MethodInput, Partner, PartnerInput } from '../../../shared/api/contract';
import { looseKey } from '../../../shared/domain/fold';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/partners';
import { DomainError, notFound } from '../errors';
import { addressBlock, type AddressBlock } from '../pdf/address-block';
import { partnerRecipient } from '../pdf/recipients';
import { recordAudit } from './audit';
import { withIds } from './partner-record';

function today(core: Core): string {
  return todayIso(core.now());
}

export function getPartner(core: Core, id: string): Partner {
  const partner = queries.getPartner(core.db, id, today(core));
  if (!partner) throw notFound('partner');
  return partner;
}

function audit(core: Core, action: string, id: string, details: Record<string, unknown> = {}): void {
  recordAudit(core, { action, subjectType: 'partner', subjectId: id, clientId: null, details });
}

export function createPartner(core: Core, input: PartnerInput): Partner {
  const id = randomUUID();
  return core.db.transaction(() => {
    queries.insertPartner(core.db, id, withIds(input), false, core.now().toISOString());
    audit(core, 'partners.create', id);
    return getPartner(core, id);
  })();
}

/** Names the fields whose value changed (`assuredDate` when the entry was verified), never the values. */
function changedFields(before: Partner, after: PartnerInput): string[] {
  return (Object.keys(after) as Array<keyof PartnerInput>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

export function updatePartner(core: Core, id: string, input: PartnerInput): Partner {
  return core.db.transaction(() => {
    const before = queries.getPartner(core.db, id, today(core));
    const stored = withIds(input);
    if (!before || !queries.updatePartner(core.db, id, stored, core.now().toISOString())) throw notFound('partner');
    audit(core, 'partners.update', id, { fields: changedFields(before, stored) });
    return getPartner(core, id);
  })();
}

export function archivePartner(core: Core, id: string, archived: boolean): Partner {
  return core.db.transaction(() => {
    if (!queries.setPartnerArchived(core.db, id, archived, core.now().toISOString())) throw notFound('partner');
    audit(core, 'partners.archive', id, { archived });
    return getPartner(core, id);
  })();
}

/** Only an entry nothing refers to may go; documents and consents keep naming the others. */
export function deletePartner(core: Core, id: string): void {
  core.db.transaction(() => {
    if (queries.partnerReferenceCount(core.db, id) > 0) {
      throw new DomainError('conflict', { key: 'partners.inUse' });
    }
    if (!queries.deletePartner(core.db, id)) throw notFound('partner');
    audit(core, 'partners.delete', id);
  })();
}

function matchesText(partner: Partner, words: string[]): boolean {
  const haystack = [partner.name, partner.department, partner.description, partner.address.city, ...partner.services.map((service) => service.name)]
    .map(looseKey)
    .join(' ');
  return words.every((word) => haystack.includes(word));
}

/** Services that still run: a closed one no longer makes an agency a place to refer to. */
function activeServices(partner: Partner): Partner['services'] {
  return partner.services.filter((service) => service.status === 'active');
}

/** The directory, filtered: text in names, departments, descriptions and services; field, language, verification, postal address. */
export function listPartners(core: Core, filter: MethodInput<'partners.list'>): Partner[] {
  const words = looseKey(filter.query ?? '')
    .split(' ')
    .filter(Boolean);
  const language = looseKey(filter.language ?? '');
  const field = filter.counselingField;
  return queries
    .listPartners(core.db, today(core), { includeArchived: filter.includeArchived ?? false, postalAddress: filter.postalAddress })
    .filter(
      (partner) =>
        (words.length === 0 || matchesText(partner, words)) &&
        (field === undefined ||
          partner.counselingFields.includes(field) ||
          activeServices(partner).some((service) => service.counselingFields.includes(field))) &&
        (language === '' || activeServices(partner).some((service) => service.languages.some((spoken) => looseKey(spoken).includes(language)))) &&
        (filter.verification === undefined || partner.verification === filter.verification),
    );
}

/** The address block of a letter to the partner, to the attention of one of its contacts if given. */
export function partnerAddressBlock(core: Core, id: string, contactId?: string): AddressBlock {
  const partner = getPartner(core, id);
  const contact = contactId === undefined ? undefined : partner.contacts.find((candidate) => candidate.id === contactId);
  if (contactId !== undefined && !contact) throw notFound('contact');
  return addressBlock(partnerRecipient(partner, contact));
}
