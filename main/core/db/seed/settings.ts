import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../../../shared/api/contract';
import type { Db } from '../open';
import { readSettings, writeSettings, type StoredSettings } from '../queries/settings';

/**
 * What a fresh install starts with: the letterhead of the Kommunales
 * Integrationszentrum Kreis Düren (DOMAIN.md; only facts the district
 * publishes, phone and e-mail are left for the office to fill in), and
 * consents shown 30 days before they run out.
 */
export const SAMPLE_SETTINGS = {
  office: {
    organization: 'Kreis Düren',
    department: 'Kommunales Integrationszentrum',
    street: 'Bismarckstr. 16',
    postalCode: '52351',
    city: 'Düren',
    room: 'Zimmer 68 (Haus A)',
    postbox: { label: 'Postfach', postalCode: '52348', city: 'Düren' },
    phone: '',
    email: '',
    web: '',
    hours: 'Mo–Do 8–16 Uhr, Fr 8–13 Uhr',
    contact: '',
    logo: null,
  },
  counselor: { name: 'Silke Nießen', title: 'Teamleitung', phone: '', email: '' },
  deadlines: { consentLeadDays: 30 },
} satisfies Settings & StoredSettings;

/**
 * Office entries added after the first release, with what settings stored
 * before get: empty, never the sample's, which would put another office's
 * facts into a letterhead.
 */
const LATER_OFFICE_DEFAULTS: Pick<StoredSettings['office'], 'contact' | 'logo'> = { contact: '', logo: null };

/** A part saved by an older version that lacks a newer part or field gets its default. */
function completed(stored: Partial<StoredSettings> | undefined): StoredSettings {
  return {
    office: stored?.office ? { ...LATER_OFFICE_DEFAULTS, ...stored.office } : SAMPLE_SETTINGS.office,
    counselor: stored?.counselor ?? SAMPLE_SETTINGS.counselor,
    deadlines: stored?.deadlines ?? SAMPLE_SETTINGS.deadlines,
  };
}

/** Writes the sample settings into a fresh store, and what a newer version added into settings stored by an older one. */
export function seedSettings(db: Db): void {
  const stored = readSettings(db);
  const complete = completed(stored);
  if (!isDeepStrictEqual(complete, stored)) writeSettings(db, complete);
}
