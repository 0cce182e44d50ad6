import type { FormTranslationSource, LanguageCode } from '../definition';
import { consentDataTransferAr } from './consent-data-transfer.ar';
import { consentDataTransferEn } from './consent-data-transfer.en';
import { consentDataTransferFa } from './consent-data-transfer.fa';
import { consentDataTransferRu } from './consent-data-transfer.ru';
import { consentDataTransferTr } from './consent-data-transfer.tr';
import { consentDataTransferUk } from './consent-data-transfer.uk';

/** The consent form's shipped translations (ungeprüft): printed beside the German, which stays binding. */
export const consentDataTransferTranslations: Partial<Record<LanguageCode, FormTranslationSource>> = {
  ar: consentDataTransferAr,
  fa: consentDataTransferFa,
  uk: consentDataTransferUk,
  ru: consentDataTransferRu,
  tr: consentDataTransferTr,
  en: consentDataTransferEn,
};
