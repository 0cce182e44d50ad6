import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { MethodInput, Partner, PartnerImportResult, PartnerImportStatus } from '../../shared/api/contract';
import { germanText, type ErrorMessage } from '../../shared/i18n/error-message';
import { importWorkerScript } from '../support/batch-worker';
import { openTestCore } from '../support/core';
import { callOk, errorOf } from '../support/results';

/**
 * Issue 15: the import reads what HSDS 3.0 tools write – a full
 * organization, a list or API page of them, service_full objects, the
 * tabular data package (ZIP or its CSV files) – maps it onto Lotse's
 * partner, and lists in the preview what it cannot keep. The tabular
 * fixtures are built from the spec's own datapackage.json (table and field
 * names), the statuses from its service.json.
 */

/** The spec's files as published, copied unchanged into the repository (test/fixtures/hsds-3.0), so a fresh clone has them. */
const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hsds-3.0');
const specJson = (file: string) => JSON.parse(fs.readFileSync(path.join(SPEC, file), 'utf8')) as Record<string, unknown>;

type Row = Record<string, unknown>;
interface Resource {
  name: string;
  path: string;
  schema: { fields: Array<{ name: string }> };
}
const DATAPACKAGE = specJson('datapackage.json') as { resources: Resource[] };
const RESOURCES = new Map(DATAPACKAGE.resources.map((resource) => [resource.name, resource]));
const STATUSES = ((specJson('schema/service.json').properties as Row).status as { enum: string[] }).enum;

const disposers: Array<() => void> = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

async function emptyStore(options: { worker?: boolean } = {}): Promise<Core> {
  const { core, dispose } = openTestCore(new Date('2026-11-25T10:00:00Z'), options.worker ? { importWorkerScript: importWorkerScript() } : {});
  disposers.push(dispose);
  for (const partner of await list(core)) await callOk(core, 'partners.delete', { id: partner.id });
  return core;
}

async function list(core: Core): Promise<Partner[]> {
  return (await callOk<{ items: Partner[] }>(core, 'partners.list', { includeArchived: true })).items;
}

const importIt = (core: Core, input: MethodInput<'partners.import'>) => callOk<PartnerImportResult>(core, 'partners.import', input);
const notKeptTexts = (result: PartnerImportResult) => result.notKept.map((entry) => `${entry.partner}: ${germanText(entry.what as ErrorMessage)}`);

// --- A full organization as an HSDS API answers it ------------------------------------------

let counter = 0;
/** A fresh UUID-shaped id, the same sequence in every run. */
const uuid = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

const ORG_NAME = 'Diakonie Düren – Migrationsdienst';

function fullOrganization(name = ORG_NAME): Row {
  const organizationId = uuid();
  const locationId = uuid();
  return {
    id: organizationId,
    name,
    description: 'Beratung für Zugewanderte und Geflüchtete.',
    email: 'migration@diakonie-dn.de',
    website: 'https://www.diakonie-dn.de',
    tax_id: 'DE123456789',
    funding: [{ id: uuid(), organization_id: organizationId, source: 'BAMF' }],
    phones: [
      { id: uuid(), organization_id: organizationId, number: '02421 22-1234 (Mo–Fr)' },
      { id: uuid(), organization_id: organizationId, number: '0800 111 0 111 – kostenlos' },
    ],
    contacts: [
      {
        id: uuid(),
        organization_id: organizationId,
        name: 'Petra Roth',
        title: 'Teamleitung',
        email: 'p.roth@diakonie-dn.de',
        phones: [{ id: uuid(), number: '+49 2421 123', extension: 45 }],
      },
      { id: uuid(), organization_id: organizationId, name: 'Jonas Weber', department: 'Team Nord' },
    ],
    locations: [
      {
        id: locationId,
        organization_id: organizationId,
        location_type: 'physical',
        name,
        addresses: [
          {
            id: uuid(),
            location_id: locationId,
            address_1: 'Kölnstraße 12',
            address_2: 'Haus B',
            city: 'Düren',
            state_province: 'Nordrhein-Westfalen',
            postal_code: '52351',
            country: 'DE',
            address_type: 'physical',
          },
          {
            id: uuid(),
            location_id: locationId,
            address_1: 'Postfach 10 01 23',
            city: 'Düren',
            state_province: 'Nordrhein-Westfalen',
            postal_code: '52348',
            country: 'DE',
            address_type: 'postal',
          },
        ],
        schedules: [
          { id: uuid(), location_id: locationId, freq: 'WEEKLY', byday: 'MO,TU', opens_at: '09:00', closes_at: '12:00' },
          { id: uuid(), location_id: locationId, description: 'Do 14–18 Uhr nach Vereinbarung' },
        ],
        languages: [{ id: uuid(), location_id: locationId, name: 'Ukrainisch' }],
      },
      {
        id: uuid(),
        organization_id: organizationId,
        location_type: 'physical',
        name: 'Außenstelle Jülich',
        addresses: [
          {
            id: uuid(),
            address_1: 'Markt 1',
            city: 'Jülich',
            state_province: 'Nordrhein-Westfalen',
            postal_code: '52428',
            country: 'DE',
            address_type: 'physical',
          },
        ],
      },
    ],
    services: [
      {
        id: uuid(),
        organization_id: organizationId,
        name: 'Migrationsberatung für Erwachsene',
        status: 'active',
        description: 'Aufenthalt, Arbeit, Familiennachzug',
        eligibility_description: 'Zugewanderte ab 27 Jahren',
        minimum_age: 27,
        fees_description: 'kostenlos',
        application_process: 'Termin per Telefon',
        assured_date: '2026-10-01',
        languages: [
          { id: uuid(), name: 'Arabisch', code: 'ar' },
          { id: uuid(), name: 'Türkisch', code: 'tr' },
        ],
        cost_options: [{ id: uuid(), option: 'Beratung', amount: 0 }],
      },
      { id: uuid(), organization_id: organizationId, name: 'Jugendmigrationsdienst', status: 'temporarily closed', minimum_age: 12, maximum_age: 27 },
    ],
  };
}

