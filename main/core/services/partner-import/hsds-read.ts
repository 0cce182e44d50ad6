import { unzipSync } from 'fflate';
import { DomainError } from '../../errors';
import { parseCsvRows, refuse } from './parse';

/**
 * Reading what HSDS 3.0 tools write into nested organization objects (the
 * shape of the HSDS API's full `organization`), whatever form the file has:
 *
 * - one organization, a JSON list of them, or an API page (`contents`);
 * - `service_full` objects (a service with its `organization`), singly, as
 *   a list or a page: grouped into their organizations;
 * - the tabular data package: a ZIP with `datapackage.json` and one CSV per
 *   table, or those CSV files given together: joined by their ids;
 * - Lotse's own older envelope (`{ organizations, services, locations,
 *   contacts, schedules }`), which is the tables as JSON.
 *
 * The objects stay loose (what the file says, no types checked): mapping
 * them onto a partner (hsds-map.ts) checks and lists what it cannot keep.
 */

export type Obj = Record<string, unknown>;

export interface ImportFileInput {
  name: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

export const isObj = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);
export const listOf = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isObj) : []);

/** All files of a ZIP together, unpacked: a ZIP bomb is refused before it fills the memory. */
const MAX_UNZIPPED_BYTES = 100_000_000;

/** The tables of the HSDS 3.0 data package (the spec's datapackage.json, `resources[].name`). */
export const HSDS_TABLES = [
  'organization',
  'program',
  'service',
  'attribute',
  'service_at_location',
  'location',
  'phone',
  'contact',
  'address',
  'schedule',
  'funding',
  'service_area',
  'required_document',
  'language',
  'accessibility',
  'taxonomy_term',
  'metadata',
  'meta_table_description',
  'cost_option',
  'organization_identifier',
  'taxonomy',
] as const;
type Table = (typeof HSDS_TABLES)[number];
const TABLES = new Set<string>(HSDS_TABLES);

interface TextFile {
  name: string;
  text: string;
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

/** UTF-8 (a byte-order mark dropped); a file that is not UTF-8 is read as Windows-1252, as spreadsheets save it. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const isZipBytes = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function unzip(name: string, bytes: Uint8Array): TextFile[] {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (total > MAX_UNZIPPED_BYTES) refuse({ key: 'partnerImport.zipTooLarge', params: { name } });
        return !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/');
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    refuse({ key: 'partnerImport.notZip', params: { name } });
  }
  return Object.entries(entries).map(([path, content]) => ({ name: path, text: decodeText(content) }));
}

/** The files as text, ZIPs unpacked. */
export function decodeFiles(files: readonly ImportFileInput[]): TextFile[] {
  return files.flatMap((file) => {
    if (file.encoding === 'utf8') return [{ name: file.name, text: file.content.replace(/^\uFEFF/, '') }];
    const bytes = new Uint8Array(Buffer.from(file.content, 'base64'));
    return isZipBytes(bytes) || /\.zip$/i.test(file.name) ? unzip(file.name, bytes) : [{ name: file.name, text: decodeText(bytes) }];
  });
}

// --- The forms ----------------------------------------------------------------

/** A service (service_full) rather than an organization: only services have a status, an organization or locations of their own. */
const isService = (item: Obj) =>
  typeof item.status === 'string' || isObj(item.organization) || 'organization_id' in item || Array.isArray(item.service_at_locations);

/** The items of a JSON document: a page's `contents`, a list, or one object. */
function itemsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isObj(document)) return null;
  if (Array.isArray(document.contents)) return document.contents;
  if (typeof document.id === 'string' || typeof document.name === 'string') return [document];
  return null;
}

/**
 * Services grouped into their organizations: the service's nested
 * `organization` (or the one of that id already read), else one named after
 * the service, so that nothing of it is lost.
 */
function groupServices(organizations: Obj[], services: Obj[]): void {
  const byId = new Map<string, Obj>();
  for (const organization of organizations) if (typeof organization.id === 'string') byId.set(organization.id, organization);
  for (const service of services) {
    const nested = isObj(service.organization) ? service.organization : null;
    const organizationId = typeof nested?.id === 'string' ? nested.id : typeof service.organization_id === 'string' ? service.organization_id : null;
    let organization = organizationId === null ? undefined : byId.get(organizationId);
    if (!organization) {
      organization = nested ? { ...nested } : { ...(organizationId === null ? {} : { id: organizationId }), name: service.name };
      delete organization.services;
      organizations.push(organization);
      if (organizationId !== null) byId.set(organizationId, organization);
    }
    const { organization: _nested, ...rest } = service;
    organization.services = [...listOf(organization.services), rest];
  }
}

