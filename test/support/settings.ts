import type { Settings } from '../../shared/api/contract';

/**
 * A complete letterhead for tests: the Kreis Düren office as the district
 * publishes it (DOMAIN.md), with a phone and e-mail, and a fictional
 * counselor, never a real person. openTestCore and the e2e fixture save it,
 * so that letters can be finalized; a fresh install has none (FRESH_SETTINGS).
 */
export const TEST_SETTINGS: Settings = {
  office: {
    organization: 'Kreis Düren',
    department: 'Kommunales Integrationszentrum',
    street: 'Bismarckstr. 16',
    postalCode: '52351',
    city: 'Düren',
    room: 'Zimmer 68 (Haus A)',
    postbox: { label: 'Postfach', postalCode: '52348', city: 'Düren' },
    phone: '02421 22-1234',
    email: 'ki@kreis-dueren.de',
    web: '',
    hours: 'Mo–Do 8–16 Uhr, Fr 8–13 Uhr',
    contact: '',
    logo: null,
  },
  counselor: { name: 'Erika Mustermann', title: 'Teamleitung', phone: '', email: 'erika.mustermann@example.org' },
  deadlines: { consentLeadDays: 30 },
};
