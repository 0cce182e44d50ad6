import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationUk: FormTranslationSource = {
  title: 'Запрошення на консультацію',
  bindingNote: 'Переклад – чинним є текст німецькою мовою.',
  review: null,
  letter: {
    subject: 'Запрошення на консультацію {{appointmentDate}} о {{appointmentTime}}',
    salutation: 'Шановна пані / шановний пане {{client.fullName}},',
    closing: 'З повагою',
  },
  labels: {
    appointment: 'Зустріч',
    bring: 'Будь ласка, візьміть із собою',
    interpreting: 'Усний переклад',
    cancel: 'Якщо ви не можете прийти',
    contact: 'Контакт',
    personName: 'Ім’я та прізвище',
    appointmentDate: 'Дата',
    appointmentTime: 'Час',
    place: 'Місце',
    room: 'Кімната',
    withWhom: 'Розмова з',
    bringIdentity: 'Паспорт або посвідчення особи та дозвіл на перебування',
    bringCertificates: 'Свідоцтва, дипломи та підтвердження вашого професійного досвіду (якщо є, з перекладом)',
    bringLetters: 'Листи від установ, про які ви хочете поговорити (наприклад, Jobcenter, відомство у справах іноземців)',
    bringThisLetter: 'цей лист',
    bringOther: 'Крім того',
    interpreterLanguage: 'Мова',
    note: 'Примітка',
  },
  blocks: {
    introText: { text: 'запрошуємо вас на особисту консультацію. Будь ласка, приходьте в цей час:', stand: STAND },
    interpreterText: {
      text: 'Ми забезпечимо для розмови перекладача або перекладачку. Для вас це безкоштовно. Ви також можете взяти з собою людину, якій довіряєте.',
      stand: STAND,
    },
    cancelText: {
      text:
        'Будь ласка, скасуйте зустріч, якщо можливо, щонайменше за один робочий день – телефоном, електронною поштою або особисто в години прийому. Ми охоче домовимося з вами про новий час. ' +
        'Консультація є добровільною та безкоштовною. Якщо ви пропустите зустріч, це не матиме наслідків для ваших соціальних виплат.',
      stand: STAND,
    },
    contactText: {
      text: 'Якщо у вас є запитання, зверніться до {{settings.counselor.name}} за телефоном {{settings.counselor.phone}} або електронною поштою {{settings.counselor.email}}. Години прийому: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