/** What Lotse keeps of `fullOrganization()`. */
function expectKept(partner: Partner | undefined, name = ORG_NAME): void {
  expect(partner).toMatchObject({
    name,
    description: 'Beratung für Zugewanderte und Geflüchtete.',
    email: 'migration@diakonie-dn.de',
    website: 'https://www.diakonie-dn.de',
    phone: '02421 22-1234 (Mo–Fr)',
    address: { addition: 'Haus B', street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
    postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' },
    openingHours: 'Mo, Di 09:00–12:00; Do 14–18 Uhr nach Vereinbarung',
    assuredDate: '2026-10-01',
    archived: false,
  });
  expect(partner!.services).toMatchObject([
    {
      name: 'Migrationsberatung für Erwachsene',
      status: 'active',
      description: 'Aufenthalt, Arbeit, Familiennachzug',
      eligibility: 'Zugewanderte ab 27 Jahren',
      minimumAge: 27,
      maximumAge: null,
      fees: 'kostenlos',
      applicationProcess: 'Termin per Telefon',
      languages: ['Arabisch', 'Türkisch'],
    },
    { name: 'Jugendmigrationsdienst', status: 'temporarily closed', minimumAge: 12, maximumAge: 27 },
  ]);
  expect(partner!.contacts).toMatchObject([
    { name: 'Petra Roth', role: 'Teamleitung', email: 'p.roth@diakonie-dn.de', phone: '+49 2421 123-45' },
    { name: 'Jonas Weber', role: '', phone: '' },
  ]);
}

/** What the preview lists of `fullOrganization()` as not kept (in German). */
const NOT_KEPT = (name = ORG_NAME) =>
  [
    'weiterer Standort „Außenstelle Jülich“ (Lotse führt einen Ort je Partner)',
    'Organisation: weitere Telefonnummer 0800 111 0 111 – kostenlos (Lotse führt eine)',
    `Standort „${name}“: 1 × „languages“`,
    'Dienst „Migrationsberatung für Erwachsene“: 1 × „cost_options“',
    'Kontakt „Jonas Weber“: „department“ (Team Nord)',
    'Organisation: „tax_id“ (DE123456789)',
    'Organisation: 1 × „funding“',
  ].map((text) => `${name}: ${text}`);

describe('HSDS JSON as other tools write it', () => {
  it('imports one full organization object with its services, contacts, phones, addresses and schedule, and lists what it cannot keep', async () => {
    const core = await emptyStore();
    const organization = fullOrganization();
    const preview = await importIt(core, { content: JSON.stringify(organization) });
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0 });
    expect(notKeptTexts(preview).sort()).toEqual(NOT_KEPT().sort());
    expect(await list(core)).toEqual([]);
    const applied = await importIt(core, { content: JSON.stringify(organization), apply: true });
    expect(applied.notKept).toEqual(preview.notKept);
    const [partner] = await list(core);
    expect(partner!.id).toBe(organization.id);
    expectKept(partner);
    // The HSDS ids are kept: a second import finds everything unchanged.
    expect((await importIt(core, { content: JSON.stringify(organization) })).counts).toEqual({ new: 0, changed: 0, unchanged: 1 });
  });

  it('imports a JSON list of organizations', async () => {
    const core = await emptyStore();
    const result = await importIt(core, { content: JSON.stringify([fullOrganization(), fullOrganization('Caritas Düren')]), apply: true });
    expect(result.counts.new).toBe(2);
    const partners = await list(core);
    expectKept(partners.find((partner) => partner.name === ORG_NAME));
    expectKept(
      partners.find((partner) => partner.name === 'Caritas Düren'),
      'Caritas Düren',
    );
  });

  it('imports an HSDS API page of organizations (the /organizations answer)', async () => {
    const core = await emptyStore();
    const page = {
      total_items: 2,
      total_pages: 1,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: true,
      empty: false,
      contents: [fullOrganization(), fullOrganization('Caritas Düren')],
    };
    const result = await importIt(core, { content: JSON.stringify(page), apply: true });
    expect(result.counts.new).toBe(2);
    expect(notKeptTexts(result)).toEqual(expect.arrayContaining(NOT_KEPT('Caritas Düren')));
    expectKept((await list(core)).find((partner) => partner.name === ORG_NAME));
  });

  it('imports a service_full object into its organization, with its contacts and its location as the place', async () => {
    const core = await emptyStore();
    const organizationId = uuid();
    const locationId = uuid();
    const service = {
      id: uuid(),
      name: 'Flüchtlingsberatung',
      status: 'inactive',
      languages: [{ id: uuid(), name: 'Farsi' }],
      organization: { id: organizationId, name: 'Flüchtlingshilfe Nord e. V.', description: 'Verein' },
      contacts: [{ id: uuid(), name: 'Amira Haddad', title: 'Beraterin', phones: [{ id: uuid(), number: '02421 555 66' }] }],
      phones: [{ id: uuid(), number: '02421 555 0' }],
      schedules: [{ id: uuid(), byday: 'WE', opens_at: '10:00', closes_at: '16:00' }],
      service_at_locations: [
        {
          id: uuid(),
          location: {
            id: locationId,
            location_type: 'physical',
            name: 'Flüchtlingshilfe Nord e. V.',
            addresses: [
              { id: uuid(), address_1: 'Bahnstraße 3', city: 'Düren', state_province: 'NRW', postal_code: '52349', country: 'DE', address_type: 'physical' },
            ],
            phones: [{ id: uuid(), number: '02421 555 0' }],
          },
        },
      ],
    };
    const second = {
      id: uuid(),
      name: 'Sprachcafé',
      status: 'active',
      organization: service.organization,
      service_at_locations: [{ id: uuid(), location: { id: uuid(), location_type: 'physical', name: 'Café International' } }],
    };
    const result = await importIt(core, { content: JSON.stringify([service, second]), apply: true });
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0 });
    const [partner] = await list(core);
    expect(partner).toMatchObject({
      id: organizationId,
      name: 'Flüchtlingshilfe Nord e. V.',
      address: { street: 'Bahnstraße 3', postalCode: '52349', city: 'Düren' },
      phone: '02421 555 0',
      services: [
        { name: 'Flüchtlingsberatung', status: 'inactive', languages: ['Farsi'] },
        { name: 'Sprachcafé', status: 'active' },
      ],
      contacts: [{ name: 'Amira Haddad', role: 'Beraterin', phone: '02421 555 66' }],
    });
    expect(notKeptTexts(result).sort()).toEqual(
      [
        'Flüchtlingshilfe Nord e. V.: Dienst „Flüchtlingsberatung“: 1 × „phones“',
        'Flüchtlingshilfe Nord e. V.: Dienst „Flüchtlingsberatung“: 1 × „schedules“',
        'Flüchtlingshilfe Nord e. V.: Dienst „Sprachcafé“: eigener Standort „Café International“',
      ].sort(),
    );
  });

  it('accepts every service status of the spec', async () => {
    expect(STATUSES).toEqual(['active', 'inactive', 'defunct', 'temporarily closed']);
    const core = await emptyStore();
    const organization = {
      id: uuid(),
      name: 'Jugendmigrationsdienst',
      description: '',
      services: STATUSES.map((status) => ({ id: uuid(), name: `Dienst ${status}`, status })),
    };
    await importIt(core, { content: JSON.stringify(organization), apply: true });
    expect((await list(core))[0]!.services.map((service) => service.status)).toEqual(STATUSES);
  });

  it('accepts free-text phone numbers and keeps them as written', async () => {
    const core = await emptyStore();
    const numbers = ['02421 22-1234 (Mo–Fr)', '+49 2421 123', '0800 111 0 111 – kostenlos'];
    const organization = {
      id: uuid(),
      name: 'Telefonberatung',
      description: '',
      phones: [{ id: uuid(), number: numbers[0] }],
      contacts: numbers.slice(1).map((number, index) => ({ id: uuid(), name: `Kontakt ${index}`, phones: [{ id: uuid(), number }] })),
    };
    await importIt(core, { content: JSON.stringify(organization), apply: true });
    const [partner] = await list(core);
    expect([partner!.phone, ...partner!.contacts.map((contact) => contact.phone)]).toEqual(numbers);
  });

  it('matches by x_lotse_id first: an entry exported with a derived HSDS id is found unchanged', async () => {
    const core = await emptyStore();
    const created = await callOk<Partner>(core, 'partners.create', {
      name: 'Ausländerbehörde',
      department: 'Team Zuwanderung',
      address: { street: 'Bismarckstraße 16', postalCode: '52351', city: 'Düren' },
      services: [{ name: 'Aufenthaltstitel' }],
      contacts: [{ name: 'Herr Klein', formOfAddress: 'Herr' }],
    });
    const organization = {
      id: uuid(),
      x_lotse_id: created.id,
      name: 'Umbenannt beim anderen Träger',
      description: '',
      x_lotse_department: 'Team Zuwanderung',
      locations: [
        {
          id: uuid(),
          location_type: 'physical',
          name: 'Ausländerbehörde',
          addresses: [
            { id: uuid(), address_1: 'Bismarckstraße 16', city: 'Düren', state_province: 'NRW', postal_code: '52351', country: 'DE', address_type: 'physical' },
          ],
        },
      ],
      services: [{ id: uuid(), x_lotse_id: created.services[0]!.id, name: 'Aufenthaltstitel', status: 'active' }],
      contacts: [{ id: uuid(), x_lotse_id: created.contacts[0]!.id, name: 'Herr Klein', x_lotse_form_of_address: 'Herr' }],
    };
    const result = await importIt(core, { content: JSON.stringify(organization), apply: true });
    expect(result.items).toEqual([expect.objectContaining({ action: 'changed', partnerId: created.id, matchedBy: 'id' })]);
    const [partner] = await list(core);
    expect(partner).toMatchObject({ id: created.id, name: 'Umbenannt beim anderen Träger' });
    expect(partner!.services[0]!.id).toBe(created.services[0]!.id);
    expect(partner!.contacts[0]!.id).toBe(created.contacts[0]!.id);
  });

  it('still imports the envelope older Lotse versions wrote, with nothing listed as not kept', async () => {
    const core = await emptyStore();
    const envelope = {
      name: 'lotse-netzwerk',
      profile: 'Open Referral HSDS',
      hsds_version: '3.0',
      organizations: [
        {
          id: 'desk-1-caritas',
          name: 'Caritas Düren',
          description: 'Migrationsberatung',
          email: 'migration@caritas-dn.de',
          website: 'www.caritas-dn.de',
          phones: [{ number: '02421 1234-0' }],
          x_lotse_department: 'Fachdienst Integration',
          x_lotse_counseling_fields: ['residence-title'],
          x_lotse_notes: 'Termine nur nach Vereinbarung.',
          x_lotse_assured_date: '2026-10-01',
          x_lotse_assured_by: 'Silke Nießen',
          x_lotse_archived: false,
        },
      ],
      services: [
        {
          id: 'desk-1-service',
          organization_id: 'desk-1-caritas',
          name: 'Flüchtlingsberatung',
          description: '',
          status: 'active',
          eligibility_description: '',
          minimum_age: null,
          maximum_age: null,
          fees_description: '',
          application_process: '',
          languages: [{ name: 'Arabisch' }],
          assured_date: '2026-10-01',
          x_lotse_counseling_fields: ['duldung-gestattung'],
        },
      ],
      locations: [
        {
          id: 'desk-1-caritas-location',
          organization_id: 'desk-1-caritas',
          location_type: 'physical',
          name: 'Caritas Düren',
          addresses: [
            { address_type: 'physical', address_1: 'Kölnstraße 12', postal_code: '52351', city: 'Düren', country: 'DE' },
            { address_type: 'postal', address_1: 'Postfach 10 01 23', postal_code: '52348', city: 'Düren', country: 'DE' },
          ],
        },
      ],
      contacts: [
        {
          id: 'desk-1-contact',
          organization_id: 'desk-1-caritas',
          name: 'Amira Haddad',
          title: 'Beraterin',
          email: '',
          phones: [],
          x_lotse_form_of_address: 'Frau',
          x_lotse_academic_title: 'Dr.',
        },
      ],
      schedules: [{ id: 'desk-1-caritas-location-schedule', location_id: 'desk-1-caritas-location', description: 'Mo–Fr 9–12 Uhr' }],
    };
    const result = await importIt(core, { content: JSON.stringify(envelope), apply: true });
    expect(result.counts.new).toBe(1);
    expect(result.notKept).toEqual([]);
    const [partner] = await list(core);
    expect(partner).toMatchObject({
      id: 'desk-1-caritas',
      name: 'Caritas Düren',
      department: 'Fachdienst Integration',
      counselingFields: ['residence-title'],
      address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
      postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' },
      openingHours: 'Mo–Fr 9–12 Uhr',
      phone: '02421 1234-0',
      notes: 'Termine nur nach Vereinbarung.',
      assuredDate: '2026-10-01',
      assuredBy: 'Silke Nießen',
      services: [{ id: 'desk-1-service', name: 'Flüchtlingsberatung', languages: ['Arabisch'], counselingFields: ['duldung-gestattung'] }],
      contacts: [{ id: 'desk-1-contact', name: 'Amira Haddad', role: 'Beraterin', formOfAddress: 'Frau', title: 'Dr.' }],
    });
  });

  it('refuses a JSON file that is no HSDS form, and a CSV that is no table of the package', async () => {
    const core = await emptyStore();
    expect(errorOf(await dispatch(core, 'partners.import', { content: '{"hello":"world"}' })).message).toContain('keine Organisation');
    const files = [{ name: 'adressen.csv', content: 'Name;PLZ\nA;52351\n' }];
    expect(errorOf(await dispatch(core, 'partners.import', { files: [...files, ...files] })).message).toBe(
      'Die Datei „adressen.csv“ ist keine Tabelle des HSDS-Datenpakets (z. B. organizations.csv, services.csv).',
    );
    expect(errorOf(await dispatch(core, 'partners.import', { files: [...files, ...files], format: 'csv' })).message).toContain('einzelne Datei');
    const broken = Buffer.from('PK\u0003\u0004 kein ZIP').toString('base64');
    expect(errorOf(await dispatch(core, 'partners.import', { files: [{ name: 'paket.zip', content: broken, encoding: 'base64' }] })).message).toBe(
      'Die ZIP-Datei „paket.zip“ ist beschädigt oder kein ZIP.',
    );
    expect(await list(core)).toEqual([]);
  });

  it('refuses a partner phone without three digits when typed, and takes one with words beside the digits', async () => {
    const core = await emptyStore();
    const refused = errorOf(await dispatch(core, 'partners.create', { name: 'Beratung', phone: 'Zentrale' }));
    expect(refused.fields).toEqual({ phone: 'Bitte eine Telefonnummer mit mindestens drei Ziffern in einer Zeile angeben.' });
    const created = await callOk<Partner>(core, 'partners.create', { name: 'Beratung', phone: '0800 111 0 111 – kostenlos' });
    expect(created.phone).toBe('0800 111 0 111 – kostenlos');
  });
});

