import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { AuditEntry, Client, MethodInput, Partner } from '../../shared/api/contract';
import { hasPostalAddress } from '../../shared/domain/postal-address';
import { openTestCore, partnerToInput, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf, valueOf } from '../support/results';

/**
 * The network directory (DOMAIN.md "Partner agencies"): seeded actors,
 * create/update/archive/delete through dispatch, the verification state from
 * the assured date, and the list filters. Today is 2026-11-25 (the fixed
 * clock of openTestCore).
 */

const TODAY = '2026-11-25';

/** The actors DOMAIN.md names, with the stable ids migration 0030 gives them. */
const SEED_IDS = [
  'seed-job-com',
  'seed-ki-kreis-dueren',
  'seed-jmd',
  'seed-mbe',
  'seed-iq',
  'seed-vhs-rur-eifel',
  'seed-agentur-fuer-arbeit',
  'seed-auslaenderbehoerde',
  'seed-ihk-fosa',
  'seed-hwk',
  'seed-integrationskurstraeger',
  'seed-bildungstraeger',
  'seed-low-tec',
];

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

const ids = (partners: Partner[]) => partners.map((partner) => partner.id).sort();

async function list(filter: MethodInput<'partners.list'> = {}): Promise<Partner[]> {
  return (await callOk<{ items: Partner[] }>(core, 'partners.list', filter)).items;
}

async function create(input: MethodInput<'partners.create'>): Promise<Partner> {
  return callOk<Partner>(core, 'partners.create', input);
}

