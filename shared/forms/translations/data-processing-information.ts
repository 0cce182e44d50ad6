import type { FormTranslationSource, LanguageCode } from '../definition';
import { dataProcessingInformationAr } from './data-processing-information.ar';
import { dataProcessingInformationEn } from './data-processing-information.en';
import { dataProcessingInformationFa } from './data-processing-information.fa';
import { dataProcessingInformationRu } from './data-processing-information.ru';
import { dataProcessingInformationTr } from './data-processing-information.tr';
import { dataProcessingInformationUk } from './data-processing-information.uk';

/** The Art. 13 sheet's shipped translations (ungeprüft): printed beside the German, which stays binding. */
export const dataProcessingInformationTranslations: Partial<Record<LanguageCode, FormTranslationSource>> = {
  ar: dataProcessingInformationAr,
  fa: dataProcessingInformationFa,
  uk: dataProcessingInformationUk,
  ru: dataProcessingInformationRu,
  tr: dataProcessingInformationTr,
  en: dataProcessingInformationEn,
};
