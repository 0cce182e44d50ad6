/**
 * Stable codes of residence statuses (DOMAIN.md). Labels, expiry rules and
 * reminder texts are data in the store, so a change in law is an edit, not a
 * release; only the codes are fixed here because other scripts rely on them.
 */
export const RESIDENCE_STATUS_CODES = [
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'daueraufenthalt-eu',
  'eu-freizuegigkeit',
  'p24',
  'p104c',
  'p25a',
  'p25b',
  'duldung',
  'gestattung',
  'fiktion',
  'eingebuergert',
  'sonstiges',
] as const;

export type ResidenceStatusCode = (typeof RESIDENCE_STATUS_CODES)[number];