async function audit(): Promise<AuditEntry[]> {
  return (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', { limit: 1000 })).items;
}

const COMPLETE: MethodInput<'partners.create'> = {
  name: 'Caritasverband für die Region Düren-Jülich e. V.',
  department: 'Fachdienst Integration und Migration',
  description: 'Migrationsberatung, Flüchtlingsberatung und Integrationsagentur.',
  counselingFields: ['residence-title'],
  address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
  postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' },
  openingHours: 'Mo–Fr 9–12 Uhr',
  phone: '02421 1234-0',
  email: 'migration@caritas-dn.de',
  website: 'www.caritas-dn.de',
  services: [
    {
      name: 'Flüchtlingsberatung',
      counselingFields: ['duldung-gestattung'],
      languages: ['Arabisch', 'Türkisch'],
      eligibility: 'Geflüchtete jeden Alters',
      minimumAge: 18,
      fees: 'kostenlos',
    },
    { name: 'Integrationsagentur', status: 'inactive' },
  ],
  contacts: [{ name: 'Frau Amira Haddad', role: 'Beraterin', phone: '02421 1234-12', email: 'a.haddad@caritas-dn.de' }, { name: 'Herr Jonas Becker' }],
  notes: 'Termine nur nach Vereinbarung.',
  assuredDate: TODAY,
  assuredBy: 'Silke Nießen',
};

describe('seeds on a fresh store', () => {
  it('holds every actor DOMAIN.md names, unverified and without an assured date', async () => {
    const partners = await list({ includeArchived: true });
    expect(ids(partners)).toEqual([...SEED_IDS].sort());
    for (const partner of partners) {
      expect(partner, partner.id).toMatchObject({ verification: 'unverified', assuredDate: null, assuredBy: '', archived: false });
      expect(partner.name.trim()).not.toBe('');
    }
    // The default list (archived left out) shows them all too.
    expect(ids(await list())).toEqual([...SEED_IDS].sort());
    expect(await list({ verification: 'verified' })).toEqual([]);
  });

  it('fills only what DOMAIN.md gives: job-com with its team, the JMD for 12 to 27, the Kreis twice by department', async () => {
    const jobCom = await callOk<Partner>(core, 'partners.get', { id: 'seed-job-com' });
    expect(jobCom).toMatchObject({
      department: 'Team Zuwanderung',
      phone: '',
      email: '',
      address: { street: 'Bismarckstr. 16', postalCode: '52351', city: 'Düren' },
    });
    expect(jobCom.services.map((service) => service.id)).toEqual(['seed-job-com-service-1', 'seed-job-com-service-2', 'seed-job-com-service-3']);
    const jmd = await callOk<Partner>(core, 'partners.get', { id: 'seed-jmd' });
    expect(jmd.services[0]).toMatchObject({ minimumAge: 12, maximumAge: 27 });
    expect(jmd.department).toBe('SkF Düren');
    const kreis = (await list()).filter((partner) => partner.name === 'Kreis Düren');
    expect(kreis.map((partner) => partner.department).sort()).toEqual(['Ausländerbehörde', 'Kommunales Integrationszentrum']);
  });
});

describe('partners.create, get and update', () => {
  it('stores every field and gives each service and contact an id', async () => {
    const partner = await create(COMPLETE);
    expect(partner).toMatchObject({ ...COMPLETE, services: [expect.any(Object), expect.any(Object)], contacts: [expect.any(Object), expect.any(Object)] });
    expect(partner).toMatchObject({ archived: false, verification: 'verified', createdAt: '2026-11-25T10:00:00.000Z', updatedAt: '2026-11-25T10:00:00.000Z' });
    const serviceIds = partner.services.map((service) => service.id);
    const contactIds = partner.contacts.map((contact) => contact.id);
    for (const id of [partner.id, ...serviceIds, ...contactIds]) expect(id).toMatch(/^\S+$/);
    expect(new Set([partner.id, ...serviceIds, ...contactIds]).size).toBe(5);
    // Defaults filled in for what was left out.
    expect(partner.services[1]).toMatchObject({ status: 'inactive', languages: [], counselingFields: [], minimumAge: null, description: '' });
    expect(partner.contacts[1]).toMatchObject({ role: '', phone: '', email: '' });
    expect(await callOk(core, 'partners.get', { id: partner.id })).toEqual(partner);
    expect(countRows(core, 'partners')).toBe(SEED_IDS.length + 1);
  });

  it('keeps the ids of services and contacts on update and gives new ones theirs', async () => {
    const partner = await create(COMPLETE);
    const updated = await callOk<Partner>(core, 'partners.update', {
      ...partnerToInput(partner),
      services: [{ ...partner.services[0]!, name: 'Flüchtlingsberatung (Asylverfahren)' }, { name: 'Sprachcafé' }],
      contacts: [partner.contacts[1]!],
    });
    expect(updated.id).toBe(partner.id);
    expect(updated.services[0]).toMatchObject({ id: partner.services[0]!.id, name: 'Flüchtlingsberatung (Asylverfahren)' });
    expect(updated.services[1]!.id).not.toBe(partner.services[1]!.id);
    expect(updated.services[1]!.name).toBe('Sprachcafé');
    expect(updated.contacts).toEqual([partner.contacts[1]]);
    expect(updated.createdAt).toBe(partner.createdAt);
    expect(await callOk(core, 'partners.get', { id: partner.id })).toEqual(updated);
  });

  it('refuses an age range whose minimum is above its maximum, at the service', async () => {
    const error = errorOf(await dispatch(core, 'partners.create', { name: 'Alter', services: [{ name: 'x', minimumAge: 30, maximumAge: 20 }] }));
    expect(error).toMatchObject({ code: 'invalid_input', fields: { 'services.0.maximumAge': 'Das Höchstalter liegt unter dem Mindestalter.' } });
    expect(countRows(core, 'partners')).toBe(13);
  });

  it('refuses invalid input with the field paths and stores nothing', async () => {
    const before = countRows(core, 'partners');
    const error = errorOf(
      await dispatch(core, 'partners.create', {
        name: 'Beratungsstelle',
        address: { street: 'Markt 1', postalCode: '123', city: 'Düren' },
        services: [{ name: '   ' }],
        contacts: [{ name: 'Frau Roth', email: 'roth-at-example' }],
        phone: 'ruf an',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toMatchObject({
      'services.0.name': 'Bitte ausfüllen.',
      'contacts.0.email': 'Bitte eine gültige E-Mail-Adresse angeben.',
      'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.',
      phone: expect.stringContaining('Ziffern'),
    });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['address.postalCode', 'contacts.0.email', 'phone', 'services.0.name']);
    expect(errorOf(await dispatch(core, 'partners.create', { name: '' })).fields).toEqual({ name: 'Bitte ausfüllen.' });
    expect(errorOf(await dispatch(core, 'partners.create', { name: 'X', assuredDate: '2026-02-30' })).fields).toHaveProperty('assuredDate');
    expect(countRows(core, 'partners')).toBe(before);
  });

  it('answers not_found for an unknown id', async () => {
    expect(errorOf(await dispatch(core, 'partners.get', { id: 'nope' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'partners.update', { id: 'nope', name: 'X' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'partners.archive', { id: 'nope' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'partners.delete', { id: 'nope' })).code).toBe('not_found');
  });
});

describe('verification from the assured date (today 2026-11-25)', () => {
  it.each([
    [TODAY, 'verified'],
    ['2026-01-10', 'verified'],
    ['2025-11-25', 'verified'], // exactly twelve months ago
    ['2025-11-24', 'stale'],
    ['2025-10-25', 'stale'], // thirteen months ago
    [null, 'unverified'],
  ] as const)('assuredDate %s → %s', async (assuredDate, verification) => {
    const partner = await create({ name: 'Beratungsstelle', assuredDate });
    expect(partner.verification).toBe(verification);
    expect((await callOk<Partner>(core, 'partners.get', { id: partner.id })).verification).toBe(verification);
  });

  it('turns stale as the clock moves on, without a write', async () => {
    const clock = new Date('2026-11-25T10:00:00Z');
    const moving = openTestCore(clock);
    try {
      const partner = await callOk<Partner>(moving.core, 'partners.create', { name: 'Beratungsstelle', assuredDate: '2026-01-10' });
      expect(partner.verification).toBe('verified');
      clock.setTime(Date.parse('2027-01-10T09:00:00Z'));
      expect((await callOk<Partner>(moving.core, 'partners.get', { id: partner.id })).verification).toBe('verified');
      clock.setTime(Date.parse('2027-01-11T09:00:00Z'));
      const later = await callOk<Partner>(moving.core, 'partners.get', { id: partner.id });
      expect(later.verification).toBe('stale');
      expect(later.updatedAt).toBe(partner.updatedAt);
      expect((await callOk<{ items: Partner[] }>(moving.core, 'partners.list', { verification: 'stale' })).items.map((p) => p.id)).toEqual([partner.id]);
    } finally {
      moving.dispose();
    }
  });
});

describe('partners.list filters', () => {
  let refugees: Partner;
  let english: Partner;
  let stale: Partner;
  beforeEach(async () => {
    refugees = await create(COMPLETE);
    english = await create({
      name: 'Welcome Center Aachen',
      address: { street: 'Theaterstraße 1', postalCode: '52062', city: 'Aachen' },
      services: [{ name: 'Erstberatung für Fachkräfte', languages: ['Englisch'], counselingFields: ['training-work'] }],
      assuredDate: '2026-06-01',
    });
    stale = await create({ name: 'Sprachschule Müller', counselingFields: ['language-courses'], assuredDate: '2025-01-15' });
  });

  it('finds by folded text in name, department, description, city and service names', async () => {
    expect(ids(await list({ query: 'jugendmigration' }))).toEqual(['seed-jmd']);
    expect(ids(await list({ query: 'JUGENDMIGRATIONSDIENST' }))).toEqual(['seed-jmd']);
    expect(ids(await list({ query: 'duren' }))).toEqual(['seed-job-com', 'seed-ki-kreis-dueren', 'seed-jmd', 'seed-auslaenderbehoerde', refugees.id].sort());
    expect(ids(await list({ query: 'Düren' }))).toEqual(ids(await list({ query: 'duren' })));
    // Every word must occur somewhere ("Kreises Düren" in the job-com's name counts for "kreis").
    expect(ids(await list({ query: '  Kreis   DÜREN ' }))).toEqual(['seed-auslaenderbehoerde', 'seed-job-com', 'seed-ki-kreis-dueren'].sort());
    expect(ids(await list({ query: 'aachen' }))).toEqual([english.id]);
    expect(ids(await list({ query: 'fachkrafte' }))).toEqual([english.id]); // service name
    expect(ids(await list({ query: 'integrationsagentur' }))).toEqual([refugees.id]); // description and service
    expect(ids(await list({ query: 'mueller' }))).toEqual([stale.id]); // spelling variants meet (looseKey)
    expect(ids(await list({ query: 'muller' }))).toEqual([stale.id]);
    expect(await list({ query: 'gibt es nicht' })).toEqual([]);
  });

  it('finds "Düren" when typed as "Dueren" and "Müller" as "Mueller"', async () => {
    expect(ids(await list({ query: 'Dueren' }))).toEqual(ids(await list({ query: 'Düren' })));
    expect(ids(await list({ query: 'Mueller' }))).toEqual([stale.id]);
  });

  it('filters by counseling field, on the organization or on one of its services', async () => {
    const residence = ids(await list({ counselingField: 'residence-title' }));
    expect(residence).toEqual(['seed-auslaenderbehoerde', 'seed-ki-kreis-dueren', refugees.id].sort());
    // Flüchtlingsberatung is tagged only on the service.
    const duldung = ids(await list({ counselingField: 'duldung-gestattung' }));
    expect(duldung).toEqual(['seed-auslaenderbehoerde', 'seed-ki-kreis-dueren', refugees.id].sort());
    expect(refugees.counselingFields).not.toContain('duldung-gestattung');
    const training = ids(await list({ counselingField: 'training-work' }));
    expect(training).toContain(english.id);
    expect(english.counselingFields).toEqual([]);
    expect(training).not.toContain(stale.id);
  });

  it('does not list an agency for a field only its defunct service had', async () => {
    expect(ids(await list({ counselingField: 'recognition' }))).not.toContain('seed-vhs-rur-eifel');
  });

  it('filters by the languages of the services, folded', async () => {
    expect(ids(await list({ language: 'turkisch' }))).toEqual([refugees.id]);
    expect(ids(await list({ language: 'Türkisch' }))).toEqual([refugees.id]);
    expect(ids(await list({ language: 'ARAB' }))).toEqual([refugees.id]);
    expect(ids(await list({ language: 'englisch' }))).toEqual([english.id]);
    expect(await list({ language: 'Tigrinya' })).toEqual([]);
  });

  it('filters by verification state', async () => {
    expect(ids(await list({ verification: 'verified' }))).toEqual([english.id, refugees.id].sort());
    expect(ids(await list({ verification: 'stale' }))).toEqual([stale.id]);
    expect(ids(await list({ verification: 'unverified' }))).toEqual([...SEED_IDS].sort());
  });

  it('combines filters', async () => {
    expect(ids(await list({ query: 'düren', counselingField: 'residence-title', verification: 'verified' }))).toEqual([refugees.id]);
    expect(await list({ query: 'aachen', language: 'arabisch' })).toEqual([]);
  });

  it('filters by postal address, by the rule letters are refused by (shared/domain/postal-address.ts)', async () => {
    const onlyPostbox = await create({ name: 'Nur Postfach', postbox: { label: 'Postfach 11 22', postalCode: '52348', city: 'Düren' } });
    const postboxWithoutPostcode = await create({
      name: 'Postfach ohne PLZ',
      address: { street: 'Markt 1', postalCode: '52349', city: 'Düren' },
      postbox: { label: 'Postfach', postalCode: '', city: 'Düren' },
    });
    const blankCity = await create({ name: 'Ort nur Leerraum', address: { street: 'Markt 2', postalCode: '52349', city: ' \t\u00a0' } });
    const onlyAddition = await create({ name: 'Nur Zusatz', address: { addition: 'c/o Rathaus', street: '', postalCode: '52349', city: 'Düren' } });
    const complete = ids(await list({ postalAddress: 'complete' }));
    expect(complete).toEqual(['seed-job-com', 'seed-ki-kreis-dueren', refugees.id, english.id, onlyPostbox.id, postboxWithoutPostcode.id].sort());
    const missing = ids(await list({ postalAddress: 'missing' }));
    expect(missing).toContain('seed-jmd');
    expect(missing).toEqual(expect.arrayContaining([stale.id, blankCity.id, onlyAddition.id]));
    // The SQL and the rule the renderer marks entries by agree on every entry.
    const all = await list();
    expect([...complete, ...missing].sort()).toEqual(ids(all));
    expect(ids(all.filter((partner) => hasPostalAddress({ ...partner.address, postbox: partner.postbox })))).toEqual(complete);
    // Combined with the other filters.
    expect(ids(await list({ query: 'düren', postalAddress: 'missing' }))).toEqual(['seed-auslaenderbehoerde', 'seed-jmd', onlyAddition.id].sort());
    expect(errorOf(await dispatch(core, 'partners.list', { postalAddress: 'partly' })).code).toBe('invalid_input');
  });

  it('is sorted by name', async () => {
    const names = (await list()).map((partner) => partner.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de', { sensitivity: 'base' })));
  });
});

describe('archive and unarchive', () => {
  it('takes an entry out of the lists and brings it back, with an audit line each', async () => {
    const archived = await callOk<Partner>(core, 'partners.archive', { id: 'seed-low-tec' });
    expect(archived).toMatchObject({ id: 'seed-low-tec', archived: true });
    expect(ids(await list())).not.toContain('seed-low-tec');
    expect(ids(await list({ query: 'low-tec' }))).toEqual([]);
    expect(ids(await list({ query: 'low-tec', includeArchived: true }))).toEqual(['seed-low-tec']);
    expect((await list({ includeArchived: true })).find((partner) => partner.id === 'seed-low-tec')?.archived).toBe(true);
    expect((await callOk<Partner>(core, 'partners.get', { id: 'seed-low-tec' })).archived).toBe(true);

    const back = await callOk<Partner>(core, 'partners.archive', { id: 'seed-low-tec', archived: false });
    expect(back.archived).toBe(false);
    expect(ids(await list())).toContain('seed-low-tec');
    const lines = (await audit()).filter((entry) => entry.action === 'partners.archive');
    expect(lines.map((entry) => [entry.subjectId, entry.details])).toEqual([
      ['seed-low-tec', { archived: false }],
      ['seed-low-tec', { archived: true }],
    ]);
  });
});

describe('partners.delete', () => {
  let client: Client;
  beforeEach(async () => {
    client = valueOf<Client>(await dispatch(core, 'clients.create', SAMPLE_CLIENT));
  });

  it('deletes an entry nothing refers to', async () => {
    const partner = await create({ name: 'Beratungsstelle' });
    expect(await callOk(core, 'partners.delete', { id: partner.id })).toEqual({ deleted: true });
    expect(errorOf(await dispatch(core, 'partners.get', { id: partner.id })).code).toBe('not_found');
    expect(await callOk(core, 'partners.delete', { id: 'seed-low-tec' })).toEqual({ deleted: true });
    expect(countRows(core, 'partners')).toBe(SEED_IDS.length - 1);
    expect(
      (await audit())
        .filter((entry) => entry.action === 'partners.delete')
        .map((entry) => entry.subjectId)
        .sort(),
    ).toEqual([partner.id, 'seed-low-tec'].sort());
  });

  it('refuses with conflict when a document names the partner, and keeps it', async () => {
    const partner = await create(COMPLETE);
    await callOk(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      partnerId: partner.id,
      values: { subject: 'Anmeldung', body: 'Text' },
    });
    const error = errorOf(await dispatch(core, 'partners.delete', { id: partner.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('archiviert');
    expect(await callOk(core, 'partners.get', { id: partner.id })).toEqual(partner);
    expect((await audit()).some((entry) => entry.action === 'partners.delete')).toBe(false);
    // Archiving is the way out.
    expect((await callOk<Partner>(core, 'partners.archive', { id: partner.id })).archived).toBe(true);
  });

  it('refuses with conflict when a consent names the partner', async () => {
    await callOk(core, 'consents.create', {
      clientId: client.id,
      recipients: [{ partnerId: 'seed-jmd', name: 'Jugendmigrationsdienst' }],
      purposes: ['Beratung'],
      dataCategories: ['identity'],
      signedOn: '2026-11-20',
      validUntil: '2027-11-20',
    });
    expect(errorOf(await dispatch(core, 'partners.delete', { id: 'seed-jmd' })).code).toBe('conflict');
    expect((await callOk<Partner>(core, 'partners.get', { id: 'seed-jmd' })).id).toBe('seed-jmd');
  });

  it('refuses a document for an unknown partner', async () => {
    const error = errorOf(
      await dispatch(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, partnerId: 'nope', values: { subject: 'A', body: 'B' } }),
    );
    expect(error.code).toBe('not_found');
    expect(countRows(core, 'documents')).toBe(0);
  });
});
