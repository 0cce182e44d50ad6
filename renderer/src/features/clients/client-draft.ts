import type { Client, ClientInput } from '../../../../shared/api/contract';
import { CONTACT_CHANNELS, GERMAN_LEVELS, SEXES } from '../../../../shared/api/contract';
import type { CounselingField } from '../../../../shared/domain/counseling-fields';
import type { DraftInput } from '../../ui/contract-form';
import { isBlank, keepFilled } from '../../ui/field-errors';

type Sex = (typeof SEXES)[number];
type ContactChannel = (typeof CONTACT_CHANNELS)[number];
type GermanLevel = (typeof GERMAN_LEVELS)[number];
type Regulated = '' | 'yes' | 'no';

interface LanguageDraft {
  language: string;
  interpreterNeeded: boolean;
}

interface QualificationDraft {
  titleOriginal: string;
  titleGerman: string;
  country: string;
  /** As typed: checked for digits before the call. */
  year: string;
  kind: string;
  referenceOccupation: string;
  regulated: Regulated;
}

/**
 * What the client form holds: strings as typed, '' for "not chosen". It is
 * kept as it is when a call is refused, so nothing typed is lost.
 */
export interface ClientDraft {
  familyName: string;
  givenName: string;
  otherNames: string[];
  sex: Sex | '';
  title: string;
  birthDate: string;
  birthPlace: string;
  nationalities: string[];
  address: { addition: string; street: string; postalCode: string; city: string };
  phone: string;
  email: string;
  preferredContact: ContactChannel | '';
  customerNumber: string;
  bgNumber: string;
  fileNumber: string;
  counselingFields: CounselingField[];
  notes: string;
  residenceStatus: string;
  residenceValidUntil: string;
  languages: LanguageDraft[];
  germanLevel: { level: GermanLevel | ''; certificate: string; certificateDate: string };
  education: string;
  qualifications: QualificationDraft[];
}

export const EMPTY_QUALIFICATION: QualificationDraft = {
  titleOriginal: '',
  titleGerman: '',
  country: '',
  year: '',
  kind: '',
  referenceOccupation: '',
  regulated: '',
};

export function emptyDraft(): ClientDraft {
  return {
    familyName: '',
    givenName: '',
    otherNames: [],
    sex: '',
    title: '',
    birthDate: '',
    birthPlace: '',
    nationalities: [],
    address: { addition: '', street: '', postalCode: '', city: '' },
    phone: '',
    email: '',
    preferredContact: '',
    customerNumber: '',
    bgNumber: '',
    fileNumber: '',
    counselingFields: [],
    notes: '',
    residenceStatus: '',
    residenceValidUntil: '',
    languages: [],
    germanLevel: { level: '', certificate: '', certificateDate: '' },
    education: '',
    qualifications: [],
  };
}

export function draftFromClient(client: Client): ClientDraft {
  return {
    familyName: client.familyName,
    givenName: client.givenName,
    otherNames: [...client.otherNames],
    sex: client.sex ?? '',
    title: client.title,
    birthDate: client.birthDate ?? '',
    birthPlace: client.birthPlace,
    nationalities: [...client.nationalities],
    address: { ...client.address },
    phone: client.phone,
    email: client.email,
    preferredContact: client.preferredContact ?? '',
    customerNumber: client.customerNumber,
    bgNumber: client.bgNumber,
    fileNumber: client.fileNumber,
    counselingFields: [...client.counselingFields],
    notes: client.notes,
    residenceStatus: client.residenceStatus ?? '',
    residenceValidUntil: client.residenceValidUntil ?? '',
    languages: client.languages.map((language) => ({ ...language })),
    germanLevel: {
      level: client.germanLevel.level ?? '',
      certificate: client.germanLevel.certificate,
      certificateDate: client.germanLevel.certificateDate ?? '',
    },
    education: client.education,
    qualifications: client.qualifications.map((qualification) => ({
      titleOriginal: qualification.titleOriginal,
      titleGerman: qualification.titleGerman,
      country: qualification.country,
      year: qualification.year === null ? '' : String(qualification.year),
      kind: qualification.kind,
      referenceOccupation: qualification.referenceOccupation,
      regulated: qualification.regulated === null ? '' : qualification.regulated ? 'yes' : 'no',
    })),
  };
}

function isEmptyQualification(row: QualificationDraft): boolean {
  return Object.entries(row).every(([key, value]) => (key === 'regulated' ? value === '' : isBlank(value)));
}

