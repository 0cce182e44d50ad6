import { COUNSELING_FIELDS } from '../../../../shared/domain/counseling-fields';
import { isIsoDate } from '../../../../shared/domain/iso-date';
import { FORMS_OF_ADDRESS } from '../../../../shared/domain/salutation';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { IdResolver } from './ids';
import { readHsdsOrganizations, isObj, listOf, type ImportFileInput, type Obj } from './hsds-read';
import { refuse, validated, type PendingEntry } from './parse';

/**
 * An HSDS organization (nested, hsds-read.ts) mapped onto Lotse's partner:
 * one place (the first physical location: its physical address, a postal
 * address as post box, its schedules as opening hours text), one phone,
 * the services with status, languages, ages, fees, eligibility and how to
 * apply, and the contacts (the organization's, its services' and its
 * location's) with a phone each. Lotse-only facts come from `x_lotse_*`.
 * Whatever else the file says is listed (`notKept`), never dropped silently.
 */

/** Fields that say nothing of their own: links, and what the mapping itself answers (a physical address is the address). */
const SILENT = new Set([
  'id',
  'x_lotse_id',
  'organization_id',
  'service_id',
  'location_id',
  'contact_id',
  'phone_id',
  'service_at_location_id',
  'link_id',
  'resource_id',
  'address_type',
  'location_type',
  'state_province',
]);

const GERMANY = new Set(['de', 'deu', 'deutschland', 'germany']);

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const short = (value: string) => (value.length > 80 ? `${value.slice(0, 79)}…` : value);

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isObj(value) && Object.keys(value).length === 0);

/** What the mapping of one organization could not keep. */
class NotKept {
  readonly list: ErrorMessage[] = [];
  add(message: ErrorMessage) {
    this.list.push(message);
  }
  /** Every field of `object` the mapping did not read, with a value. */
  rest(object: Obj, used: readonly string[], part: ErrorMessage) {
    for (const [field, value] of Object.entries(object)) {
      if (used.includes(field) || SILENT.has(field) || isEmpty(value)) continue;
      if (field === 'country' && GERMANY.has(str(value).trim().toLowerCase())) continue;
      if (Array.isArray(value)) this.add({ key: 'partnerImport.notKept.list', params: { part, field, count: value.length } });
      else if (isObj(value)) this.add({ key: 'partnerImport.notKept.list', params: { part, field, count: 1 } });
      else this.add({ key: 'partnerImport.notKept.field', params: { part, field, value: short(str(value) || JSON.stringify(value)) } });
    }
  }
}

const DAYS: Record<string, string> = { MO: 'Mo', TU: 'Di', WE: 'Mi', TH: 'Do', FR: 'Fr', SA: 'Sa', SU: 'So' };
const time = (value: unknown) => str(value).replace(/^(\d{1,2}:\d{2}):\d{2}.*$/, '$1');

/** A schedule as opening hours text: its description, else its days and times ("Mo, Di 09:00–12:00"). */
export function scheduleText(schedule: Obj): string {
  const description = str(schedule.description).trim();
  if (description !== '') return description;
  const days = str(schedule.byday)
    .split(',')
    .map((day) => day.trim())
    .filter((day) => day !== '')
    .map((day) => DAYS[day.toUpperCase()] ?? day)
    .join(', ');
  const opens = time(schedule.opens_at);
  const closes = time(schedule.closes_at);
  const hours = opens && closes ? `${opens}–${closes}` : opens ? `ab ${opens}` : closes ? `bis ${closes}` : '';
  return [days, hours].filter((part) => part !== '').join(' ');
}
const SCHEDULE_FIELDS = ['description', 'byday', 'opens_at', 'closes_at', 'freq', 'wkst', 'interval', 'timezone'];

/** A phone's number with its extension ("02421 22-0", extension 1234: "02421 22-0-1234"). */
const phoneNumber = (phone: Obj) => [str(phone.number).trim(), str(phone.extension).trim()].filter((part) => part !== '').join('-');

function phonePart(phone: Obj): ErrorMessage {
  return { key: 'partnerImport.part.phone', params: { number: phoneNumber(phone) } };
}

/** The first phone kept; the others, and what a phone says beyond its number, listed. */
function firstPhone(phones: Obj[], part: ErrorMessage, notKept: NotKept): string {
  phones.forEach((phone, index) => {
    if (index > 0) notKept.add({ key: 'partnerImport.notKept.secondPhone', params: { part, number: phoneNumber(phone) } });
    else notKept.rest(phone, ['number', 'extension'], phonePart(phone));
  });
  return phones[0] ? phoneNumber(phones[0]) : '';
}

