import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { parseCsvRows } from '../../main/core/services/partner-import/parse';
import { readFileText } from '../../renderer/src/features/network/file-text';
import type { AuditEntry, MethodInput, Partner, PartnerImportResult, PartnerImportStatus } from '../../shared/api/contract';
import { importWorkerScript } from '../support/batch-worker';
import { openTestCore, partnerToInput, reopenCore } from '../support/core';
import { callOk, errorOf } from '../support/results';

/**
 * Sharing the directory between desks (DOMAIN.md: "Export and import HSDS
 * JSON"): what an export of one store does to another, how entries are
 * matched (by id, else by name with department and postcode), that a file
 * with one bad entry changes nothing, and the simple CSV list.
 */

interface Store {
  core: Core;
  /** The store's clock: move it with setTime to see whether a call writes. */
  clock: Date;
  dispose(): void;
}

const stores: Store[] = [];
function openStore(): Store {
  const clock = new Date('2026-11-25T10:00:00Z');
  const { core, dispose } = openTestCore(clock);
  const store = { core, clock, dispose };
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});

async function list(core: Core): Promise<Partner[]> {
  return (await callOk<{ items: Partner[] }>(core, 'partners.list', { includeArchived: true })).items;
}

async function importFile(core: Core, content: string, options: { apply?: boolean; format?: 'hsds' | 'csv' } = {}): Promise<PartnerImportResult> {
  return callOk<PartnerImportResult>(core, 'partners.import', { content, format: options.format ?? 'hsds', apply: options.apply ?? false });
}

async function exportFile(core: Core): Promise<string> {
  return (await callOk<{ content: string; fileName: string }>(core, 'partners.export', {})).content;
}

async function importLines(core: Core): Promise<AuditEntry[]> {
  return (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', { limit: 1000 })).items.filter((entry) => entry.action === 'partners.import');
}

/** A partner without the timestamps of the store it lives in. */
function content(partner: Partner): Omit<Partner, 'createdAt' | 'updatedAt'> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = partner;
  return rest;
}

async function emptyStore(): Promise<Store> {
  const store = openStore();
  for (const partner of await list(store.core)) await callOk(store.core, 'partners.delete', { id: partner.id });
  expect(await list(store.core)).toEqual([]);
  return store;
}

