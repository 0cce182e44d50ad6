import type { Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { readSetting, writeSetting } from '../db/queries/settings';

/**
 * What a fresh install starts with: the letterhead of the Kommunales
 * Integrationszentrum Kreis Düren (DOMAIN.md; only facts the district
 * publishes, phone and e-mail are left for the office to fill in), and
 * consents shown 30 days before they run out.
 */
export const SAMPLE_SETTINGS: Settings = {
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
  },
  counselor: { name: 'Silke Nießen', title: 'Teamleitung', phone: '', email: '' },
  deadlines: { consentLeadDays: 30 },
};

const KEY = 'settings';

/** The stored settings; a part saved by an older version that lacks a newer part gets its default. */
export function getSettings(core: Core): Settings {
  const stored = (readSetting(core.db, KEY) ?? {}) as Partial<Settings>;
  return {
    office: stored.office ?? SAMPLE_SETTINGS.office,
    counselor: stored.counselor ?? SAMPLE_SETTINGS.counselor,
    deadlines: stored.deadlines ?? SAMPLE_SETTINGS.deadlines,
  };
}

export function updateSettings(core: Core, settings: Settings): Settings {
  core.db.transaction(() => writeSetting(core.db, KEY, settings))();
  return settings;
}
