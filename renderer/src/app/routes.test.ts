import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, sectionOf, type Route } from './routes';

describe('hash routes', () => {
  it('parses every screen', () => {
    expect(parseRoute('')).toEqual({ name: 'start' });
    expect(parseRoute('#/')).toEqual({ name: 'start' });
    expect(parseRoute('#/clients')).toEqual({ name: 'clients', focusNew: false });
    expect(parseRoute('#/clients/new')).toEqual({ name: 'clients', focusNew: true });
    expect(parseRoute('#/clients/a%2Fb')).toEqual({ name: 'client', id: 'a/b' });
    expect(parseRoute('#/clients/c1/new-document')).toEqual({ name: 'documentNew', clientId: 'c1' });
    // The old address of the free letter leads to the choice of templates.
    expect(parseRoute('#/clients/c1/letter')).toEqual({ name: 'documentNew', clientId: 'c1' });
    expect(parseRoute('#/clients/c1/edit')).toEqual({ name: 'clientEdit', id: 'c1' });
    expect(parseRoute('#/clients/c1/other')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/documents/d1')).toEqual({ name: 'document', id: 'd1' });
    expect(parseRoute('#/documents/d1/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/documents/serial')).toEqual({ name: 'serialLetter' });
    expect(parseRoute('#/documents/serial/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/templates')).toEqual({ name: 'templates' });
    expect(parseRoute('#/templates/referral-letter')).toEqual({ name: 'template', id: 'referral-letter' });
    expect(parseRoute('#/templates/referral-letter/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/network')).toEqual({ name: 'network' });
    expect(parseRoute('#/network/new')).toEqual({ name: 'partnerNew' });
    expect(parseRoute('#/network/p1')).toEqual({ name: 'partner', id: 'p1' });
    expect(parseRoute('#/network/p1/edit')).toEqual({ name: 'partnerEdit', id: 'p1' });
    expect(parseRoute('#/network/p1/other')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/clients/%E0')).toEqual({ name: 'notFound' });
  });

  it('never takes the token fragment for a route', () => {
    expect(parseRoute('#token=abc')).toEqual({ name: 'start' });
  });

  it('round-trips through routeHref', () => {
    const routes: Route[] = [
      { name: 'start' },
      { name: 'clients', focusNew: true },
      { name: 'client', id: 'x y' },
      { name: 'documentNew', clientId: 'c 1' },
      { name: 'clientEdit', id: 'c/1' },
      { name: 'documents' },
      { name: 'document', id: 'd1' },
      { name: 'serialLetter' },
      { name: 'network' },
      { name: 'partner', id: 'p 1' },
      { name: 'partnerEdit', id: 'p/1' },
      { name: 'partnerNew' },
      { name: 'templates' },
      { name: 'template', id: 'free-letter' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('marks the area of sub-pages', () => {
    expect(sectionOf({ name: 'documentNew', clientId: 'c1' })).toBe('clients');
    expect(sectionOf({ name: 'template', id: 'free-letter' })).toBe('templates');
    expect(sectionOf({ name: 'clientEdit', id: 'c1' })).toBe('clients');
    expect(sectionOf({ name: 'document', id: 'd1' })).toBe('documents');
    expect(sectionOf({ name: 'serialLetter' })).toBe('documents');
    expect(sectionOf({ name: 'partner', id: 'p1' })).toBe('network');
    expect(sectionOf({ name: 'partnerNew' })).toBe('network');
  });
});
