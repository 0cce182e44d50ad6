import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/clients/<id>`): they work the same under
 * http://127.0.0.1:PORT/ and lotse://app/ and never ask a host for a page.
 * Only fragments that begin with `#/` are routes; the launch token
 * (`#token=…`) is taken and removed before the app starts, and other
 * fragments (the skip link's `#main`) leave the current route alone.
 */
export type Route =
  | { name: 'start' }
  | { name: 'clients'; focusNew: boolean }
  | { name: 'client'; id: string }
  | { name: 'clientEdit'; id: string }
  | { name: 'documentNew'; clientId: string }
  | { name: 'documents' }
  | { name: 'serialLetter' }
  | { name: 'document'; id: string }
  | { name: 'network' }
  | { name: 'partner'; id: string }
  | { name: 'partnerEdit'; id: string }
  | { name: 'partnerNew' }
  | { name: 'templates' }
  | { name: 'template'; id: string }
  | { name: 'settings' }
  | { name: 'notFound' };

/** The areas of the main navigation. */
export type Section = 'start' | 'clients' | 'documents' | 'network' | 'templates' | 'settings';

export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.length > 0 && decoded.length <= 64 ? decoded : null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  if (!isRouteHash(hash)) return { name: 'start' };
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter((part) => part !== '');
  const [area, second, third] = parts;
  if (parts.length === 0) return { name: 'start' };
  switch (area) {
    case 'clients': {
      if (second === undefined) return { name: 'clients', focusNew: false };
      if (second === 'new' && third === undefined) return { name: 'clients', focusNew: true };
      const id = decodeSegment(second);
      if (id === null || parts.length > 3) return { name: 'notFound' };
      if (third === undefined) return { name: 'client', id };
      if (third === 'edit') return { name: 'clientEdit', id };
      // `letter` was the address of the one free letter before there were templates to choose from.
      return third === 'new-document' || third === 'letter' ? { name: 'documentNew', clientId: id } : { name: 'notFound' };
    }
    case 'documents': {
      if (second === undefined) return { name: 'documents' };
      if (second === 'serial') return third === undefined ? { name: 'serialLetter' } : { name: 'notFound' };
      const id = decodeSegment(second);
      return id !== null && third === undefined ? { name: 'document', id } : { name: 'notFound' };
    }
    case 'network': {
      if (second === undefined) return { name: 'network' };
      if (second === 'new' && third === undefined) return { name: 'partnerNew' };
      const id = decodeSegment(second);
      if (id === null || parts.length > 3) return { name: 'notFound' };
      if (third === undefined) return { name: 'partner', id };
      return third === 'edit' ? { name: 'partnerEdit', id } : { name: 'notFound' };
    }
    case 'templates': {
      if (second === undefined) return { name: 'templates' };
      const id = decodeSegment(second);
      return id !== null && third === undefined ? { name: 'template', id } : { name: 'notFound' };
    }
    case 'settings':
      return parts.length === 1 ? { name: area } : { name: 'notFound' };
    default:
      return { name: 'notFound' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'clients':
      return route.focusNew ? '#/clients/new' : '#/clients';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'clientEdit':
      return `#/clients/${encodeURIComponent(route.id)}/edit`;
    case 'documentNew':
      return `#/clients/${encodeURIComponent(route.clientId)}/new-document`;
    case 'document':
      return `#/documents/${encodeURIComponent(route.id)}`;
    case 'serialLetter':
      return '#/documents/serial';
    case 'partner':
      return `#/network/${encodeURIComponent(route.id)}`;
    case 'partnerEdit':
      return `#/network/${encodeURIComponent(route.id)}/edit`;
    case 'partnerNew':
      return '#/network/new';
    case 'template':
      return `#/templates/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'client':
    case 'clientEdit':
    case 'documentNew':
    case 'clients':
      return 'clients';
    case 'document':
    case 'documents':
    case 'serialLetter':
      return 'documents';
    case 'partner':
    case 'partnerEdit':
    case 'partnerNew':
      return 'network';
    case 'template':
      return 'templates';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route).slice(1);
}

/**
 * The current route and a counter that grows with every navigation, so
 * screens know when to move focus to their heading (not on first load).
 */
export function useRoute(): { route: Route; hash: string; navigations: number } {
  const [state, setState] = useState(() => ({
    hash: isRouteHash(window.location.hash) ? window.location.hash : '#/',
    navigations: 0,
  }));
  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash;
      if (!isRouteHash(hash)) return;
      setState((previous) => (previous.hash === hash ? previous : { hash, navigations: previous.navigations + 1 }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return { route: parseRoute(state.hash), hash: state.hash, navigations: state.navigations };
}