const age = (value: unknown, field: string, part: ErrorMessage, notKept: NotKept): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const number = typeof value === 'number' ? value : Number(str(value));
  if (Number.isInteger(number) && number >= 0 && number <= 120) return number;
  notKept.add({ key: 'partnerImport.notKept.invalidValue', params: { part, field, value: short(str(value)) } });
  return null;
};

/** An HSDS date (ISO, perhaps with a time) as Lotse's date; null where it is none. */
const dateOf = (value: unknown): string | null => {
  const day = str(value).slice(0, 10);
  return isIsoDate(day) ? day : null;
};

const counselingFields = (value: unknown, part: ErrorMessage, notKept: NotKept): string[] => {
  const known = new Set<string>(COUNSELING_FIELDS);
  const values = Array.isArray(value) ? value.map(str) : [];
  for (const unknown of values.filter((field) => !known.has(field)))
    notKept.add({ key: 'partnerImport.notKept.field', params: { part, field: 'x_lotse_counseling_fields', value: short(unknown) } });
  return [...new Set(values.filter((field) => known.has(field)))];
};

const addressText = (address: Obj) =>
  [address.address_1, address.address_2, [address.postal_code, address.city].map(str).join(' ')]
    .map(str)
    .filter((part) => part.trim() !== '')
    .join(', ');

export interface MappedOrganization {
  /** The ids it may have here, in the order to look for them: the Lotse id, then the HSDS id. */
  sourceIds: string[];
  name: string;
  archived: boolean | null;
  /** The record as the contract takes it, unchecked. */
  raw: Obj;
  notKept: ErrorMessage[];
}

