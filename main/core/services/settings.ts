import type { Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { readSetting, writeSetting } from '../db/queries/settings';

/**
 * The letterhead a fresh install starts with: the Kommunales
 * Integrationszentrum Kreis Düren (DOMAIN.md). Only facts the district
 * publishes; phone and e-mail are left for the office to fill in.
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
};

const KEY = 'letterhead';

export function getSettings(core: Core): Settings {
  return (readSetting(core.db, KEY) as Settings | undefined) ?? SAMPLE_SETTINGS;
}

export function updateSettings(core: Core, settings: Settings): Settings {
  core.db.transaction(() => writeSetting(core.db, KEY, settings))();
  return settings;
}
