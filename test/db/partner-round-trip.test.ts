import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import type { MethodInput, Partner, PartnerImportResult } from '../../shared/api/contract';
import { openTestCore } from '../support/core';
import { callOk } from '../support/results';

/**
 * Lotse → HSDS → Lotse (issue 15): a directory exported in either HSDS form
 * and imported into an empty store is the same directory, field by field and
 * id by id, including what HSDS has no field for or cannot take as it is (an
 * address without postcode, a post box without postcode, an e-mail the
 * `email` format refuses, a website without scheme, no description). A second
 * import of the same file finds everything unchanged and lists nothing as
 * not kept.
 */

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});
function store(): Core {
  const { core, dispose } = openTestCore(new Date('2026-11-25T10:00:00Z'));
  disposers.push(dispose);
  return core;
}

const list = async (core: Core) => (await callOk<{ items: Partner[] }>(core, 'partners.list', { includeArchived: true })).items;
const content = ({ createdAt: _createdAt, updatedAt: _updatedAt, ...rest }: Partner) => rest;

const RICH: MethodInput<'partners.create'> = {
  name: 'Brücke e. V. – "Treffpunkt" <Nord>',
  department: 'Migrationsdienst',
  description: 'Beratung 🤝 für Zugewanderte',
  counselingFields: ['language-courses', 'recognition'],
  address: { addition: 'c/o Bürgerhaus', street: 'Kölnstraße 10', postalCode: '52351', city: 'Düren' },
  postbox: { label: 'Postfach 10 02 33', postalCode: '52302', city: 'Düren' },
  openingHours: 'Mo–Do 9–12 Uhr, Fr nach Vereinbarung',
  phone: '02421 22-1234 (Mo–Fr)',
  email: 'info@bruecke-dueren.de',
  website: 'www.bruecke-dueren.de',
  services: [
    {
      name: 'Sprachcafé',
      description: 'Deutsch üben',
      status: 'temporarily closed',
      counselingFields: ['language-courses'],
      languages: ['Deutsch', 'Arabisch', 'Türkisch'],
      eligibility: 'ab 16 Jahren',
      minimumAge: 16,
      maximumAge: 99,
      fees: 'kostenlos',
      applicationProcess: 'einfach vorbeikommen',
    },
    { name: 'Anerkennungsberatung', status: 'inactive' },
  ],
  contacts: [
    { name: 'Amira Haddad', role: 'Beraterin', phone: '02421 22-1240', email: 'a.haddad@bruecke-dueren.de', formOfAddress: 'Frau', title: 'Dr.' },
    { name: 'Jonas Müller', email: 'jonas.müller@bruecke-dueren.de' },
  ],
  notes: 'Notiz mit "Anführungszeichen", <b>HTML</b> und Zeilen\numbruch',
  assuredDate: '2026-10-01',
  assuredBy: 'K. Beispiel',
};

const SPARSE: MethodInput<'partners.create'> = {
  name: 'Nachbarschaftshilfe',
  address: { addition: '', street: '', postalCode: '', city: 'Kreuzau' },
  postbox: { label: 'Postfach 12', postalCode: '', city: 'Kreuzau' },
  website: 'siehe Aushang im Rathaus',
};

async function exported(core: Core, form: 'hsds-organizations' | 'hsds-package'): Promise<MethodInput<'partners.import'>> {
  const file = await callOk<{ fileName: string; content: string; encoding: 'utf8' | 'base64' }>(core, 'partners.export', { form });
  return { files: [{ name: file.fileName, content: file.content, encoding: file.encoding }] };
}

describe.each(['hsds-organizations', 'hsds-package'] as const)('Lotse → HSDS (%s) → Lotse', (form) => {
  it('gives the same directory, id by id and field by field, and a second import changes nothing', async () => {
    const source = store();
    await callOk(source, 'partners.create', RICH);
    await callOk(source, 'partners.create', SPARSE);
    await callOk(source, 'partners.archive', { id: 'seed-low-tec' });
    const file = await exported(source, form);

    const target = store();
    for (const partner of await list(target)) await callOk(target, 'partners.delete', { id: partner.id });
    const first = await callOk<PartnerImportResult>(target, 'partners.import', { ...file, apply: true });
    expect(first.notKept).toEqual([]);
    expect((await list(target)).map(content)).toEqual((await list(source)).map(content));

    const again = await callOk<PartnerImportResult>(target, 'partners.import', { ...file, apply: true });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: (await list(source)).length });
    expect(again.notKept).toEqual([]);
  });
});