/** One organization onto a partner record (unchecked: parse.ts checks it with the contract's schema). */
export function mapOrganization(organization: Obj, ids: IdResolver): MappedOrganization {
  const notKept = new NotKept();
  const organizationPart: ErrorMessage = { key: 'partnerImport.part.organization' };
  const localId = (kind: 'service' | 'contact', object: Obj) => {
    const source = str(object.x_lotse_id) || str(object.id);
    return source === '' ? undefined : ids.local(kind, source);
  };
  const services = listOf(organization.services);

  // The place: the first physical location of the organization, else of its services.
  const serviceLocations = services.flatMap((service) =>
    listOf(service.service_at_locations)
      .map((at) => at.location)
      .filter(isObj),
  );
  const ownLocations = listOf(organization.locations);
  // A service's other location is listed with the service, below.
  const locations = ownLocations.length > 0 ? ownLocations : serviceLocations.slice(0, 1);
  const place = locations.find((location) => location.location_type !== 'virtual' && location.location_type !== 'postal') ?? locations[0];
  const seenLocations = new Set<string | Obj>([place ? str(place.id) || place : '']);
  for (const location of locations) {
    const key = str(location.id) || location;
    if (seenLocations.has(key)) continue;
    seenLocations.add(key);
    notKept.add({ key: 'partnerImport.notKept.secondLocation', params: { name: str(location.name) || addressText(listOf(location.addresses)[0] ?? {}) } });
  }

  const addresses = place ? listOf(place.addresses) : [];
  const physical = addresses.find((address) => address.address_type !== 'postal' && address.address_type !== 'virtual');
  const postal = addresses.find((address) => address.address_type === 'postal');
  for (const address of addresses) {
    if (address === physical || address === postal)
      notKept.rest(address, ['address_1', 'address_2', 'postal_code', 'city'], { key: 'partnerImport.part.address' });
    else notKept.add({ key: 'partnerImport.notKept.secondAddress', params: { address: addressText(address) } });
  }
  if (postal && str(postal.address_2).trim() !== '')
    notKept.add({
      key: 'partnerImport.notKept.field',
      params: { part: { key: 'partnerImport.part.address' }, field: 'address_2', value: str(postal.address_2) },
    });

  const name = str(organization.name);
  let openingHours = '';
  let phone = firstPhone(listOf(organization.phones), organizationPart, notKept);
  if (place) {
    const part: ErrorMessage = { key: 'partnerImport.part.location', params: { name: str(place.name) || name } };
    const schedules = listOf(place.schedules);
    openingHours = [...new Set(schedules.map(scheduleText).filter((text) => text !== ''))].join('; ');
    for (const schedule of schedules) notKept.rest(schedule, SCHEDULE_FIELDS, { key: 'partnerImport.part.schedule' });
    const placePhones = listOf(place.phones);
    if (phone === '') phone = firstPhone(placePhones, part, notKept);
    else for (const extra of placePhones) notKept.add({ key: 'partnerImport.notKept.secondPhone', params: { part, number: phoneNumber(extra) } });
    // Lotse names the place after the partner: another name is listed.
    notKept.rest(
      place,
      ['addresses', 'schedules', 'phones', 'contacts', 'x_lotse_address', 'x_lotse_postbox', ...(str(place.name) === name ? ['name'] : [])],
      part,
    );
  }

  const contacts: Obj[] = [];
  const seenContacts = new Set<string>();
  const addContacts = (list: Obj[]) => {
    for (const contact of list) {
      const key = str(contact.x_lotse_id) || str(contact.id);
      if (key !== '' && seenContacts.has(key)) continue;
      if (key !== '') seenContacts.add(key);
      contacts.push(contact);
    }
  };
  addContacts(listOf(organization.contacts));
  if (place) addContacts(listOf(place.contacts));

  let serviceAssuredDate: string | null = null;
  const mappedServices = services.map((service) => {
    const serviceName = str(service.name);
    const part: ErrorMessage = { key: 'partnerImport.part.service', params: { name: serviceName } };
    addContacts(listOf(service.contacts));
    for (const at of listOf(service.service_at_locations)) {
      addContacts(listOf(at.contacts));
      const location = isObj(at.location) ? at.location : null;
      const sameAsPlace = location !== null && place !== undefined && (location === place || (str(location.id) !== '' && str(location.id) === str(place.id)));
      if (location && !sameAsPlace)
        notKept.add({
          key: 'partnerImport.notKept.serviceLocation',
          params: { part, name: str(location.name) || addressText(listOf(location.addresses)[0] ?? {}) },
        });
      notKept.rest(at, ['location', 'contacts'], part);
    }
    serviceAssuredDate ??= dateOf(service.assured_date);
    const languages = listOf(service.languages).map((language) => {
      const languageName = str(language.name) || str(language.code);
      notKept.rest(language, ['name', 'code'], { key: 'partnerImport.part.language', params: { name: languageName } });
      return languageName;
    });
    const fees = str(service.fees_description) || str(service.fees);
    notKept.rest(
      service,
      [
        'name',
        'description',
        'status',
        'eligibility_description',
        'minimum_age',
        'maximum_age',
        'languages',
        'fees_description',
        ...(str(service.fees_description) === '' || str(service.fees) === str(service.fees_description) ? ['fees'] : []),
        'application_process',
        'assured_date',
        'x_lotse_counseling_fields',
        'contacts',
        'service_at_locations',
      ],
      part,
    );
    return {
      id: localId('service', service),
      name: serviceName,
      description: str(service.description),
      status: str(service.status) || 'active',
      counselingFields: counselingFields(service.x_lotse_counseling_fields, part, notKept),
      eligibility: str(service.eligibility_description),
      minimumAge: age(service.minimum_age, 'minimum_age', part, notKept),
      maximumAge: age(service.maximum_age, 'maximum_age', part, notKept),
      languages: [...new Set(languages.filter((language) => language.trim() !== ''))],
      fees,
      applicationProcess: str(service.application_process),
    };
  });

  const mappedContacts = contacts.flatMap((contact) => {
    const contactName = str(contact.name).trim() || str(contact.title).trim();
    const phones = listOf(contact.phones);
    if (contactName === '') {
      notKept.add({
        key: 'partnerImport.notKept.unnamedContact',
        params: { details: short([contact.email, ...phones.map(phoneNumber)].map(str).filter(Boolean).join(', ')) },
      });
      return [];
    }
    const part: ErrorMessage = { key: 'partnerImport.part.contact', params: { name: contactName } };
    const formOfAddress = contact.x_lotse_form_of_address;
    const knownForm = (FORMS_OF_ADDRESS as readonly unknown[]).includes(formOfAddress) ? formOfAddress : null;
    if (!isEmpty(formOfAddress) && knownForm === null)
      notKept.add({ key: 'partnerImport.notKept.field', params: { part, field: 'x_lotse_form_of_address', value: short(str(formOfAddress)) } });
    notKept.rest(contact, ['name', 'title', 'email', 'x_lotse_email', 'phones', 'x_lotse_form_of_address', 'x_lotse_academic_title'], part);
    return [
      {
        id: localId('contact', contact),
        name: contactName,
        role: str(contact.name).trim() === '' ? '' : str(contact.title),
        phone: firstPhone(phones, part, notKept),
        email: str(contact.x_lotse_email) || str(contact.email),
        formOfAddress: knownForm,
        title: str(contact.x_lotse_academic_title),
      },
    ];
  });

  const assuredDate =
    organization.x_lotse_assured_date !== undefined ? dateOf(organization.x_lotse_assured_date) : (dateOf(organization.assured_date) ?? serviceAssuredDate);
  notKept.rest(
    organization,
    [
      'name',
      'description',
      'email',
      'x_lotse_email',
      'website',
      'x_lotse_website',
      'phones',
      'locations',
      'services',
      'contacts',
      'x_lotse_department',
      'x_lotse_counseling_fields',
      'x_lotse_notes',
      'x_lotse_assured_date',
      'x_lotse_assured_by',
      'x_lotse_archived',
      'assured_date',
    ],
    organizationPart,
  );
  const raw: Obj = {
    name: organization.name,
    department: str(organization.x_lotse_department),
    // HSDS requires a description: Lotse's export writes the name where there is none.
    description: str(organization.description) === name ? '' : str(organization.description),
    counselingFields: counselingFields(organization.x_lotse_counseling_fields, organizationPart, notKept),
    address: physical
      ? { addition: str(physical.address_2), street: str(physical.address_1), postalCode: str(physical.postal_code).trim(), city: str(physical.city) }
      : lotseAddress(place?.x_lotse_address),
    postbox: postal
      ? { label: str(postal.address_1), postalCode: str(postal.postal_code).trim(), city: str(postal.city) }
      : lotsePostbox(place?.x_lotse_postbox),
    openingHours,
    phone,
    // What Lotse's export kept beside the HSDS field (an e-mail the format refuses, a website as typed) wins.
    email: str(organization.x_lotse_email) || str(organization.email),
    website: str(organization.x_lotse_website) || str(organization.website),
    services: mappedServices,
    contacts: mappedContacts,
    notes: str(organization.x_lotse_notes),
    assuredDate,
    assuredBy: str(organization.x_lotse_assured_by),
  };
  const archived = organization.x_lotse_archived;
  return {
    sourceIds: [str(organization.x_lotse_id), str(organization.id)].filter((id, index, all) => id !== '' && all.indexOf(id) === index),
    name,
    archived: typeof archived === 'boolean' ? archived : null,
    raw,
    notKept: notKept.list,
  };
}