const CARITAS: MethodInput<'partners.create'> = {
  name: 'Caritasverband für die Region Düren-Jülich e. V.',
  department: 'Fachdienst Integration und Migration',
  description: 'Migrationsberatung, Flüchtlingsberatung und Integrationsagentur.',
  counselingFields: ['residence-title', 'duldung-gestattung'],
  address: { addition: 'Haus B, 2. Etage', street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
  postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' },
  openingHours: 'Mo–Fr 9–12 Uhr',
  phone: '02421 1234-0',
  email: 'migration@caritas-dn.de',
  website: 'www.caritas-dn.de',
  services: [
    {
      name: 'Flüchtlingsberatung',
      description: 'Asylverfahren, Duldung, Familiennachzug',
      counselingFields: ['duldung-gestattung'],
      languages: ['Arabisch', 'Türkisch'],
      eligibility: 'Geflüchtete ab 18 Jahren',
      minimumAge: 18,
      fees: 'kostenlos',
      applicationProcess: 'Termin per Telefon',
    },
    { name: 'Integrationsagentur', status: 'inactive' },
  ],
  contacts: [{ name: 'Frau Amira Haddad', role: 'Beraterin', phone: '02421 1234-12', email: 'a.haddad@caritas-dn.de' }, { name: 'Herr Jonas Becker' }],
  notes: 'Termine nur nach Vereinbarung.',
  assuredDate: '2026-10-01',
  assuredBy: 'Silke Nießen',
};

type HsdsRow = Record<string, unknown> & { id: string };
/** A full organization of the export, its services, contacts, phones and location nested. */
type HsdsOrganization = HsdsRow & {
  name: string;
  x_lotse_id?: string;
  services?: Array<HsdsRow & { languages?: Array<Record<string, unknown>> }>;
  contacts?: HsdsRow[];
  phones?: Array<Record<string, unknown>>;
  locations?: Array<HsdsRow & { addresses: Array<Record<string, unknown>> }>;
};
/** The export's JSON form: one page of the HSDS API's `/organizations`. */
interface HsdsFile {
  contents: HsdsOrganization[];
}

const parse = (text: string) => JSON.parse(text) as HsdsFile;
const organizationOf = (file: HsdsFile, lotseId: string) => file.contents.find((organization) => (organization.x_lotse_id ?? organization.id) === lotseId)!;

/** The same file with one organization under another id (as another desk might have it): the Lotse id it carried is gone too. */
function renumbered(file: HsdsFile, from: string, to: string): HsdsFile {
  const copy = structuredClone(file);
  const organization = organizationOf(copy, from);
  organization.id = to;
  delete organization.x_lotse_id;
  for (const row of [...(organization.services ?? []), ...(organization.contacts ?? []), ...(organization.locations ?? []), ...(organization.phones ?? [])])
    if ('organization_id' in row) row.organization_id = to;
  return copy;
}

describe('HSDS export from one store, import into another', () => {
  let a: Store;
  let b: Store;
  let caritas: Partner;
  let exported: string;

  beforeEach(async () => {
    a = openStore();
    caritas = await callOk<Partner>(a.core, 'partners.create', CARITAS);
    await callOk(a.core, 'partners.archive', { id: 'seed-low-tec' });
    exported = await exportFile(a.core);
    b = await emptyStore();
  });

  it('previews every entry as new and writes nothing', async () => {
    const preview = await importFile(b.core, exported);
    const aPartners = await list(a.core);
    expect(preview.applied).toBe(false);
    expect(preview.counts).toEqual({ new: aPartners.length, changed: 0, unchanged: 0 });
    expect(preview.items).toEqual(
      aPartners.map((partner) => ({ action: 'new', name: partner.name, department: partner.department, partnerId: null, matchedBy: null })),
    );
    expect(await list(b.core)).toEqual([]);
    expect(await importLines(b.core)).toEqual([]);
  });

  it('applied, gives the same directory: same ids, every field, services, contacts, post box, archived state', async () => {
    const aPartners = await list(a.core);
    b.clock.setTime(Date.parse('2026-11-26T08:00:00Z'));
    const result = await importFile(b.core, exported, { apply: true });
    expect(result.applied).toBe(true);
    expect(result.counts).toEqual({ new: aPartners.length, changed: 0, unchanged: 0 });
    expect(result.items.map((item) => item.partnerId)).toEqual(aPartners.map((partner) => partner.id));

    const bPartners = await list(b.core);
    expect(bPartners.map(content)).toEqual(aPartners.map(content));
    expect(bPartners.find((partner) => partner.id === caritas.id)).toMatchObject({ ...content(caritas), createdAt: '2026-11-26T08:00:00.000Z' });
    expect(bPartners.find((partner) => partner.id === 'seed-low-tec')?.archived).toBe(true);
    // The addition travels as HSDS's second address line.
    const location = organizationOf(parse(exported), caritas.id).locations?.[0];
    expect(location?.addresses[0]).toMatchObject({ address_type: 'physical', address_1: 'Kölnstraße 12', address_2: 'Haus B, 2. Etage' });

    const lines = await importLines(b.core);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.details).toEqual({ format: 'hsds', new: aPartners.length, changed: 0, unchanged: 0 });
  });

  it('imported twice, finds everything unchanged by id and writes nothing', async () => {
    await importFile(b.core, exported, { apply: true });
    const before = await list(b.core);
    b.clock.setTime(Date.parse('2026-12-01T08:00:00Z'));
    const again = await importFile(b.core, exported, { apply: true });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: before.length });
    expect(again.items).toEqual(
      before.map((partner) => ({ action: 'unchanged', name: partner.name, department: partner.department, partnerId: partner.id, matchedBy: 'id' })),
    );
    expect(await list(b.core)).toEqual(before);
    const lines = await importLines(b.core);
    expect(lines.map((line) => line.details)).toEqual([
      { format: 'hsds', new: 0, changed: 0, unchanged: before.length },
      { format: 'hsds', new: before.length, changed: 0, unchanged: 0 },
    ]);
  });

  it('finds exactly the one entry whose field changed in the file, and updates only that one', async () => {
    await importFile(b.core, exported, { apply: true });
    const before = await list(b.core);
    const file = parse(exported);
    organizationOf(file, caritas.id).email = 'beratung@caritas-dn.de';
    const changedText = JSON.stringify(file);

    const preview = await importFile(b.core, changedText);
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: before.length - 1 });
    expect(preview.items.filter((item) => item.action === 'changed')).toEqual([
      { action: 'changed', name: CARITAS.name, department: CARITAS.department ?? '', partnerId: caritas.id, matchedBy: 'id' },
    ]);
    expect(await list(b.core)).toEqual(before);

    b.clock.setTime(Date.parse('2026-12-01T08:00:00Z'));
    await importFile(b.core, changedText, { apply: true });
    const after = await list(b.core);
    const changed = after.find((partner) => partner.id === caritas.id)!;
    expect(changed).toEqual({ ...before.find((partner) => partner.id === caritas.id), email: 'beratung@caritas-dn.de', updatedAt: '2026-12-01T08:00:00.000Z' });
    expect(after.filter((partner) => partner.id !== caritas.id)).toEqual(before.filter((partner) => partner.id !== caritas.id));
  });

  it('notices a change in a service or a contact too', async () => {
    await importFile(b.core, exported, { apply: true });
    const file = parse(exported);
    organizationOf(file, caritas.id).services![0]!.languages!.push({ name: 'Kurdisch' });
    const result = await importFile(b.core, JSON.stringify(file), { apply: true });
    expect(result.items.filter((item) => item.action !== 'unchanged').map((item) => item.partnerId)).toEqual([caritas.id]);
    expect((await callOk<Partner>(b.core, 'partners.get', { id: caritas.id })).services[0]!.languages).toEqual(['Arabisch', 'Türkisch', 'Kurdisch']);
  });

  it('matches an entry with an unknown id by name, department and postcode, without a duplicate', async () => {
    await importFile(b.core, exported, { apply: true });
    const before = await list(b.core);
    const file = renumbered(parse(exported), caritas.id, 'other-desk-caritas');

    const same = await importFile(b.core, JSON.stringify(file));
    const item = same.items.find((candidate) => candidate.name === CARITAS.name);
    expect(item).toEqual({ action: 'unchanged', name: CARITAS.name, department: CARITAS.department ?? '', partnerId: caritas.id, matchedBy: 'name-postcode' });
    expect(same.counts).toEqual({ new: 0, changed: 0, unchanged: before.length });

    organizationOf(file, 'other-desk-caritas').phones = [{ number: '02421 5555' }];
    const changed = await importFile(b.core, JSON.stringify(file), { apply: true });
    expect(changed.items.find((candidate) => candidate.name === CARITAS.name)).toEqual({
      action: 'changed',
      name: CARITAS.name,
      department: CARITAS.department,
      partnerId: caritas.id,
      matchedBy: 'name-postcode',
    });
    const after = await list(b.core);
    expect(after.map((partner) => partner.id)).toEqual(before.map((partner) => partner.id));
    expect(after.find((partner) => partner.id === caritas.id)!.phone).toBe('02421 5555');
    expect(after.some((partner) => partner.id === 'other-desk-caritas')).toBe(false);
  });

  it('does not match by name when the department differs ("Kreis Düren" is two offices)', async () => {
    await importFile(b.core, exported, { apply: true });
    const file = renumbered(parse(exported), 'seed-auslaenderbehoerde', 'other-desk-abh');
    const result = await importFile(b.core, JSON.stringify(file));
    expect(result.items.find((item) => item.name === 'Kreis Düren' && item.matchedBy === 'name-postcode')?.partnerId).toBe('seed-auslaenderbehoerde');
    expect(result.items.filter((item) => item.partnerId === 'seed-ki-kreis-dueren')).toHaveLength(1);
    expect(result.counts.new).toBe(0);
  });

  it('lets two incoming entries with the same name and postcode claim one existing entry only once', async () => {
    await importFile(b.core, exported, { apply: true });
    const before = await list(b.core);
    const file = parse(exported);
    const twin = (id: string) => organizationOf(renumbered({ contents: [organizationOf(file, caritas.id)] }, caritas.id, id), id);
    const first = twin('desk-2-caritas');
    const second = twin('desk-3-caritas');
    // Services and contacts must not share ids with the first copy.
    for (const row of [...(second.services ?? []), ...(second.contacts ?? [])]) row.id = `${row.id}-3`;
    const both: HsdsFile = { contents: [first, second] };
    const preview = await importFile(b.core, JSON.stringify(both));
    expect(preview.items).toEqual([
      { action: 'unchanged', name: CARITAS.name, department: CARITAS.department ?? '', partnerId: caritas.id, matchedBy: 'name-postcode' },
      { action: 'new', name: CARITAS.name, department: CARITAS.department ?? '', partnerId: null, matchedBy: null },
    ]);
    const applied = await importFile(b.core, JSON.stringify(both), { apply: true });
    expect(applied.items[1]).toMatchObject({ action: 'new', partnerId: 'desk-3-caritas' });
    const after = await list(b.core);
    expect(after).toHaveLength(before.length + 1);
    expect(
      after
        .filter((partner) => partner.name === CARITAS.name)
        .map((partner) => partner.id)
        .sort(),
    ).toEqual([caritas.id, 'desk-3-caritas'].sort());
    // The existing entry was left as it was.
    expect(after.find((partner) => partner.id === caritas.id)).toEqual(before.find((partner) => partner.id === caritas.id));
  });

  it('carries the archived flag both ways', async () => {
    await importFile(b.core, exported, { apply: true });
    await callOk(a.core, 'partners.archive', { id: 'seed-low-tec', archived: false });
    await callOk(a.core, 'partners.archive', { id: caritas.id });
    const result = await importFile(b.core, await exportFile(a.core), { apply: true });
    expect(
      result.items
        .filter((item) => item.action === 'changed')
        .map((item) => item.partnerId)
        .sort(),
    ).toEqual([caritas.id, 'seed-low-tec'].sort());
    const after = await list(b.core);
    expect(after.find((partner) => partner.id === 'seed-low-tec')?.archived).toBe(false);
    expect(after.find((partner) => partner.id === caritas.id)?.archived).toBe(true);
    expect(after.map(content)).toEqual((await list(a.core)).map(content));
  });

  it('keeps the archived state when the file says nothing about it (an HSDS file from elsewhere)', async () => {
    await importFile(b.core, exported, { apply: true });
    const file = parse(exported);
    for (const organization of file.contents) delete organization.x_lotse_archived;
    const result = await importFile(b.core, JSON.stringify(file), { apply: true });
    expect(result.counts.changed).toBe(0);
    expect((await list(b.core)).find((partner) => partner.id === 'seed-low-tec')?.archived).toBe(true);
  });
});

