import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const consentDataTransferTr: FormTranslationSource = {
  title: 'Kişisel verilerin aktarılmasına onay',
  bindingNote: 'Çeviri – bağlayıcı olan Almanca metindir.',
  review: null,
  labels: {
    controller: 'Sorumlu kurum',
    person: 'İlgili kişi',
    consentScope: 'Onay',
    dataScope: 'Veriler',
    validity: 'Geçerlilik',
    information: 'Açıklamalar',
    language: 'Dil',
    signing: 'İmzalar',
    controllerText: 'Sorumlu',
    dataProtectionOfficerText: 'Veri koruma görevlisi',
    clientName: 'Adı soyadı',
    nameInOwnScript: 'Kendi yazınızla adınız',
    birthDate: 'Doğum tarihi',
    address: 'Adres',
    legalRepresentative: 'Yasal temsilci',
    consentIntro: 'Beyan',
    recipients: 'Alıcılar',
    'recipients.name': 'Kurum',
    purposes: 'Amaç',
    'purposes.purpose': 'Amaç',
    dataCategories: 'Veriler',
    'dataCategories.identity': 'Kimlik bilgileri (ad, doğum tarihi, vatandaşlık)',
    'dataCategories.contact': 'İletişim bilgileri (adres, telefon, e-posta)',
    'dataCategories.residence': 'Oturum durumu',
    'dataCategories.language-education': 'Dil bilgisi, okul ve meslek eğitimi, diplomalar',
    'dataCategories.benefits': 'Sosyal yardım alınması',
    'dataCategories.counseling': 'Danışmanlık konusu ve şimdiye kadar atılan adımlar',
    healthData: 'Sağlık verileri',
    healthDataDetails: 'Hangi sağlık verileri',
    healthDataText: 'Sağlık verileri',
    exchange: 'Veri alışverişi',
    'exchange.one-way': 'tek yönlü (yalnızca alıcılara)',
    'exchange.mutual': 'karşılıklı (her iki yönde)',
    mutualText: 'Karşılıklı alışveriş',
    validUntil: 'Geçerlilik tarihi',
    validityText: 'Süre',
    voluntaryText: 'Gönüllülük',
    revocationText: 'Geri alma',
    retentionText: 'Saklama süresi',
    rightsText: 'Haklarınız',
    explainedIn: 'Açıklandığı dil',
    interpreter: 'Tercümanlık yapan',
    languageText: 'Anlama',
    signatures: 'İmzalar',
    'signatures.placeDate': 'Yer, tarih',
    'signatures.signer0': 'İlgili kişi',
    'signatures.signer1': 'Yasal temsilci (varsa)',
    'signatures.signer2': 'Danışman',
    copyHandedOver: 'Bir kopyası verildi',
  },
  blocks: {
    controllerText: {
      text: 'Verilerinizin işlenmesinden sorumlu kurum: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'Kurumun veri koruma görevlisine, sorumlu kurumun adresine „Datenschutzbeauftragte/r“ ibaresiyle yazarak ulaşabilirsiniz.',
      stand: STAND,
    },
    consentIntro: {
      text:
        'Sorumlu kurumun, aşağıda işaretlenen verileri aşağıda belirtilen amaçla aşağıda adı geçen kurumların her birine aktarmasına onay veriyorum (GVKT (DSGVO) md. 6 f. 1 b. a, md. 7, SGB X § 67b f. 2). ' +
        'Başka kurumlara ve başka amaçlarla veri aktarılmaz. Veri gönderilmemesi gereken kurumlar imzadan önce çizilmelidir.',
      stand: STAND,
    },
    healthDataText: {
      text: 'Aşağıdaki sağlık verilerinin aktarılmasına da açıkça onay veriyorum (GVKT (DSGVO) md. 9 f. 2 b. a): {{healthDataDetails}}.',
      stand: STAND,
    },
    mutualText: {
      text: 'Adı geçen kurumlar da, belirtilen amaç için gerekli olduğu ölçüde, işaretlenen türdeki verileri sorumlu kuruma bildirebilir; özellikle tekliflerinden yararlanıp yararlanmadığımı ve sonucunu.',
      stand: STAND,
    },
    validityText: {
      text: 'Onay, imza tarihinden yukarıda belirtilen tarihe kadar geçerlidir. Tarih belirtilmemişse geri alınana kadar geçerlidir.',
      stand: STAND,
    },
    voluntaryText: {
      text:
        'Onay gönüllüdür. Onay vermezseniz ya da onayınızı sonradan geri alırsanız hiçbir dezavantajınız olmaz: ' +
        'sosyal yardımlarınız (örneğin SGB II kapsamındaki yardımlar) ve danışmanlığımız bundan etkilenmez. Yalnızca adı geçen kurumları kendimiz dahil edemeyiz.',
      stand: STAND,
    },
    revocationText: {
      text:
        'Onayınızı istediğiniz zaman, gerekçe göstermeden, tamamen veya tek tek kurumlar için gelecekte geçerli olmak üzere geri alabilirsiniz (GVKT (DSGVO) md. 7 f. 3). ' +
        'O zamana kadar yapılan aktarım hukuka uygun kalır. Geri alma herhangi bir şekle bağlı değildir; sözlü ya da yazılı olarak danışmanınıza ({{settings.counselor.name}}) veya {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}} adresine bildirebilirsiniz. ' +
        'Geri almayı, veri almış olan kurumlara bildiririz.',
      stand: STAND,
    },
    retentionText: {
      text:
        'Bu beyanı, ilgili olduğu verileri sakladığımız sürece kanıt olarak saklarız. Verilerinizi danışmanlık için artık gerekli olmadığında sileriz (GVKT (DSGVO) md. 17, SGB X § 84). ' +
        'Alıcılar verileri yalnızca belirtilen amaçla kullanabilir (SGB X § 78) ve bu amaç için artık gerekmediğinde silmek zorundadır.',
      stand: STAND,
    },
    rightsText: {
      text:
        'Verileriniz hakkında bilgi alma (GVKT (DSGVO) md. 15), düzeltme (md. 16), silme (md. 17), işlemenin kısıtlanması (md. 18), veri taşınabilirliği (md. 20) ve itiraz (GVKT md. 21) haklarına, SGB X §§ 82–84 hükümlerine göre sahipsiniz. ' +
        'Ayrıca denetim makamına şikâyette bulunabilirsiniz (GVKT md. 77): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    languageText: {
      text: 'Bu beyanın içeriği bana yukarıda belirtilen dilde, gerektiğinde adı geçen tercümanın yardımıyla açıklandı. İçeriği anladım ve soru sorma imkânım oldu.',
      stand: STAND,
    },
  },
};