// --- The tabular data package ---------------------------------------------------------------

/** Which table a nested list's rows belong to (the spec's resource names). */
const CHILD_TABLES: Record<string, string> = {
  services: 'service',
  locations: 'location',
  addresses: 'address',
  phones: 'phone',
  contacts: 'contact',
  schedules: 'schedule',
  languages: 'language',
  funding: 'funding',
  cost_options: 'cost_option',
};

/** A nested organization as the spec's tables: rows with the spec's fields, linked by `<parent>_id`. */
function toTables(organization: Row): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  const walk = (table: string, object: Row, parent: { table: string; id: unknown } | null) => {
    const fields = RESOURCES.get(table)!.schema.fields.map((field) => field.name);
    const row: Row = {};
    for (const field of fields) if (object[field] !== undefined && typeof object[field] !== 'object') row[field] = object[field];
    if (parent && fields.includes(`${parent.table}_id`)) row[`${parent.table}_id`] = parent.id;
    tables.set(table, [...(tables.get(table) ?? []), row]);
    for (const [key, child] of Object.entries(CHILD_TABLES)) {
      for (const item of (object[key] as Row[] | undefined) ?? []) walk(child, item, { table, id: object.id });
    }
  };
  walk('organization', organization, null);
  return tables;
}

const csvCell = (value: unknown) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV per table, its header the spec's fields of that table; `fileName` picks the spec's path or the table's name. */
function csvFiles(organization: Row, fileName: (resource: Resource) => string): Array<{ name: string; content: string }> {
  return [...toTables(organization)].map(([table, rows]) => {
    const resource = RESOURCES.get(table)!;
    const fields = resource.schema.fields.map((field) => field.name);
    const lines = [fields.join(','), ...rows.map((row) => fields.map((field) => csvCell(row[field])).join(','))];
    return { name: fileName(resource), content: `${lines.join('\r\n')}\r\n` };
  });
}

