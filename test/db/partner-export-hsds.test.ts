import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { hsdsIdOf, isUuid } from '../../main/core/services/hsds-ids';
import type { AuditEntry, MethodInput, Partner } from '../../shared/api/contract';
import { openTestCore } from '../support/core';
import { callOk } from '../support/results';

/**
 * Issue 15: what `partners.export` writes is HSDS 3.0 that HSDS tools
 * accept. Every organization of the JSON form (with everything nested in
 * it) and every row of every table of the tabular package is checked with
 * Ajv (JSON Schema 2020-12, formats on) against the specification's own
 * schemas (test/fixtures/hsds-3.0, copied unchanged), with no finding.
 */

const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hsds-3.0');
const BASE = 'https://lotse.invalid/hsds-3.0/schema/';

type Obj = Record<string, unknown>;

function loadAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const files = fs.readdirSync(path.join(SPEC, 'schema')).filter((file) => file.endsWith('.json') && file !== 'openapi.json');
  // Every schema file, each under its own name, so the `$ref`s between them resolve.
  for (const file of files) ajv.addSchema({ ...JSON.parse(fs.readFileSync(path.join(SPEC, 'schema', file), 'utf8')), $id: `${BASE}${file}` });
  const openapi = JSON.parse(fs.readFileSync(path.join(SPEC, 'schema/openapi.json'), 'utf8'));
  // The API's `GET /organizations` answer: the Page object with `contents`, here of full organizations.
  const page = ajv.compile({
    $id: `${BASE}organizations-page`,
    allOf: [openapi.components.schemas.Page],
    properties: { contents: { type: 'array', items: { $ref: 'organization.json' } } },
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  });
  const validators = new Map<string, ValidateFunction>(files.map((file) => [file.replace('.json', ''), ajv.getSchema(`${BASE}${file}`)!]));
  return { ajv, validators, page };
}

const { ajv, validators, page: pageValidator } = loadAjv();

/** Counts what was validated, and collects every finding with where it was. */
class Findings {
  readonly counts = new Map<string, number>();
  readonly errors: string[] = [];
  check(schema: string, value: unknown, where: string) {
    const validate = validators.get(schema)!;
    this.counts.set(schema, (this.counts.get(schema) ?? 0) + 1);
    if (!validate(value)) this.errors.push(`${where} (${schema}): ${ajv.errorsText(validate.errors)}`);
  }
  get total() {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
}

const hostile = `Sag "Hallo" & <html><script>alert('x')</script></html>, ${'🙂'} Zeile\r\nzwei; "zitiert", Komma,`;

const RICH_PARTNER: MethodInput<'partners.create'> = {
  name: `Beratungsstelle "Brücke" <b>e. V.</b> 🌉`,
  department: 'Team Zuwanderung, Haus "B"',
  description: hostile,
  counselingFields: ['recognition', 'language-courses'],
  address: { addition: 'c/o Bürgerhaus', street: 'Kölnstraße 10', postalCode: '52351', city: 'Düren' },
  postbox: { label: 'Postfach 10 02 33', postalCode: '52302', city: 'Düren' },
  openingHours: 'Mo–Do 9–12 Uhr, Di 14–17 Uhr\nFr nach Vereinbarung',
  phone: '+49 2421 22-0',
  email: 'info@bruecke-dueren.de',
  website: 'www.bruecke-dueren.de',
  services: [
    {
      name: 'Anerkennungsberatung',
      description: hostile,
      status: 'active',
      counselingFields: ['recognition'],
      eligibility: 'Erwachsene ab 18 Jahren',
      minimumAge: 18,
      maximumAge: null,
      languages: ['Deutsch', 'Arabisch', 'Türkisch', 'Arabisch'],
      fees: 'kostenlos',
      applicationProcess: 'Termin per Telefon',
    },
    {
      name: 'Sprachcafé <i>international</i>',
      status: 'inactive',
      counselingFields: ['language-courses'],
      minimumAge: 12,
      maximumAge: 27,
      languages: [],
    },
  ],
  contacts: [
    { name: 'Frau Dr. Aylin Kaya', role: 'Teamleitung', formOfAddress: 'Frau', title: 'Dr.', phone: '02421 123/45', email: 'a.kaya@bruecke-dueren.de' },
    { name: 'Herr Jonas Müller', role: '', formOfAddress: 'Herr', phone: '(02421) 987-6', email: 'jonas.müller@bruecke-dueren.de' },
    { name: 'Sekretariat', phone: '', email: '' },
  ],
  notes: `${hostile} ${'Notiz 📝 '.repeat(600)}`.slice(0, 5000),
  assuredDate: '2026-10-01',
  assuredBy: 'K. Beispiel',
};

/** An entry HSDS can say little about: a city without street or postcode, a post box without postcode, a website that is no URL. */
const SPARSE_PARTNER: MethodInput<'partners.create'> = {
  name: 'Nachbarschaftshilfe',
  address: { addition: '', street: '', postalCode: '', city: 'Kreuzau' },
  postbox: { label: 'Postfach 12', postalCode: '', city: 'Kreuzau' },
  website: 'siehe Aushang im Rathaus',
};

let core: Core;
let dispose: () => void;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-11-25T10:00:00Z');
  ({ core, dispose } = openTestCore(clock));
  await callOk(core, 'partners.create', RICH_PARTNER);
  await callOk(core, 'partners.create', SPARSE_PARTNER);
});
afterEach(() => dispose());