/** Organizations from one JSON document; null when it is no HSDS form. */
function fromJson(document: unknown): Obj[] | null {
  // Lotse's older envelope: the tables as lists, linked by ids.
  if (isObj(document) && Array.isArray(document.organizations)) {
    return joinTables({
      organization: document.organizations as Obj[],
      service: listOf(document.services),
      location: listOf(document.locations),
      contact: listOf(document.contacts),
      schedule: listOf(document.schedules),
    });
  }
  const items = itemsOf(document);
  if (items === null || items.length === 0 || !items.every(isObj)) return items?.length === 0 ? [] : null;
  const organizations = items.filter((item) => !isService(item));
  groupServices(organizations, items.filter(isService));
  return organizations;
}

// --- The tabular data package ---------------------------------------------------

/** Which table a CSV file is: by the package's own `resources[].path`, else by the spec's names (singular or plural). */
function tableOf(fileName: string, paths: Map<string, string>): Table | null {
  const base = baseName(fileName).toLowerCase();
  const named = paths.get(base);
  const stem = (named ?? base).replace(/\.csv$/, '');
  for (const candidate of [stem, stem.replace(/ies$/, 'y'), stem.replace(/s$/, ''), stem.replace(/es$/, '')])
    if (TABLES.has(candidate)) return candidate as Table;
  return null;
}

const NUMERIC = new Set(['minimum_age', 'maximum_age', 'extension', 'latitude', 'longitude', 'year_incorporated', 'timezone', 'count', 'interval']);

/** A CSV cell as the JSON form would have it: empty is absent, numbers and Lotse's lists and flags typed. */
function cellValue(column: string, cell: string): unknown {
  if (NUMERIC.has(column) && /^-?\d+(\.\d+)?$/.test(cell.trim())) return Number(cell.trim());
  if (column === 'x_lotse_archived') return cell.trim().toLowerCase() === 'true' ? true : cell.trim().toLowerCase() === 'false' ? false : cell;
  if (column === 'x_lotse_counseling_fields') {
    if (cell.trim().startsWith('[')) {
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        return cell;
      }
    }
    return cell
      .split(/[;,|]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }
  // Lotse's own address parts HSDS cannot hold travel as a JSON object (hsds-export.ts).
  if ((column === 'x_lotse_address' || column === 'x_lotse_postbox') && cell.trim().startsWith('{')) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}

function readTable(text: string): Obj[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  const columns = header.cells.map((cell) => cell.trim());
  return rows.map(({ cells }) => {
    const row: Obj = {};
    columns.forEach((column, index) => {
      const cell = cells[index] ?? '';
      if (column !== '' && cell !== '') row[column] = cellValue(column, cell);
    });
    return row;
  });
}

const isEmptyId = (value: unknown) => value === undefined || value === null || value === '';

/** Rows by their id; an id twice (Lotse's older files named a location after its organization) keeps both rows. */
function indexed(rows: readonly Obj[]): Map<string, Obj[]> {
  const map = new Map<string, Obj[]>();
  for (const row of rows) {
    if (typeof row.id !== 'string') continue;
    const list = map.get(row.id);
    if (list) list.push(row);
    else map.set(row.id, [row]);
  }
  return map;
}

/** Adds `row` to the list `field` of its parent. */
function attach(parent: Obj, field: string, row: Obj): void {
  const current = parent[field];
  if (Array.isArray(current)) current.push(row);
  else parent[field] = [row];
}

/**
 * The tables joined into nested organizations, as the HSDS API would answer
 * them: each row goes to the parent its most specific link names (a phone
 * of a contact to the contact, not to the organization).
 */