const YEAR_PATTERN = /^\d{4}$/;

/**
 * The call's input. Empty rows are left out (the maps lead the core's
 * messages back to the right row); a year that is not four digits cannot
 * be sent as a number and is reported in `notNumbers`.
 */
export function draftToInput(draft: ClientDraft): DraftInput<ClientInput> {
  const otherNames = keepFilled(draft.otherNames, isBlank);
  const nationalities = keepFilled(draft.nationalities, isBlank);
  const languages = keepFilled(draft.languages, (row) => isBlank(row.language) && !row.interpreterNeeded);
  const qualifications = keepFilled(draft.qualifications, isEmptyQualification);
  const notNumbers = draft.qualifications.flatMap((row, index) =>
    row.year.trim() !== '' && !YEAR_PATTERN.test(row.year.trim()) ? [`qualifications.${index}.year`] : [],
  );
  const input: ClientInput = {
    familyName: draft.familyName,
    givenName: draft.givenName,
    otherNames: otherNames.kept,
    sex: draft.sex || null,
    title: draft.title.trim(),
    birthDate: draft.birthDate || null,
    birthPlace: draft.birthPlace,
    nationalities: nationalities.kept,
    address: { addition: draft.address.addition, street: draft.address.street, postalCode: draft.address.postalCode.trim(), city: draft.address.city },
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    preferredContact: draft.preferredContact || null,
    languages: languages.kept.map((row) => ({ language: row.language, interpreterNeeded: row.interpreterNeeded })),
    customerNumber: draft.customerNumber.trim(),
    bgNumber: draft.bgNumber.trim(),
    fileNumber: draft.fileNumber.trim(),
    counselingFields: draft.counselingFields,
    germanLevel: {
      level: draft.germanLevel.level || null,
      certificate: draft.germanLevel.certificate,
      certificateDate: draft.germanLevel.certificateDate || null,
    },
    education: draft.education,
    qualifications: qualifications.kept.map((row) => ({
      titleOriginal: row.titleOriginal,
      titleGerman: row.titleGerman,
      country: row.country,
      year: YEAR_PATTERN.test(row.year.trim()) ? Number(row.year.trim()) : null,
      kind: row.kind,
      referenceOccupation: row.referenceOccupation,
      regulated: row.regulated === '' ? null : row.regulated === 'yes',
    })),
    residenceStatus: draft.residenceStatus || null,
    residenceValidUntil: draft.residenceValidUntil || null,
    notes: draft.notes,
  };
  return {
    input,
    rowMaps: {
      otherNames: otherNames.map,
      nationalities: nationalities.map,
      languages: languages.map,
      qualifications: qualifications.map,
    },
    notNumbers,
  };
}

export const QUALIFICATION_TEXT_KEYS = ['titleOriginal', 'titleGerman', 'country', 'year', 'kind', 'referenceOccupation'] as const;

/**
 * Every field path the form shows, in the order of the form, for moving
 * focus to the first message. List paths (`otherNames`) stand for the whole
 * group and come before their rows.
 */
export function fieldOrder(draft: ClientDraft): string[] {
  const rows = (group: string, count: number, keys: readonly string[] = []) => [
    group,
    ...Array.from({ length: count }, (_, index) => (keys.length === 0 ? [`${group}.${index}`] : keys.map((key) => `${group}.${index}.${key}`))).flat(),
  ];
  return [
    'familyName',
    'givenName',
    ...rows('otherNames', draft.otherNames.length),
    'sex',
    'title',
    'birthDate',
    'birthPlace',
    ...rows('nationalities', draft.nationalities.length),
    'address',
    'address.addition',
    'address.street',
    'address.postalCode',
    'address.city',
    'phone',
    'email',
    'preferredContact',
    'customerNumber',
    'bgNumber',
    'fileNumber',
    'counselingFields',
    'notes',
    'residenceStatus',
    'residenceValidUntil',
    ...rows('languages', draft.languages.length, ['language', 'interpreterNeeded']),
    'germanLevel',
    'germanLevel.level',
    'germanLevel.certificate',
    'germanLevel.certificateDate',
    'education',
    ...rows('qualifications', draft.qualifications.length, [...QUALIFICATION_TEXT_KEYS, 'regulated']),
  ];
}

/** `languages.1.language` → `client-languages-1-language`. */
export function inputId(path: string): string {
  return `client-${path.replace(/\./g, '-')}`;
}