interface Exported {
  fileName: string;
  mimeType: string;
  content: string;
  encoding: 'utf8' | 'base64';
}
const exportAs = (form?: 'hsds-organizations' | 'hsds-package') => callOk<Exported>(core, 'partners.export', form ? { form } : {});

async function partners(): Promise<Partner[]> {
  return (await callOk<{ items: Partner[] }>(core, 'partners.list', { includeArchived: true })).items;
}

/** Every HSDS object nested in an organization, with the schema it must meet. */
function checkOrganization(findings: Findings, organization: Obj, where: string) {
  findings.check('organization', organization, where);
  const list = (value: unknown) => (Array.isArray(value) ? (value as Obj[]) : []);
  for (const phone of list(organization.phones)) findings.check('phone', phone, `${where}.phones`);
  for (const contact of list(organization.contacts)) {
    findings.check('contact', contact, `${where}.contacts`);
    for (const phone of list(contact.phones)) findings.check('phone', phone, `${where}.contacts.phones`);
  }
  for (const location of list(organization.locations)) {
    findings.check('location', location, `${where}.locations`);
    for (const address of list(location.addresses)) findings.check('address', address, `${where}.locations.addresses`);
    for (const schedule of list(location.schedules)) findings.check('schedule', schedule, `${where}.locations.schedules`);
  }
  for (const service of list(organization.services)) {
    findings.check('service', service, `${where}.services`);
    for (const language of list(service.languages)) findings.check('language', language, `${where}.services.languages`);
  }
}

function unzip(content: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(Buffer.from(content, 'base64'))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; foreignKeys?: Array<{ fields: string; reference: { resource: string } }> };
}

/** A CSV row back as the typed object it stands for: by the field types of datapackage.json, an empty cell = absent. */
function typedRow(fields: Field[], row: Record<string, string>): Obj {
  const object: Obj = {};
  for (const field of fields) {
    const text = row[field.name];
    if (text === undefined || text === '') continue;
    object[field.name] =
      field.type === 'number'
        ? Number(text)
        : field.type === 'boolean'
          ? text === 'true'
          : field.type === 'array' || field.type === 'object'
            ? JSON.parse(text)
            : text;
  }
  return object;
}

describe('the validator', () => {
  it('finds what the old export got wrong, so its silence means something', () => {
    const findings = new Findings();
    findings.check('organization', { id: 'seed-iq', name: 'IQ Netzwerk NRW', description: '', email: '' }, 'old');
    findings.check('address', { address_type: 'physical', address_1: 'Bismarckstr. 16', postal_code: '52351', city: 'Düren', country: 'DE' }, 'old');
    findings.check('service', { id: 'seed-iq-service-1', name: 'Beratung', status: 'active', minimum_age: null }, 'old');
    expect(findings.errors.join('\n')).toMatch(
      /must match format "uuid"[\s\S]*must match format "email"[\s\S]*must have required property 'id'[\s\S]*state_province[\s\S]*must be number/,
    );
  });
});

