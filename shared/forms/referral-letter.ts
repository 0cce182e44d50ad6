import type { FormDefinitionSource } from './definition';

/** Date of the legal state the wording below describes (⚖, DOMAIN.md). */
const STAND = '2026-11-01';

/**
 * Referral of a client to a partner agency (DOMAIN.md, built-in form 1): a
 * DIN 5008 letter to the partner the document names. Personal data go to a
 * free agency, so finalizing needs a covering consent (`consentGate`), and the
 * fields marked `personal` are shown in the data-minimisation preview.
 */
export const referralLetter: FormDefinitionSource = {
  id: 'referral-letter',
  version: 1,
  title: 'Überleitung an einen Partner',
  description: 'Brief an eine Beratungsstelle oder einen Träger aus dem Netzwerk: wer die Person ist, worum es geht und was bisher geschehen ist.',
  layout: 'letter',
  recipient: 'partner',
  consentGate: true,
  consentPurpose: 'Überleitung an {{partner.name}} zur Beratung und Unterstützung bei: {{counselingFields}}',
  tracksReferral: true,
  letter: {
    subject: 'Überleitung: {{clientName}}',
    salutation: '{{salutation}}',
    closing: 'Mit freundlichen Grüßen',
    yourReference: 'yourReference',
    attachments: { field: 'attachments', text: 'title', enclosed: 'enclosed' },
  },
  sections: [
    {
      id: 'introduction',
      title: 'Einleitung',
      // The letter opens with its first sentence, not under a heading.
      printTitle: false,
      fields: [
        {
          id: 'yourReference',
          type: 'text',
          label: 'Ihr Zeichen',
          help: 'Zeichen oder Aktenzeichen der Stelle, falls sie eines genannt hat; steht im Brief rechts oben.',
          max: 100,
        },
        {
          id: 'introText',
          type: 'block',
          label: 'Einleitung',
          text: 'wir möchten Ihnen die unten genannte Person vorstellen und bitten Sie, sie bei dem beschriebenen Anliegen zu unterstützen.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'person',
      title: 'Zur Person',
      fields: [
        { id: 'clientName', type: 'text', label: 'Name', required: true, max: 200, prefill: 'client.fullName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate', personal: 'identity' },
        { id: 'address', type: 'text', label: 'Anschrift', max: 300, prefill: 'client.addressLine', personal: 'contact' },
        {
          id: 'howToReach',
          type: 'text',
          label: 'Erreichbarkeit',
          help: 'Wie und wann die Person am besten erreichbar ist, z. B. Telefon, E-Mail oder nur über die Beratungsstelle.',
          max: 300,
          prefill: 'client.howToReach',
          personal: 'contact',
        },
        { id: 'languages', type: 'text', label: 'Sprachen', max: 300, prefill: 'client.languages', personal: 'language-education' },
        {
          id: 'interpreterNeeded',
          type: 'checkbox',
          label: 'Dolmetschung nötig',
          prefill: 'client.interpreterNeeded',
          personal: 'language-education',
        },
        {
          id: 'interpreterLanguage',
          type: 'text',
          label: 'Dolmetschung in',
          help: 'Sprache, in die gedolmetscht werden muss.',
          max: 200,
          prefill: 'client.interpreterLanguages',
          showIf: { field: 'interpreterNeeded', equals: true },
          personal: 'language-education',
        },
      ],
    },
    {
      id: 'residence',
      title: 'Aufenthalt',
      fields: [
        {
          id: 'residenceStatus',
          type: 'text',
          label: 'Aufenthaltsstatus',
          help: 'Nur weitergeben, wenn die Einwilligung den Aufenthaltsstatus umfasst und die Stelle ihn für das Anliegen braucht.',
          max: 200,
          prefill: 'client.residenceStatus',
          personal: 'residence',
        },
        { id: 'residenceValidUntil', type: 'date', label: 'Gültig bis', prefill: 'client.residenceValidUntil', personal: 'residence' },
      ],
    },
    {
      id: 'concern',
      title: 'Anliegen',
      fields: [
        {
          id: 'counselingFields',
          type: 'multiselect',
          label: 'Beratungsfeld',
          required: true,
          prefill: 'client.counselingFields',
          personal: 'counseling',
          options: [
            { value: 'recognition', label: 'Anerkennung ausländischer Abschlüsse' },
            { value: 'language-courses', label: 'Zugang zu Sprach- und Integrationskursen' },
            { value: 'training-work', label: 'Zugang zu Ausbildung und Arbeitsmarkt' },
            { value: 'duldung-gestattung', label: 'Unterstützung bei Duldung oder Aufenthaltsgestattung' },
            { value: 'residence-title', label: 'Voraussetzungen für einen Aufenthaltstitel nach § 104c, § 25a oder § 25b AufenthG' },
          ],
        },
        {
          id: 'reason',
          type: 'textarea',
          label: 'Anlass',
          help: 'Warum die Person an Ihre Stelle verwiesen wird, in wenigen Sätzen.',
          required: true,
          max: 5000,
          personal: 'counseling',
        },
        {
          id: 'request',
          type: 'textarea',
          label: 'Bitte / Ziel',
          help: 'Was die Stelle konkret tun soll, z. B. Beratung zum Anerkennungsverfahren, Anmeldung zu einem Kurs.',
          required: true,
          max: 5000,
          personal: 'counseling',
        },
        {
          id: 'stepsTaken',
          type: 'textarea',
          label: 'Bisherige Schritte',
          help: 'Was bereits unternommen wurde und mit welchem Ergebnis.',
          max: 5000,
          personal: 'counseling',
        },
        {
          id: 'urgency',
          type: 'select',
          label: 'Dringlichkeit',
          options: [
            { value: 'normal', label: 'normal' },
            { value: 'soon', label: 'zeitnah (innerhalb von zwei Wochen)' },
            { value: 'urgent', label: 'dringend' },
          ],
        },
        {
          id: 'deadline',
          type: 'date',
          label: 'Frist',
          help: 'Eine Frist, die für das Anliegen gilt, z. B. Ablauf der Aufenthaltserlaubnis oder Anmeldeschluss.',
        },
      ],
    },
    {
      id: 'appointment',
      title: 'Termin',
      fields: [
        { id: 'appointmentDate', type: 'date', label: 'Termin am', help: 'Nur ausfüllen, wenn bereits ein Termin vereinbart ist.' },
        {
          id: 'appointmentDetails',
          type: 'text',
          label: 'Uhrzeit und Ort',
          max: 300,
          showIf: { field: 'appointmentDate', filled: true },
        },
      ],
    },
    {
      id: 'enclosures',
      title: 'Anlagen',
      fields: [
        {
          id: 'attachments',
          type: 'lines',
          label: 'Anlagen',
          help: 'Jede Unterlage einzeln; „beigefügt“ ankreuzen, wenn sie dem Brief beiliegt. Im Brief steht unter der Unterschrift, was beiliegt.',
          maxRows: 20,
          columns: [
            { id: 'title', type: 'text', label: 'Unterlage', required: true, max: 200 },
            { id: 'enclosed', type: 'checkbox', label: 'beigefügt' },
          ],
        },
      ],
    },
    {
      id: 'feedback',
      title: 'Rückmeldung',
      fields: [
        { id: 'feedbackBy', type: 'date', label: 'Rückmeldung erbeten bis' },
        {
          id: 'feedbackRequest',
          type: 'block',
          label: 'Bitte um Rückmeldung',
          text: 'Bitte teilen Sie uns bis zum {{feedbackBy}} mit, ob die Person Ihr Angebot wahrnimmt und ob von unserer Seite noch etwas zu tun ist. Eine kurze Nachricht per Telefon oder E-Mail genügt.',
          stand: STAND,
          showIf: { field: 'feedbackBy', filled: true },
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
          help: 'Datum der unterschriebenen Einwilligung, die diese Stelle als Empfänger nennt.',
          prefill: 'consent.signedOn',
        },
        {
          id: 'consentVersion',
          type: 'text',
          label: 'Fassung der Einwilligung',
          help: 'Formular und Stand, z. B. „Einwilligung in die Übermittlung personenbezogener Daten, Stand 01.11.2026“ (steht in der Fußzeile des Formulars).',
          max: 100,
        },
        {
          id: 'consentReference',
          type: 'block',
          label: 'Einwilligung',
          text: 'Die Angaben in diesem Schreiben geben wir auf Grundlage der schriftlichen Einwilligung der Person vom {{consentSignedOn}} weiter (Art. 6 Abs. 1 Buchst. a DSGVO, § 67b Abs. 2 SGB X).',
          stand: STAND,
          showIf: { field: 'consentSignedOn', filled: true },
        },
        {
          id: 'dataProtectionNote',
          type: 'block',
          label: 'Hinweis zum Datenschutz',
          text:
            'Die übermittelten Angaben sind Sozialdaten (§ 35 SGB I, §§ 67 ff. SGB X). Sie dürfen sie nur für den genannten Zweck verarbeiten (§ 78 SGB X) und müssen sie ebenso vertraulich behandeln wie wir. ' +
            'Bitte geben Sie die Angaben nicht an Dritte weiter und löschen Sie sie, sobald Sie sie für diesen Zweck nicht mehr benötigen. ' +
            'Die Person kann ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen; über einen Widerruf informieren wir Sie.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'sender',
      title: 'Rückfragen',
      fields: [
        {
          id: 'counselorName',
          type: 'text',
          label: 'Ansprechperson',
          required: true,
          max: 200,
          prefill: 'settings.counselor.name',
        },
        { id: 'counselorPhone', type: 'text', label: 'Telefon', max: 60, prefill: 'settings.counselor.phone' },
        { id: 'counselorEmail', type: 'text', label: 'E-Mail', max: 200, prefill: 'settings.counselor.email' },
        {
          id: 'fileNumber',
          type: 'text',
          label: 'Unser Aktenzeichen',
          help: 'Freiwillig; erleichtert die Zuordnung Ihrer Antwort.',
          max: 50,
          prefill: 'client.fileNumber',
        },
      ],
    },
  ],
};