describe('a file with a bad entry changes nothing', () => {
  let store: Store;
  let exported: string;
  let before: Partner[];

  beforeEach(async () => {
    store = openStore();
    await callOk(store.core, 'partners.create', CARITAS);
    exported = await exportFile(store.core);
    before = await list(store.core);
    store.clock.setTime(Date.parse('2026-12-01T08:00:00Z'));
  });

  async function refused(text: string): Promise<string> {
    const result = await dispatch(store.core, 'partners.import', { content: text, format: 'hsds', apply: true });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(await list(store.core)).toEqual(before);
    expect(await importLines(store.core)).toEqual([]);
    return error.message;
  }

  /** A file that would change and add entries – and then ends with `bad`. */
  function withGoodEntriesThen(bad: Record<string, unknown>): string {
    const file = parse(exported);
    file.contents[0]!.description = 'geändert';
    file.contents.push({ id: 'brand-new', name: 'Neue Beratungsstelle' });
    file.contents.push(bad as HsdsOrganization);
    return JSON.stringify(file);
  }

  it('refuses broken JSON', async () => {
    expect(await refused(exported.slice(0, 200))).toMatch(/kein gültiges JSON/);
  });

  it('refuses JSON that is no HSDS package', async () => {
    expect(await refused('{"hello":"world"}')).toContain('„organizations“');
    expect(await refused('null')).toContain('„organizations“');
    expect(await refused('[1,2]')).toContain('„organizations“');
  });

  it('refuses an organization without id, naming its place, even as the last of several', async () => {
    const file = withGoodEntriesThen({ name: 'Ohne Kennung' });
    const count = parse(file).contents.length;
    expect(await refused(file)).toBe(`Eintrag ${count} in „organizations“ hat keine id.`);
  });

  it('refuses an organization with an invalid e-mail address, naming it, even as the last of several', async () => {
    const message = await refused(withGoodEntriesThen({ id: 'bad-mail', name: 'Beratung Süd', email: 'beratung(at)sued.de' }));
    expect(message).toContain('„Beratung Süd“');
    expect(message).toContain('Bitte eine gültige E-Mail-Adresse angeben.');
  });

  it('refuses an invalid service or postcode, naming the organization', async () => {
    const file = parse(exported);
    file.contents.find((organization) => organization.services)!.services![0]!.name = '';
    expect(await refused(JSON.stringify(file))).toMatch(/^„.+“: services\.0\.name – Bitte ausfüllen\.$/);
    const postcode = parse(exported);
    postcode.contents.find((organization) => organization.locations)!.locations![0]!.addresses[0]!.postal_code = '5235';
    expect(await refused(JSON.stringify(postcode))).toContain('address.postalCode');
  });

  it('the preview refuses the same file the same way', async () => {
    const result = await dispatch(store.core, 'partners.import', { content: '{"hello":"world"}', format: 'hsds', apply: false });
    expect(errorOf(result).code).toBe('invalid_input');
  });

  it('refuses a file that names one organization id twice, before the preview', async () => {
    const before = await list(store.core);
    const text = JSON.stringify({
      organizations: [
        { id: 'twin', name: 'Eins' },
        { id: 'twin', name: 'Zwei' },
      ],
    });
    const error = errorOf(await dispatch(store.core, 'partners.import', { content: text }));
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('„twin“ zweimal') });
    expect(await list(store.core)).toEqual(before);
  });
});

