import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferFa: FormTranslationSource = {
  title: 'رضایت به انتقال داده‌های شخصی',
  bindingNote: 'ترجمه – متن آلمانی ملاک است.',
  review: null,
  labels: {
    controller: 'نهاد مسئول',
    person: 'شخص مربوط',
    consentScope: 'رضایت',
    dataScope: 'داده‌ها',
    validity: 'مدت اعتبار',
    information: 'توضیحات',
    language: 'زبان',
    signing: 'امضاها',
    controllerText: 'مسئول',
    dataProtectionOfficerText: 'مسئول حفاظت از داده‌ها',
    clientName: 'نام',
    nameInOwnScript: 'نام به خط خودتان',
    birthDate: 'تاریخ تولد',
    address: 'نشانی',
    legalRepresentative: 'نماینده قانونی',
    consentIntro: 'اظهارنامه',
    recipients: 'دریافت‌کنندگان',
    'recipients.name': 'نهاد',
    purposes: 'هدف',
    'purposes.purpose': 'هدف',
    dataCategories: 'داده‌ها',
    'dataCategories.identity': 'مشخصات فردی (نام، تاریخ تولد، تابعیت)',
    'dataCategories.contact': 'اطلاعات تماس (نشانی، تلفن، ایمیل)',
    'dataCategories.residence': 'وضعیت اقامت',
    'dataCategories.language-education': 'مهارت‌های زبانی، تحصیلات مدرسه‌ای و حرفه‌ای، مدارک',
    'dataCategories.benefits': 'دریافت کمک‌های اجتماعی',
    'dataCategories.counseling': 'موضوع مشاوره و اقدامات انجام‌شده تاکنون',
    healthData: 'داده‌های سلامت',
    healthDataDetails: 'کدام داده‌های سلامت',
    healthDataText: 'داده‌های سلامت',
    exchange: 'تبادل داده‌ها',
    'exchange.one-way': 'یک‌طرفه (فقط به دریافت‌کنندگان)',
    'exchange.mutual': 'دوطرفه (در هر دو جهت)',
    mutualText: 'تبادل دوطرفه',
    validUntil: 'معتبر تا',
    validityText: 'مدت',
    voluntaryText: 'داوطلبانه بودن',
    revocationText: 'لغو رضایت',
    retentionText: 'مدت نگهداری',
    rightsText: 'حقوق شما',
    explainedIn: 'توضیح داده‌شده به زبان',
    interpreter: 'ترجمه شفاهی توسط',
    languageText: 'درک مطلب',
    signatures: 'امضاها',
    'signatures.placeDate': 'محل، تاریخ',
    'signatures.signer0': 'شخص مربوط',
    'signatures.signer1': 'نماینده قانونی (در صورت وجود)',
    'signatures.signer2': 'مشاور',
    copyHandedOver: 'یک نسخه تحویل داده شد',
  },
  blocks: {
    controllerText: {
      text: 'مسئول پردازش داده‌های شما: {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'با مسئول رسمی حفاظت از داده‌ها می‌توانید از طریق نشانی نهاد مسئول با افزودن عبارت „Datenschutzbeauftragte/r“ تماس بگیرید.',
      stand: STAND,
    },
    consentIntro: {
      text:
        'موافقت می‌کنم که نهاد مسئول داده‌هایی را که در زیر علامت خورده‌اند، برای هدفی که در زیر آمده، به هر یک از نهادهای نام‌برده در زیر منتقل کند (ماده 6 بند 1 جزء الف و ماده 7 مقررات عمومی حفاظت از داده‌ها DSGVO، ماده 67b بند 2 SGB X). ' +
        'هیچ داده‌ای به نهادهای دیگر یا برای اهداف دیگر منتقل نمی‌شود. نهادهایی که نباید داده‌ای دریافت کنند، باید پیش از امضا خط زده شوند.',
      stand: STAND,
    },
    healthDataText: {
      text: 'همچنین صراحتاً با انتقال داده‌های سلامت زیر موافقت می‌کنم (ماده 9 بند 2 جزء الف DSGVO): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'نهادهای نام‌برده نیز می‌توانند داده‌هایی از انواع علامت‌خورده را تا حدی که برای هدف ذکرشده لازم است به نهاد مسئول اطلاع دهند، به‌ویژه اینکه آیا از پیشنهاد آنها استفاده کرده‌ام و با چه نتیجه‌ای.',
      stand: STAND,
    },
    validityText: {
      text: 'رضایت از زمان امضا تا تاریخی که در بالا آمده معتبر است. اگر تاریخی ذکر نشده باشد، تا زمان لغو آن معتبر است.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'این رضایت داوطلبانه است. اگر رضایت ندهید یا بعداً رضایت خود را لغو کنید، هیچ زیانی متوجه شما نمی‌شود: ' +
        'کمک‌های اجتماعی شما (مثلاً کمک‌های طبق SGB II) و مشاوره ما تغییری نمی‌کند. فقط ما نمی‌توانیم خودمان نهادهای نام‌برده را درگیر کنیم.',
      stand: STAND,
    },
    revocationText: {
      text:
        'می‌توانید رضایت را هر زمان و بدون ذکر دلیل، به‌طور کامل یا برای نهادهای مشخص، برای آینده لغو کنید (ماده 7 بند 3 DSGVO). ' +
        'انتقال‌هایی که تا آن زمان انجام شده، قانونی باقی می‌ماند. لغو بدون تشریفات خاص، شفاهی یا کتبی، نزد مشاور شما ({{settings.counselor.name}}) یا نزد {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}} ممکن است. ' +
        'ما لغو رضایت را به نهادهایی که داده دریافت کرده‌اند اطلاع می‌دهیم.',
      stand: STAND,
    },
    retentionText: {
      text:
        'این اظهارنامه را به‌عنوان مدرک تا زمانی نگه می‌داریم که داده‌های مربوط به آن را نگه می‌داریم. داده‌های شما را به محض اینکه برای مشاوره دیگر لازم نباشد حذف می‌کنیم (ماده 17 DSGVO، ماده 84 SGB X). ' +
        'دریافت‌کنندگان فقط برای هدف ذکرشده مجاز به استفاده از داده‌ها هستند (ماده 78 SGB X) و باید آنها را وقتی دیگر برای این هدف لازم نیست حذف کنند.',
      stand: STAND,
    },
    rightsText: {
      text:
        'شما حق دارید درباره داده‌های خود اطلاعات بگیرید (ماده 15 DSGVO)، و حق اصلاح (ماده 16)، حذف (ماده 17)، محدود کردن پردازش (ماده 18)، انتقال‌پذیری داده‌ها (ماده 20) و اعتراض (ماده 21 DSGVO) را دارید، هر کدام طبق مواد 82 تا 84 SGB X. ' +
        'همچنین می‌توانید به مرجع نظارتی شکایت کنید (ماده 77 DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'محتوای این اظهارنامه به زبانی که در بالا آمده، در صورت لزوم با کمک مترجم نام‌برده، برای من توضیح داده شد. آن را فهمیدم و امکان پرسیدن سؤال داشتم.',
      stand: STAND,
    },
  },
};
