import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, searchClients, updateClient } from '../../main/core/services/clients';
import type { Core } from '../../main/core/core';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
  for (const [familyName, givenName] of [
    ['Müller', 'Ayşe'],
    ['Nießen', 'Silke'],
    ['Nguyễn', 'Văn An'],
    ['Yılmaz', 'Şükrü'],
    ['Schmidt', 'Peter'],
  ] as const) {
    createClient(core, { ...SAMPLE_CLIENT, familyName, givenName });
  }
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
    ['yilmaz sukru', 'Yılmaz'],
  ])('finds by %s', (query, expected) => {
    expect(familyNamesFor(query)).toEqual([expected]);
  });

  it('treats FTS5 syntax typed by the user as plain text', () => {
    expect(familyNamesFor('"Müller" OR *')).toEqual([]);
    expect(familyNamesFor('NEAR(')).toEqual([]);
  });

  it('follows a rename', () => {
    const [schmidt] = searchClients(core, 'Schmidt', 1);
    updateClient(core, schmidt!.id, { ...SAMPLE_CLIENT, familyName: 'Schmitz', givenName: 'Peter' });
    expect(familyNamesFor('Schmidt')).toEqual([]);
    expect(familyNamesFor('Schmitz')).toEqual(['Schmitz']);
  });

  it('lists recent clients for an empty query', () => {
    expect(familyNamesFor('')).toHaveLength(5);
  });
});
