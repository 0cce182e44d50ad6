import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import type { z } from 'zod';
import type { PartnerInput } from '../../../../shared/api/contract';
import { issueMessage } from '../../../../shared/api/german-messages';
import { PartnerInputSchema } from '../../../../shared/api/schemas/partner';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { StoredPartnerRecord } from '../../db/queries/partners';
import { DomainError } from '../../errors';
import type { HsdsAddress, HsdsContact, HsdsLocation, HsdsPackage, HsdsPhone, HsdsSchedule, HsdsService } from '../partner-exchange';
import type { IdResolver } from './ids';

/**
 * Reading an import file (HSDS JSON or a CSV list) into entries, each
 * checked with the contract's own schema (PartnerInputSchema), as the
 * network screen's form is. Runs in the import worker: no store here.
 * Whole-file problems (not JSON, no header, an organization id twice) are
 * found at once; each entry is checked when the import reaches it, so that
 * the check counts as progress.
 */

/** One entry of an import: how to find it, and what it makes of the matching entry (or of nothing). */
export interface Incoming {
  /** The id in the file (HSDS); the planner finds the one it has here (IdResolver). */
  sourceId: string | null;
  name: string;
  department: string;
  postalCode: string;
  archived: boolean | null;
  merge(existing: StoredPartnerRecord | null): PartnerInput;
}

/** An entry of the file, checked when called. */
export type PendingEntry = () => Incoming;

export function refuse(message: ErrorMessage): never {
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

export function parseHsds(content: string, ids: IdResolver): PendingEntry[] {
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
    for (const row of asList<T>(rows)) {
      const list = map.get(row?.organization_id);
      if (list) list.push(row);
      else map.set(row?.organization_id, [row]);
    }
    return map;
  };
  const services = byOrganization<HsdsService>(pkg.services);
  const locations = byOrganization<HsdsLocation>(pkg.locations);
  const contacts = byOrganization<HsdsContact>(pkg.contacts);
  const schedules = new Map(asList<HsdsSchedule>(pkg.schedules).map((schedule) => [schedule?.location_id, schedule?.description]));
  // A service's or contact's id that the contract cannot carry gets the one it has here; no id (or an empty one) gets a new one (withIds).
  const localId = (kind: 'service' | 'contact', value: unknown) => (typeof value === 'string' ? (value === '' ? undefined : ids.local(kind, value)) : value);

  const seenIds = new Set<string>();
  return pkg.organizations.map((organization, index) => {
    if (organization === null || typeof organization !== 'object' || typeof organization.id !== 'string' || organization.id === '') {
      refuse({ key: 'partnerImport.organizationWithoutId', params: { number: index + 1 } });
    }
    if (seenIds.has(organization.id)) refuse({ key: 'partnerImport.duplicateOrganization', params: { id: organization.id } });
    seenIds.add(organization.id);
    return () => {
      const location = locations.get(organization.id)?.[0];
      const address = (type: HsdsAddress['address_type']) => asList<HsdsAddress>(location?.addresses).find((candidate) => candidate?.address_type === type);
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
          id: localId('service', service.id),
          name: service.name,
          description: service.description ?? '',
          status: service.status ?? 'active',
          counselingFields: service.x_lotse_counseling_fields ?? [],
          eligibility: service.eligibility_description ?? '',
          minimumAge: service.minimum_age ?? null,
          maximumAge: service.maximum_age ?? null,
          languages: asList<{ name: string }>(service.languages).map((language) => language?.name),
          fees: service.fees_description ?? '',
          applicationProcess: service.application_process ?? '',
        })),
        contacts: (contacts.get(organization.id) ?? []).map((contact) => ({
          id: localId('contact', contact.id),
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
        sourceId: organization.id,
        name: input.name,
        department: input.department,
        postalCode: input.address.postalCode,
        archived: typeof organization.x_lotse_archived === 'boolean' ? organization.x_lotse_archived : null,
        merge: () => input,
      };
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

/** By the file's header cells: a Map, so that a header such as `constructor` names no column. */
const CSV_COLUMNS = new Map<string, 'name' | 'street' | 'postalCode' | 'city' | 'phone' | 'email'>(
  Object.entries({
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
  } as const),
);

/** A CSV row carries only name, address, phone and e-mail: it updates those and leaves the rest of an entry alone. */
export function parseCsv(content: string): PendingEntry[] {
  const [header, ...rows] = parseCsvRows(content);
  if (!header) refuse({ key: 'partnerImport.csvEmpty' });
  const columns = header.cells.map((cell) => CSV_COLUMNS.get(cell.trim().toLocaleLowerCase('de-DE')));
  if (!columns.includes('name')) {
    refuse({ key: 'partnerImport.csvNoHeader' });
  }
  return rows.map(({ cells, line }) => () => {
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
      sourceId: null,
      name: checked.name,
      department: '',
      postalCode: checked.address.postalCode,
      archived: null,
      // The list has no column for the addition: an entry keeps its own.
      merge: (existing) => validated(where, { ...(existing ?? {}), ...fields, address: { ...existing?.address, ...fields.address } }),
    };
  });
}
