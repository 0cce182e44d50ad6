import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferRu: FormTranslationSource = {
  title: 'Согласие на передачу персональных данных',
  bindingNote: 'Перевод – обязательным является текст на немецком языке.',
  review: null,
  labels: {
    controller: 'Ответственная организация',
    person: 'Субъект данных',
    consentScope: 'Согласие',
    dataScope: 'Данные',
    validity: 'Срок действия',
    information: 'Указания',
    language: 'Язык',
    signing: 'Подписи',
    controllerText: 'Ответственный',
    dataProtectionOfficerText: 'Уполномоченный по защите данных',
    clientName: 'Имя и фамилия',
    nameInOwnScript: 'Имя на вашем письме',
    birthDate: 'Дата рождения',
    address: 'Адрес',
    legalRepresentative: 'Законный представитель',
    consentIntro: 'Заявление',
    recipients: 'Получатели',
    'recipients.name': 'Организация',
    purposes: 'Цель',
    'purposes.purpose': 'Цель',
    dataCategories: 'Данные',
    'dataCategories.identity': 'Личные данные (имя, дата рождения, гражданство)',
    'dataCategories.contact': 'Контактные данные (адрес, телефон, электронная почта)',
    'dataCategories.residence': 'Статус пребывания',
    'dataCategories.language-education': 'Знание языков, школьное и профессиональное образование, дипломы',
    'dataCategories.benefits': 'Получение социальных пособий',
    'dataCategories.counseling': 'Вопрос консультации и уже предпринятые шаги',
    healthData: 'Данные о здоровье',
    healthDataDetails: 'Какие данные о здоровье',
    healthDataText: 'Данные о здоровье',
    exchange: 'Обмен данными',
    'exchange.one-way': 'односторонний (только получателям)',
    'exchange.mutual': 'взаимный (в обоих направлениях)',
    mutualText: 'Взаимный обмен',
    validUntil: 'Действительно до',
    validityText: 'Срок',
    voluntaryText: 'Добровольность',
    revocationText: 'Отзыв',
    retentionText: 'Срок хранения',
    rightsText: 'Ваши права',
    explainedIn: 'Объяснено на языке',
    interpreter: 'Устный перевод выполнил(а)',
    languageText: 'Понимание',
    signatures: 'Подписи',
    'signatures.placeDate': 'Место, дата',
    'signatures.signer0': 'Субъект данных',
    'signatures.signer1': 'Законный представитель (если есть)',
    'signatures.signer2': 'Консультант',
    copyHandedOver: 'Копия выдана',
  },
  blocks: {
    controllerText: {
      text: 'Ответственной за обработку ваших данных является: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'Связаться с уполномоченным по защите данных можно по адресу ответственной организации с пометкой „Datenschutzbeauftragte/r“.',
      stand: STAND,
    },
    consentIntro: {
      text:
        'Я согласен(на), чтобы ответственная организация передала отмеченные ниже данные с указанной ниже целью каждой из названных ниже организаций (ст. 6 п. 1 лит. a, ст. 7 ОРЗД (DSGVO), § 67b абз. 2 SGB X). ' +
        'Другим организациям и для других целей данные не передаются. Организации, которым данные передаваться не должны, следует вычеркнуть до подписания.',
      stand: STAND,
    },
    healthDataText: {
      text: 'Я также прямо соглашаюсь на передачу следующих данных о здоровье (ст. 9 п. 2 лит. a ОРЗД (DSGVO)): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'Названные организации могут, со своей стороны, сообщать ответственной организации данные отмеченных видов, насколько это необходимо для указанной цели, в частности, воспользовался(лась) ли я их предложением и с каким результатом.',
      stand: STAND,
    },
    validityText: {
      text: 'Согласие действует с момента подписания до указанной выше даты. Если дата не указана, оно действует до его отзыва.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'Согласие является добровольным. Если вы не даёте согласия или позже отзываете его, это не повлечёт для вас никаких негативных последствий: ' +
        'ваши социальные пособия (например, по SGB II) и наша консультация остаются без изменений. Просто мы тогда не сможем сами привлечь названные организации.',
      stand: STAND,
    },
    revocationText: {
      text:
        'Вы можете в любое время без объяснения причин отозвать согласие полностью или в отношении отдельных организаций на будущее (ст. 7 п. 3 ОРЗД (DSGVO)). ' +
        'Передача, произведённая до этого, остаётся законной. Отозвать согласие можно в свободной форме, устно или письменно, у вашего консультанта ({{settings.counselor.name}}) или в {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}. ' +
        'Мы сообщим об отзыве организациям, которые уже получили данные.',
      stand: STAND,
    },
    retentionText: {
      text:
        'Мы храним это заявление как доказательство, пока храним данные, к которым оно относится. Ваши данные мы удаляем, как только они больше не нужны для консультации (ст. 17 ОРЗД (DSGVO), § 84 SGB X). ' +
        'Получатели могут использовать данные только для указанной цели (§ 78 SGB X) и обязаны удалить их, когда они для этого больше не нужны.',
      stand: STAND,
    },
    rightsText: {
      text:
        'Вы имеете право на получение информации о своих данных (ст. 15 ОРЗД (DSGVO)), на исправление (ст. 16), удаление (ст. 17), ограничение обработки (ст. 18), переносимость данных (ст. 20) и возражение (ст. 21 ОРЗД), в соответствии с §§ 82–84 SGB X. ' +
        'Кроме того, вы можете подать жалобу в надзорный орган (ст. 77 ОРЗД): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'Содержание этого заявления мне объяснили на указанном выше языке, при необходимости с помощью названного переводчика или переводчицы. Я его понял(а) и мог(ла) задать вопросы.',
      stand: STAND,
    },
  },
};
