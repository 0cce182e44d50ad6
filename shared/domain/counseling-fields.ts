/**
 * The five counseling fields (Beratungsfelder) of the KIM case managers
 * (DOMAIN.md), used to tag clients, partners and documents. Labels live in
 * the UI translations.
 */
export const COUNSELING_FIELDS = ['recognition', 'language-courses', 'training-work', 'duldung-gestattung', 'residence-title'] as const;
export type CounselingField = (typeof COUNSELING_FIELDS)[number];
