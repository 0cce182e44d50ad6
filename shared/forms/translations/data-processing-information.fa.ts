import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const dataProcessingInformationFa: FormTranslationSource = {
  title: 'اطلاعات درباره پردازش داده‌های شما',
  bindingNote: 'ترجمه – متن آلمانی ملاک است.',
  review: null,
  labels: {
    person: 'برای',
    controller: 'نهاد مسئول',
    processing: 'اهداف و مبانی قانونی',
    sharing: 'دریافت‌کنندگان و مدت نگهداری',
    rights: 'حقوق شما',
    further: 'توضیحات دیگر',
    handover: 'تحویل',
    clientName: 'نام',
    nameInOwnScript: 'نام به خط خودتان',
    controllerText: 'مسئول',
    dataProtectionOfficerText: 'مسئول حفاظت از داده‌ها',
    purposesText: 'داده‌های شما را برای چه پردازش می‌کنیم',
    legalBasisText: 'مبانی قانونی',
    recipientsText: 'چه کسانی داده‌های شما را دریافت می‌کنند',
    retentionText: 'داده‌های شما را تا کی نگه می‌داریم',
    rightsText: 'حقوق',
    complaintText: 'شکایت',
    provisionText: 'آیا باید داده ارائه دهید؟',
    automatedText: 'تصمیم‌های خودکار',
    handedOutOn: 'تاریخ تحویل',
    handedOutBy: 'تحویل‌دهنده',
  },
  blocks: {
    controllerText: {
      text:
        'مسئول پردازش داده‌های شما: {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}}، ' +
        'تلفن {{settings.office.phone}}، ایمیل {{settings.office.email}}. فرد تماس شما: {{settings.counselor.name}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'با مسئول رسمی حفاظت از داده‌ها می‌توانید از طریق نشانی نهاد مسئول با افزودن عبارت „Datenschutzbeauftragte/r“ تماس بگیرید.',
      stand: STAND,
    },
    purposesText: {
      text:
        'داده‌های شما را پردازش می‌کنیم تا به شما مشاوره دهیم و همراهی‌تان کنیم، مثلاً درباره اقامت، به رسمیت شناختن مدارک تحصیلی، کلاس‌های زبان، آموزش حرفه‌ای و کار. ' +
        'تعیین وقت ملاقات، پیگیری مهلت‌ها و آماده کردن نامه برای شما نیز جزو آن است.',
      stand: STAND,
    },
    legalBasisText: {
      text:
        'پردازش برای مشاوره‌ای که به‌عنوان وظیفه عمومی انجام می‌دهیم لازم است (ماده 6 بند 1 جزء ه مقررات عمومی حفاظت از داده‌ها DSGVO همراه با ماده 3 DSG NRW؛ برای داده‌های اجتماعی مواد 67 به بعد SGB X). ' +
        'داده‌ها را فقط با رضایت کتبی شما (ماده 6 بند 1 جزء الف و ماده 7 DSGVO، ماده 67b بند 2 SGB X) یا در صورتی که قانون اجازه دهد (مواد 68 تا 77 SGB X) به نهادهای دیگر منتقل می‌کنیم. ' +
        'داده‌های سلامت را فقط با رضایت صریح شما پردازش می‌کنیم (ماده 9 بند 2 جزء الف DSGVO).',
      stand: STAND,
    },
    recipientsText: {
      text:
        'در نهاد ما فقط کارکنانی که به شما مشاوره می‌دهند یا جانشین آنها هستند داده‌های شما را دریافت می‌کنند. به نهادهای دیگر، مثلاً Jobcenter، اداره کار، اداره اتباع خارجی، مراجع ارزیابی مدارک، برگزارکنندگان کلاس‌های زبان یا مراکز مشاوره، ' +
        'داده‌ها را فقط با رضایت شما یا بر اساس قانون می‌دهیم. اینکه کدام نهاد کدام داده‌ها را دریافت می‌کند، در رضایت‌نامه شما آمده است. داده‌ها به کشورهای خارج از اتحادیه اروپا فرستاده نمی‌شوند.',
      stand: STAND,
    },
    retentionText: {
      text:
        'داده‌های شما را تا زمانی که به شما مشاوره می‌دهیم نگه می‌داریم. پس از آن، به محض اینکه برای مشاوره دیگر لازم نباشند و الزامی به نگهداری آنها نباشد، آنها را حذف می‌کنیم (ماده 17 DSGVO، ماده 84 SGB X). ' +
        'رضایت‌نامه را به‌عنوان مدرک تا زمانی نگه می‌داریم که داده‌های مربوط به آن را نگه می‌داریم.',
      stand: STAND,
    },
    rightsText: {
      text:
        'شما حق دارید درباره داده‌های خود اطلاعات بگیرید (ماده 15 DSGVO)، و حق اصلاح (ماده 16)، حذف (ماده 17)، محدود کردن پردازش (ماده 18)، انتقال‌پذیری داده‌ها (ماده 20) و اعتراض (ماده 21 DSGVO) را دارید، هر کدام طبق مواد 82 تا 84 SGB X. ' +
        'رضایت را می‌توانید هر زمان برای آینده لغو کنید (ماده 7 بند 3 DSGVO)؛ آنچه تا آن زمان انجام شده قانونی باقی می‌ماند.',
      stand: STAND,
    },
    complaintText: {
      text: 'می‌توانید به مرجع نظارتی شکایت کنید (ماده 77 DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    provisionText: {
      text:
        'مشاوره داوطلبانه است. شما موظف نیستید به ما داده‌ای بدهید. اما بدون اطلاعات درباره شما و موضوعتان فقط می‌توانیم به‌طور کلی به شما مشاوره دهیم. ' +
        'اگر اطلاعاتی ندهید، این موضوع بر کمک‌های اجتماعی شما تأثیری ندارد.',
      stand: STAND,
    },
    automatedText: {
      text: 'ما درباره شما تصمیمی که فقط بر پایه پردازش خودکار باشد نمی‌گیریم و از شما نیم‌رخ (پروفایل) نمی‌سازیم (ماده 22 DSGVO).',
      stand: STAND,
    },
  },
};