/** The cells of each record, for comparing the parse with what a spreadsheet shows. */
const cellsOf = (content: string) => parseCsvRows(content).map((record) => record.cells);

describe('parseCsvRows', () => {
  it('tells the line each record starts on, past empty lines and line breaks in quotes', () => {
    expect(parseCsvRows('Name;Ort\nA;x\n\n"B\nC";y\nD;z').map((record) => record.line)).toEqual([1, 2, 4, 6]);
  });

  it('reads ";" (German spreadsheets) and ","', () => {
    expect(cellsOf('Name;PLZ\nA;52349\nB;52351\n')).toEqual([
      ['Name', 'PLZ'],
      ['A', '52349'],
      ['B', '52351'],
    ]);
    expect(cellsOf('Name,PLZ\nA,52349\nB,52351')).toEqual([
      ['Name', 'PLZ'],
      ['A', '52349'],
      ['B', '52351'],
    ]);
    // The separator comes from the first line: commas inside ";" files are text.
    expect(cellsOf('Name;Ort\nMüller, Meier & Co;Düren')).toEqual([
      ['Name', 'Ort'],
      ['Müller, Meier & Co', 'Düren'],
    ]);
  });

  it('handles quotes with separators, doubled quotes and line breaks inside', () => {
    const text = 'Name;Notiz;Ort\n"Verein ""Brücke"" e. V.";"eins; zwei\ndrei";Düren\n"";"";x\n';
    expect(cellsOf(text)).toEqual([
      ['Name', 'Notiz', 'Ort'],
      ['Verein "Brücke" e. V.', 'eins; zwei\ndrei', 'Düren'],
      ['', '', 'x'],
    ]);
    expect(cellsOf('a,"b,c",d')).toEqual([['a', 'b,c', 'd']]);
  });

  it('drops a byte-order mark, reads CRLF and CR, keeps empty cells, skips empty lines', () => {
    expect(cellsOf('\uFEFFName;PLZ\r\nA;\r\n\r\n;;\r\nB;52351\r\n')).toEqual([
      ['Name', 'PLZ'],
      ['A', ''],
      ['B', '52351'],
    ]);
    expect(cellsOf('Name;PLZ\rA;1')).toEqual([
      ['Name', 'PLZ'],
      ['A', '1'],
    ]);
    // A line break inside a cell reads as one "\n", whichever the file uses.
    expect(cellsOf('Name;Notiz\r\n"a\r\nb";c\r\n')).toEqual([
      ['Name', 'Notiz'],
      ['a\nb', 'c'],
    ]);
    expect(cellsOf('')).toEqual([]);
  });

  it('counts lines right past CRLF inside quotes and mixed line ends', () => {
    const text = 'Name;Notiz\r\n"a";"eins\r\nzwei\r\ndrei"\r\nb;c\nd;e\r\n\r\n"f\rg";h';
    expect(parseCsvRows(text)).toEqual([
      { line: 1, cells: ['Name', 'Notiz'] },
      { line: 2, cells: ['a', 'eins\nzwei\ndrei'] },
      { line: 5, cells: ['b', 'c'] },
      { line: 6, cells: ['d', 'e'] },
      { line: 8, cells: ['f\ng', 'h'] },
    ]);
  });

  it('reads a stray quote inside a cell and a short row as they stand', () => {
    expect(cellsOf('Name;Ort;PLZ\nTreff 5" e. V.;Düren\n')).toEqual([
      ['Name', 'Ort', 'PLZ'],
      ['Treff 5" e. V.', 'Düren'],
    ]);
  });

  it('refuses a quoted field that never ends', () => {
    expect(() => parseCsvRows('Name;Ort\n"offen;Düren\n')).toThrow(/Anführungszeichen/);
  });
});

