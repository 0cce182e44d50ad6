import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationAr: FormTranslationSource = {
  title: 'دعوة إلى جلسة استشارة',
  bindingNote: 'ترجمة – النص الألماني هو النص المُلزِم.',
  review: null,
  letter: {
    subject: 'دعوة إلى جلسة استشارة يوم {{appointmentDate}} الساعة {{appointmentTime}}',
    salutation: 'السيد/السيدة {{client.fullName}} المحترم/ة،',
    closing: 'مع أطيب التحيات',
  },
  labels: {
    appointment: 'الموعد',
    bring: 'يُرجى إحضار',
    interpreting: 'الترجمة الشفهية',
    cancel: 'إذا لم تتمكن من الحضور',
    contact: 'التواصل',
    personName: 'الاسم',
    appointmentDate: 'التاريخ',
    appointmentTime: 'الوقت',
    place: 'المكان',
    room: 'الغرفة',
    withWhom: 'اللقاء مع',
    bringIdentity: 'جواز السفر أو وثيقة الهوية وتصريح الإقامة',
    bringCertificates: 'الشهادات والمؤهلات وإثباتات خبرتك المهنية (مع الترجمة إن وجدت)',
    bringLetters: 'رسائل من الجهات الرسمية تريد التحدث عنها (مثل الجوب سنتر Jobcenter أو دائرة الأجانب)',
    bringThisLetter: 'هذه الرسالة',
    bringOther: 'بالإضافة إلى ذلك',
    interpreterLanguage: 'اللغة',
    note: 'ملاحظة',
  },
  blocks: {
    introText: { text: 'ندعوك إلى جلسة استشارة شخصية. يُرجى الحضور في الموعد التالي:', stand: STAND },
    interpreterText: {
      text: 'سنوفّر مترجماً أو مترجمة للجلسة، ولن تتحمل أي تكاليف. ويمكنك أيضاً إحضار شخص تثق به.',
      stand: STAND,
    },
    cancelText: {
      text:
        'يُرجى إلغاء الموعد إن أمكن قبل يوم عمل واحد على الأقل، هاتفياً أو بالبريد الإلكتروني أو شخصياً خلال ساعات الاستقبال، وسنحدد معك موعداً جديداً بكل سرور. ' +
        'الاستشارة طوعية ومجانية. إذا لم تحضر إلى موعد، فلن يؤثر ذلك على إعاناتك الاجتماعية.',
      stand: STAND,
    },
    contactText: {
      text: 'إذا كانت لديك أسئلة، يمكنك التواصل مع {{settings.counselor.name}} على الهاتف {{settings.counselor.phone}} أو بالبريد الإلكتروني {{settings.counselor.email}}. ساعات الاستقبال: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
