import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationFa: FormTranslationSource = {
  title: 'دعوت به جلسه مشاوره',
  bindingNote: 'ترجمه – متن آلمانی ملاک است.',
  review: null,
  letter: {
    subject: 'دعوت به جلسه مشاوره در تاریخ {{appointmentDate}} ساعت {{appointmentTime}}',
    salutation: '{{client.fullName}} گرامی،',
    closing: 'با احترام',
  },
  labels: {
    appointment: 'وقت ملاقات',
    bring: 'لطفاً همراه داشته باشید',
    interpreting: 'ترجمه شفاهی',
    cancel: 'اگر نمی‌توانید بیایید',
    contact: 'تماس',
    personName: 'نام',
    appointmentDate: 'تاریخ',
    appointmentTime: 'ساعت',
    place: 'مکان',
    room: 'اتاق',
    withWhom: 'گفت‌وگو با',
    bringIdentity: 'گذرنامه یا کارت شناسایی و اجازه اقامت',
    bringCertificates: 'کارنامه‌ها، مدارک تحصیلی و مدارک سابقه کار شما (در صورت وجود، همراه با ترجمه)',
    bringLetters: 'نامه‌های اداره‌هایی که می‌خواهید درباره آنها صحبت کنید (مثلاً Jobcenter یا اداره اتباع خارجی)',
    bringThisLetter: 'همین نامه',
    bringOther: 'همچنین',
    interpreterLanguage: 'زبان',
    note: 'توضیح',
  },
  blocks: {
    introText: { text: 'شما را به یک جلسه مشاوره حضوری دعوت می‌کنیم. لطفاً در این وقت تشریف بیاورید:', stand: STAND },
    interpreterText: {
      text: 'برای جلسه یک مترجم در نظر می‌گیریم. این برای شما هزینه‌ای ندارد. می‌توانید یک فرد مورد اعتماد را هم همراه بیاورید.',
      stand: STAND,
    },
    cancelText: {
      text:
        'لطفاً در صورت امکان دست‌کم یک روز کاری قبل، تلفنی، با ایمیل یا حضوری در ساعات پذیرش وقت را لغو کنید. با کمال میل وقت جدیدی با شما تعیین می‌کنیم. ' +
        'مشاوره داوطلبانه و رایگان است. اگر به وقت ملاقات نیایید، این موضوع بر کمک‌های اجتماعی شما تأثیری ندارد.',
      stand: STAND,
    },
    contactText: {
      text: 'اگر سؤالی دارید، می‌توانید با {{settings.counselor.name}} از طریق تلفن {{settings.counselor.phone}} یا ایمیل {{settings.counselor.email}} تماس بگیرید. ساعات پذیرش: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
