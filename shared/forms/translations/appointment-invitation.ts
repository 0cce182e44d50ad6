import type { FormTranslationSource, LanguageCode } from '../definition';
import { appointmentInvitationAr } from './appointment-invitation.ar';
import { appointmentInvitationEn } from './appointment-invitation.en';
import { appointmentInvitationFa } from './appointment-invitation.fa';
import { appointmentInvitationRu } from './appointment-invitation.ru';
import { appointmentInvitationTr } from './appointment-invitation.tr';
import { appointmentInvitationUk } from './appointment-invitation.uk';

/** The invitation's shipped translations (ungeprüft): printed beside the German, which stays binding. */
export const appointmentInvitationTranslations: Partial<Record<LanguageCode, FormTranslationSource>> = {
  ar: appointmentInvitationAr,
  fa: appointmentInvitationFa,
  uk: appointmentInvitationUk,
  ru: appointmentInvitationRu,
  tr: appointmentInvitationTr,
  en: appointmentInvitationEn,
};
