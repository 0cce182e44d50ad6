import type { FormDefinitionSource } from './definition';

/** The legal state of the wording below (⚖): offices change it in the template screen, which makes a new version. */
const STAND = '2026-11-01';

/**
 * The information a person gets when they ask what Lotse holds about them
 * (GDPR Art. 15). Lotse fills it from the record itself
 * (`services/data-access-information.ts`): the person's facts, consents,
 * documents, recipients and the audit lines about them are printed between
 * the introduction and the explanations. Only the wording is the office's,
 * so it is never offered as a new document.
 */
export const dataAccessInformation: FormDefinitionSource = {
  id: 'data-access-information',
  version: 1,
  title: 'Auskunft nach Art. 15 DSGVO',
  description:
    'Auskunft an eine Person über alle Daten, die Lotse über sie enthält. Lotse füllt sie beim Export der Daten einer Person (Art. 15 DSGVO) aus dem Datensatz; hier lässt sich der Wortlaut der Erläuterungen ändern.',
  layout: 'letter',
  recipient: 'client',
  purpose: 'data-access',
  letter: { subject: 'Auskunft über Ihre bei uns gespeicherten Daten', salutation: '{{salutation}}', closing: 'Mit freundlichen Grüßen' },
  sections: [
    {
      id: 'intro',
      title: 'Einleitung',
      printTitle: false,
      fields: [
        {
          id: 'intro',
          type: 'block',
          label: 'Einleitung',
          text:
            'Sie haben uns gefragt, welche Daten wir über Sie gespeichert haben. Nach Art. 15 der Datenschutz-Grundverordnung (DSGVO) haben Sie ein Recht auf diese Auskunft. ' +
            'Auf den folgenden Seiten steht alles, was unser Beratungsprogramm am {{today}} über Sie enthält: Ihre Angaben, Ihre Einwilligungen, die Schreiben und Formulare, die wir für Sie erstellt haben, an wen Daten gegangen sind, und wann Ihre Daten bearbeitet wurden.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'explanations',
      title: 'Was Sie außerdem wissen sollten',
      fields: [
        {
          id: 'controller',
          type: 'block',
          label: 'Verantwortlich',
          text: 'Verantwortlich für die Verarbeitung Ihrer Daten ist: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
          stand: STAND,
        },
        {
          id: 'purposes',
          type: 'block',
          label: 'Zweck und Herkunft',
          text:
            'Wir verarbeiten Ihre Daten, um Sie zu beraten und zu begleiten, zum Beispiel bei der Anerkennung ausländischer Abschlüsse, beim Zugang zu Sprachkursen, Ausbildung und Arbeit und in Fragen des Aufenthalts. ' +
            'Die Daten stammen von Ihnen selbst oder, mit Ihrer Einwilligung, von den Stellen, mit denen wir für Sie zusammenarbeiten.',
          stand: STAND,
        },
        {
          id: 'retention',
          type: 'block',
          label: 'Speicherdauer',
          text: 'Wir löschen Ihre Daten, wenn sie für die Beratung nicht mehr gebraucht werden. Nach dem Abschluss Ihres Falls bewahren wir sie nur so lange auf, wie unsere Aufbewahrungsfrist es vorsieht (§ 84 SGB X).',
          stand: STAND,
        },
        {
          id: 'rights',
          type: 'block',
          label: 'Ihre Rechte',
          text:
            'Sie können verlangen, dass wir falsche Angaben berichtigen (Art. 16 DSGVO), Daten löschen (Art. 17 DSGVO) oder ihre Verarbeitung einschränken (Art. 18 DSGVO), und Sie können der Verarbeitung widersprechen (Art. 21 DSGVO). ' +
            'Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen. ' +
            'Sie können sich außerdem bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
          stand: STAND,
        },
      ],
    },
  ],
};
