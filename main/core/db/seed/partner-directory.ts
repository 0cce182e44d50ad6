import type { Database } from 'better-sqlite3-multiple-ciphers';
import { partnerMatchKey } from '../../../../shared/domain/partner-key';

interface SeedService {
  name: string;
  description?: string;
  status?: 'active' | 'inactive' | 'defunct';
  counselingFields?: string[];
  eligibility?: string;
  minimumAge?: number | null;
  maximumAge?: number | null;
}

interface Seed {
  id: string;
  name: string;
  department?: string;
  description: string;
  counselingFields?: string[];
  address?: { street: string; postalCode: string; city: string };
  postbox?: { label: string; postalCode: string; city: string };
  openingHours?: string;
  services?: SeedService[];
  contacts?: Array<{ name: string; role: string }>;
}

/** Kreis Düren's own published contact data (DOMAIN.md), shared by the two offices at Bismarckstr. 16. */
const KREIS_DUEREN = {
  address: { street: 'Bismarckstr. 16', postalCode: '52351', city: 'Düren' },
  postbox: { label: 'Postfach', postalCode: '52348', city: 'Düren' },
  openingHours: 'Mo–Do 8–16 Uhr, Fr 8–13 Uhr',
};

/**
 * The actors DOMAIN.md names, with only the facts given there; everything
 * else is left empty and the entries unverified (assuredDate null) for the
 * office to complete. Stable ids, so desks that share their directory match
 * the same seed entries.
 */
const SEEDS: Seed[] = [
  {
    id: 'seed-job-com',
    name: 'job-com – kommunales Jobcenter des Kreises Düren',
    department: 'Team Zuwanderung',
    description:
      'Kommunales Jobcenter des Kreises Düren (Grundsicherung nach dem SGB II). Das Team Zuwanderung berät Migrant*innen und Geflüchtete; in begründeten Fällen übernimmt die job-com auf Antrag die Kosten der Anerkennungsberatung.',
    counselingFields: ['recognition', 'training-work'],
    ...KREIS_DUEREN,
    services: [
      { name: 'Beratung im Team Zuwanderung', counselingFields: ['training-work'] },
      { name: 'Kostenübernahme Anerkennungsberatung (auf Antrag)', counselingFields: ['recognition'] },
      { name: 'DIZ – Dürener Integrationszentrum für Arbeit, Ausbildung und Qualifizierung', counselingFields: ['training-work'] },
    ],
    contacts: [{ name: 'Herr Carsten Muschenich', role: 'Teamleitung, Zimmer 225 (Haus D)' }],
  },
  {
    id: 'seed-ki-kreis-dueren',
    name: 'Kreis Düren',
    department: 'Kommunales Integrationszentrum',
    description: 'Koordiniert das Netzwerk der Akteure im Bereich der beruflichen Integration.',
    counselingFields: ['recognition', 'language-courses', 'training-work', 'duldung-gestattung', 'residence-title'],
    ...KREIS_DUEREN,
    contacts: [{ name: 'Frau Silke Nießen', role: 'Teamleitung, Zimmer 68 (Haus A)' }],
  },
  {
    id: 'seed-jmd',
    name: 'Jugendmigrationsdienst (JMD)',
    department: 'SkF Düren',
    description: 'Beratung junger Menschen mit Migrationsgeschichte; in Düren getragen vom SkF Düren.',
    services: [{ name: 'Jugendmigrationsdienst', eligibility: 'junge Menschen von 12 bis 27 Jahren', minimumAge: 12, maximumAge: 27 }],
  },
  {
    id: 'seed-mbe',
    name: 'Migrationsberatung für erwachsene Zuwanderer (MBE)',
    description: 'Beratung erwachsener Zugewanderter.',
    services: [{ name: 'Migrationsberatung für erwachsene Zuwanderer', eligibility: 'Erwachsene ab 27 Jahren', minimumAge: 27 }],
  },
  {
    id: 'seed-iq',
    name: 'IQ Netzwerk NRW',
    department: 'Anerkennungs- und Qualifizierungsberatung',
    description: 'Beratung zur Anerkennung ausländischer Berufsabschlüsse und zu Qualifizierungen.',
    counselingFields: ['recognition'],
    services: [{ name: 'Anerkennungs- und Qualifizierungsberatung', counselingFields: ['recognition'] }],
  },
  {
    id: 'seed-vhs-rur-eifel',
    name: 'Volkshochschule Rur-Eifel',
    description: 'Kurse; bis Sommer 2023 auch Anerkennungsberatung.',
    counselingFields: ['language-courses'],
    services: [
      { name: 'Anerkennungsberatung (bis Sommer 2023)', status: 'defunct', counselingFields: ['recognition'] },
      { name: 'Kurse', counselingFields: ['language-courses'] },
    ],
  },
  {
    id: 'seed-agentur-fuer-arbeit',
    name: 'Agentur für Arbeit',
    description: 'Soll künftig die Kosten der Anerkennungsberatung übernehmen.',
    counselingFields: ['recognition', 'training-work'],
  },
  {
    id: 'seed-auslaenderbehoerde',
    name: 'Kreis Düren',
    department: 'Ausländerbehörde',
    description: 'Zuständig für Aufenthaltstitel, Duldungen und Bescheinigungen.',
    counselingFields: ['duldung-gestattung', 'residence-title'],
  },
  {
    id: 'seed-ihk-fosa',
    name: 'IHK FOSA',
    description: 'Anerkennungsstelle der Industrie- und Handelskammern (Foreign Skills Approval) für die meisten IHK-Berufe.',
    counselingFields: ['recognition'],
    services: [{ name: 'Anerkennung ausländischer Berufsabschlüsse (IHK-Berufe)', counselingFields: ['recognition'] }],
  },
  {
    id: 'seed-hwk',
    name: 'Handwerkskammer',
    description: 'Anerkennungsstelle für Handwerksberufe.',
    counselingFields: ['recognition'],
    services: [{ name: 'Anerkennung ausländischer Berufsabschlüsse (Handwerk)', counselingFields: ['recognition'] }],
  },
  {
    id: 'seed-integrationskurstraeger',
    name: 'Integrationskursträger (Beispiel)',
    description: 'Beispiel-Eintrag für einen Integrationskursträger vor Ort: bitte durch die tatsächlichen Träger ersetzen.',
    counselingFields: ['language-courses'],
    services: [{ name: 'Integrationskurs', counselingFields: ['language-courses'] }],
  },
  {
    id: 'seed-bildungstraeger',
    name: 'Bildungsträger (Beispiel)',
    description: 'Beispiel-Eintrag für einen Bildungsträger vor Ort: bitte durch die tatsächlichen Träger ersetzen.',
    counselingFields: ['training-work'],
  },
  {
    id: 'seed-low-tec',
    name: 'low-tec',
    description:
      'Projekte, gefördert vom Bundesministerium für Arbeit und Soziales und der Europäischen Union über den Europäischen Sozialfonds Plus (ESF Plus).',
    counselingFields: ['training-work'],
  },
];