describe('CSV import', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore();
  });

  const HEADER = 'Name;Straße;PLZ;Ort;Telefon;E-Mail';
  const CSV = [
    HEADER,
    'Beratungsstelle Süd;Markt 1;52349;Düren;02421 111;sued@example.de',
    '"Verein ""Brücke"" e. V.";"Kölnstraße 12, Hinterhaus";52351;Düren;;',
  ].join('\r\n');

  it('creates entries from name, address, phone and e-mail, and a second import finds them unchanged', async () => {
    const before = await list(store.core);
    const preview = await importFile(store.core, CSV, { format: 'csv' });
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0 });
    expect(await list(store.core)).toEqual(before);
    expect(await importLines(store.core)).toEqual([]);

    const applied = await importFile(store.core, CSV, { format: 'csv', apply: true });
    expect(applied.items.map((item) => [item.action, item.name])).toEqual([
      ['new', 'Beratungsstelle Süd'],
      ['new', 'Verein "Brücke" e. V.'],
    ]);
    const south = await callOk<Partner>(store.core, 'partners.get', { id: applied.items[0]!.partnerId! });
    expect(south).toMatchObject({
      name: 'Beratungsstelle Süd',
      department: '',
      address: { street: 'Markt 1', postalCode: '52349', city: 'Düren' },
      phone: '02421 111',
      email: 'sued@example.de',
      services: [],
      verification: 'unverified',
    });
    expect((await callOk<Partner>(store.core, 'partners.get', { id: applied.items[1]!.partnerId! })).address.street).toBe('Kölnstraße 12, Hinterhaus');
    expect(await list(store.core)).toHaveLength(before.length + 2);

    store.clock.setTime(Date.parse('2026-12-01T08:00:00Z'));
    const afterFirst = await list(store.core);
    const again = await importFile(store.core, CSV, { format: 'csv', apply: true });
    expect(again.items).toEqual(applied.items.map((item) => ({ ...item, action: 'unchanged', matchedBy: 'name-postcode' })));
    expect(await list(store.core)).toEqual(afterFirst);
    expect((await importLines(store.core)).map((line) => line.details)).toEqual([
      { format: 'csv', new: 0, changed: 0, unchanged: 2 },
      { format: 'csv', new: 2, changed: 0, unchanged: 0 },
    ]);
  });

  it('reads a comma file with other column names, a BOM and LF line ends', async () => {
    const text = '\uFEFFOrganisation,Adresse,Postleitzahl,Stadt,Tel,Mail\nWelcome Center,Theaterstraße 1,52062,Aachen,0241 1,info@wc.de\n';
    const result = await importFile(store.core, text, { format: 'csv', apply: true });
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0 });
    expect(await callOk<Partner>(store.core, 'partners.get', { id: result.items[0]!.partnerId! })).toMatchObject({
      name: 'Welcome Center',
      address: { street: 'Theaterstraße 1', postalCode: '52062', city: 'Aachen' },
      phone: '0241 1',
      email: 'info@wc.de',
    });
  });

  it('updates only address, phone and e-mail of a matching entry and keeps its services', async () => {
    const seed = await callOk<Partner>(store.core, 'partners.get', { id: 'seed-vhs-rur-eifel' });
    expect(seed.services.length).toBeGreaterThan(0);
    // The office has entered the postcode; the spreadsheet knows the rest of the address.
    const withPostcode = await callOk<Partner>(store.core, 'partners.update', {
      ...partnerToInput(seed),
      // The list has no column for the addition: the entry keeps it.
      address: { addition: 'Haus B', street: '', postalCode: '52349', city: '' },
      website: 'www.vhs-rur-eifel.de',
    });
    const text = `${HEADER}\nVolkshochschule Rur-Eifel;Violengasse 2;52349;Düren;02421 4940;info@vhs-rur-eifel.de\n`;
    const preview = await importFile(store.core, text, { format: 'csv' });
    expect(preview.items).toEqual([
      { action: 'changed', name: 'Volkshochschule Rur-Eifel', department: '', partnerId: 'seed-vhs-rur-eifel', matchedBy: 'name-postcode' },
    ]);

    const before = await list(store.core);
    store.clock.setTime(Date.parse('2026-12-01T08:00:00Z'));
    await importFile(store.core, text, { format: 'csv', apply: true });
    const after = await callOk<Partner>(store.core, 'partners.get', { id: 'seed-vhs-rur-eifel' });
    expect(after).toEqual({
      ...withPostcode,
      address: { addition: 'Haus B', street: 'Violengasse 2', postalCode: '52349', city: 'Düren' },
      phone: '02421 4940',
      email: 'info@vhs-rur-eifel.de',
      updatedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(after.services).toEqual(seed.services);
    expect((await list(store.core)).filter((partner) => partner.id !== 'seed-vhs-rur-eifel')).toEqual(
      before.filter((partner) => partner.id !== 'seed-vhs-rur-eifel'),
    );
  });

  it('fills in the address of a seeded entry that has no postcode yet, instead of adding a second one', async () => {
    const text = 'Name;Straße;PLZ;Ort\nVolkshochschule Rur-Eifel;Violengasse 2;52349;Düren\n';
    const result = await importFile(store.core, text, { format: 'csv', apply: true });
    expect(result.items).toEqual([
      { action: 'changed', name: 'Volkshochschule Rur-Eifel', department: '', partnerId: 'seed-vhs-rur-eifel', matchedBy: 'name-postcode' },
    ]);
    expect((await list(store.core)).filter((partner) => partner.name === 'Volkshochschule Rur-Eifel')).toHaveLength(1);
  });

  it('refuses a CSV without a Name column, and an empty one', async () => {
    const before = await list(store.core);
    const noName = errorOf(await dispatch(store.core, 'partners.import', { content: 'Straße;PLZ;Ort\nMarkt 1;52349;Düren\n', format: 'csv', apply: true }));
    expect(noName.code).toBe('invalid_input');
    expect(noName.message).toContain('„Name“');
    const empty = errorOf(await dispatch(store.core, 'partners.import', { content: '\uFEFF\r\n', format: 'csv', apply: true }));
    expect(empty).toMatchObject({ code: 'invalid_input', message: 'Die CSV-Datei ist leer.' });
    expect(await list(store.core)).toEqual(before);
  });

  it('refuses a file with an invalid row, naming its line, and imports none of its rows', async () => {
    const before = await list(store.core);
    const text = `${HEADER}\nBeratungsstelle Süd;Markt 1;52349;Düren;;\nBeratungsstelle Nord;Markt 2;12;Düren;;\nBeratungsstelle West;Markt 3;52351;Düren;;\n`;
    const error = errorOf(await dispatch(store.core, 'partners.import', { content: text, format: 'csv', apply: true }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Zeile 3: address.postalCode – Bitte eine fünfstellige Postleitzahl angeben.');
    expect(error.fields).toEqual({ content: error.message });
    const mail = errorOf(await dispatch(store.core, 'partners.import', { content: `${HEADER}\nA;;;;;kein-mail\n`, format: 'csv' }));
    expect(mail.message).toMatch(/^Zeile 2: email – /);
    expect(await list(store.core)).toEqual(before);
    expect(await importLines(store.core)).toEqual([]);
  });

  it('reads quoted names with ";" and cells with line breaks from a CRLF file with a BOM, naming lines as an editor counts them', async () => {
    const rows = ['Name;Straße;PLZ;Ort;Notiz', '"Beratung; Süd";"Markt 1";52349;Düren;"erste Zeile\r\nzweite Zeile"', '"Treff ""Mitte""";Markt 2;52351;Düren;'];
    const result = await importFile(store.core, `\uFEFF${rows.join('\r\n')}\r\n`, { format: 'csv', apply: true });
    expect(result.items.map((item) => item.name)).toEqual(['Beratung; Süd', 'Treff "Mitte"']);
    expect(await callOk<Partner>(store.core, 'partners.get', { id: result.items[0]!.partnerId! })).toMatchObject({
      address: { street: 'Markt 1', postalCode: '52349', city: 'Düren' },
    });

    const withBadRow = `${rows.join('\r\n')}\r\nTreff West;Markt 3;12;Düren;\r\n`;
    const error = errorOf(await dispatch(store.core, 'partners.import', { content: withBadRow, format: 'csv' }));
    expect(error.message).toMatch(/^Zeile 5:/);
  });

  it('imports an Excel CSV saved as Windows-1252, read as the network screen reads a file', async () => {
    const excel = 'Name;Straße;PLZ;Ort;Telefon;E-Mail\r\nBürgerbüro Düren;Kaiserplatz 2;52349;Düren;02421 250;buergerbuero@dueren.de\r\n';
    const bytes = Buffer.from(excel, 'latin1');
    expect(bytes).toContain(0xdf); // ß
    expect(bytes).toContain(0xfc); // ü
    const result = await importFile(store.core, await readFileText(new Blob([bytes])), { format: 'csv', apply: true });
    expect(result.items.map((item) => item.name)).toEqual(['Bürgerbüro Düren']);
    expect(await callOk<Partner>(store.core, 'partners.get', { id: result.items[0]!.partnerId! })).toMatchObject({
      address: { street: 'Kaiserplatz 2', postalCode: '52349', city: 'Düren' },
      phone: '02421 250',
    });
  });

  it('names the line of the file even after an empty line', async () => {
    const text = `${HEADER}\nBeratungsstelle Süd;Markt 1;52349;Düren;;\n\nBeratungsstelle Nord;Markt 2;12;Düren;;\n`;
    const error = errorOf(await dispatch(store.core, 'partners.import', { content: text, format: 'csv', apply: true }));
    expect(error.message).toMatch(/^Zeile 4:/);
  });
});

/** A file in the envelope older Lotse versions wrote (tables side by side, linked by organization_id), which the import still reads. */
interface OldEnvelope {
  organizations: Array<Record<string, unknown> & { id: string; name: string }>;
  services: Array<Record<string, unknown> & { id: string }>;
  contacts: Array<Record<string, unknown> & { id: string }>;
}
const parseOld = (text: string) => JSON.parse(text) as OldEnvelope;

const LONG_IDS_FILE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hsds-long-ids.json'), 'utf8');
const LONG_ORGANIZATION_ID = parseOld(LONG_IDS_FILE).organizations[0]!.id;
const importIds = (core: Core) => core.db.prepare('SELECT kind, source_id AS sourceId, local_id AS localId FROM import_ids ORDER BY kind').all();

describe('ids in a file that do not fit the contract (an 88-character organization id)', () => {
  it('imports the file with new ids, keeps the mapping, finds it unchanged the second time, and the list keeps working after a restart', async () => {
    expect(LONG_ORGANIZATION_ID).toHaveLength(88);
    const { core, dataDir, dispose } = openTestCore();
    let reopened: Core | undefined;
    try {
      const preview = await importFile(core, LONG_IDS_FILE);
      expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0 });
      expect(importIds(core)).toEqual([]);

      const applied = await importFile(core, LONG_IDS_FILE, { apply: true });
      expect(applied.counts).toEqual({ new: 2, changed: 0, unchanged: 0 });
      const imported = (await list(core)).find((partner) => partner.name.startsWith('Beratungsstelle für Zugewanderte'))!;
      expect(imported.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(applied.items.map((item) => item.partnerId)).toContain(imported.id);
      // The short id fits and is kept, so the other desk's next export matches by it.
      expect((await list(core)).some((partner) => partner.id === 'kurz-1')).toBe(true);
      const file = parseOld(LONG_IDS_FILE);
      expect(importIds(core)).toEqual([
        { kind: 'contact', sourceId: file.contacts[0]!.id, localId: imported.contacts[0]!.id },
        { kind: 'organization', sourceId: LONG_ORGANIZATION_ID, localId: imported.id },
        { kind: 'service', sourceId: file.services[0]!.id, localId: imported.services[0]!.id },
      ]);

      const again = await importFile(core, LONG_IDS_FILE, { apply: true });
      expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2 });
      expect(again.items.find((item) => item.partnerId === imported.id)?.matchedBy).toBe('id');
      // The entry can be named by every call again.
      await callOk(core, 'partners.archive', { id: imported.id, archived: true });
      await callOk(core, 'partners.archive', { id: imported.id, archived: false });

      core.close();
      reopened = reopenCore(dataDir);
      expect((await list(reopened)).find((partner) => partner.id === imported.id)).toEqual({ ...imported, updatedAt: expect.any(String) });
      expect((await importFile(reopened, LONG_IDS_FILE)).counts).toEqual({ new: 0, changed: 0, unchanged: 2 });
    } finally {
      reopened?.close();
      dispose();
    }
  });

  it('matches an entry found by name to its long id from then on', async () => {
    const store = openStore();
    const file = parseOld(LONG_IDS_FILE);
    const existing = await callOk<Partner>(store.core, 'partners.create', {
      name: file.organizations[0]!.name,
      address: { street: 'Domstraße 1', postalCode: '50667', city: 'Köln' },
    });
    const first = await importFile(store.core, LONG_IDS_FILE, { apply: true });
    expect(first.items[0]).toMatchObject({ action: 'changed', partnerId: existing.id, matchedBy: 'name-postcode' });
    const renamed = parseOld(LONG_IDS_FILE);
    renamed.organizations[0]!.name = 'Beratungsstelle für Zugewanderte Köln-Mitte';
    const second = await importFile(store.core, JSON.stringify(renamed));
    expect(second.items[0]).toMatchObject({ action: 'changed', partnerId: existing.id, matchedBy: 'id' });
  });

  it('refuses a file whose entry breaks a rule, naming the entry and the field, and saves nothing, not even the ids', async () => {
    const store = openStore();
    const before = await list(store.core);
    const file = parseOld(LONG_IDS_FILE);
    file.contacts[0]!.email = 'keine-adresse';
    const result = await dispatch(store.core, 'partners.import', { content: JSON.stringify(file), format: 'hsds', apply: true });
    const error = errorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('„Beratungsstelle für Zugewanderte (Import mit langer id)“: contacts.0.email – Bitte eine gültige E-Mail-Adresse angeben.');
    expect(await list(store.core)).toEqual(before);
    expect(importIds(store.core)).toEqual([]);
    expect(await importLines(store.core)).toEqual([]);
  });
});