/** What the tables cannot carry of `fullOrganization()` beyond NOT_KEPT: nothing; they carry less (no x_lotse fields). */
describe('the HSDS tabular data package', () => {
  it('imports a ZIP with the spec datapackage.json and one CSV per table', async () => {
    const core = await emptyStore();
    const organization = fullOrganization();
    const files = csvFiles(organization, (resource) => resource.path);
    expect(files.map((file) => file.name).sort()).toEqual(
      [
        'addresses.csv',
        'contacts.csv',
        'cost_options.csv',
        'funding.csv',
        'languages.csv',
        'locations.csv',
        'organizations.csv',
        'phones.csv',
        'schedules.csv',
        'services.csv',
      ].sort(),
    );
    const zip = zipSync({
      'datapackage.json': strToU8(JSON.stringify(DATAPACKAGE)),
      ...Object.fromEntries(files.map((file) => [file.name, strToU8(file.content)])),
    });
    const content = Buffer.from(zip).toString('base64');
    const result = await importIt(core, { files: [{ name: 'hsds-paket.zip', content, encoding: 'base64' }], apply: true });
    expect(result.counts.new).toBe(1);
    expect(notKeptTexts(result).sort()).toEqual(NOT_KEPT().sort());
    const [partner] = await list(core);
    expect(partner!.id).toBe(organization.id);
    expectKept(partner);
    // The ZIP alone as `content`, base64, reads the same.
    expect((await importIt(core, { content, encoding: 'base64' })).counts).toEqual({ new: 0, changed: 0, unchanged: 1 });
  });

  it('imports the CSV files of the package without a ZIP, named by table (singular) or by the spec path', async () => {
    const core = await emptyStore();
    const organization = fullOrganization();
    const singular = csvFiles(organization, (resource) => `${resource.name}.csv`);
    expect(singular.map((file) => file.name)).toContain('organization.csv');
    const result = await importIt(core, { files: singular, apply: true });
    expect(result.counts.new).toBe(1);
    expect(notKeptTexts(result).sort()).toEqual(NOT_KEPT().sort());
    expectKept((await list(core))[0]);
    const plural = csvFiles(organization, (resource) => resource.path);
    expect((await importIt(core, { files: plural })).counts).toEqual({ new: 0, changed: 0, unchanged: 1 });
  });

  it('imports the package in the worker too (partners.importStart)', async () => {
    const core = await emptyStore({ worker: true });
    const files = csvFiles(fullOrganization(), (resource) => resource.path);
    let status = await callOk<PartnerImportStatus>(core, 'partners.importStart', { files, apply: true });
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await callOk<PartnerImportStatus>(core, 'partners.importStatus', { importId: status.importId });
    }
    expect(status.result?.counts.new).toBe(1);
    expect(status.result?.notKept).toHaveLength(NOT_KEPT().length);
    expectKept((await list(core))[0]);
  });
});
