import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Partner } from '../../../shared/api/schemas/partner';
import { hsdsIdOf, hsdsPartId } from './hsds-ids';
import { HSDS_TABLES, type HsdsTable, type HsdsTableName } from './hsds-tables';

/**
 * The directory as Open Referral HSDS 3.0, in the two forms the spec
 * describes: full organization objects (each with its services, contacts,
 * phones and location with addresses and opening hours nested), as one
 * page of the HSDS API's `/organizations`, and the tabular data package
 * (one CSV per table, linked by ids). Both are built from the same
 * objects, so they say the same.
 *
 * Rules that keep every object valid against the spec's JSON Schemas:
 * every id a UUID (hsds-ids.ts); an optional field that Lotse has empty is
 * left out, never written as "" or null; a value the spec constrains (an
 * e-mail, a URL) is written there only when it has that form, else kept in
 * an `x_lotse_*` field; what HSDS has no field for travels in `x_lotse_*`.
 *
 * Lotse → HSDS, for the reader (partner-import/):
 * - partner → organization: `x_lotse_id` (when the id was derived), name,
 *   description (the name when Lotse has none: read a description equal to
 *   the name as none), email or `x_lotse_email`, website (`https://` added to
 *   `www.…`) and/or `x_lotse_website` (the text as typed wins), phone →
 *   `phones[0]`, `x_lotse_department`, `x_lotse_counseling_fields`,
 *   `x_lotse_notes`, `x_lotse_assured_date`, `x_lotse_assured_by`,
 *   `x_lotse_archived` (always written);
 * - one location (`locations[0]`): the address (complete: street, postcode,
 *   city) as the `physical` address (`address_2` = addition), the post box as
 *   the `postal` one (`address_1` = its label); an incomplete address as
 *   `x_lotse_address` {addition?, street?, postalCode?, city?}, a post box
 *   without postcode as `x_lotse_postbox` {label, city}; opening hours as
 *   `schedules[0].description`;
 * - contact: `x_lotse_id`, name, role → `title`, email or `x_lotse_email`,
 *   phone → `phones[0]`, `x_lotse_form_of_address`, `x_lotse_academic_title`;
 * - service (nested as `services`, as in the API's `full_service` answer):
 *   `x_lotse_id`, name, description, status, application_process,
 *   fees_description, eligibility_description, minimum_age, maximum_age,
 *   `assured_date` (the partner's), languages (names, in order),
 *   `x_lotse_counseling_fields`.
 * In the CSVs, list and object values are JSON, booleans true/false.
 */

/** The Land written as `state_province` (HSDS requires it on every address) for a postcode: see exportPartners. */
export type LandOf = (postalCode: string) => string;

const COUNTRY = 'DE';

type Json = string | number | boolean | Json[] | { [key: string]: Json | undefined };
type HsdsObject = { [key: string]: Json | undefined };

/** Lotse's service states, each one of HSDS's (a new Lotse state fails to compile until it is mapped). */
const SERVICE_STATUS: Record<Partner['services'][number]['status'], 'active' | 'inactive' | 'defunct' | 'temporarily closed'> = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'defunct',
  'temporarily closed': 'temporarily closed',
};

/** RFC 5322 dot-atom addresses with a dotted domain: what the JSON Schema `email` format accepts (Lotse's own check is looser). */
const HSDS_EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
/** An http(s) URL of plain ASCII characters that RFC 3986 allows unescaped: a `uri` for any validator. */
const HSDS_URL = /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?(?:[/?#][a-z0-9\-._~%!$&'()*+,;=:@/?#]*)?$/i;

const present = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The e-mail where HSDS can take it, else the text kept for Lotse. */
function email(value: string): { email?: string; x_lotse_email?: string } {
  if (value.trim() === '') return {};
  return HSDS_EMAIL.test(value) ? { email: value } : { x_lotse_email: value };
}

/** A website typed as `www.example.de` gets its scheme; the text as typed stays beside it so Lotse reads back what was typed. */
function website(value: string): { website?: string; x_lotse_website?: string } {
  const typed = value.trim();
  if (typed === '') return {};
  if (typed === value && HSDS_URL.test(value)) return { website: value };
  const withScheme = `https://${typed}`;
  return HSDS_URL.test(withScheme) ? { website: withScheme, x_lotse_website: value } : { x_lotse_website: value };
}

/** Where the HSDS id is not the Lotse id, the Lotse id goes along, so an import finds the entry again. */
function lotseId(hsdsId: string, id: string): { x_lotse_id?: string } {
  return hsdsId === id ? {} : { x_lotse_id: id };
}

function languages(serviceId: string, hsdsServiceId: string, names: string[]): HsdsObject[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { id: hsdsPartId('language', serviceId, count === 1 ? name : `${name}#${count}`), service_id: hsdsServiceId, name };
  });
}

