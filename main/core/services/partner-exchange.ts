import { randomUUID } from 'node:crypto';
import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Partner, PartnerImportResult, PartnerInput } from '../../../shared/api/contract';
import { looseKey } from '../../../shared/domain/fold';
import { issueMessage } from '../../../shared/api/german-messages';
import { PartnerInputSchema } from '../../../shared/api/schemas/partner';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/partners';
import type { StoredPartnerRecord } from '../db/queries/partners';
import type { ErrorMessage } from '../../../shared/i18n/error-message';
import { DomainError } from '../errors';
import { recordAudit } from './audit';
import { withIds } from './partners';

/**
 * Sharing the directory between desks as HSDS (Open Referral Human Services
 * Data Specification 3.0): a datapackage-style JSON file with the tables
 * organizations, services, locations, contacts and schedules, linked by ids.
 * What HSDS has no field for travels in `x_lotse_*` fields, so a Lotse reads
 * back exactly what another wrote; any other HSDS source is read by the
 * standard fields. A simple CSV list is accepted for offices that keep their
 * list in a spreadsheet.
 */

const FORMAT_NAME = 'lotse-netzwerk';

interface HsdsPhone {
  number: string;
}
interface HsdsOrganization {
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
interface HsdsService {
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
interface HsdsAddress {
  address_type: 'physical' | 'postal';
  address_1: string;
  /** The address addition (c/o, building …): HSDS's "second line of address information". */
  address_2?: string;
  postal_code: string;
  city: string;
  country: string;
}
interface HsdsLocation {
  id: string;
  organization_id: string;
  location_type: 'physical';
  name: string;
  addresses: HsdsAddress[];
}
interface HsdsContact {
  id: string;
  organization_id: string;
  name: string;
  title?: string;
  email?: string;
  phones?: HsdsPhone[];
  x_lotse_form_of_address?: string | null;
  x_lotse_academic_title?: string;
}
interface HsdsSchedule {
  id: string;
  location_id: string;
  description: string;
}
interface HsdsPackage {
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
  return { content: `${JSON.stringify(pkg, null, 2)}\n`, fileName: `netzwerk-${todayIso(core.now())}.json` };
}

/** One entry of an import: how to find it, and what it makes of the matching entry (or of nothing). */
interface Incoming {
  id: string | null;
  name: string;
  department: string;
  postalCode: string;
  archived: boolean | null;
  merge(existing: StoredPartnerRecord | null): PartnerInput;
}

function refuse(message: ErrorMessage): never {
  throw new DomainError('invalid_input', message, { content: message });
}

/** The entry's first problem (a failed parse has at least one). */
function fieldsMessage(where: ErrorMessage, issues: readonly z.core.$ZodIssue[]): ErrorMessage {
  const [first] = issues as [z.core.$ZodIssue, ...z.core.$ZodIssue[]];
  const problem = issueMessage(first);
  const path = first.path.join('.');
  return path ? { key: 'partnerImport.fieldInvalid', params: { where, path, problem } } : { key: 'partnerImport.entryInvalid', params: { where, problem } };
}

/** Checks a record read from a file with the contract's rules; the message names the entry. */
function validated(where: ErrorMessage, raw: unknown): PartnerInput {
  const parsed = PartnerInputSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) refuse(fieldsMessage(where, parsed.error.issues));
  return parsed.data;
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function parseHsds(content: string): Incoming[] {
  let pkg: HsdsPackage;
  try {
    pkg = JSON.parse(content) as HsdsPackage;
  } catch {
    refuse({ key: 'partnerImport.notJson' });
  }
  if (pkg === null || typeof pkg !== 'object' || !Array.isArray(pkg.organizations)) {
    refuse({ key: 'partnerImport.notHsds' });
  }
  const byOrganization = <T extends { organization_id: string }>(rows: T[] | undefined) => {
    const map = new Map<string, T[]>();
    for (const row of asList<T>(rows)) map.set(row.organization_id, [...(map.get(row.organization_id) ?? []), row]);
    return map;
  };
  const services = byOrganization(pkg.services);
  const locations = byOrganization(pkg.locations);
  const contacts = byOrganization(pkg.contacts);
  const schedules = new Map(asList<HsdsSchedule>(pkg.schedules).map((schedule) => [schedule.location_id, schedule.description]));

  const seenIds = new Set<string>();
  return pkg.organizations.map((organization, index) => {
    if (organization === null || typeof organization !== 'object' || typeof organization.id !== 'string' || organization.id === '') {
      refuse({ key: 'partnerImport.organizationWithoutId', params: { number: index + 1 } });
    }
    if (seenIds.has(organization.id)) refuse({ key: 'partnerImport.duplicateOrganization', params: { id: organization.id } });
    seenIds.add(organization.id);
    const location = locations.get(organization.id)?.[0];
    const address = (type: HsdsAddress['address_type']) => asList<HsdsAddress>(location?.addresses).find((candidate) => candidate.address_type === type);
    const physical = address('physical');
    const postal = address('postal');
    const assuredDate =
      organization.x_lotse_assured_date !== undefined ? organization.x_lotse_assured_date : (services.get(organization.id)?.[0]?.assured_date ?? null);
    const where: ErrorMessage = { key: 'partnerImport.organization', params: { name: asString(organization.name) || organization.id } };
    const input = validated(where, {
      name: organization.name,
      department: organization.x_lotse_department ?? '',
      description: organization.description ?? '',
      counselingFields: organization.x_lotse_counseling_fields ?? [],
      address: {
        addition: physical?.address_2 ?? '',
        street: physical?.address_1 ?? '',
        postalCode: physical?.postal_code ?? '',
        city: physical?.city ?? '',
      },
      postbox: postal ? { label: postal.address_1, postalCode: postal.postal_code, city: postal.city } : null,
      openingHours: (location && schedules.get(location.id)) ?? '',
      phone: asList<HsdsPhone>(organization.phones)[0]?.number ?? '',
      email: organization.email ?? '',
      website: organization.website ?? '',
      services: (services.get(organization.id) ?? []).map((service) => ({
        id: service.id,
        name: service.name,
        description: service.description ?? '',
        status: service.status ?? 'active',
        counselingFields: service.x_lotse_counseling_fields ?? [],
        eligibility: service.eligibility_description ?? '',
        minimumAge: service.minimum_age ?? null,
        maximumAge: service.maximum_age ?? null,
        languages: asList<{ name: string }>(service.languages).map((language) => language.name),
        fees: service.fees_description ?? '',
        applicationProcess: service.application_process ?? '',
      })),
      contacts: (contacts.get(organization.id) ?? []).map((contact) => ({
        id: contact.id,
        name: contact.name,
        role: contact.title ?? '',
        phone: asList<HsdsPhone>(contact.phones)[0]?.number ?? '',
        email: contact.email ?? '',
        formOfAddress: contact.x_lotse_form_of_address ?? null,
        title: contact.x_lotse_academic_title ?? '',
      })),
      notes: organization.x_lotse_notes ?? '',
      assuredDate,
      assuredBy: organization.x_lotse_assured_by ?? '',
    });
    return {
      id: organization.id,
      name: input.name,
      department: input.department,
      postalCode: input.address.postalCode,
      archived: typeof organization.x_lotse_archived === 'boolean' ? organization.x_lotse_archived : null,
      merge: () => input,
    };
  });
}

/** One record of a CSV file and the line of the file it starts on, for messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** What csv-parse returns for a record with `info: true`. */
type ParsedRecord = { record: string[]; info: Pick<InfoRecord, 'lines'> };

/** Where a record starts: csv-parse reports the line it ends on; the line breaks inside its quoted cells lie between. */
function startLine({ record, info }: ParsedRecord): number {
  return info.lines - record.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0);
}

/** RFC 4180 fields, with `;` (German spreadsheets) or `,` as separator, as the header line uses; blank records are skipped. */
export function parseCsvRows(content: string): CsvRecord[] {
  // One kind of line break, so that csv-parse counts lines as an editor does (it counts a CRLF inside quotes twice).
  const text = content.replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n', 1)[0] ?? '';
  try {
    const records = parse(text, {
      delimiter: firstLine.includes(';') ? ';' : ',',
      bom: true,
      info: true,
      // A spreadsheet's stray quote inside a cell, or a row with fewer cells, is read as it stands.
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_empty_values: true,
    }) as unknown as ParsedRecord[];
    return records.map((record) => ({ line: startLine(record), cells: record.record }));
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') refuse({ key: 'partnerImport.csvOpenQuote' });
    throw error;
  }
}

const CSV_COLUMNS: Record<string, 'name' | 'street' | 'postalCode' | 'city' | 'phone' | 'email'> = {
  name: 'name',
  organisation: 'name',
  organization: 'name',
  einrichtung: 'name',
  traeger: 'name',
  träger: 'name',
  strasse: 'street',
  straße: 'street',
  street: 'street',
  adresse: 'street',
  plz: 'postalCode',
  postleitzahl: 'postalCode',
  postcode: 'postalCode',
  postal_code: 'postalCode',
  ort: 'city',
  stadt: 'city',
  city: 'city',
  telefon: 'phone',
  phone: 'phone',
  tel: 'phone',
  'e-mail': 'email',
  email: 'email',
  mail: 'email',
};

/** A CSV row carries only name, address, phone and e-mail: it updates those and leaves the rest of an entry alone. */
function parseCsv(content: string): Incoming[] {
  const [header, ...rows] = parseCsvRows(content);
  if (!header) refuse({ key: 'partnerImport.csvEmpty' });
  const columns = header.cells.map((cell) => CSV_COLUMNS[cell.trim().toLocaleLowerCase('de-DE')]);
  if (!columns.includes('name')) {
    refuse({ key: 'partnerImport.csvNoHeader' });
  }
  return rows.map(({ cells, line }) => {
    const value = (column: string) => (cells[columns.indexOf(column as never)] ?? '').trim();
    const fields = {
      name: value('name'),
      address: { street: value('street'), postalCode: value('postalCode'), city: value('city') },
      phone: value('phone'),
      email: value('email'),
    };
    const where: ErrorMessage = { key: 'partnerImport.csvLine', params: { line } };
    const checked = validated(where, fields);
    return {
      id: null,
      name: checked.name,
      department: '',
      postalCode: checked.address.postalCode,
      archived: null,
      // The list has no column for the addition: an entry keeps its own.
      merge: (existing) => validated(where, { ...(existing ?? {}), ...fields, address: { ...existing?.address, ...fields.address } }),
    };
  });
}

/** JSON with object keys sorted, so that two records compare by content, not by key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Stored and incoming compared as the records they would store: ids of services and contacts included. */
function sameRecord(a: StoredPartnerRecord, b: StoredPartnerRecord): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The one entry an incoming one can only mean, where name, department and
 * postcode do not match exactly: the same name (spelling variants allowed),
 * the same department unless the file has none (a CSV list), and the same
 * postcode unless the entry has none yet (the seeds). Ambiguous: none.
 */
function soleLooseMatch(directory: Partner[], entry: Incoming, claimed: Set<string>): string | undefined {
  const candidates = directory.filter(
    (partner) =>
      !claimed.has(partner.id) &&
      looseKey(partner.name) === looseKey(entry.name) &&
      (entry.department === '' || looseKey(partner.department) === looseKey(entry.department)) &&
      (partner.address.postalCode === '' || partner.address.postalCode === entry.postalCode),
  );
  return candidates.length === 1 ? candidates[0]!.id : undefined;
}

/**
 * Matches each incoming entry to the directory (by id, else by name with
 * department and postcode, else by soleLooseMatch), says what is new, changed or unchanged, and
 * with `apply` writes it all in one transaction. A file with any invalid
 * entry changes nothing. Matching the same file twice finds everything
 * unchanged the second time, so nothing is ever duplicated.
 */
export function importPartners(core: Core, input: { content: string; format: 'hsds' | 'csv'; apply: boolean }): PartnerImportResult {
  const incoming = input.format === 'csv' ? parseCsv(input.content) : parseHsds(input.content);
  const today = todayIso(core.now());
  return core.db.transaction(() => {
    const items: PartnerImportResult['items'] = [];
    const claimed = new Set<string>();
    const directory = queries.listPartners(core.db, today, { includeArchived: true });
    for (const entry of incoming) {
      const byId = entry.id !== null ? queries.getPartner(core.db, entry.id, today) : undefined;
      const byName = byId
        ? undefined
        : (queries.partnerIdsByNameAndPostcode(core.db, entry.name, entry.department, entry.postalCode).find((id) => !claimed.has(id)) ??
          soleLooseMatch(directory, entry, claimed));
      const existingId = byId?.id ?? byName ?? null;
      const existing = existingId !== null ? queries.getPartner(core.db, existingId, today) : undefined;
      const existingRecord = existing ? (storedRecordOf(existing) as StoredPartnerRecord) : null;
      const next = withIds(entry.merge(existingRecord));
      const archivedChanges = existing !== undefined && entry.archived !== null && entry.archived !== existing.archived;
      if (existingId !== null && existingRecord) {
        claimed.add(existingId);
        const unchanged = sameRecord(existingRecord, next) && !archivedChanges;
        items.push({
          action: unchanged ? 'unchanged' : 'changed',
          name: next.name,
          department: next.department,
          partnerId: existingId,
          matchedBy: byId ? 'id' : 'name-postcode',
        });
        if (input.apply && !unchanged) {
          queries.updatePartner(core.db, existingId, next, core.now().toISOString());
          if (archivedChanges) queries.setPartnerArchived(core.db, existingId, entry.archived!, core.now().toISOString());
        }
      } else {
        // Keep the other desk's id, so the next exchange matches by it.
        const id = entry.id ?? randomUUID();
        if (input.apply) queries.insertPartner(core.db, id, next, entry.archived ?? false, core.now().toISOString());
        claimed.add(id);
        items.push({ action: 'new', name: next.name, department: next.department, partnerId: input.apply ? id : null, matchedBy: null });
      }
    }
    const counts = { new: 0, changed: 0, unchanged: 0 };
    for (const item of items) counts[item.action] += 1;
    if (input.apply) {
      recordAudit(core, { action: 'partners.import', subjectType: 'partner', subjectId: null, clientId: null, details: { format: input.format, ...counts } });
    }
    return { applied: input.apply, items, counts };
  })();
}

function storedRecordOf(partner: ReturnType<typeof queries.getPartner> & object): StoredPartnerRecord {
  const { id: _id, archived: _archived, verification: _verification, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = partner;
  return record;
}
