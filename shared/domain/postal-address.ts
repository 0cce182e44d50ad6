import type { ErrorMessage } from '../i18n/error-message';

/**
 * When a letter can reach its recipient (DIN 5008 delivery lines): a street
 * with postcode and city, or a post box with its postcode and city. Written
 * once here for the core (finalizing, serial letters, the address block) and
 * the renderer (the directory's "Anschrift fehlt"), and once as SQL in
 * `main/core/db/queries/partners.ts` for the directory's filter.
 */

/** A recipient's delivery parts as the address block reads them (a client's or partner's `address`, spread, with the partner's post box). */
export interface PostalAddressParts {
  street: string;
  postalCode: string;
  city: string;
  postbox?: { label: string; postalCode: string; city: string } | null;
}

/** What a street address lacks; a post box stands in for `street` only when it is complete itself. */
export const MISSING_ADDRESS_PARTS = ['street', 'postalCode', 'city'] as const;
export type MissingAddressPart = (typeof MISSING_ADDRESS_PARTS)[number];

/** A recipient a letter cannot reach: named as the directory lists it, with what is missing (never empty). */
export interface UndeliverableAddress {
  name: string;
  missing: MissingAddressPart[];
}

/**
 * Blank as the directory's SQL filter reads it too: nothing but spaces, tabs,
 * line breaks and no-break spaces.
 */
export function isBlankAddressPart(value: string): boolean {
  return /^[ \t\r\n\u00a0]*$/.test(value);
}

/** The post box where it has a label, postcode and city: the address a letter then goes to (DIN 5008). */
export function completePostbox(parts: PostalAddressParts): { label: string; postalCode: string; city: string } | null {
  const { postbox } = parts;
  if (!postbox) return null;
  return [postbox.label, postbox.postalCode, postbox.city].some(isBlankAddressPart) ? null : postbox;
}

/** What is missing for a letter to arrive; [] when it can be delivered. */
export function missingAddressParts(parts: PostalAddressParts): MissingAddressPart[] {
  if (completePostbox(parts) !== null) return [];
  const { street, postalCode, city } = parts;
  const missing: MissingAddressPart[] = [];
  if (isBlankAddressPart(street)) missing.push('street');
  if (isBlankAddressPart(postalCode)) missing.push('postalCode');
  if (isBlankAddressPart(city)) missing.push('city');
  return missing;
}

export function hasPostalAddress(parts: PostalAddressParts): boolean {
  return missingAddressParts(parts).length === 0;
}

/** Each combination of missing parts has its own wording, so every language can say it in its own grammar. */
const MISSING_MESSAGES: Record<string, ErrorMessage> = {
  street: { key: 'postalAddress.missing.street' },
  postalCode: { key: 'postalAddress.missing.postalCode' },
  city: { key: 'postalAddress.missing.city' },
  'street,postalCode': { key: 'postalAddress.missing.streetAndPostalCode' },
  'street,city': { key: 'postalAddress.missing.streetAndCity' },
  'postalCode,city': { key: 'postalAddress.missing.postalCodeAndCity' },
  'street,postalCode,city': { key: 'postalAddress.missing.all' },
};

/**
 * Why a letter cannot go out, e.g. „Die Anschrift von Jugendmigrationsdienst
 * Düren ist nicht zustellbar: es fehlen Straße und Hausnummer oder ein
 * Postfach.“
 */
export function undeliverableMessage({ name, missing }: UndeliverableAddress): ErrorMessage {
  return { key: 'postalAddress.undeliverable', params: { name, missing: MISSING_MESSAGES[missing.join(',')]! } };
}
