import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const dataProcessingInformationAr: FormTranslationSource = {
  title: 'معلومات حول معالجة بياناتك',
  bindingNote: 'ترجمة – النص الألماني هو النص المُلزِم.',
  review: null,
  labels: {
    person: 'إلى',
    controller: 'الجهة المسؤولة',
    processing: 'الأغراض والأسس القانونية',
    sharing: 'الجهات المستلمة ومدة الحفظ',
    rights: 'حقوقك',
    further: 'ملاحظات أخرى',
    handover: 'التسليم',
    clientName: 'الاسم',
    nameInOwnScript: 'الاسم بخطّك',
    controllerText: 'المسؤول',
    dataProtectionOfficerText: 'مسؤول حماية البيانات',
    purposesText: 'لماذا نعالج بياناتك',
    legalBasisText: 'الأسس القانونية',
    recipientsText: 'من يتلقى بياناتك',
    retentionText: 'كم من الوقت نحتفظ ببياناتك',
    rightsText: 'الحقوق',
    complaintText: 'الشكوى',
    provisionText: 'هل يجب عليك تقديم بيانات؟',
    automatedText: 'القرارات الآلية',
    handedOutOn: 'تاريخ التسليم',
    handedOutBy: 'سلّمها',
  },
  blocks: {
    controllerText: {
      text:
        'الجهة المسؤولة عن معالجة بياناتك هي: {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}}، ' +
        'الهاتف {{settings.office.phone}}، البريد الإلكتروني {{settings.office.email}}. الشخص المسؤول عن التواصل معك: {{settings.counselor.name}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'يمكنك التواصل مع مسؤول حماية البيانات الرسمي على عنوان الجهة المسؤولة مع إضافة عبارة „Datenschutzbeauftragte/r“.',
      stand: STAND,
    },
    purposesText: {
      text:
        'نعالج بياناتك لتقديم الاستشارة والمرافقة لك، مثلاً بشأن إقامتك والاعتراف بشهاداتك ودورات اللغة والتدريب المهني والعمل. ' +
        'ويشمل ذلك تحديد المواعيد ومتابعة المهل وإعداد الرسائل لك.',
      stand: STAND,
    },
    legalBasisText: {
      text:
        'المعالجة ضرورية للاستشارة التي نقدمها بوصفها مهمة عامة (المادة 6 الفقرة 1 البند هـ من اللائحة العامة لحماية البيانات DSGVO بالاقتران مع المادة 3 من DSG NRW؛ وللبيانات الاجتماعية المواد 67 وما يليها من SGB X). ' +
        'لا ننقل البيانات إلى جهات أخرى إلا بموافقتك الخطية (المادة 6 الفقرة 1 البند أ والمادة 7 من DSGVO، والمادة 67b الفقرة 2 من SGB X) أو إذا أجاز القانون ذلك (المواد 68 إلى 77 من SGB X). ' +
        'لا نعالج البيانات الصحية إلا بموافقتك الصريحة (المادة 9 الفقرة 2 البند أ من DSGVO).',
      stand: STAND,
    },
    recipientsText: {
      text:
        'داخل جهتنا لا يتلقى بياناتك إلا الموظفون الذين يقدمون لك الاستشارة أو ينوبون عنهم. أما الجهات الأخرى، مثل الجوب سنتر Jobcenter ووكالة العمل ودائرة الأجانب وجهات الاعتراف بالشهادات ومقدمي دورات اللغة ومراكز الاستشارة، ' +
        'فلا نعطيها بيانات إلا بموافقتك أو على أساس قانوني. وتُذكر في موافقتك الجهة التي تتلقى البيانات ونوعها. لا تُرسل البيانات إلى دول خارج الاتحاد الأوروبي.',
      stand: STAND,
    },
    retentionText: {
      text:
        'نحتفظ ببياناتك طوال فترة تقديم الاستشارة لك. بعد ذلك نحذفها بمجرد أن تنتفي الحاجة إليها للاستشارة ولا يبقى واجب بحفظها (المادة 17 من DSGVO، والمادة 84 من SGB X). ' +
        'ونحتفظ بالموافقة كإثبات طالما نحتفظ بالبيانات التي تتعلق بها.',
      stand: STAND,
    },
    rightsText: {
      text:
        'لك الحق في الاطلاع على بياناتك (المادة 15 من DSGVO)، وفي تصحيحها (المادة 16)، وحذفها (المادة 17)، وتقييد معالجتها (المادة 18)، ونقلها (المادة 20)، والاعتراض (المادة 21 من DSGVO)، وذلك وفقاً للمواد 82 إلى 84 من SGB X. ' +
        'ويمكنك سحب الموافقة في أي وقت بأثر مستقبلي (المادة 7 الفقرة 3 من DSGVO)؛ ويبقى ما تم قبل ذلك مشروعاً.',
      stand: STAND,
    },
    complaintText: {
      text: 'يمكنك تقديم شكوى إلى السلطة الرقابية (المادة 77 من DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    provisionText: {
      text:
        'الاستشارة طوعية، ولست ملزماً بتقديم أي بيانات لنا. لكن دون معلومات عنك وعن موضوعك لا يمكننا تقديم الاستشارة لك إلا بشكل عام. ' +
        'إذا لم تقدم المعلومات، فلن يؤثر ذلك على إعاناتك الاجتماعية.',
      stand: STAND,
    },
    automatedText: {
      text: 'لا نتخذ بشأنك قرارات قائمة على المعالجة الآلية وحدها، ولا ننشئ ملفاً تعريفياً عنك (المادة 22 من DSGVO).',
      stand: STAND,
    },
  },
};