/** Runs an import in the worker as the network screen does, asking for its status until it ends. */
async function importInWorker(core: Core, input: { content: string; apply: boolean }): Promise<{ final: PartnerImportStatus; seen: PartnerImportStatus[] }> {
  const seen = [await callOk<PartnerImportStatus>(core, 'partners.importStart', { ...input, format: 'hsds' })];
  while (seen.at(-1)!.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await dispatch(core, 'partners.importStatus', { importId: seen[0]!.importId });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error });
    seen.push(result.value as PartnerImportStatus);
  }
  return { final: seen.at(-1)!, seen };
}

/** An HSDS file of `count` new organizations. */
function manyOrganizations(count: number, prefix: string): string {
  return JSON.stringify({
    organizations: Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index}`, name: `${prefix} Beratungsstelle ${index}` })),
  });
}

describe('an import in a worker (partners.importStart, importStatus, importCancel)', () => {
  function workerStore(): Store {
    const clock = new Date('2026-11-25T10:00:00Z');
    const { core, dispose } = openTestCore(clock, { importWorkerScript: importWorkerScript() });
    const store = { core, clock, dispose };
    stores.push(store);
    return store;
  }

  it('gives the same result as partners.import, with progress on the way, and writes it when applied', async () => {
    const store = workerStore();
    const content = manyOrganizations(2000, 'Worker');
    const expected = await importFile(store.core, content);
    const { final, seen } = await importInWorker(store.core, { content, apply: false });
    expect(final).toMatchObject({ state: 'done', done: 2000, total: 2000 });
    expect(final.result).toEqual(expected);
    expect(seen.every((status, index) => index === 0 || status.done >= seen[index - 1]!.done)).toBe(true);
    expect((await list(store.core)).filter((partner) => partner.name.startsWith('Worker'))).toEqual([]);

    const applied = await importInWorker(store.core, { content, apply: true });
    expect(applied.final.result?.counts).toEqual({ new: 2000, changed: 0, unchanged: 0 });
    expect((await list(store.core)).filter((partner) => partner.name.startsWith('Worker'))).toHaveLength(2000);
    expect(await importLines(store.core)).toHaveLength(1);
  });

  it('writes nothing when cancelled', async () => {
    const store = workerStore();
    const before = await list(store.core);
    const started = await callOk<PartnerImportStatus>(store.core, 'partners.importStart', { content: manyOrganizations(20000, 'Abbruch'), apply: true });
    const cancelled = await callOk<PartnerImportStatus>(store.core, 'partners.importCancel', { importId: started.importId });
    expect(cancelled.state).toBe('cancelled');
    // Long enough for the worker to have finished, had it not been stopped.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await callOk<PartnerImportStatus>(store.core, 'partners.importStatus', { importId: started.importId })).toMatchObject({ state: 'cancelled' });
    expect(await list(store.core)).toEqual(before);
    expect(await importLines(store.core)).toEqual([]);
  });

  it('answers a refused file with the refusal, as partners.import does', async () => {
    const store = workerStore();
    const file = parseOld(LONG_IDS_FILE);
    file.contacts[0]!.email = 'keine-adresse';
    const content = JSON.stringify(file);
    const direct = errorOf(await dispatch(store.core, 'partners.import', { content, format: 'hsds', apply: true }));
    const failure = await importInWorker(store.core, { content, apply: true }).catch((error: { apiError?: unknown }) => error.apiError);
    expect(failure).toEqual(direct);
  });

  it('refuses to write a plan when the directory changed meanwhile', async () => {
    const store = workerStore();
    const started = await callOk<PartnerImportStatus>(store.core, 'partners.importStart', { content: manyOrganizations(3000, 'Spät'), apply: true });
    await callOk(store.core, 'partners.create', { name: 'Inzwischen angelegt' });
    const before = await list(store.core);
    const failure = await (async () => {
      for (;;) {
        const result = await dispatch(store.core, 'partners.importStatus', { importId: started.importId });
        if (!result.ok) return result.error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    expect(failure).toMatchObject({ code: 'conflict', message: expect.stringContaining('während der Prüfung geändert') });
    expect(await list(store.core)).toEqual(before);
  });
});
