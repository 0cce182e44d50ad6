import type { FormDefinitionSource } from './definition';
import { dataProcessingInformationTranslations } from './translations/data-processing-information';

/** The legal state of the wording below (⚖): offices change it in the template screen, which makes a new version. */
const STAND = '2026-11-01';

/**
 * The information a person gets when the office first collects their data
 * (Art. 13 GDPR, issue 17): controller and contact, data-protection officer,
 * purposes, legal bases, recipients, retention, rights, the supervisory
 * authority, whether they must give data, no automated decisions. A sheet
 * to hand out at the first meeting (no recipient, no consent gate), with the
 * name as the person writes it beside the Latin form. Every legal statement
 * is a text block with its Stand; the paragraphs it cites are wording, not code.
 */
export const dataProcessingInformation: FormDefinitionSource = {
  id: 'data-processing-information',
  version: 1,
  title: 'Information zur Verarbeitung Ihrer Daten',
  description:
    'Informationsblatt nach Art. 13 DSGVO zum Aushändigen beim ersten Gespräch: wer Daten verarbeitet, wozu, auf welcher Grundlage, an wen, wie lange, welche Rechte bestehen; zweisprachig druckbar.',
  layout: 'form',
  recipient: 'none',
  sections: [
    {
      id: 'person',
      title: 'Für',
      fields: [
        { id: 'clientName', type: 'text', label: 'Name', max: 200, prefill: 'client.fullName', personal: 'identity' },
        {
          id: 'nameInOwnScript',
          type: 'text',
          label: 'Name in eigener Schrift',
          help: 'Vorbelegt aus den weiteren Namen des Datensatzes, die nicht in lateinischer Schrift geschrieben sind.',
          max: 200,
          prefill: 'client.nameInOwnScript',
          personal: 'identity',
        },
      ],
    },
    {
      id: 'controller',
      title: 'Verantwortliche Stelle',
      fields: [
        {
          id: 'controllerText',
          type: 'block',
          label: 'Verantwortlich',
          text:
            'Verantwortlich für die Verarbeitung Ihrer Daten ist: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}, ' +
            'Telefon {{settings.office.phone}}, E-Mail {{settings.office.email}}. Ihre Ansprechperson ist {{settings.counselor.name}}.',
          stand: STAND,
        },
        {
          id: 'dataProtectionOfficerText',
          type: 'block',
          label: 'Datenschutzbeauftragte',
          text: 'Die oder den behördlichen Datenschutzbeauftragten erreichen Sie unter der Anschrift der verantwortlichen Stelle mit dem Zusatz „Datenschutzbeauftragte/r“.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'processing',
      title: 'Zwecke und Rechtsgrundlagen',
      fields: [
        {
          id: 'purposesText',
          type: 'block',
          label: 'Wozu wir Ihre Daten verarbeiten',
          text:
            'Wir verarbeiten Ihre Daten, um Sie zu beraten und zu begleiten, zum Beispiel zu Ihrem Aufenthalt, zur Anerkennung Ihrer Abschlüsse, zu Sprachkursen, Ausbildung und Arbeit. ' +
            'Dazu gehört, Termine zu vereinbaren, Fristen im Blick zu behalten und Schreiben für Sie vorzubereiten.',
          stand: STAND,
        },
        {
          id: 'legalBasisText',
          type: 'block',
          label: 'Rechtsgrundlagen',
          text:
            'Die Verarbeitung ist für die Beratung erforderlich, die wir als öffentliche Aufgabe wahrnehmen (Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW; für Sozialdaten §§ 67 ff. SGB X). ' +
            'An andere Stellen übermitteln wir Daten nur mit Ihrer schriftlichen Einwilligung (Art. 6 Abs. 1 Buchst. a, Art. 7 DSGVO, § 67b Abs. 2 SGB X) oder wenn ein Gesetz es erlaubt (§§ 68 bis 77 SGB X). ' +
            'Gesundheitsdaten verarbeiten wir nur mit Ihrer ausdrücklichen Einwilligung (Art. 9 Abs. 2 Buchst. a DSGVO).',
          stand: STAND,
        },
      ],
    },
    {
      id: 'sharing',
      title: 'Empfänger und Speicherdauer',
      fields: [
        {
          id: 'recipientsText',
          type: 'block',
          label: 'Wer Ihre Daten erhält',
          text:
            'In unserer Stelle erhalten nur die Beschäftigten Ihre Daten, die Sie beraten oder dabei vertreten. An andere Stellen, zum Beispiel Jobcenter, Agentur für Arbeit, Ausländerbehörde, Anerkennungsstellen, Sprachkursträger oder Beratungsstellen, ' +
            'geben wir Daten nur mit Ihrer Einwilligung oder auf gesetzlicher Grundlage weiter. Welche Stelle welche Daten erhält, steht dann in Ihrer Einwilligung. Daten gehen nicht in Länder außerhalb der Europäischen Union.',
          stand: STAND,
        },
        {
          id: 'retentionText',
          type: 'block',
          label: 'Wie lange wir Ihre Daten speichern',
          text:
            'Wir speichern Ihre Daten, solange wir Sie beraten. Danach löschen wir sie, sobald sie für die Beratung nicht mehr erforderlich sind und keine Aufbewahrungspflicht mehr besteht (Art. 17 DSGVO, § 84 SGB X). ' +
            'Eine Einwilligung bewahren wir als Nachweis auf, solange wir die Daten speichern, auf die sie sich bezieht.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'rights',
      title: 'Ihre Rechte',
      fields: [
        {
          id: 'rightsText',
          type: 'block',
          label: 'Rechte',
          text:
            'Sie haben das Recht auf Auskunft über Ihre Daten (Art. 15 DSGVO), auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO), jeweils nach Maßgabe der §§ 82 bis 84 SGB X. ' +
            'Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO); was bis dahin geschehen ist, bleibt rechtmäßig.',
          stand: STAND,
        },
        {
          id: 'complaintText',
          type: 'block',
          label: 'Beschwerde',
          text: 'Sie können sich bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'further',
      title: 'Weitere Hinweise',
      fields: [
        {
          id: 'provisionText',
          type: 'block',
          label: 'Müssen Sie Daten angeben?',
          text:
            'Die Beratung ist freiwillig. Sie sind nicht verpflichtet, uns Daten zu geben. Ohne Angaben zu Ihrer Person und Ihrem Anliegen können wir Sie aber nur allgemein beraten. ' +
            'Wenn Sie Angaben nicht machen, hat das keine Folgen für Ihre Sozialleistungen.',
          stand: STAND,
        },
        {
          id: 'automatedText',
          type: 'block',
          label: 'Automatisierte Entscheidungen',
          text: 'Wir treffen keine Entscheidungen über Sie, die allein automatisiert sind, und erstellen kein Profil von Ihnen (Art. 22 DSGVO).',
          stand: STAND,
        },
      ],
    },
    {
      id: 'handover',
      title: 'Ausgehändigt',
      fields: [
        { id: 'handedOutOn', type: 'date', label: 'Ausgehändigt am', prefill: 'today' },
        { id: 'handedOutBy', type: 'text', label: 'Ausgehändigt von', max: 200, prefill: 'settings.counselor.name' },
      ],
    },
  ],
  translations: dataProcessingInformationTranslations,
};