function joinTables(tables: Partial<Record<Table, Obj[]>>): Obj[] {
  const rows = (table: Table) => tables[table] ?? [];
  const organizations = rows('organization');
  const byTable: Partial<Record<Table, Map<string, Obj[]>>> = {};
  const index = (table: Table) => (byTable[table] ??= indexed(rows(table)));
  const link = (table: Table, field: string, parents: Array<[key: string, parent: Table]>) => {
    for (const row of rows(table)) {
      for (const [key, parentTable] of parents) {
        const parents = typeof row[key] === 'string' ? index(parentTable).get(row[key]) : undefined;
        if (parents) {
          for (const parent of parents) attach(parent, field, row);
          break;
        }
      }
    }
  };
  link('address', 'addresses', [['location_id', 'location']]);
  link('accessibility', 'accessibility', [['location_id', 'location']]);
  link('language', 'languages', [
    ['phone_id', 'phone'],
    ['service_id', 'service'],
    ['location_id', 'location'],
  ]);
  link('phone', 'phones', [
    ['contact_id', 'contact'],
    ['service_at_location_id', 'service_at_location'],
    ['service_id', 'service'],
    ['location_id', 'location'],
    ['organization_id', 'organization'],
  ]);
  link('contact', 'contacts', [
    ['service_at_location_id', 'service_at_location'],
    ['service_id', 'service'],
    ['location_id', 'location'],
    ['organization_id', 'organization'],
  ]);
  link('schedule', 'schedules', [
    ['service_at_location_id', 'service_at_location'],
    ['service_id', 'service'],
    ['location_id', 'location'],
  ]);
  link('cost_option', 'cost_options', [['service_id', 'service']]);
  link('required_document', 'required_documents', [['service_id', 'service']]);
  link('service_area', 'service_areas', [['service_id', 'service']]);
  link('funding', 'funding', [
    ['service_id', 'service'],
    ['organization_id', 'organization'],
  ]);
  link('program', 'programs', [['organization_id', 'organization']]);
  link('organization_identifier', 'organization_identifiers', [['organization_id', 'organization']]);
  // Attributes and metadata name their object by id alone.
  for (const [table, key, field] of [
    ['attribute', 'link_id', 'attributes'],
    ['metadata', 'resource_id', 'metadata'],
  ] as const) {
    for (const row of rows(table)) {
      const target = typeof row[key] === 'string' ? row[key] : '';
      for (const parentTable of HSDS_TABLES) {
        const parents = parentTable === table ? undefined : index(parentTable).get(target);
        if (parents) {
          for (const parent of parents) attach(parent, field, row);
          break;
        }
      }
    }
  }
  for (const row of rows('service_at_location')) {
    const location = typeof row.location_id === 'string' ? index('location').get(row.location_id)?.[0] : undefined;
    for (const service of typeof row.service_id === 'string' ? (index('service').get(row.service_id) ?? []) : []) {
      attach(service, 'service_at_locations', location ? { ...row, location } : row);
    }
  }
  link('location', 'locations', [['organization_id', 'organization']]);
  // A service that names no organization becomes one (as a service_full without one); one that names a missing one is a broken link, as the file's other rows.
  const services = rows('service').filter((service) => isEmptyId(service.organization_id));
  link('service', 'services', [['organization_id', 'organization']]);
  groupServices(organizations, services);
  return organizations;
}

function fromTables(files: readonly TextFile[], descriptor: Obj | null): Obj[] {
  const paths = new Map<string, string>();
  for (const resource of listOf(descriptor?.resources)) {
    if (typeof resource.path === 'string' && typeof resource.name === 'string') paths.set(baseName(resource.path).toLowerCase(), `${resource.name}.csv`);
  }
  const tables: Partial<Record<Table, Obj[]>> = {};
  for (const file of files) {
    const table = tableOf(file.name, paths);
    if (table === null) refuse({ key: 'partnerImport.unknownTable', params: { name: baseName(file.name) } });
    tables[table] = [...(tables[table] ?? []), ...readTable(file.text)];
  }
  return joinTables(tables);
}

/** A CSV table by its name; the only file of an import is JSON unless so named; other files of a ZIP (a README) are not read. */
const isCsv = (file: TextFile) => /\.csv$/i.test(file.name);
const isJson = (file: TextFile, only: boolean) =>
  /\.json$/i.test(file.name) || (only && !isCsv(file)) || (!isCsv(file) && /^\s*[[{]/.test(file.text.slice(0, 100)));

/** Every organization the files hold, nested; a file that is no HSDS form is refused. */
export function readHsdsOrganizations(files: readonly ImportFileInput[]): Obj[] {
  const texts = decodeFiles(files);
  const csv = texts.filter(isCsv);
  const json = texts.filter((file) => isJson(file, texts.length === 1));
  let descriptor: Obj | null = null;
  const organizations: Obj[] = [];
  for (const file of json) {
    let document: unknown;
    try {
      document = JSON.parse(file.text);
    } catch {
      refuse({ key: 'partnerImport.notJson' });
    }
    if (csv.length > 0 && (baseName(file.name).toLowerCase() === 'datapackage.json' || (isObj(document) && Array.isArray(document.resources)))) {
      descriptor = isObj(document) ? document : null;
      continue;
    }
    const read = fromJson(document);
    if (read === null) refuse({ key: 'partnerImport.notHsds' });
    organizations.push(...read);
  }
  if (csv.length > 0) organizations.push(...fromTables(csv, descriptor));
  else if (json.length === 0) refuse({ key: 'partnerImport.notHsds' });
  return organizations;
}
