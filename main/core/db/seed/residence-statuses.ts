import type { Database } from 'better-sqlite3-multiple-ciphers';

interface StatusSeed {
  code: string;
  label: string;
  expires: boolean;
  leadDays: number;
  reminder: string;
}

/**
 * Residence statuses as data (DOMAIN.md): a change in law is an edit of a
 * row in the settings screen, not a release. Labels and reminders carry the
 * legal state of their `stand` date.
 */
const STAND = '2026-01-01';
const STATUS_SEEDS: StatusSeed[] = [
  {
    code: 'aufenthaltserlaubnis',
    label: 'Aufenthaltserlaubnis',
    expires: true,
    leadDays: 90,
    reminder: 'Verlängerung rechtzeitig vor Ablauf bei der Ausländerbehörde beantragen.',
  },
  { code: 'niederlassungserlaubnis', label: 'Niederlassungserlaubnis', expires: false, leadDays: 90, reminder: '' },
  { code: 'daueraufenthalt-eu', label: 'Erlaubnis zum Daueraufenthalt-EU', expires: false, leadDays: 90, reminder: '' },
  { code: 'eu-freizuegigkeit', label: 'EU-/EWR-Staatsangehörigkeit (Freizügigkeit)', expires: false, leadDays: 90, reminder: '' },
  {
    code: 'p24',
    label: 'Aufenthaltserlaubnis nach § 24 AufenthG (vorübergehender Schutz, Ukraine)',
    expires: true,
    leadDays: 90,
    reminder: 'Aufenthaltserlaubnisse nach § 24 AufenthG gelten nach derzeitigem Stand bis 04.03.2027 fort. Rechtzeitig die weitere Perspektive klären.',
  },
  {
    code: 'p104c',
    label: 'Chancen-Aufenthaltsrecht (§ 104c AufenthG)',
    expires: true,
    leadDays: 90,
    reminder:
      'Vor Ablauf eine Aufenthaltserlaubnis nach § 25a oder § 25b AufenthG beantragen: Nur ein Antrag vor Ablauf erhält die Fiktionswirkung. Das Chancen-Aufenthaltsrecht kann nicht verlängert werden.',
  },
  {
    code: 'p25a',
    label: 'Aufenthaltserlaubnis nach § 25a AufenthG (gut integrierte Jugendliche)',
    expires: true,
    leadDays: 90,
    reminder: 'Verlängerung rechtzeitig vor Ablauf beantragen.',
  },
  {
    code: 'p25b',
    label: 'Aufenthaltserlaubnis nach § 25b AufenthG (nachhaltige Integration)',
    expires: true,
    leadDays: 90,
    reminder: 'Verlängerung rechtzeitig vor Ablauf beantragen.',
  },
  {
    code: 'duldung',
    label: 'Duldung (§ 60a AufenthG)',
    expires: true,
    leadDays: 30,
    reminder: 'Verlängerung der Duldung rechtzeitig bei der Ausländerbehörde beantragen; Bleibeperspektive (§ 25a, § 25b) prüfen.',
  },
  {
    code: 'gestattung',
    label: 'Aufenthaltsgestattung (Asylverfahren)',
    expires: true,
    leadDays: 30,
    reminder: 'Verlängerung der Gestattung rechtzeitig beantragen.',
  },
  { code: 'fiktion', label: 'Fiktionsbescheinigung', expires: true, leadDays: 30, reminder: 'Verlängerung der Fiktionsbescheinigung rechtzeitig beantragen.' },
  { code: 'eingebuergert', label: 'Eingebürgert (deutsche Staatsangehörigkeit)', expires: false, leadDays: 90, reminder: '' },
  { code: 'sonstiges', label: 'Sonstiges', expires: true, leadDays: 90, reminder: '' },
];

/** Written by migration 0020 with the table (see ./index.ts for why there and only there). */
export function seedResidenceStatuses(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO residence_statuses (code, position, label, expires, reminder_lead_days, reminder_text, stand)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  STATUS_SEEDS.forEach((status, position) => insert.run(status.code, position, status.label, status.expires ? 1 : 0, status.leadDays, status.reminder, STAND));
}
