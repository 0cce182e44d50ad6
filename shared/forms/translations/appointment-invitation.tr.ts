import type { FormTranslationSource } from '../definition';

/** Stand of this translation; the German text is binding. Ungeprüft until the office checks it. */
const STAND = '2026-11-01';

export const appointmentInvitationTr: FormTranslationSource = {
  title: 'Danışmanlık görüşmesine davet',
  bindingNote: 'Çeviri – bağlayıcı olan Almanca metindir.',
  review: null,
  letter: {
    subject: '{{appointmentDate}} tarihinde saat {{appointmentTime}} danışmanlık görüşmesine davet',
    salutation: 'Sayın {{client.fullName}},',
    closing: 'Saygılarımızla',
  },
  labels: {
    appointment: 'Randevu',
    bring: 'Lütfen yanınızda getirin',
    interpreting: 'Tercümanlık',
    cancel: 'Gelemiyorsanız',
    contact: 'İletişim',
    personName: 'Adı soyadı',
    appointmentDate: 'Tarih',
    appointmentTime: 'Saat',
    place: 'Yer',
    room: 'Oda',
    withWhom: 'Görüşülecek kişi',
    bringIdentity: 'Pasaport veya kimlik belgesi ve oturum izni',
    bringCertificates: 'Karneler, diplomalar ve iş deneyiminizi gösteren belgeler (varsa çevirisiyle birlikte)',
    bringLetters: 'Konuşmak istediğiniz resmî kurumlardan gelen mektuplar (örneğin Jobcenter, Yabancılar Dairesi)',
    bringThisLetter: 'bu mektup',
    bringOther: 'Ayrıca',
    interpreterLanguage: 'Dil',
    note: 'Not',
  },
  blocks: {
    introText: { text: 'sizi yüz yüze bir danışmanlık görüşmesine davet ediyoruz. Lütfen şu randevuya gelin:', stand: STAND },
    interpreterText: {
      text: 'Görüşme için bir tercüman ayarlıyoruz. Bunun için sizden ücret alınmaz. Güvendiğiniz bir kişiyi de yanınızda getirebilirsiniz.',
      stand: STAND,
    },
    cancelText: {
      text:
        'Lütfen mümkünse en geç bir iş günü önceden telefonla, e-postayla veya görüşme saatlerinde şahsen iptal edin. Sizinle memnuniyetle yeni bir randevu ayarlarız. ' +
        'Danışmanlık gönüllü ve ücretsizdir. Bir randevuya gelmemeniz sosyal yardımlarınızı etkilemez.',
      stand: STAND,
    },
    contactText: {
      text: 'Sorularınız için {{settings.counselor.name}} ile {{settings.counselor.phone}} numaralı telefondan veya {{settings.counselor.email}} adresinden iletişime geçebilirsiniz. Görüşme saatleri: {{settings.office.hours}}.',
      stand: STAND,
    },
  },
};
