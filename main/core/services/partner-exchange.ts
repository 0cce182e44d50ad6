import type { PartnerExportForm } from '../../../shared/api/schemas/partner';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/partners';
import { recordAudit } from './audit';
import { landOfPostcode } from './german-land';
import { organizationsPage, tabularPackage, type LandOf } from './hsds-export';
import { getSettings } from './settings';

/**
 * Sharing the directory between desks as HSDS (Open Referral Human Services
 * Data Specification 3.0). This file answers `partners.export`; the HSDS
 * objects are built in hsds-export.ts; partner-import/ reads them.
 *
 * The Hsds* types below describe the envelope earlier versions of Lotse
 * wrote (`name: 'lotse-netzwerk'`, tables as arrays). It is no longer
 * written; they stay for the reader of such files.
 */

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

export interface PartnerExport {
  fileName: string;
  mimeType: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** The Land of last resort: Lotse is made for NRW's Kommunales Integrationsmanagement (DOMAIN.md). */
const DEFAULT_LAND = 'Nordrhein-Westfalen';

/**
 * `state_province` for an address: the Land of its postcode where that is
 * certain, else the Land of the office's postcode (a partner in the
 * district), else NRW.
 */
function landOfAddresses(core: Core): LandOf {
  const officeLand = landOfPostcode(getSettings(core).office.postalCode) ?? DEFAULT_LAND;
  return (postalCode) => landOfPostcode(postalCode) ?? officeLand;
}

/**
 * The directory as HSDS 3.0 (hsds-export.ts): the full organizations as one
 * `/organizations` page (JSON), or the tabular data package (ZIP). Archived
 * entries too, flagged, so a second desk mirrors the first.
 */
export function exportPartners(core: Core, { form }: { form: PartnerExportForm }): PartnerExport {
  const partners = queries.listPartners(core.db, todayIso(core.now()), { includeArchived: true });
  const day = todayIso(core.now());
  const landOf = landOfAddresses(core);
  const result: PartnerExport =
    form === 'hsds-package'
      ? {
          fileName: `netzwerk-hsds-${day}.zip`,
          mimeType: 'application/zip',
          content: Buffer.from(tabularPackage(partners, core.now().toISOString(), landOf)).toString('base64'),
          encoding: 'base64',
        }
      : { fileName: `netzwerk-hsds-${day}.json`, mimeType: 'application/json', content: organizationsPage(partners, landOf), encoding: 'utf8' };
  // The directory names contact persons: handing it out is a line of the trail.
  core.db.transaction(() =>
    recordAudit(core, { action: 'partners.export', subjectType: 'partner', subjectId: null, clientId: null, details: { partners: partners.length, form } }),
  )();
  return result;
}
