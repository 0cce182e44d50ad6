import type { MethodInput, Partner } from '../../../../shared/api/contract';
import { SERVICE_STATUSES } from '../../../../shared/api/contract';
import type { CounselingField } from '../../../../shared/domain/counseling-fields';
import type { FORMS_OF_ADDRESS } from '../../../../shared/domain/salutation';
import { ApiCallError, isApiCallError } from '../../api';
import type { DraftInput } from '../../ui/contract-form';
import { isBlank, keepFilled, pathsToFormRows, type RowMaps } from '../../ui/field-errors';

type ServiceStatus = (typeof SERVICE_STATUSES)[number];
type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];
type PartnerCallInput = MethodInput<'partners.create'>;

interface ServiceDraft {
  /** Kept on edit, so the service stays the same record (and the same HSDS id). */
  id: string | null;
  name: string;
  description: string;
  status: ServiceStatus;
  counselingFields: CounselingField[];
  eligibility: string;
  /** As typed: checked for digits before the call. */
  minimumAge: string;
  maximumAge: string;
  /** Comma-separated, as typed. */
  languages: string;
  fees: string;
  applicationProcess: string;
}

interface ContactDraft {
  id: string | null;
  name: string;
  formOfAddress: FormOfAddress | '';
  title: string;
  role: string;
  phone: string;
  email: string;
}

/**
 * What the partner form holds: strings as typed. It is kept as it is when
 * a call is refused, so nothing typed is lost.
 */
export interface PartnerDraft {
  name: string;
  department: string;
  description: string;
  counselingFields: CounselingField[];
  address: { addition: string; street: string; postalCode: string; city: string };
  usePostbox: boolean;
  postbox: { label: string; postalCode: string; city: string };
  openingHours: string;
  phone: string;
  email: string;
  website: string;
  services: ServiceDraft[];
  contacts: ContactDraft[];
  notes: string;
  assuredDate: string;
  assuredBy: string;
}

export function emptyService(): ServiceDraft {
  return {
    id: null,
    name: '',
    description: '',
    status: 'active',
    counselingFields: [],
    eligibility: '',
    minimumAge: '',
    maximumAge: '',
    languages: '',
    fees: '',
    applicationProcess: '',
  };
}

export function emptyContact(): ContactDraft {
  return { id: null, name: '', formOfAddress: '', title: '', role: '', phone: '', email: '' };
}

export function emptyPartnerDraft(): PartnerDraft {
  return {
    name: '',
    department: '',
    description: '',
    counselingFields: [],
    address: { addition: '', street: '', postalCode: '', city: '' },
    usePostbox: false,
    postbox: { label: 'Postfach', postalCode: '', city: '' },
    openingHours: '',
    phone: '',
    email: '',
    website: '',
    services: [],
    contacts: [],
    notes: '',
    assuredDate: '',
    assuredBy: '',
  };
}

export function draftFromPartner(partner: Partner): PartnerDraft {
  return {
    name: partner.name,
    department: partner.department,
    description: partner.description,
    counselingFields: [...partner.counselingFields],
    address: { ...partner.address },
    usePostbox: partner.postbox !== null,
    postbox: partner.postbox ? { ...partner.postbox } : { label: 'Postfach', postalCode: '', city: '' },
    openingHours: partner.openingHours,
    phone: partner.phone,
    email: partner.email,
    website: partner.website,
    services: partner.services.map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description,
      status: service.status,
      counselingFields: [...service.counselingFields],
      eligibility: service.eligibility,
      minimumAge: service.minimumAge === null ? '' : String(service.minimumAge),
      maximumAge: service.maximumAge === null ? '' : String(service.maximumAge),
      languages: service.languages.join(', '),
      fees: service.fees,
      applicationProcess: service.applicationProcess,
    })),
    contacts: partner.contacts.map((contact) => ({ ...contact, formOfAddress: contact.formOfAddress ?? '' })),
    notes: partner.notes,
    assuredDate: partner.assuredDate ?? '',
    assuredBy: partner.assuredBy,
  };
}

