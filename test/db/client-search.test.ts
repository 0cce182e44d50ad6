import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, searchClients, updateClient } from '../../main/core/services/clients';
import { parseClientQuery } from '../../main/core/db/queries/clients';
import type { Core } from '../../main/core/core';
import { clientInput, openTestCore } from '../support/core';

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
  createClient(core, clientInput({ familyName: 'Müller', givenName: 'Ayşe', birthDate: '1990-03-12', customerNumber: 'KD 123 456' }));
  createClient(core, clientInput({ familyName: 'Nießen', givenName: 'Silke', birthDate: '1975-01-30', fileNumber: 'KI-2026/0815' }));
  createClient(core, clientInput({ familyName: 'Nguyễn', givenName: 'Văn An', birthDate: '2001-11-05', bgNumber: '35401BG0012345' }));
  createClient(core, clientInput({ familyName: 'Yılmaz', givenName: 'Şükrü', birthDate: null }));
  createClient(core, clientInput({ familyName: 'Ivanova', givenName: 'Olena', otherNames: ['Іванова', 'Iwanowa'], birthDate: null }));
  createClient(core, clientInput({ familyName: 'Schmidt', givenName: 'Peter', birthDate: null }));
});
afterEach(() => dispose());

const familyNamesFor = (query: string) => searchClients(core, query, 20).map((client) => client.familyName);

describe('client search', () => {
  it.each([
    ['Muller', 'Müller'],
    ['Mueller', 'Müller'],
    ['Müller', 'Müller'],
    ['mül', 'Müller'],
    ['Niessen', 'Nießen'],
    ['Nießen', 'Nießen'],
    ['Nguyen', 'Nguyễn'],
    ['Nguyễn', 'Nguyễn'],
    ['Sukru', 'Yılmaz'],
    ['Şükrü', 'Yılmaz'],
    ['yilmaz sukru', 'Yılmaz'],
    ['Іванова', 'Ivanova'],
    ['Iwanowa', 'Ivanova'],
  ])('finds by the name %s', (query, expected) => {
    expect(familyNamesFor(query)).toEqual([expected]);
  });

  it.each([
    ['12.03.1990', 'Müller'],
    ['1990-03-12', 'Müller'],
    ['5.11.2001', 'Nguyễn'],
    ['KD 123 456', 'Müller'],
    ['kd123', 'Müller'],
    ['KI-2026/0815', 'Nießen'],
    ['ki2026', 'Nießen'],
    ['35401BG0012345', 'Nguyễn'],
  ])('finds by the date or number %s', (query, expected) => {
    expect(familyNamesFor(query)).toEqual([expected]);
  });

  it('finds a client by the name in its own script (Arabic) and by the Latin form (issue 17)', () => {
    createClient(core, clientInput({ familyName: 'Haddad', givenName: 'Mahmoud', otherNames: ['محمود حداد'], birthDate: null }));
    expect(familyNamesFor('محمود حداد')).toEqual(['Haddad']);
    expect(familyNamesFor('حداد')).toEqual(['Haddad']);
    expect(familyNamesFor('Mahmoud Haddad')).toEqual(['Haddad']);
    expect(familyNamesFor('haddad')).toEqual(['Haddad']);
  });

  it('reads dates, numbers and names apart', () => {
    expect(parseClientQuery('1.2.1990')).toEqual({ kind: 'birthDate', date: '1990-02-01' });
    expect(parseClientQuery('  ')).toEqual({ kind: 'recent' });
    expect(parseClientQuery('KD-12')).toEqual({ kind: 'text', nameTerms: ['kd'], numberKey: 'kd12' });
    expect(parseClientQuery('Müller')).toEqual({ kind: 'text', nameTerms: ['muller'], numberKey: '' });
  });

  it('treats FTS5 and GLOB syntax typed by the user as plain text', () => {
    expect(familyNamesFor('"Müller" OR *')).toEqual([]);
    expect(familyNamesFor('NEAR(')).toEqual([]);
    expect(familyNamesFor('1*')).toEqual([]);
  });

  it('follows a rename and a changed number', () => {
    const [schmidt] = searchClients(core, 'Schmidt', 1);
    updateClient(core, schmidt!.id, clientInput({ familyName: 'Schmitz', givenName: 'Peter', birthDate: null, fileNumber: 'AZ-77' }));
    expect(familyNamesFor('Schmidt')).toEqual([]);
    expect(familyNamesFor('Schmitz')).toEqual(['Schmitz']);
    expect(familyNamesFor('AZ-77')).toEqual(['Schmitz']);
  });

  it('lists recent clients for an empty query, up to the limit', () => {
    expect(familyNamesFor('')).toHaveLength(6);
    expect(searchClients(core, '', 2)).toHaveLength(2);
  });
});
