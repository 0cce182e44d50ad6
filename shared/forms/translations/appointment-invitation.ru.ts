import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationRu: FormTranslationSource = {
  title: 'Приглашение на консультацию',
  bindingNote: 'Перевод – обязательным является текст на немецком языке.',
  review: null,
  letter: {
    subject: 'Приглашение на консультацию {{appointmentDate}} в {{appointmentTime}}',
    salutation: 'Уважаемая госпожа / уважаемый господин {{client.fullName}},',
    closing: 'С уважением',
  },
  labels: {
    appointment: 'Встреча',
    bring: 'Пожалуйста, возьмите с собой',
    interpreting: 'Устный перевод',
    cancel: 'Если вы не можете прийти',
    contact: 'Контакт',
    personName: 'Имя и фамилия',
    appointmentDate: 'Дата',
    appointmentTime: 'Время',
    place: 'Место',
    room: 'Кабинет',
    withWhom: 'Беседа с',
    bringIdentity: 'Паспорт или удостоверение личности и вид на жительство',
    bringCertificates: 'Аттестаты, дипломы и подтверждения вашего опыта работы (если есть, с переводом)',
    bringLetters: 'Письма от ведомств, о которых вы хотите поговорить (например, Jobcenter, ведомство по делам иностранцев)',
    bringThisLetter: 'это письмо',
    bringOther: 'Кроме того',
    interpreterLanguage: 'Язык',
    note: 'Примечание',
  },
  blocks: {
    introText: { text: 'приглашаем вас на личную консультацию. Пожалуйста, приходите в это время:', stand: STAND },
    interpreterText: {
      text: 'Мы обеспечим для беседы переводчика или переводчицу. Для вас это бесплатно. Вы также можете взять с собой человека, которому доверяете.',
      stand: STAND,
    },
    cancelText: {
      text:
        'Пожалуйста, отмените встречу, по возможности не позднее чем за один рабочий день – по телефону, по электронной почте или лично в часы приёма. Мы охотно договоримся с вами о новом времени. ' +
        'Консультация добровольная и бесплатная. Если вы пропустите встречу, это не повлечёт последствий для ваших социальных пособий.',
      stand: STAND,
    },
    contactText: {
      text: 'Если у вас есть вопросы, обращайтесь к {{settings.counselor.name}} по телефону {{settings.counselor.phone}} или по электронной почте {{settings.counselor.email}}. Часы приёма: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
