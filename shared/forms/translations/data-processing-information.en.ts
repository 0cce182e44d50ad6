import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const dataProcessingInformationEn: FormTranslationSource = {
  title: 'Information on the processing of your data',
  bindingNote: 'Translation – the German text is binding.',
  review: null,
  labels: {
    person: 'For',
    controller: 'Controller',
    processing: 'Purposes and legal bases',
    sharing: 'Recipients and storage period',
    rights: 'Your rights',
    further: 'Further information',
    handover: 'Handed over',
    clientName: 'Name',
    nameInOwnScript: 'Name in your own script',
    controllerText: 'Responsible body',
    dataProtectionOfficerText: 'Data protection officer',
    purposesText: 'Why we process your data',
    legalBasisText: 'Legal bases',
    recipientsText: 'Who receives your data',
    retentionText: 'How long we store your data',
    rightsText: 'Rights',
    complaintText: 'Complaint',
    provisionText: 'Do you have to provide data?',
    automatedText: 'Automated decisions',
    handedOutOn: 'Handed over on',
    handedOutBy: 'Handed over by',
  },
  blocks: {
    controllerText: {
      text:
        'The body responsible for processing your data is: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}, ' +
        'telephone {{settings.office.phone}}, e-mail {{settings.office.email}}. Your contact person is {{settings.counselor.name}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'You can reach the official data protection officer at the address of the responsible body, marked “Data protection officer” („Datenschutzbeauftragte/r“).',
      stand: STAND,
    },
    purposesText: {
      text:
        'We process your data in order to advise and support you, for example on your residence, the recognition of your qualifications, language courses, training and work. ' +
        'This includes arranging appointments, keeping track of deadlines and preparing letters for you.',
      stand: STAND,
    },
    legalBasisText: {
      text:
        'Processing is necessary for the counselling we provide as a public task (Art. 6(1)(e) GDPR in conjunction with § 3 DSG NRW; for social data §§ 67 ff. SGB X). ' +
        'We transfer data to other agencies only with your written consent (Art. 6(1)(a), Art. 7 GDPR, § 67b(2) SGB X) or where a law permits it (§§ 68 to 77 SGB X). ' +
        'We process health data only with your explicit consent (Art. 9(2)(a) GDPR).',
      stand: STAND,
    },
    recipientsText: {
      text:
        'Within our office, only the staff who advise you or stand in for them receive your data. To other agencies, for example the Jobcenter, the employment agency, the immigration office, recognition bodies, language course providers or counselling services, ' +
        'we pass on data only with your consent or on a legal basis. Which agency receives which data is then stated in your consent. Data is not sent to countries outside the European Union.',
      stand: STAND,
    },
    retentionText: {
      text:
        'We store your data for as long as we advise you. After that we delete it as soon as it is no longer needed for counselling and no duty to keep it applies (Art. 17 GDPR, § 84 SGB X). ' +
        'We keep a consent as proof for as long as we store the data it refers to.',
      stand: STAND,
    },
    rightsText: {
      text:
        'You have the right of access to your data (Art. 15 GDPR), to rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21 GDPR), each in accordance with §§ 82 to 84 SGB X. ' +
        'You can withdraw a consent at any time with effect for the future (Art. 7(3) GDPR); what happened until then remains lawful.',
      stand: STAND,
    },
    complaintText: {
      text: 'You can lodge a complaint with the supervisory authority (Art. 77 GDPR): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    provisionText: {
      text:
        'Counselling is voluntary. You are not obliged to give us any data. Without information about you and your concern, however, we can only advise you in general terms. ' +
        'If you do not provide information, this has no consequences for your social benefits.',
      stand: STAND,
    },
    automatedText: {
      text: 'We make no decisions about you based solely on automated processing and do not create a profile of you (Art. 22 GDPR).',
      stand: STAND,
    },
  },
};
