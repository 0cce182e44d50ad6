import type { FormDefinitionSource } from './definition';

/** Date of the legal state the wording below describes (⚖, DOMAIN.md). */
const STAND = '2026-11-01';

/**
 * Referral to a language or integration course (DOMAIN.md, built-in form 4),
 * sent to the course provider the document names. It carries the registration
 * data of § 7 Abs. 1 IntV and a return slip the provider fills in by hand.
 */
export const courseReferral: FormDefinitionSource = {
  id: 'course-referral',
  version: 1,
  title: 'Vermittlung in einen Sprach- oder Integrationskurs',
  description: 'Anmeldung einer Person bei einem Kursträger mit den Anmeldedaten nach § 7 IntV und einem Rückmeldeabschnitt für den Kursträger.',
  layout: 'form',
  recipient: 'partner',
  consentGate: true,
  consentPurpose: 'Anmeldung zu einem Sprach- oder Integrationskurs bei {{partner.name}}: {{courseType}}',
  tracksReferral: true,
  sections: [
    {
      id: 'course',
      title: 'Kurs',
      fields: [
        {
          id: 'courseType',
          type: 'select',
          label: 'Kursart',
          required: true,
          options: [
            { value: 'integrationskurs', label: 'Integrationskurs (allgemein)' },
            { value: 'berufssprachkurs-basis', label: 'Berufssprachkurs Basis' },
            { value: 'berufssprachkurs-spezial', label: 'Berufssprachkurs Spezial' },
            { value: 'alphabetisierungskurs', label: 'Alphabetisierungskurs' },
            { value: 'jugendintegrationskurs', label: 'Jugendintegrationskurs' },
            { value: 'elternintegrationskurs', label: 'Elternintegrationskurs' },
            { value: 'frauenintegrationskurs', label: 'Frauenintegrationskurs' },
            { value: 'sonstiger', label: 'sonstiger Kurs' },
          ],
        },
        {
          id: 'courseOther',
          type: 'text',
          label: 'Welcher Kurs',
          max: 200,
          required: true,
          showIf: { field: 'courseType', equals: 'sonstiger' },
        },
        {
          id: 'basis',
          type: 'select',
          label: 'Grundlage',
          required: true,
          options: [
            { value: 'entitlement', label: 'Teilnahmeberechtigung (§ 44 Abs. 1 AufenthG)' },
            { value: 'obligation', label: 'Verpflichtung durch das Jobcenter (§ 44a Abs. 1 Satz 1 Nr. 2 AufenthG)' },
            { value: 'admission', label: 'Zulassung durch das Bundesamt (§ 44 Abs. 4 AufenthG)' },
            { value: 'berufssprachkurs', label: 'Berufssprachkurs (§ 45a AufenthG)' },
            { value: 'other', label: 'sonstige Grundlage' },
          ],
        },
        {
          id: 'basisProof',
          type: 'text',
          label: 'Nachweis',
          help: 'z. B. Bestätigung der Teilnahmeberechtigung vom …, Aufforderung des Jobcenters vom …, Berechtigungsschein mit Kennziffer.',
          max: 300,
          personal: 'residence',
        },
        {
          id: 'basisText',
          type: 'block',
          label: 'Zu den Grundlagen',
          text:
            'Teilnahmeberechtigung (§ 44 Abs. 1 AufenthG): Anspruch auf einmalige Teilnahme, bestätigt durch die Ausländerbehörde. ' +
            'Verpflichtung (§ 44a Abs. 1 Satz 1 Nr. 2 AufenthG): Wer Leistungen nach dem SGB II bezieht, kann vom Jobcenter zur Teilnahme aufgefordert werden; die Person muss sich dann unverzüglich anmelden und die Anmeldung nachweisen (§ 7 Abs. 2 IntV). ' +
            'Zulassung im Rahmen freier Kursplätze (§ 44 Abs. 4 AufenthG): Das Bundesamt für Migration und Flüchtlinge lässt seit Ende 2025 bis auf Weiteres keine Personen auf diesem Weg zu. ' +
            'Berufssprachkurse (§ 45a AufenthG, Deutschsprachförderverordnung): Zugang mit Berechtigung des Jobcenters, der Agentur für Arbeit oder des Bundesamts.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'registrationData',
      title: 'Anmeldedaten (§ 7 IntV)',
      fields: [
        { id: 'familyName', type: 'text', label: 'Name', required: true, max: 200, prefill: 'client.familyName', personal: 'identity' },
        { id: 'givenName', type: 'text', label: 'Vorname', max: 200, prefill: 'client.givenName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', required: true, prefill: 'client.birthDate', personal: 'identity' },
        { id: 'birthPlace', type: 'text', label: 'Geburtsort', max: 200, prefill: 'client.birthPlace', personal: 'identity' },
        { id: 'address', type: 'text', label: 'Anschrift', required: true, max: 300, prefill: 'client.addressLine', personal: 'contact' },
        { id: 'howToReach', type: 'text', label: 'Erreichbarkeit', max: 300, prefill: 'client.howToReach', personal: 'contact' },
        { id: 'nationalities', type: 'text', label: 'Staatsangehörigkeiten', max: 300, prefill: 'client.nationalities', personal: 'identity' },
        { id: 'sex', type: 'text', label: 'Geschlecht', max: 30, prefill: 'client.sex', personal: 'identity' },
        { id: 'languages', type: 'text', label: 'Sprachen', max: 300, prefill: 'client.languages', personal: 'language-education' },
        {
          id: 'literacy',
          type: 'select',
          label: 'Schreibkundigkeit',
          personal: 'language-education',
          options: [
            { value: 'latin', label: 'liest und schreibt in lateinischer Schrift' },
            { value: 'other-script', label: 'liest und schreibt nur in einer anderen Schrift' },
            { value: 'limited', label: 'liest und schreibt wenig' },
            { value: 'none', label: 'liest und schreibt nicht' },
            { value: 'unknown', label: 'noch nicht geklärt' },
          ],
        },
        {
          id: 'education',
          type: 'textarea',
          label: 'Bildungsstand',
          help: 'Schulbesuch (Jahre, Abschluss) und Berufsausbildung oder Studium.',
          max: 2000,
          prefill: 'client.education',
          personal: 'language-education',
        },
        {
          id: 'germanLevel',
          type: 'text',
          label: 'Deutschkenntnisse',
          help: 'Niveau nach dem Gemeinsamen Europäischen Referenzrahmen, z. B. A2.',
          max: 30,
          prefill: 'client.germanLevel',
          personal: 'language-education',
        },
        {
          id: 'germanCertificate',
          type: 'text',
          label: 'Letztes Zertifikat',
          max: 200,
          prefill: 'client.germanCertificate',
          personal: 'language-education',
        },
        { id: 'germanCertificateDate', type: 'date', label: 'Zertifikat vom', prefill: 'client.germanCertificateDate', personal: 'language-education' },
        { id: 'childcareNeeded', type: 'checkbox', label: 'Kinderbetreuung nötig', personal: 'counseling' },
        {
          id: 'childcareDetails',
          type: 'text',
          label: 'Kinderbetreuung',
          help: 'Anzahl und Alter der Kinder, ab wann.',
          max: 300,
          showIf: { field: 'childcareNeeded', equals: true },
          personal: 'counseling',
        },
        {
          id: 'availability',
          type: 'textarea',
          label: 'Zeitliche Verfügbarkeit',
          help: 'Mögliche Kurszeiten, z. B. nur vormittags, Teilzeit wegen Arbeit, ab welchem Datum.',
          max: 1000,
          personal: 'counseling',
        },
      ],
    },
    {
      id: 'registration',
      title: 'Anmeldung',
      fields: [
        {
          id: 'registerBy',
          type: 'date',
          label: 'Anmeldung bis',
          help: 'Bis wann die Anmeldung erfolgen soll, z. B. die Frist aus der Aufforderung des Jobcenters.',
        },
        {
          id: 'remarks',
          type: 'textarea',
          label: 'Hinweise',
          help: 'Besonderheiten für den Kursträger, z. B. gewünschter Kursort.',
          max: 2000,
          personal: 'counseling',
        },
      ],
    },
    {
      id: 'costs',
      title: 'Kosten',
      fields: [
        { id: 'costExemption', type: 'checkbox', label: 'Kostenbefreiung beantragt', personal: 'benefits' },
        { id: 'travelAllowance', type: 'checkbox', label: 'Fahrtkostenzuschuss beantragt', personal: 'benefits' },
        {
          id: 'costText',
          type: 'block',
          label: 'Zu den Kosten',
          text:
            'Im Integrationskurs zahlen Teilnahmeberechtigte grundsätzlich einen Kostenbeitrag je Unterrichtsstunde (§ 9 Abs. 1 IntV). ' +
            'Wer Leistungen nach dem SGB II oder nach dem SGB XII bezieht, wird auf Antrag davon befreit (§ 9 Abs. 2 IntV); der Antrag kann mit der Anmeldung gestellt werden (§ 7 Abs. 1 IntV). ' +
            'Einen Zuschuss zu den Fahrtkosten kann das Bundesamt für Migration und Flüchtlinge auf Antrag gewähren (§ 4a IntV). ' +
            'Berufssprachkurse sind für Personen mit Leistungen nach dem SGB II kostenfrei.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'consequences',
      title: 'Rechtsfolgen',
      fields: [
        {
          id: 'consequencesText',
          type: 'block',
          label: 'Hinweis auf Rechtsfolgen',
          text:
            'Wer zur Teilnahme verpflichtet ist und sich ohne wichtigen Grund nicht unverzüglich anmeldet, nicht regelmäßig teilnimmt oder den Abschlusstest nicht ablegt, muss mit Folgen rechnen: ' +
            'Das Jobcenter kann die Leistungen nach dem SGB II mindern. Die Ausländerbehörde berücksichtigt die Verletzung der Teilnahmepflicht bei der Verlängerung der Aufenthaltserlaubnis (§ 8 Abs. 3 AufenthG); ' +
            'sie kann die Teilnahme mit Mitteln des Verwaltungszwangs durchsetzen und den Kostenbeitrag in einer Summe verlangen (§ 44a Abs. 3 AufenthG).',
          stand: STAND,
        },
      ],
    },
    {
      id: 'dataProtection',
      title: 'Datenschutz',
      fields: [
        {
          id: 'consentSignedOn',
          type: 'date',
          label: 'Einwilligung vom',
          help: 'Datum der unterschriebenen Einwilligung, die diesen Kursträger als Empfänger nennt.',
          prefill: 'consent.signedOn',
        },
        {
          id: 'consentReference',
          type: 'block',
          label: 'Einwilligung',
          text: 'Die Angaben in dieser Anmeldung geben wir auf Grundlage der schriftlichen Einwilligung der Person vom {{consentSignedOn}} weiter (Art. 6 Abs. 1 Buchst. a DSGVO, § 67b Abs. 2 SGB X).',
          stand: STAND,
          showIf: { field: 'consentSignedOn', filled: true },
        },
        {
          id: 'dataProtectionNote',
          type: 'block',
          label: 'Hinweis zum Datenschutz',
          text:
            'Die übermittelten Angaben sind Sozialdaten (§ 35 SGB I, §§ 67 ff. SGB X). Sie dürfen sie nur für die Anmeldung und Durchführung des Kurses verarbeiten (§ 78 SGB X) und nur im Rahmen von § 8 IntV an das Bundesamt weitergeben. ' +
            'Bitte löschen Sie sie, sobald Sie sie dafür nicht mehr benötigen.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'sender',
      title: 'Anmeldende Stelle',
      fields: [
        { id: 'counselorName', type: 'text', label: 'Ansprechperson', required: true, max: 200, prefill: 'settings.counselor.name' },
        { id: 'counselorOffice', type: 'text', label: 'Stelle', max: 300, prefill: 'settings.office.department' },
        { id: 'counselorPhone', type: 'text', label: 'Telefon', max: 60, prefill: 'settings.counselor.phone' },
        { id: 'counselorEmail', type: 'text', label: 'E-Mail', max: 200, prefill: 'settings.counselor.email' },
        { id: 'fileNumber', type: 'text', label: 'Unser Aktenzeichen', max: 50, prefill: 'client.fileNumber' },
      ],
    },
    {
      id: 'signing',
      title: 'Unterschriften',
      fields: [{ id: 'signatures', type: 'signature', label: 'Unterschriften', signers: ['Teilnehmende Person', 'Beratungsfachkraft'] }],
    },
    {
      id: 'returnSlip',
      title: 'Rückmeldung des Kursträgers',
      fields: [
        { id: 'feedbackBy', type: 'date', label: 'Rückmeldung erbeten bis' },
        {
          id: 'returnSlipText',
          type: 'block',
          label: 'Bitte zurücksenden',
          text: 'Bitte füllen Sie diesen Abschnitt aus und senden Sie ihn an {{counselorName}}, {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
          stand: STAND,
        },
        {
          id: 'returnSlipBox',
          type: 'office-box',
          label: 'Vom Kursträger auszufüllen',
          lines: [
            'Anmeldung bestätigt am',
            'Einstufungstest am / Ergebnis',
            'Kurs (Art, Kursnummer, Ort)',
            'Kursbeginn',
            'Teilnahme: regelmäßig / unregelmäßig / nicht angetreten / abgebrochen',
            'Datum, Unterschrift, Stempel des Kursträgers',
          ],
        },
      ],
    },
  ],
};
