import type { TFunction } from 'i18next';
import type { ConflictSubject } from '../../../../shared/api/contract';
import { de } from '../../i18n/de';

/**
 * A conflict names its fields by their path in the stored record
 * (`family_name`, `details.phone`, `record.address.city`, `languages.0.language`).
 * The review shows the words the forms use for them ("Familienname",
 * "Telefon", "Anschrift › Ort"); a path it does not know is shown as it is,
 * so nothing is ever hidden.
 */

type ClientField = keyof typeof de.clientFields;
type PartnerField = keyof typeof de.partnerFields;
type ConflictField = keyof typeof de.team.conflicts.fields;

const CLIENT_FIELDS = new Set(Object.keys(de.clientFields)) as ReadonlySet<string>;
const PARTNER_FIELDS = new Set(Object.keys(de.partnerFields)) as ReadonlySet<string>;
const CONFLICT_FIELDS = new Set(Object.keys(de.team.conflicts.fields)) as ReadonlySet<string>;

/** Names a store keeps under another name than the form's. */
const ALIASES: Readonly<Record<string, string>> = { addressAddition: 'addition' };

/** Containers of a record's fields: their name says nothing to a person. */
const CONTAINERS = new Set(['details', 'record', 'values']);

function camel(segment: string): string {
  const camelled = segment.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return ALIASES[camelled] ?? camelled;
}

function wordFor(t: TFunction, subject: ConflictSubject, segment: string): string | null {
  const key = camel(segment);
  const client = CLIENT_FIELDS.has(key) ? t(`clientFields.${key as ClientField}`) : null;
  const partner = PARTNER_FIELDS.has(key) ? t(`partnerFields.${key as PartnerField}`) : null;
  const general = CONFLICT_FIELDS.has(key) ? t(`team.conflicts.fields.${key as ConflictField}`) : null;
  // A person's record reads in the client form's words, a partner's in the directory's, anything else in plain ones.
  if (subject === 'client' || subject === 'consent') return client ?? general ?? partner;
  if (subject === 'partner') return partner ?? client ?? general;
  return general ?? client ?? partner;
}

/** The field's name as the forms say it, e.g. `details.languages.0.language` → "Sprachen 1 › language". */
export function fieldLabel(t: TFunction, subject: ConflictSubject, path: string): string {
  const segments = path.split('.').filter((segment) => segment !== '');
  while (segments.length > 1 && CONTAINERS.has(segments[0]!)) segments.shift();
  const [head, ...rest] = segments;
  const headWord = head === undefined ? null : wordFor(t, subject, head);
  if (headWord === null) return path;
  const words = [headWord];
  for (const segment of rest) {
    if (/^\d+$/.test(segment)) words[words.length - 1] = `${words[words.length - 1]} ${Number(segment) + 1}`;
    else words.push(wordFor(t, subject, segment) ?? segment);
  }
  return words.join(' › ');
}
