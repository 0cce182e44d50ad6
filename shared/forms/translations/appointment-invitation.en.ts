import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationEn: FormTranslationSource = {
  title: 'Invitation to a counselling appointment',
  bindingNote: 'Translation – the German text is binding.',
  review: null,
  letter: {
    subject: 'Invitation to a counselling appointment on {{appointmentDate}} at {{appointmentTime}}',
    salutation: 'Dear {{client.fullName}},',
    closing: 'Kind regards',
  },
  labels: {
    appointment: 'Appointment',
    bring: 'Please bring',
    interpreting: 'Interpreting',
    cancel: 'If you cannot come',
    contact: 'Contact',
    personName: 'Name',
    appointmentDate: 'Date',
    appointmentTime: 'Time',
    place: 'Place',
    room: 'Room',
    withWhom: 'Meeting with',
    bringIdentity: 'Passport or identity document and residence permit',
    bringCertificates: 'Certificates, qualifications and proof of your work experience (with a translation, if you have one)',
    bringLetters: 'Letters from authorities that you would like to talk about (e.g. Jobcenter, immigration office)',
    bringThisLetter: 'this letter',
    bringOther: 'Also',
    interpreterLanguage: 'Language',
    note: 'Note',
  },
  blocks: {
    introText: { text: 'we would like to invite you to a personal counselling appointment. Please come at this time:', stand: STAND },
    interpreterText: {
      text: 'We will arrange an interpreter for the meeting. This costs you nothing. You are also welcome to bring a person you trust.',
      stand: STAND,
    },
    cancelText: {
      text:
        'Please cancel if possible at least one working day before, by telephone, by e-mail or in person during office hours. We will be happy to arrange a new appointment with you. ' +
        'Counselling is voluntary and free of charge. If you miss an appointment, this has no consequences for your social benefits.',
      stand: STAND,
    },
    contactText: {
      text: 'If you have any questions, you can reach {{settings.counselor.name}} by telephone on {{settings.counselor.phone}} or by e-mail at {{settings.counselor.email}}. Office hours: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