describe('partners.export: the JSON form (full organizations as one /organizations page)', () => {
  it('is the default and validates against the HSDS 3.0 schemas with no finding', async () => {
    const exported = await exportAs();
    expect(exported).toMatchObject({ fileName: 'netzwerk-hsds-2026-11-25.json', mimeType: 'application/json', encoding: 'utf8' });
    const page = JSON.parse(exported.content) as Obj & { contents: Obj[] };
    const all = await partners();
    expect(page).toMatchObject({ total_items: all.length, total_pages: 1, page_number: 1, size: all.length, first_page: true, last_page: true, empty: false });
    expect(pageValidator(page), ajv.errorsText(pageValidator.errors)).toBe(true);

    const findings = new Findings();
    page.contents.forEach((organization, index) => checkOrganization(findings, organization, `contents[${index}]`));
    console.log(
      `HSDS JSON form: ${findings.total} objects validated (${[...findings.counts].map(([schema, count]) => `${schema} ${count}`).join(', ')}), errors: ${findings.errors.length}`,
    );
    expect(findings.errors).toEqual([]);
    // Each kind of object was there to be checked.
    for (const schema of ['organization', 'service', 'contact', 'phone', 'location', 'address', 'schedule', 'language'])
      expect(findings.counts.get(schema)).toBeGreaterThan(0);
  });

  it('gives every object a UUID, keeps the Lotse id beside a derived one, and leaves empty optional fields out', async () => {
    const page = JSON.parse((await exportAs('hsds-organizations')).content) as { contents: Obj[] };
    const text = JSON.stringify(page);
    for (const [, id] of text.matchAll(/"id":"([^"]*)"/g)) expect(isUuid(id!)).toBe(true);
    expect(text).not.toMatch(/:null|:""/);

    const all = await partners();
    const seeded = all.find((partner) => partner.id.startsWith('seed-'))!;
    const organization = page.contents.find((candidate) => candidate.x_lotse_id === seeded.id)!;
    expect(organization.id).toBe(hsdsIdOf('organization', seeded.id));

    const rich = all.find((partner) => partner.name === RICH_PARTNER.name)!;
    const richOrg = page.contents.find((candidate) => candidate.name === rich.name) as Obj & { services: Obj[]; contacts: Obj[]; locations: Obj[] };
    // Lotse's own ids are UUIDs already: kept, so no x_lotse_id.
    expect(richOrg.id).toBe(rich.id);
    expect(richOrg.x_lotse_id).toBeUndefined();
    expect(richOrg).toMatchObject({
      description: hostile,
      email: 'info@bruecke-dueren.de',
      website: 'https://www.bruecke-dueren.de',
      x_lotse_website: 'www.bruecke-dueren.de',
      x_lotse_department: RICH_PARTNER.department,
      x_lotse_notes: RICH_PARTNER.notes,
      x_lotse_assured_date: '2026-10-01',
      x_lotse_assured_by: 'K. Beispiel',
      x_lotse_archived: false,
      x_lotse_counseling_fields: ['recognition', 'language-courses'],
    });
    expect(richOrg.services.map((service) => [service.name, service.status, service.minimum_age, service.maximum_age])).toEqual([
      ['Anerkennungsberatung', 'active', 18, undefined],
      ['Sprachcafé <i>international</i>', 'inactive', 12, 27],
    ]);
    expect((richOrg.services[0]!.languages as Obj[]).map((language) => language.name)).toEqual(['Deutsch', 'Arabisch', 'Türkisch', 'Arabisch']);
    expect(new Set((richOrg.services[0]!.languages as Obj[]).map((language) => language.id)).size).toBe(4);
    expect(richOrg.services[1]).not.toHaveProperty('description');
    expect(richOrg.services[1]).not.toHaveProperty('languages');
    // An address Lotse accepts but the `email` format does not stays for Lotse, outside `email`.
    expect(richOrg.contacts[1]).toMatchObject({ x_lotse_email: 'jonas.müller@bruecke-dueren.de' });
    expect(richOrg.contacts[1]).not.toHaveProperty('email');
    expect(richOrg.contacts[2]).toEqual({ id: rich.contacts[2]!.id, organization_id: rich.id, name: 'Sekretariat' });
    const addresses = richOrg.locations[0]!.addresses as Obj[];
    expect(addresses.map((address) => [address.address_type, address.address_1, address.postal_code, address.state_province, address.country])).toEqual([
      ['physical', 'Kölnstraße 10', '52351', 'Nordrhein-Westfalen', 'DE'],
      ['postal', 'Postfach 10 02 33', '52302', 'Nordrhein-Westfalen', 'DE'],
    ]);
    expect(richOrg.locations[0]!.schedules).toEqual([
      { id: expect.any(String), location_id: richOrg.locations[0]!.id, description: RICH_PARTNER.openingHours },
    ]);

    const sparse = page.contents.find((candidate) => candidate.name === 'Nachbarschaftshilfe') as Obj & { locations: Obj[] };
    expect(sparse).toMatchObject({ description: 'Nachbarschaftshilfe', x_lotse_website: 'siehe Aushang im Rathaus' });
    expect(sparse).not.toHaveProperty('website');
    expect(sparse.locations[0]).toMatchObject({ x_lotse_address: { city: 'Kreuzau' }, x_lotse_postbox: { label: 'Postfach 12', city: 'Kreuzau' } });
    expect(sparse.locations[0]).not.toHaveProperty('addresses');
  });

  it('names the Land of each address by its postcode, and the office’s Land where the postcode does not tell', async () => {
    await callOk(core, 'partners.create', {
      name: 'IHK FOSA',
      address: { addition: '', street: 'Ulmenstraße 52g', postalCode: '90443', city: 'Nürnberg' },
      postbox: { label: 'Postfach 81 01 51', postalCode: '90246', city: 'Nürnberg' },
    });
    const page = JSON.parse((await exportAs()).content) as { contents: Array<Obj & { locations: Array<{ addresses: Obj[] }> }> };
    const fosa = page.contents.find((organization) => organization.name === 'IHK FOSA')!;
    // 90443 lies in Bayern; the post box's postcode is a large-customer one the postcode table has not, so the office's Land (52351 Düren) stands.
    expect(fosa.locations[0]!.addresses.map((address) => [address.postal_code, address.state_province])).toEqual([
      ['90443', 'Bayern'],
      ['90246', 'Nordrhein-Westfalen'],
    ]);
  });

  it('writes the organization the README shows (its lists cut short there)', async () => {
    const readme = fs.readFileSync(path.join(SPEC, '../../../README.md'), 'utf8');
    const block = /A trimmed organization of the seeded directory[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme);
    const example = JSON.parse(block![1]!) as Obj;
    const page = JSON.parse((await exportAs()).content) as { contents: Obj[] };
    const exported = page.contents.find((organization) => organization.id === example.id);
    // Lists as long as the example's, every key the example has, with its value.
    const like = (actual: unknown, shown: unknown): unknown =>
      Array.isArray(shown)
        ? (actual as unknown[]).slice(0, shown.length).map((item, index) => like(item, shown[index]))
        : shown !== null && typeof shown === 'object'
          ? Object.fromEntries(Object.keys(shown).map((key) => [key, like((actual as Obj)[key], (shown as Obj)[key])]))
          : actual;
    expect(like(exported, example)).toEqual(example);
  });

  it('is byte-identical when exported again, and writes its audit line with the form', async () => {
    const first = await exportAs('hsds-organizations');
    clock.setTime(clock.getTime() + 60_000);
    const second = await exportAs('hsds-organizations');
    expect(second.content).toBe(first.content);
    const lines = (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', { limit: 100 })).items.filter((entry) => entry.action === 'partners.export');
    expect(lines[0]!.details).toMatchObject({ form: 'hsds-organizations', partners: (await partners()).length });
  });
});

describe('partners.export: the tabular data package (ZIP of CSVs with datapackage.json)', () => {
  it('holds every table of the spec, with the spec’s fields, and every row validates with no finding', async () => {
    const exported = await exportAs('hsds-package');
    expect(exported).toMatchObject({ fileName: 'netzwerk-hsds-2026-11-25.zip', mimeType: 'application/zip', encoding: 'base64' });
    const files = unzip(exported.content);
    const descriptor = JSON.parse(files['datapackage.json']!) as { profile: string; created: string; resources: Resource[] };
    const spec = JSON.parse(fs.readFileSync(path.join(SPEC, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', created: '2026-11-25T10:00:00.000Z' });
    // The spec's resources, in its order, each with its file and its fields (name, type, format, required, enum); Lotse's x_lotse_* after them.
    expect(descriptor.resources.map((resource) => [resource.name, resource.path])).toEqual(spec.resources.map((resource) => [resource.name, resource.path]));
    const shape = (field: Field) => [field.name, field.type, field.format ?? null, field.constraints?.required ?? false, field.constraints?.enum ?? null];
    for (const [index, resource] of descriptor.resources.entries()) {
      const specFields = spec.resources[index]!.schema.fields;
      expect(resource.schema.fields.slice(0, specFields.length).map(shape)).toEqual(specFields.map(shape));
      expect(resource.schema.fields.slice(specFields.length).every((field) => field.name.startsWith('x_lotse_'))).toBe(true);
      expect(resource.schema.foreignKeys ?? []).toEqual(spec.resources[index]!.schema.foreignKeys ?? []);
    }
    expect(Object.keys(files).sort()).toEqual(['datapackage.json', ...spec.resources.map((resource) => resource.path)].sort());

    const findings = new Findings();
    const ids = new Map<string, Set<string>>();
    const rowsOf = new Map<string, Obj[]>();
    for (const resource of descriptor.resources) {
      const records = parse(files[resource.path]!, { columns: true, bom: false, relax_quotes: false }) as Array<Record<string, string>>;
      expect(Object.keys(records[0] ?? {}).length === 0 || Object.keys(records[0]!).join() === resource.schema.fields.map((field) => field.name).join()).toBe(
        true,
      );
      expect(files[resource.path]!.split('\r\n')[0]).toBe(resource.schema.fields.map((field) => field.name).join(','));
      const rows = records.map((record) => typedRow(resource.schema.fields, record));
      rows.forEach((row, index) => findings.check(resource.name, row, `${resource.path} row ${index + 2}`));
      ids.set(resource.name, new Set(rows.map((row) => row.id as string)));
      expect(ids.get(resource.name)!.size).toBe(rows.length);
      rowsOf.set(resource.name, rows);
    }
    console.log(
      `HSDS tabular form: ${findings.total} rows validated (${[...findings.counts]
        .filter(([, count]) => count > 0)
        .map(([schema, count]) => `${schema} ${count}`)
        .join(', ')}), errors: ${findings.errors.length}`,
    );
    expect(findings.errors).toEqual([]);
    // Every link points at a row of the table it names.
    for (const resource of descriptor.resources) {
      for (const key of resource.schema.foreignKeys ?? []) {
        for (const row of rowsOf.get(resource.name)!) {
          if (row[key.fields] !== undefined)
            expect(ids.get(key.reference.resource)!.has(row[key.fields] as string), `${resource.name}.${key.fields}`).toBe(true);
        }
      }
    }
    // The hostile text came through the CSV unchanged.
    const rich = rowsOf.get('organization')!.find((row) => row.name === RICH_PARTNER.name)!;
    expect(rich).toMatchObject({
      description: hostile,
      x_lotse_notes: RICH_PARTNER.notes,
      x_lotse_counseling_fields: ['recognition', 'language-courses'],
      x_lotse_archived: false,
    });
    for (const table of ['organization', 'service', 'contact', 'phone', 'location', 'address', 'schedule', 'language'])
      expect(rowsOf.get(table)!.length).toBeGreaterThan(0);
  });

  it('says the same as the JSON form', async () => {
    const page = JSON.parse((await exportAs('hsds-organizations')).content) as { contents: Array<Obj & { services?: Obj[]; contacts?: Obj[] }> };
    const files = unzip((await exportAs('hsds-package')).content);
    const organizations = parse(files['organizations.csv']!, { columns: true }) as Array<Record<string, string>>;
    expect(organizations.map((row) => row.id)).toEqual(page.contents.map((organization) => organization.id));
    const services = parse(files['services.csv']!, { columns: true }) as Array<Record<string, string>>;
    expect(services.map((row) => row.id)).toEqual(page.contents.flatMap((organization) => (organization.services ?? []).map((service) => service.id)));
  });

  it('is the same ZIP again, apart from the time in datapackage.json', async () => {
    const first = await exportAs('hsds-package');
    const same = await exportAs('hsds-package');
    expect(same.content).toBe(first.content);
    clock.setTime(clock.getTime() + 3_600_000);
    const later = unzip((await exportAs('hsds-package')).content);
    const earlier = unzip(first.content);
    for (const [name, text] of Object.entries(earlier)) {
      if (name === 'datapackage.json') expect(later[name]!.replace(/"created": "[^"]*"/, '')).toBe(text.replace(/"created": "[^"]*"/, ''));
      else expect(later[name]).toBe(text);
    }
    expect(later['datapackage.json']).toContain('"created": "2026-11-25T11:00:00.000Z"');
  });
});