/** The parts of an address that are filled in (absent, not empty, like every other field). */
function filled(parts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value.trim() !== ''));
}

function location(partner: Partner, organizationId: string, landOf: LandOf): HsdsObject | null {
  const { address, postbox } = partner;
  const id = hsdsPartId('location', partner.id, 'main');
  const physicalComplete = address.street.trim() !== '' && address.postalCode !== '' && address.city.trim() !== '';
  const physicalAny = address.street.trim() !== '' || address.postalCode !== '' || address.city.trim() !== '' || address.addition.trim() !== '';
  const addresses: HsdsObject[] = [];
  if (physicalComplete) {
    addresses.push({
      id: hsdsPartId('address', partner.id, 'physical'),
      location_id: id,
      address_1: address.street,
      address_2: present(address.addition),
      city: address.city,
      state_province: landOf(address.postalCode),
      postal_code: address.postalCode,
      country: COUNTRY,
      address_type: 'physical',
    });
  }
  // A post box without a postcode cannot be an HSDS address (the postcode is required): it is kept whole for Lotse.
  const postboxAsAddress = postbox !== null && postbox.postalCode !== '';
  if (postbox && postboxAsAddress) {
    addresses.push({
      id: hsdsPartId('address', partner.id, 'postal'),
      location_id: id,
      address_1: postbox.label,
      city: postbox.city,
      state_province: landOf(postbox.postalCode),
      postal_code: postbox.postalCode,
      country: COUNTRY,
      address_type: 'postal',
    });
  }
  const schedules: HsdsObject[] =
    partner.openingHours.trim() === '' ? [] : [{ id: hsdsPartId('schedule', partner.id, 'opening-hours'), location_id: id, description: partner.openingHours }];
  if (addresses.length === 0 && schedules.length === 0 && !physicalAny && !postbox) return null;
  // An address HSDS cannot hold (no street, postcode or city) is kept whole for Lotse.
  const partial = physicalAny && !physicalComplete ? filled(address) : undefined;
  return {
    id,
    location_type: addresses.length === 1 && postboxAsAddress && !physicalAny && schedules.length === 0 ? 'postal' : 'physical',
    organization_id: organizationId,
    name: partner.name,
    addresses: addresses.length === 0 ? undefined : addresses,
    schedules: schedules.length === 0 ? undefined : schedules,
    x_lotse_address: partial,
    x_lotse_postbox: postbox && !postboxAsAddress ? filled(postbox) : undefined,
  };
}

/** One partner as a full HSDS organization, its services nested as in the API's `/organizations?full_service=true`. */
export function organizationOf(partner: Partner, landOf: LandOf): HsdsObject {
  const id = hsdsIdOf('organization', partner.id);
  const place = location(partner, id, landOf);
  return {
    id,
    ...lotseId(id, partner.id),
    name: partner.name,
    // HSDS requires a description; an entry without one is described by its name (an import reads a description equal to the name as none).
    description: present(partner.description) ?? partner.name,
    ...email(partner.email),
    ...website(partner.website),
    phones: partner.phone.trim() === '' ? undefined : [{ id: hsdsPartId('phone', partner.id, 'organization'), organization_id: id, number: partner.phone }],
    contacts:
      partner.contacts.length === 0
        ? undefined
        : partner.contacts.map((contact) => {
            const contactId = hsdsIdOf('contact', contact.id);
            return {
              id: contactId,
              ...lotseId(contactId, contact.id),
              organization_id: id,
              name: contact.name,
              title: present(contact.role),
              ...email(contact.email),
              phones:
                contact.phone.trim() === '' ? undefined : [{ id: hsdsPartId('phone', contact.id, 'contact'), contact_id: contactId, number: contact.phone }],
              x_lotse_form_of_address: contact.formOfAddress ?? undefined,
              x_lotse_academic_title: present(contact.title),
            };
          }),
    locations: place ? [place] : undefined,
    services:
      partner.services.length === 0
        ? undefined
        : partner.services.map((service) => {
            const serviceId = hsdsIdOf('service', service.id);
            return {
              id: serviceId,
              ...lotseId(serviceId, service.id),
              organization_id: id,
              name: service.name,
              description: present(service.description),
              status: SERVICE_STATUS[service.status],
              application_process: present(service.applicationProcess),
              fees_description: present(service.fees),
              eligibility_description: present(service.eligibility),
              minimum_age: service.minimumAge ?? undefined,
              maximum_age: service.maximumAge ?? undefined,
              assured_date: partner.assuredDate ?? undefined,
              languages: service.languages.length === 0 ? undefined : languages(service.id, serviceId, service.languages),
              x_lotse_counseling_fields: service.counselingFields.length === 0 ? undefined : service.counselingFields,
            };
          }),
    x_lotse_department: present(partner.department),
    x_lotse_counseling_fields: partner.counselingFields.length === 0 ? undefined : partner.counselingFields,
    x_lotse_notes: present(partner.notes),
    x_lotse_assured_date: partner.assuredDate ?? undefined,
    x_lotse_assured_by: present(partner.assuredBy),
    x_lotse_archived: partner.archived,
  };
}

