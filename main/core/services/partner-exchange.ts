import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/partners';
import { recordAudit } from './audit';

/**
 * Sharing the directory between desks as HSDS (Open Referral Human Services
 * Data Specification 3.0): a datapackage-style JSON file with the tables
 * organizations, services, locations, contacts and schedules, linked by ids.
 * What HSDS has no field for travels in `x_lotse_*` fields, so a Lotse reads
 * back exactly what another wrote; any other HSDS source is read by the
 * standard fields. A simple CSV list is accepted for offices that keep their
 * list in a spreadsheet. This file writes the package; partner-import/ reads it.
 */

const FORMAT_NAME = 'lotse-netzwerk';

export interface HsdsPhone {
  number: string;
}
export interface HsdsOrganization {
  id: string;
  name: string;
  description?: string;
  email?: string;
  website?: string;
  phones?: HsdsPhone[];
  x_lotse_department?: string;
  x_lotse_counseling_fields?: string[];
  x_lotse_notes?: string;
  x_lotse_assured_date?: string | null;
  x_lotse_assured_by?: string;
  x_lotse_archived?: boolean;
}
export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description?: string;
  status?: string;
  eligibility_description?: string;
  minimum_age?: number | null;
  maximum_age?: number | null;
  fees_description?: string;
  application_process?: string;
  languages?: Array<{ name: string }>;
  assured_date?: string | null;
  x_lotse_counseling_fields?: string[];
}
export interface HsdsAddress {
  address_type: 'physical' | 'postal';
  address_1: string;
  /** The address addition (c/o, building …): HSDS's "second line of address information". */
  address_2?: string;
  postal_code: string;
  city: string;
  country: string;
}
export interface HsdsLocation {
  id: string;
  organization_id: string;
  location_type: 'physical';
  name: string;
  addresses: HsdsAddress[];
}
export interface HsdsContact {
  id: string;
  organization_id: string;
  name: string;
  title?: string;
  email?: string;
  phones?: HsdsPhone[];
  x_lotse_form_of_address?: string | null;
  x_lotse_academic_title?: string;
}
export interface HsdsSchedule {
  id: string;
  location_id: string;
  description: string;
}
export interface HsdsPackage {
  name?: string;
  organizations: HsdsOrganization[];
  services?: HsdsService[];
  locations?: HsdsLocation[];
  contacts?: HsdsContact[];
  schedules?: HsdsSchedule[];
}

const phones = (number: string): HsdsPhone[] => (number.trim() === '' ? [] : [{ number }]);

/** The directory as an HSDS package; archived entries too, flagged, so a second desk mirrors the first. */
export function exportPartners(core: Core): { content: string; fileName: string } {
  const partners = queries.listPartners(core.db, todayIso(core.now()), { includeArchived: true });
  const pkg: Required<HsdsPackage> & { profile: string; hsds_version: string; created: string } = {
    name: FORMAT_NAME,
    profile: 'Open Referral HSDS',
    hsds_version: '3.0',
    created: core.now().toISOString(),
    organizations: [],
    services: [],
    locations: [],
    contacts: [],
    schedules: [],
  };
  for (const partner of partners) {
    pkg.organizations.push({
      id: partner.id,
      name: partner.name,
      description: partner.description,
      email: partner.email,
      website: partner.website,
      phones: phones(partner.phone),
      x_lotse_department: partner.department,
      x_lotse_counseling_fields: partner.counselingFields,
      x_lotse_notes: partner.notes,
      x_lotse_assured_date: partner.assuredDate,
      x_lotse_assured_by: partner.assuredBy,
      x_lotse_archived: partner.archived,
    });
    for (const service of partner.services) {
      pkg.services.push({
        id: service.id,
        organization_id: partner.id,
        name: service.name,
        description: service.description,
        status: service.status,
        eligibility_description: service.eligibility,
        minimum_age: service.minimumAge,
        maximum_age: service.maximumAge,
        fees_description: service.fees,
        application_process: service.applicationProcess,
        languages: service.languages.map((name) => ({ name })),
        assured_date: partner.assuredDate,
        x_lotse_counseling_fields: service.counselingFields,
      });
    }
    const locationId = `${partner.id}-location`;
    const addresses: HsdsAddress[] = [
      {
        address_type: 'physical',
        address_1: partner.address.street,
        ...(partner.address.addition === '' ? {} : { address_2: partner.address.addition }),
        postal_code: partner.address.postalCode,
        city: partner.address.city,
        country: 'DE',
      },
    ];
    if (partner.postbox) {
      addresses.push({
        address_type: 'postal',
        address_1: partner.postbox.label,
        postal_code: partner.postbox.postalCode,
        city: partner.postbox.city,
        country: 'DE',
      });
    }
    pkg.locations.push({ id: locationId, organization_id: partner.id, location_type: 'physical', name: partner.name, addresses });
    if (partner.openingHours.trim() !== '') pkg.schedules.push({ id: `${locationId}-schedule`, location_id: locationId, description: partner.openingHours });
    for (const contact of partner.contacts) {
      pkg.contacts.push({
        id: contact.id,
        organization_id: partner.id,
        name: contact.name,
        title: contact.role,
        email: contact.email,
        phones: phones(contact.phone),
        x_lotse_form_of_address: contact.formOfAddress,
        x_lotse_academic_title: contact.title,
      });
    }
  }
  // The directory names contact persons: handing it out is a line of the trail.
  core.db.transaction(() =>
    recordAudit(core, { action: 'partners.export', subjectType: 'partner', subjectId: null, clientId: null, details: { partners: partners.length } }),
  )();
  return { content: `${JSON.stringify(pkg, null, 2)}\n`, fileName: `netzwerk-${todayIso(core.now())}.json` };
}
