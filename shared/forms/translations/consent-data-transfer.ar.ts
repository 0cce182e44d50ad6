import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferAr: FormTranslationSource = {
  title: 'الموافقة على نقل البيانات الشخصية',
  bindingNote: 'ترجمة – النص الألماني هو النص المُلزِم.',
  review: null,
  labels: {
    controller: 'الجهة المسؤولة',
    person: 'الشخص المعني',
    consentScope: 'الموافقة',
    dataScope: 'البيانات',
    validity: 'مدة الصلاحية',
    information: 'ملاحظات',
    language: 'اللغة',
    signing: 'التوقيعات',
    controllerText: 'المسؤول',
    dataProtectionOfficerText: 'مسؤول حماية البيانات',
    clientName: 'الاسم',
    nameInOwnScript: 'الاسم بخطّك',
    birthDate: 'تاريخ الميلاد',
    address: 'العنوان',
    legalRepresentative: 'الممثل القانوني',
    consentIntro: 'الإقرار',
    recipients: 'الجهات المستلمة',
    'recipients.name': 'الجهة',
    purposes: 'الغرض',
    'purposes.purpose': 'الغرض',
    dataCategories: 'البيانات',
    'dataCategories.identity': 'البيانات الشخصية (الاسم، تاريخ الميلاد، الجنسية)',
    'dataCategories.contact': 'بيانات الاتصال (العنوان، الهاتف، البريد الإلكتروني)',
    'dataCategories.residence': 'وضع الإقامة',
    'dataCategories.language-education': 'المعرفة اللغوية، التعليم المدرسي والمهني، الشهادات',
    'dataCategories.benefits': 'الحصول على إعانات اجتماعية',
    'dataCategories.counseling': 'موضوع الاستشارة والخطوات المتخذة حتى الآن',
    healthData: 'البيانات الصحية',
    healthDataDetails: 'أي بيانات صحية',
    healthDataText: 'البيانات الصحية',
    exchange: 'تبادل البيانات',
    'exchange.one-way': 'في اتجاه واحد (إلى الجهات المستلمة فقط)',
    'exchange.mutual': 'متبادل (في الاتجاهين)',
    mutualText: 'التبادل المتبادل',
    validUntil: 'صالحة حتى',
    validityText: 'المدة',
    voluntaryText: 'الطوعية',
    revocationText: 'سحب الموافقة',
    retentionText: 'مدة الحفظ',
    rightsText: 'حقوقك',
    explainedIn: 'شُرحت باللغة',
    interpreter: 'الترجمة الشفهية بواسطة',
    languageText: 'الفهم',
    signatures: 'التوقيعات',
    'signatures.placeDate': 'المكان، التاريخ',
    'signatures.signer0': 'الشخص المعني',
    'signatures.signer1': 'الممثل القانوني (إن وجد)',
    'signatures.signer2': 'المستشار/ة',
    copyHandedOver: 'تم تسليم نسخة',
  },
  blocks: {
    controllerText: {
      text: 'الجهة المسؤولة عن معالجة بياناتك هي: {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'يمكنك التواصل مع مسؤول حماية البيانات الرسمي على عنوان الجهة المسؤولة مع إضافة عبارة „Datenschutzbeauftragte/r“.',
      stand: STAND,
    },
    consentIntro: {
      text:
        'أوافق على أن تنقل الجهة المسؤولة البيانات المؤشَّر عليها أدناه، للغرض المذكور أدناه، إلى كل جهة من الجهات المذكورة أدناه (المادة 6 الفقرة 1 البند أ والمادة 7 من اللائحة العامة لحماية البيانات DSGVO، والمادة 67b الفقرة 2 من SGB X). ' +
        'لا تُنقل أي بيانات إلى جهات أخرى أو لأغراض أخرى. يجب شطب الجهات التي لا ينبغي أن تتلقى بيانات قبل التوقيع.',
      stand: STAND,
    },
    healthDataText: {
      text: 'أوافق صراحةً أيضاً على نقل البيانات الصحية التالية (المادة 9 الفقرة 2 البند أ من DSGVO): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'يجوز للجهات المذكورة بدورها أن تُبلغ الجهة المسؤولة ببيانات من الأنواع المؤشَّر عليها بالقدر اللازم للغرض المذكور، ولا سيما ما إذا كنت قد استفدت من عرضها وما كانت النتيجة.',
      stand: STAND,
    },
    validityText: {
      text: 'تسري الموافقة من تاريخ التوقيع حتى التاريخ المذكور أعلاه. وإذا لم يُذكر تاريخ، فإنها تسري حتى سحبها.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'الموافقة طوعية. إذا لم توافق أو سحبت موافقتك لاحقاً، فلن يلحق بك أي ضرر: ' +
        'إعاناتك الاجتماعية (مثل الإعانات وفق SGB II) واستشارتنا لا تتأثر بذلك. كل ما في الأمر أننا لن نستطيع إشراك الجهات المذكورة بأنفسنا.',
      stand: STAND,
    },
    revocationText: {
      text:
        'يمكنك سحب الموافقة في أي وقت ودون ذكر أسباب، كلياً أو بالنسبة لجهات بعينها، بأثر مستقبلي (المادة 7 الفقرة 3 من DSGVO). ' +
        'يبقى النقل الذي تم حتى ذلك الحين مشروعاً. يمكن السحب دون شكل محدد، شفهياً أو كتابياً، لدى المستشار/ة الخاص بك ({{settings.counselor.name}}) أو لدى {{settings.office.organization}}، {{settings.office.department}}، {{settings.office.addressLine}}. ' +
        'سنُبلغ الجهات التي تلقت بيانات بسحب الموافقة.',
      stand: STAND,
    },
    retentionText: {
      text:
        'نحتفظ بهذا الإقرار كإثبات طالما نحتفظ بالبيانات التي يتعلق بها. ونحذف بياناتك بمجرد أن تنتفي الحاجة إليها للاستشارة (المادة 17 من DSGVO، والمادة 84 من SGB X). ' +
        'لا يجوز للجهات المستلمة استخدام البيانات إلا للغرض المذكور (المادة 78 من SGB X)، وعليها حذفها عندما لا تعود بحاجة إليها لهذا الغرض.',
      stand: STAND,
    },
    rightsText: {
      text:
        'لك الحق في الاطلاع على بياناتك (المادة 15 من DSGVO)، وفي تصحيحها (المادة 16)، وحذفها (المادة 17)، وتقييد معالجتها (المادة 18)، ونقلها (المادة 20)، والاعتراض (المادة 21 من DSGVO)، وذلك وفقاً للمواد 82 إلى 84 من SGB X. ' +
        'ويمكنك أيضاً تقديم شكوى إلى السلطة الرقابية (المادة 77 من DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'شُرح لي مضمون هذا الإقرار باللغة المذكورة أعلاه، وعند الحاجة بمساعدة المترجم/ة المذكور/ة. لقد فهمته وأُتيحت لي فرصة طرح الأسئلة.',
      stand: STAND,
    },
  },
};
