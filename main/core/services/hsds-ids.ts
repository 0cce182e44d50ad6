import { v5 as uuidV5, validate as isUuid } from 'uuid';

/**
 * HSDS 3.0 identifiers are UUIDs (docs/identifiers.md). Lotse's own ids
 * mostly are (random v4), but the seeded directory's are not (`seed-…`),
 * and the objects Lotse keeps inside a partner (its location, phones,
 * addresses, schedule, languages) have no id of their own. Both get a
 * name-based UUID (v5) in Lotse's namespace, so every export gives every
 * object the same id again, on any desk, without storing anything.
 */

/** Lotse's namespace for name-based HSDS ids (a fixed random UUID; changing it changes every derived id). */
export const LOTSE_HSDS_NAMESPACE = '6f1c4b2e-8a53-4d1e-9b7a-3c2f0e5d8a41';

/** What an HSDS object is, part of the name its derived id is made from. */
export type HsdsObjectKind = 'organization' | 'service' | 'contact' | 'location' | 'address' | 'phone' | 'schedule' | 'language';

/** A Lotse id as an HSDS id: itself when it is a UUID, else a UUID derived from it. */
export function hsdsIdOf(kind: 'organization' | 'service' | 'contact', lotseId: string): string {
  return isUuid(lotseId) ? lotseId.toLowerCase() : uuidV5(`${kind}:${lotseId}`, LOTSE_HSDS_NAMESPACE);
}

/**
 * The id of an object Lotse keeps inside another one, from the owner's
 * Lotse id and what tells it apart there (e.g. `physical`, `postal`, the
 * position of a language): the same owner and part give the same id.
 */
export function hsdsPartId(kind: HsdsObjectKind, ownerLotseId: string, part: string): string {
  return uuidV5(`${kind}:${ownerLotseId}:${part}`, LOTSE_HSDS_NAMESPACE);
}

export { isUuid };
