import type { Settings } from '../api/schemas/settings';
import type { ErrorMessage } from '../i18n/error-message';

/**
 * The first-run setup, defined once: what the settings must hold before a
 * letter may leave the office. A fresh data folder has no office and no
 * counselor (nobody else's name may sign its letters); until these are
 * filled in, drafts and previews work, but `documents.finalize` and serial
 * letters are refused (main/core/services/settings.ts), and the app leads to
 * the setup.
 *
 * - `organization`: who sends the letter (letterhead, return address).
 * - `address`: where an answer goes: street, postcode and city, or a post box
 *   with postcode and city.
 * - `counselorName`: who signs it.
 * - `contact`: how to reach the sender: a phone number or e-mail address,
 *   the counselor's own or the office's.
 */
export const SETUP_ITEMS = ['organization', 'address', 'counselorName', 'contact'] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

/** The parts of the settings the setup looks at (stored settings, with the logo by reference, fit too). */
export interface SetupFacts {
  office: Pick<Settings['office'], 'organization' | 'street' | 'postalCode' | 'city' | 'postbox' | 'phone' | 'email'>;
  counselor: Pick<Settings['counselor'], 'name' | 'phone' | 'email'>;
}

const filled = (...values: string[]) => values.every((value) => value.trim() !== '');

/** What the setup still lacks, in the order the setup asks for it; empty once it is done. */
export function setupMissing({ office, counselor }: SetupFacts): SetupItem[] {
  const present: Record<SetupItem, boolean> = {
    organization: filled(office.organization),
    address: filled(office.street, office.postalCode, office.city) || (office.postbox !== null && filled(office.postbox.postalCode, office.postbox.city)),
    counselorName: filled(counselor.name),
    contact: [counselor.phone, counselor.email, office.phone, office.email].some((value) => filled(value)),
  };
  return SETUP_ITEMS.filter((item) => !present[item]);
}

/** `A; B; C` as one message, each item worded in the reader's language. */
function listMessage([first, ...rest]: [ErrorMessage, ...ErrorMessage[]]): ErrorMessage {
  const [second, ...more] = rest;
  return second === undefined ? first : { key: 'setup.list', params: { first, rest: listMessage([second, ...more]) } };
}

/**
 * Why a letter cannot be finalized yet, naming what is missing: the core's
 * refusal and the app's reminder say the same. `missing` is not empty.
 */
export function setupIncompleteMessage(missing: readonly SetupItem[]): ErrorMessage {
  const [first, ...rest] = missing.map((item): ErrorMessage => ({ key: `setup.item.${item}` }));
  if (first === undefined) throw new Error('setupIncompleteMessage needs at least one missing item');
  return { key: 'setup.incomplete', params: { missing: listMessage([first, ...rest]) } };
}