/** Drops the keys left undefined, so JSON.stringify and the CSV agree on what is absent. */
function compact(value: HsdsObject): HsdsObject {
  return JSON.parse(JSON.stringify(value)) as HsdsObject;
}

/**
 * The JSON form: one page of the HSDS API's `GET /organizations` (the
 * OpenAPI `Page` object, every organization on it), each organization full.
 */
export function organizationsPage(partners: Partner[], landOf: LandOf): string {
  const contents = partners.map((partner) => compact(organizationOf(partner, landOf)));
  const page = {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
  return `${JSON.stringify(page, null, 2)}\n`;
}

/** The rows of every table, the nested objects taken apart along their ids. */
export function tableRows(partners: Partner[], landOf: LandOf): Map<HsdsTableName, HsdsObject[]> {
  const rows = new Map<HsdsTableName, HsdsObject[]>(HSDS_TABLES.map((table) => [table.name, []]));
  const add = (table: HsdsTableName, object: HsdsObject, nested: string[]) => {
    rows.get(table)!.push(Object.fromEntries(Object.entries(object).filter(([key]) => !nested.includes(key))));
  };
  const list = (value: Json | undefined): HsdsObject[] => (Array.isArray(value) ? (value as HsdsObject[]) : []);
  for (const partner of partners) {
    const organization = compact(organizationOf(partner, landOf));
    add('organization', organization, ['phones', 'contacts', 'locations', 'services']);
    for (const phone of list(organization.phones)) add('phone', phone, []);
    for (const contact of list(organization.contacts)) {
      add('contact', contact, ['phones']);
      for (const phone of list(contact.phones)) add('phone', phone, []);
    }
    for (const place of list(organization.locations)) {
      add('location', place, ['addresses', 'schedules']);
      for (const address of list(place.addresses)) add('address', address, []);
      for (const schedule of list(place.schedules)) add('schedule', schedule, []);
    }
    for (const service of list(organization.services)) {
      add('service', service, ['languages']);
      for (const language of list(service.languages)) add('language', language, []);
    }
  }
  return rows;
}

/** One CSV cell: text as is, numbers and booleans as written, lists and objects as JSON (Table Schema `array`/`object`); absent = empty. */
function cell(value: Json | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV (RFC 4180, CRLF, the header naming every field of the table in the spec's order). */
export function tableCsv(table: HsdsTable, rows: HsdsObject[]): string {
  const names = table.fields.map((field) => field.name);
  for (const row of rows) {
    const unknown = Object.keys(row).find((key) => !names.includes(key));
    if (unknown) throw new Error(`${table.name} has no column ${unknown}`);
  }
  return [names.join(','), ...rows.map((row) => names.map((name) => cell(row[name])).join(','))].map((line) => `${line}\r\n`).join('');
}

/** The package's description: the spec's datapackage.json with its resources, plus Lotse's columns and when it was written. */
export function datapackageJson(created: string): string {
  const descriptor = {
    name: 'human_services_data',
    title: 'Human Services Data Specification',
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    license: { url: 'https://creativecommons.org/licenses/by-sa/4.0/', type: 'CC-BY-SA-4.0', name: 'Creative Commons Attribution-ShareAlike 4.0' },
    created,
    resources: HSDS_TABLES.map((table) => ({
      name: table.name,
      path: table.path,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
      schema: { fields: table.fields, primaryKey: 'id', ...(table.foreignKeys.length === 0 ? {} : { foreignKeys: table.foreignKeys }) },
    })),
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** A fixed time for every ZIP entry, so two exports of the same directory differ only in datapackage.json's `created`. */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** The tabular form: datapackage.json and every table of the spec as CSV (the ones Lotse has nothing for with their header only). */
export function tabularPackage(partners: Partner[], created: string, landOf: LandOf): Uint8Array {
  const rows = tableRows(partners, landOf);
  const files: Zippable = { 'datapackage.json': [strToU8(datapackageJson(created)), { mtime: ZIP_ENTRY_TIME }] };
  for (const table of HSDS_TABLES) files[table.path] = [strToU8(tableCsv(table, rows.get(table.name)!)), { mtime: ZIP_ENTRY_TIME }];
  return zipSync(files, { level: 6, mtime: ZIP_ENTRY_TIME });
}
