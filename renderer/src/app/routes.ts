import { matchRoute, useRouter, type DefaultParams, type Parser } from 'wouter';
import { navigate as navigateHash } from 'wouter/use-hash-location';

/**
 * Every screen's address. Routes live in the hash (`#/clients/<id>`): they
 * work the same under http://127.0.0.1:PORT/ and lotse://app/ and never ask
 * a host for a page. The first step of a path is its area of the main
 * navigation. The first path that matches wins: `new`, `retention` and `serial` come
 * before the ids they would otherwise be taken for.
 */
const PATHS = {
  start: '/',
  clients: '/clients',
  clientNew: '/clients/new',
  retention: '/clients/retention',
  client: '/clients/:id',
  clientEdit: '/clients/:id/edit',
  documentNew: '/clients/:clientId/new-document',
  documents: '/documents',
  serialLetter: '/documents/serial',
  document: '/documents/:id',
  network: '/network',
  partnerNew: '/network/new',
  partner: '/network/:id',
  partnerEdit: '/network/:id/edit',
  templates: '/templates',
  template: '/templates/:id',
  audit: '/audit',
  settings: '/settings',
  setup: '/settings/setup',
  teamSettings: '/settings/team',
  conflicts: '/settings/team/conflicts',
} as const;

export type RouteName = keyof typeof PATHS;

/** Addresses of earlier versions that still lead somewhere. */
const OLD_PATHS: ReadonlyArray<readonly [RouteName, string]> = [
  // The one free letter, before there were templates to choose from.
  ['documentNew', '/clients/:clientId/letter'],
];

type ParamsOf<P extends string> = P extends `${string}:${infer Key}/${infer Rest}`
  ? Record<Key, string> & ParamsOf<Rest>
  : P extends `${string}:${infer Key}`
    ? Record<Key, string>
    : unknown;

/** A screen and what it shows, e.g. `{ name: 'client', id }`. */
export type Route = { [N in RouteName]: { name: N } & ParamsOf<(typeof PATHS)[N]> }[RouteName];

/** The areas of the main navigation. */
export type Section = 'start' | 'clients' | 'documents' | 'network' | 'templates' | 'audit' | 'settings';

export function routeHref(route: Route): string {
  const params: Readonly<Record<string, string>> = route;
  return `#${PATHS[route.name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''))}`;
}

/** Goes to `route`; `replace` takes the place of the current address in the history (a redirect, not a step back). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  navigateHash(routeHref(route), options);
}

export function sectionOf(route: Route): Section {
  return (PATHS[route.name].split('/')[1] || 'start') as Section;
}

/** An id from the address, decoded once; one that no record can have (longer than the core's ids, broken escapes) is no page. */
function decodeSegment(segment: string | undefined): string | null {
  try {
    const decoded = decodeURIComponent(segment ?? '');
    return decoded.length > 0 && decoded.length <= 64 ? decoded : null;
  } catch {
    return null;
  }
}

/** Every path with the route it leads to and the names of its parameters, in the order they are tried. */
const MATCHERS = [...(Object.entries(PATHS) as Array<[RouteName, string]>), ...OLD_PATHS].map(([name, pattern]) => ({
  pattern,
  name,
  keys: pattern.match(/(?<=:)\w+/g) ?? [],
}));

function routeAt(path: string, parser: Parser): Route | null {
  for (const { pattern, name, keys } of MATCHERS) {
    const [matches, params] = matchRoute<DefaultParams>(parser, pattern, path);
    if (!matches) continue;
    const route: Record<string, string> = { name };
    for (const key of keys) {
      const value = decodeSegment(params[key]);
      if (value === null) return null;
      route[key] = value;
    }
    return route as Route;
  }
  return null;
}

/**
 * The screen the address names, or null where there is no such page. The
 * path comes straight from the router's location hook, as the hash holds
 * it: wouter's useLocation would run decodeURI over it, and decoding an id
 * twice changes ids with a `%` in them.
 */
export function useCurrentRoute(): Route | null {
  const router = useRouter();
  const [path] = router.hook(router);
  return routeAt(path, router.parser);
}