/** A stored partner as the input of `partners.update` (derived fields left out). */
export function partnerToInput(partner: Partner): MethodInput<'partners.update'> {
  const { archived: _archived, verification: _verification, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = partner;
  return input;
}

function isEmptyService(row: ServiceDraft): boolean {
  return (
    row.id === null &&
    row.status === 'active' &&
    row.counselingFields.length === 0 &&
    [row.name, row.description, row.eligibility, row.minimumAge, row.maximumAge, row.languages, row.fees, row.applicationProcess].every(isBlank)
  );
}

function isEmptyContact(row: ContactDraft): boolean {
  return row.id === null && row.formOfAddress === '' && [row.name, row.title, row.role, row.phone, row.email].every(isBlank);
}

const AGE_PATTERN = /^\d{1,3}$/;

function age(text: string): number | null {
  const trimmed = text.trim();
  return AGE_PATTERN.test(trimmed) ? Number(trimmed) : null;
}

function splitLanguages(text: string): string[] {
  return text
    .split(',')
    .map((language) => language.trim())
    .filter((language) => language !== '');
}

/**
 * The call's input. Rows added and never filled in are left out (the maps
 * lead the core's messages back to the right row); an age that is not a
 * whole number cannot be sent and is reported in `notNumbers`.
 */
export function draftToInput(draft: PartnerDraft): DraftInput<PartnerCallInput> {
  const services = keepFilled(draft.services, isEmptyService);
  const contacts = keepFilled(draft.contacts, isEmptyContact);
  const notNumbers = draft.services.flatMap((row, index) =>
    (['minimumAge', 'maximumAge'] as const).filter((key) => !isBlank(row[key]) && age(row[key]) === null).map((key) => `services.${index}.${key}`),
  );
  const input: PartnerCallInput = {
    name: draft.name,
    department: draft.department,
    description: draft.description,
    counselingFields: draft.counselingFields,
    address: { addition: draft.address.addition, street: draft.address.street, postalCode: draft.address.postalCode.trim(), city: draft.address.city },
    postbox: draft.usePostbox ? { label: draft.postbox.label, postalCode: draft.postbox.postalCode.trim(), city: draft.postbox.city } : null,
    openingHours: draft.openingHours,
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    website: draft.website.trim(),
    services: services.kept.map((row) => ({
      ...(row.id !== null ? { id: row.id } : {}),
      name: row.name,
      description: row.description,
      status: row.status,
      counselingFields: row.counselingFields,
      eligibility: row.eligibility,
      minimumAge: age(row.minimumAge),
      maximumAge: age(row.maximumAge),
      languages: splitLanguages(row.languages),
      fees: row.fees,
      applicationProcess: row.applicationProcess,
    })),
    contacts: contacts.kept.map((row) => ({
      ...(row.id !== null ? { id: row.id } : {}),
      name: row.name,
      formOfAddress: row.formOfAddress || null,
      title: row.title.trim(),
      role: row.role,
      phone: row.phone.trim(),
      email: row.email.trim(),
    })),
    notes: draft.notes,
    assuredDate: draft.assuredDate || null,
    assuredBy: draft.assuredBy,
  };
  return { input, rowMaps: { services: services.map, contacts: contacts.map }, notNumbers };
}

const SERVICE_KEYS = [
  'name',
  'status',
  'description',
  'counselingFields',
  'eligibility',
  'minimumAge',
  'maximumAge',
  'languages',
  'fees',
  'applicationProcess',
] as const;

const CONTACT_KEYS = ['name', 'formOfAddress', 'title', 'role', 'phone', 'email'] as const;

/**
 * Every field path the form shows, in the order of the form, for moving
 * focus to the first message. Group paths come before their members.
 */
export function fieldOrder(draft: PartnerDraft): string[] {
  const rows = (group: string, count: number, keys: readonly string[]) => [
    group,
    ...Array.from({ length: count }, (_, index) => keys.map((key) => `${group}.${index}.${key}`)).flat(),
  ];
  return [
    'name',
    'department',
    'description',
    'counselingFields',
    'notes',
    'address',
    'address.addition',
    'address.street',
    'address.postalCode',
    'address.city',
    'postbox',
    'postbox.label',
    'postbox.postalCode',
    'postbox.city',
    'openingHours',
    'phone',
    'email',
    'website',
    ...rows('services', draft.services.length, SERVICE_KEYS),
    ...rows('contacts', draft.contacts.length, CONTACT_KEYS),
    'assuredDate',
    'assuredBy',
  ];
}

/**
 * Messages at the input's paths moved to the form's: to the right row (see
 * pathsToFormRows), and about one of a service's languages
 * (`services.0.languages.2`) to the one field that holds them all.
 */
export function toFormPaths(error: unknown, rowMaps: RowMaps): unknown {
  const atRows = pathsToFormRows(error, rowMaps);
  if (!isApiCallError(atRows)) return atRows;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(atRows.fields)) {
    const folded = path.replace(/^(services\.\d+\.languages)\.\d+$/, '$1');
    fields[folded] ??= message;
  }
  return new ApiCallError({ code: atRows.code, message: atRows.message, fields });
}

/** `services.1.name` → `partner-services-1-name`. */
export function inputId(path: string): string {
  return `partner-${path.replace(/\./g, '-')}`;
}