/** An address Lotse's export could not write as an HSDS address (no street, postcode or city): its parts as they were. */
function lotseAddress(value: unknown): { addition: string; street: string; postalCode: string; city: string } {
  const parts = isObj(value) ? value : {};
  return { addition: str(parts.addition), street: str(parts.street), postalCode: str(parts.postalCode).trim(), city: str(parts.city) };
}

/** A post box Lotse's export could not write as an HSDS address (no postcode). */
function lotsePostbox(value: unknown): { label: string; postalCode: string; city: string } | null {
  return isObj(value) ? { label: str(value.label), postalCode: str(value.postalCode).trim(), city: str(value.city) } : null;
}

/** Every organization of the HSDS files as a pending entry, checked when the import reaches it. */
export function parseHsds(files: readonly ImportFileInput[], ids: IdResolver): PendingEntry[] {
  const organizations = readHsdsOrganizations(files);
  const seenIds = new Set<string>();
  return organizations.map((organization, index) => {
    const id = organization.id;
    if (typeof id !== 'string' || id === '') refuse({ key: 'partnerImport.organizationWithoutId', params: { number: index + 1 } });
    if (seenIds.has(id)) refuse({ key: 'partnerImport.duplicateOrganization', params: { id } });
    seenIds.add(id);
    return () => {
      const mapped = mapOrganization(organization, ids);
      const where: ErrorMessage = { key: 'partnerImport.organization', params: { name: mapped.name || id } };
      const input = validated(where, mapped.raw);
      return {
        sourceId: mapped.sourceIds[0] ?? null,
        alternateIds: mapped.sourceIds.slice(1),
        name: input.name,
        department: input.department,
        postalCode: input.address.postalCode,
        archived: mapped.archived,
        notKept: mapped.notKept,
        merge: () => input,
      };
    };
  });
}
