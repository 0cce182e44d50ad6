import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const dataProcessingInformationTr: FormTranslationSource = {
  title: 'Verilerinizin işlenmesine ilişkin bilgilendirme',
  bindingNote: 'Çeviri – bağlayıcı olan Almanca metindir.',
  review: null,
  labels: {
    person: 'Kime',
    controller: 'Sorumlu kurum',
    processing: 'Amaçlar ve hukuki dayanaklar',
    sharing: 'Alıcılar ve saklama süresi',
    rights: 'Haklarınız',
    further: 'Diğer açıklamalar',
    handover: 'Teslim edildi',
    clientName: 'Adı soyadı',
    nameInOwnScript: 'Kendi yazınızla adınız',
    controllerText: 'Sorumlu',
    dataProtectionOfficerText: 'Veri koruma görevlisi',
    purposesText: 'Verilerinizi ne için işliyoruz',
    legalBasisText: 'Hukuki dayanaklar',
    recipientsText: 'Verilerinizi kimler alır',
    retentionText: 'Verilerinizi ne kadar süre saklıyoruz',
    rightsText: 'Haklar',
    complaintText: 'Şikâyet',
    provisionText: 'Veri vermek zorunda mısınız?',
    automatedText: 'Otomatik kararlar',
    handedOutOn: 'Teslim tarihi',
    handedOutBy: 'Teslim eden',
  },
  blocks: {
    controllerText: {
      text:
        'Verilerinizin işlenmesinden sorumlu kurum: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}, ' +
        'telefon {{settings.office.phone}}, e-posta {{settings.office.email}}. İrtibat kişiniz: {{settings.counselor.name}}.',
      stand: STAND,
    },
    dataProtectionOfficerText: {
      text: 'Kurumun veri koruma görevlisine, sorumlu kurumun adresine „Datenschutzbeauftragte/r“ ibaresiyle yazarak ulaşabilirsiniz.',
      stand: STAND,
    },
    purposesText: {
      text:
        'Verilerinizi size danışmanlık yapmak ve size eşlik etmek için işliyoruz; örneğin oturumunuz, diplomalarınızın tanınması, dil kursları, eğitim ve iş konularında. ' +
        'Buna randevu ayarlamak, süreleri takip etmek ve sizin için yazılar hazırlamak da dahildir.',
      stand: STAND,
    },
    legalBasisText: {
      text:
        'İşleme, kamu görevi olarak yürüttüğümüz danışmanlık için gereklidir (GVKT (DSGVO) md. 6 f. 1 b. e ile bağlantılı olarak DSG NRW § 3; sosyal veriler için SGB X §§ 67 vd.). ' +
        'Başka kurumlara verileri yalnızca yazılı onayınızla (GVKT md. 6 f. 1 b. a, md. 7, SGB X § 67b f. 2) veya bir yasa izin verdiğinde (SGB X §§ 68–77) aktarırız. ' +
        'Sağlık verilerini yalnızca açık onayınızla işleriz (GVKT md. 9 f. 2 b. a).',
      stand: STAND,
    },
    recipientsText: {
      text:
        'Kurumumuzda verilerinizi yalnızca size danışmanlık yapan veya onlara vekâlet eden çalışanlar alır. Başka kurumlara, örneğin Jobcenter, İş Ajansı, Yabancılar Dairesi, denklik makamları, dil kursu kurumları veya danışmanlık merkezlerine, ' +
        'verileri yalnızca onayınızla veya yasal dayanakla iletiriz. Hangi kurumun hangi verileri alacağı onay belgenizde yazılıdır. Veriler Avrupa Birliği dışındaki ülkelere gönderilmez.',
      stand: STAND,
    },
    retentionText: {
      text:
        'Verilerinizi size danışmanlık yaptığımız sürece saklarız. Sonrasında danışmanlık için artık gerekli olmadıklarında ve saklama yükümlülüğü kalmadığında sileriz (GVKT (DSGVO) md. 17, SGB X § 84). ' +
        'Bir onayı, ilgili olduğu verileri sakladığımız sürece kanıt olarak saklarız.',
      stand: STAND,
    },
    rightsText: {
      text:
        'Verileriniz hakkında bilgi alma (GVKT (DSGVO) md. 15), düzeltme (md. 16), silme (md. 17), işlemenin kısıtlanması (md. 18), veri taşınabilirliği (md. 20) ve itiraz (GVKT md. 21) haklarına, SGB X §§ 82–84 hükümlerine göre sahipsiniz. ' +
        'Bir onayı istediğiniz zaman gelecekte geçerli olmak üzere geri alabilirsiniz (GVKT md. 7 f. 3); o zamana kadar olanlar hukuka uygun kalır.',
      stand: STAND,
    },
    complaintText: {
      text: 'Denetim makamına şikâyette bulunabilirsiniz (GVKT (DSGVO) md. 77): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
      stand: STAND,
    },
    provisionText: {
      text:
        'Danışmanlık gönüllüdür. Bize veri vermek zorunda değilsiniz. Ancak kendiniz ve konunuz hakkında bilgi olmadan size yalnızca genel danışmanlık yapabiliriz. ' +
        'Bilgi vermemeniz sosyal yardımlarınızı etkilemez.',
      stand: STAND,
    },
    automatedText: {
      text: 'Sizinle ilgili yalnızca otomatik işlemeye dayanan kararlar vermiyor ve sizin hakkınızda profil oluşturmuyoruz (GVKT (DSGVO) md. 22).',
      stand: STAND,
    },
  },
};
