import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferUk: FormTranslationSource = {
  title: 'Згода на передачу персональних даних',
  bindingNote: 'Переклад – чинним є текст німецькою мовою.',
  review: null,
  labels: {
    controller: 'Відповідальна установа',
    person: 'Особа, якої стосуються дані',
    consentScope: 'Згода',
    dataScope: 'Дані',
    validity: 'Строк дії',
    information: 'Примітки',
    language: 'Мова',
    signing: 'Підписи',
    controllerText: 'Відповідальна особа',
    dataProtectionOfficerText: 'Уповноважений із захисту даних',
    clientName: 'Ім’я та прізвище',
    nameInOwnScript: 'Ім’я вашою писемністю',
    birthDate: 'Дата народження',
    address: 'Адреса',
    legalRepresentative: 'Законний представник',
    consentIntro: 'Заява',
    recipients: 'Одержувачі',
    'recipients.name': 'Установа',
    purposes: 'Мета',
    'purposes.purpose': 'Мета',
    dataCategories: 'Дані',
    'dataCategories.identity': 'Особисті дані (ім’я, дата народження, громадянство)',
    'dataCategories.contact': 'Контактні дані (адреса, телефон, електронна пошта)',
    'dataCategories.residence': 'Статус перебування',
    'dataCategories.language-education': 'Знання мов, шкільна та професійна освіта, дипломи',
    'dataCategories.benefits': 'Отримання соціальних виплат',
    'dataCategories.counseling': 'Питання консультації та вже здійснені кроки',
    healthData: 'Дані про здоров’я',
    healthDataDetails: 'Які дані про здоров’я',
    healthDataText: 'Дані про здоров’я',
    exchange: 'Обмін даними',
    'exchange.one-way': 'односторонній (лише одержувачам)',
    'exchange.mutual': 'взаємний (в обох напрямках)',
    mutualText: 'Взаємний обмін',
    validUntil: 'Дійсна до',
    validityText: 'Тривалість',
    voluntaryText: 'Добровільність',
    revocationText: 'Відкликання',
    retentionText: 'Строк зберігання',
    rightsText: 'Ваші права',
    explainedIn: 'Пояснено мовою',
    interpreter: 'Усний переклад здійснив(ла)',
    languageText: 'Розуміння',
    signatures: 'Підписи',
    'signatures.placeDate': 'Місце, дата',
    'signatures.signer0': 'Особа, якої стосуються дані',
    'signatures.signer1': 'Законний представник (якщо є)',
    'signatures.signer2': 'Консультант(ка)',
    copyHandedOver: 'Копію видано',
  },
  blocks: {
    controllerText: {
      text: 'Відповідальною за обробку ваших даних є: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'Зв’язатися з уповноваженим із захисту даних установи можна за адресою відповідальної установи з позначкою „Datenschutzbeauftragte/r“.',
      stand: STAND,
    },
    consentIntro: {
      text:
        'Я погоджуюся, щоб відповідальна установа передала позначені нижче дані з указаною нижче метою кожній із названих нижче установ (ст. 6 ч. 1 п. a, ст. 7 ЗРЗД (DSGVO), § 67b абз. 2 SGB X). ' +
        'Іншим установам та з іншою метою дані не передаються. Установи, яким дані не повинні передаватися, слід закреслити до підписання.',
      stand: STAND,
    },
    healthDataText: {
      text: 'Я також прямо погоджуюся на передачу таких даних про здоров’я (ст. 9 ч. 2 п. a ЗРЗД (DSGVO)): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'Названі установи можуть зі свого боку повідомляти відповідальній установі дані позначених видів, наскільки це потрібно для вказаної мети, зокрема чи скористався(лася) я їхньою пропозицією і з яким результатом.',
      stand: STAND,
    },
    validityText: {
      text: 'Згода діє з моменту підписання до зазначеної вище дати. Якщо дату не вказано, вона діє до її відкликання.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'Згода є добровільною. Якщо ви не погоджуєтеся або пізніше відкличете згоду, це не матиме для вас жодних негативних наслідків: ' +
        'ваші соціальні виплати (наприклад, виплати за SGB II) і наша консультація залишаються незмінними. Просто ми тоді не зможемо самі залучити названі установи.',
      stand: STAND,
    },
    revocationText: {
      text:
        'Ви можете будь-коли без пояснення причин відкликати згоду повністю або щодо окремих установ на майбутнє (ст. 7 ч. 3 ЗРЗД (DSGVO)). ' +
        'Передача, здійснена до того, залишається законною. Відкликати згоду можна у довільній формі, усно чи письмово, у вашого консультанта ({{settings.counselor.name}}) або в {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}. ' +
        'Ми повідомимо про відкликання установи, які вже отримали дані.',
      stand: STAND,
    },
    retentionText: {
      text:
        'Ми зберігаємо цю заяву як доказ, доки зберігаємо дані, яких вона стосується. Ваші дані ми видаляємо, щойно вони більше не потрібні для консультації (ст. 17 ЗРЗД (DSGVO), § 84 SGB X). ' +
        'Одержувачі можуть використовувати дані лише з указаною метою (§ 78 SGB X) і мають видалити їх, коли вони більше для цього не потрібні.',
      stand: STAND,
    },
    rightsText: {
      text:
        'Ви маєте право на доступ до своїх даних (ст. 15 ЗРЗД (DSGVO)), на виправлення (ст. 16), видалення (ст. 17), обмеження обробки (ст. 18), перенесення даних (ст. 20) та заперечення (ст. 21 ЗРЗД), відповідно до §§ 82–84 SGB X. ' +
        'Крім того, ви можете подати скаргу до наглядового органу (ст. 77 ЗРЗД): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'Зміст цієї заяви мені пояснили зазначеною вище мовою, за потреби з допомогою названого перекладача чи перекладачки. Я його зрозумів(ла) і мав(ла) змогу поставити запитання.',
      stand: STAND,
    },
  },
};
