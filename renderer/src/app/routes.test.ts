import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { routeHref, sectionOf, useCurrentRoute, type Route } from './routes';

/** The route the app shows for a hash, through the same router and location hook as the app. */
function routeOf(hash: string): Route | null {
  let route: Route | null | undefined;
  function Probe() {
    route = useCurrentRoute();
    return null;
  }
  renderToString(createElement(Router, { hook: useHashLocation, ssrPath: hash.replace(/^#/, '') || '/', children: createElement(Probe) }));
  if (route === undefined) throw new Error('the probe did not render');
  return route;
}

describe('hash routes', () => {
  it('finds every screen', () => {
    expect(routeOf('')).toEqual({ name: 'start' });
    expect(routeOf('#/')).toEqual({ name: 'start' });
    expect(routeOf('#/clients')).toEqual({ name: 'clients' });
    expect(routeOf('#/clients/')).toEqual({ name: 'clients' });
    expect(routeOf('#/clients/new')).toEqual({ name: 'clientNew' });
    expect(routeOf('#/clients/retention')).toEqual({ name: 'retention' });
    expect(routeOf('#/clients/a%2Fb')).toEqual({ name: 'client', id: 'a/b' });
    expect(routeOf('#/clients/50%2525')).toEqual({ name: 'client', id: '50%25' });
    expect(routeOf('#/clients/c1/new-document')).toEqual({ name: 'documentNew', clientId: 'c1' });
    // The old address of the free letter leads to the choice of templates.
    expect(routeOf('#/clients/c1/letter')).toEqual({ name: 'documentNew', clientId: 'c1' });
    expect(routeOf('#/clients/c1/edit')).toEqual({ name: 'clientEdit', id: 'c1' });
    expect(routeOf('#/documents/d1')).toEqual({ name: 'document', id: 'd1' });
    expect(routeOf('#/documents/serial')).toEqual({ name: 'serialLetter' });
    expect(routeOf('#/templates')).toEqual({ name: 'templates' });
    expect(routeOf('#/templates/referral-letter')).toEqual({ name: 'template', id: 'referral-letter' });
    expect(routeOf('#/audit')).toEqual({ name: 'audit' });
    expect(routeOf('#/settings')).toEqual({ name: 'settings' });
    expect(routeOf('#/settings/setup')).toEqual({ name: 'setup' });
    expect(routeOf('#/settings/team')).toEqual({ name: 'teamSettings' });
    expect(routeOf('#/settings/team/conflicts')).toEqual({ name: 'conflicts' });
    expect(routeOf('#/network')).toEqual({ name: 'network' });
    expect(routeOf('#/network/new')).toEqual({ name: 'partnerNew' });
    expect(routeOf('#/network/p1')).toEqual({ name: 'partner', id: 'p1' });
    expect(routeOf('#/network/p1/edit')).toEqual({ name: 'partnerEdit', id: 'p1' });
  });

  it('has no page for other paths and for ids no record can have', () => {
    for (const hash of [
      '#/nowhere',
      '#/clients/c1/other',
      '#/documents/d1/x',
      '#/documents/serial/x',
      '#/templates/referral-letter/x',
      '#/settings/x',
      '#/settings/setup/x',
      '#/network/p1/other',
      '#/clients/%E0',
      `#/clients/${'x'.repeat(65)}`,
    ]) {
      expect(routeOf(hash), hash).toBeNull();
    }
  });

  it('round-trips through routeHref', () => {
    const routes: Route[] = [
      { name: 'start' },
      { name: 'clients' },
      { name: 'clientNew' },
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
    for (const route of routes) expect(routeOf(routeHref(route))).toEqual(route);
    expect(routeHref({ name: 'client', id: 'a/b' })).toBe('#/clients/a%2Fb');
  });

  it('marks the area of sub-pages', () => {
    expect(sectionOf({ name: 'start' })).toBe('start');
    expect(sectionOf({ name: 'clientNew' })).toBe('clients');
    expect(sectionOf({ name: 'documentNew', clientId: 'c1' })).toBe('clients');
    expect(sectionOf({ name: 'template', id: 'free-letter' })).toBe('templates');
    expect(sectionOf({ name: 'clientEdit', id: 'c1' })).toBe('clients');
    expect(sectionOf({ name: 'document', id: 'd1' })).toBe('documents');
    expect(sectionOf({ name: 'serialLetter' })).toBe('documents');
    expect(sectionOf({ name: 'partner', id: 'p1' })).toBe('network');
    expect(sectionOf({ name: 'partnerNew' })).toBe('network');
    expect(sectionOf({ name: 'settings' })).toBe('settings');
  });
});
