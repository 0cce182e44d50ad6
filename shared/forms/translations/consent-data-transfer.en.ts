import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferEn: FormTranslationSource = {
  title: 'Consent to the transfer of personal data',
  bindingNote: 'Translation – the German text is binding.',
  review: null,
  labels: {
    controller: 'Controller',
    person: 'Data subject',
    consentScope: 'Consent',
    dataScope: 'Data',
    validity: 'Validity',
    information: 'Information',
    language: 'Language',
    signing: 'Signatures',
    controllerText: 'Responsible body',
    dataProtectionOfficerText: 'Data protection officer',
    clientName: 'Name',
    nameInOwnScript: 'Name in your own script',
    birthDate: 'Date of birth',
    address: 'Address',
    legalRepresentative: 'Legal representative',
    consentIntro: 'Declaration',
    recipients: 'Recipients',
    'recipients.name': 'Agency',
    purposes: 'Purpose',
    'purposes.purpose': 'Purpose',
    dataCategories: 'Data',
    'dataCategories.identity': 'Personal details (name, date of birth, nationality)',
    'dataCategories.contact': 'Contact details (address, telephone, e-mail)',
    'dataCategories.residence': 'Residence status',
    'dataCategories.language-education': 'Language skills, schooling and vocational training, qualifications',
    'dataCategories.benefits': 'Receipt of social benefits',
    'dataCategories.counseling': 'Reason for counselling and steps taken so far',
    healthData: 'Health data',
    healthDataDetails: 'Which health data',
    healthDataText: 'Health data',
    exchange: 'Exchange of data',
    'exchange.one-way': 'one-way (only to the recipients)',
    'exchange.mutual': 'mutual (in both directions)',
    mutualText: 'Mutual exchange',
    validUntil: 'Valid until',
    validityText: 'Duration',
    voluntaryText: 'Voluntary',
    revocationText: 'Withdrawal',
    retentionText: 'Storage period',
    rightsText: 'Your rights',
    explainedIn: 'Explained in',
    interpreter: 'Interpreting by',
    languageText: 'Understanding',
    signatures: 'Signatures',
    'signatures.placeDate': 'Place, date',
    'signatures.signer0': 'Data subject',
    'signatures.signer1': 'Legal representative (if any)',
    'signatures.signer2': 'Counsellor',
    copyHandedOver: 'Copy handed over',
  },
  blocks: {
    controllerText: {
      text: 'The body responsible for processing your data is: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'You can reach the official data protection officer at the address of the responsible body, marked “Data protection officer” („Datenschutzbeauftragte/r“).',
      stand: STAND,
    },
    consentIntro: {
      text:
        'I consent to the responsible body transferring the data ticked below, for the purpose stated below, to each of the agencies named below (Art. 6(1)(a) and Art. 7 GDPR, § 67b(2) SGB X). ' +
        'No data will be transferred to other agencies or for other purposes. Agencies that are not to receive any data must be crossed out before signing.',
      stand: STAND,
    },
    healthDataText: {
      text: 'I also expressly consent to the transfer of the following health data (Art. 9(2)(a) GDPR): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'The agencies named may in turn tell the responsible body data of the kinds ticked, as far as this is necessary for the stated purpose, in particular whether I took up their offer and with what result.',
      stand: STAND,
    },
    validityText: {
      text: 'The consent applies from the signature until the date stated above. If no date is given, it applies until it is withdrawn.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'This consent is voluntary. If you do not consent, or withdraw your consent later, you will suffer no disadvantage: ' +
        'your social benefits (e.g. benefits under SGB II) and our counselling are not affected. We simply cannot involve the agencies named ourselves.',
      stand: STAND,
    },
    revocationText: {
      text:
        'You can withdraw this consent at any time without giving reasons, in full or for individual agencies, with effect for the future (Art. 7(3) GDPR). ' +
        'Transfers made until then remain lawful. You can withdraw informally, orally or in writing, with your counsellor ({{settings.counselor.name}}) or with {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}. ' +
        'We will inform the agencies that have already received data of your withdrawal.',
      stand: STAND,
    },
    retentionText: {
      text:
        'We keep this declaration as proof for as long as we store the data it refers to. We delete your data as soon as it is no longer needed for counselling (Art. 17 GDPR, § 84 SGB X). ' +
        'The recipients may use the data only for the stated purpose (§ 78 SGB X) and must delete it when they no longer need it for that purpose.',
      stand: STAND,
    },
    rightsText: {
      text:
        'You have the right of access to your data (Art. 15 GDPR), to rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21 GDPR), each in accordance with §§ 82 to 84 SGB X. ' +
        'You can also lodge a complaint with the supervisory authority (Art. 77 GDPR): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'The content of this declaration was explained to me in the language stated above, where applicable with the help of the interpreter named. I have understood it and was able to ask questions.',
      stand: STAND,
    },
  },
};
