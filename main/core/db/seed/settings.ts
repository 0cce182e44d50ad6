import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../../../shared/api/contract';
import type { Db } from '../open';
import { readSettings, writeSettings, type StoredSettings } from '../queries/settings';

/**
 * What a fresh install starts with: no office and no counselor, so that no
 * letter goes out in anybody else's name; the first-run setup asks for them
 * (shared/domain/setup.ts). Consents are shown 30 days before they run out.
 */
export const FRESH_SETTINGS = {
  office: {
    organization: '',
    department: '',
    street: '',
    postalCode: '',
    city: '',
    room: '',
    postbox: null,
    phone: '',
    email: '',
    web: '',
    hours: '',
    contact: '',
    logo: null,
  },
  counselor: { name: '', title: '', phone: '', email: '' },
  deadlines: { consentLeadDays: 30 },
  // The newest daily backup of each of 7 days and of each of 4 weeks (services/backup.ts).
  backups: { keepDaily: 7, keepWeekly: 4 },
  // Closed cases are listed for review 36 months after closing: a starting value only, each office sets its own period (DOMAIN.md, Retention).
  retention: { closedCaseMonths: 36 },
} satisfies Settings & StoredSettings;

/**
 * Office entries added after the first release, with what settings stored
 * before get: empty, as in a fresh install.
 */
const LATER_OFFICE_DEFAULTS: Pick<StoredSettings['office'], 'contact' | 'logo'> = { contact: '', logo: null };

/** A part saved by an older version that lacks a newer part or field gets its default. */
function completed(stored: Partial<StoredSettings> | undefined): StoredSettings {
  return {
    office: stored?.office ? { ...LATER_OFFICE_DEFAULTS, ...stored.office } : FRESH_SETTINGS.office,
    counselor: stored?.counselor ?? FRESH_SETTINGS.counselor,
    deadlines: stored?.deadlines ?? FRESH_SETTINGS.deadlines,
    backups: stored?.backups ?? FRESH_SETTINGS.backups,
    retention: stored?.retention ?? FRESH_SETTINGS.retention,
  };
}

/** Writes the fresh settings into a new store, and what a newer version added into settings stored by an older one. */
export function seedSettings(db: Db): void {
  const stored = readSettings(db);
  const complete = completed(stored);
  if (!isDeepStrictEqual(complete, stored)) writeSettings(db, complete);
}