/** The seed as a stored record: every field of the partner record, empty where DOMAIN.md says nothing. */
function record(seed: Seed) {
  return {
    name: seed.name,
    department: seed.department ?? '',
    description: seed.description,
    counselingFields: seed.counselingFields ?? [],
    address: seed.address ?? { street: '', postalCode: '', city: '' },
    postbox: seed.postbox ?? null,
    openingHours: seed.openingHours ?? '',
    phone: '',
    email: '',
    website: '',
    services: (seed.services ?? []).map((service, index) => ({
      id: `${seed.id}-service-${index + 1}`,
      name: service.name,
      description: service.description ?? '',
      status: service.status ?? 'active',
      counselingFields: service.counselingFields ?? [],
      eligibility: service.eligibility ?? '',
      minimumAge: service.minimumAge ?? null,
      maximumAge: service.maximumAge ?? null,
      languages: [],
      fees: '',
      applicationProcess: '',
    })),
    contacts: (seed.contacts ?? []).map((contact, index) => ({ id: `${seed.id}-contact-${index + 1}`, ...contact, phone: '', email: '' })),
    notes: '',
    assuredDate: null,
    assuredBy: '',
  };
}

/** Written by migration 0030 with the table, never again (see ./index.ts): an office may delete a seeded partner. */
export function seedPartnerDirectory(db: Database, now: string): void {
  const insert = db.prepare(
    `INSERT INTO partners (id, name, name_key, postal_code, assured_date, archived, record, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, 0, ?, ?, ?)`,
  );
  for (const seed of SEEDS) {
    insert.run(seed.id, seed.name, partnerMatchKey(seed.name, seed.department ?? ''), seed.address?.postalCode ?? '', JSON.stringify(record(seed)), now, now);
  }
}
