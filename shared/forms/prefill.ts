import type { Client, Consent, Partner, Settings } from '../api/contract';
import { fullName } from '../domain/person-name';
import { recordLabelsDe } from '../i18n/record-labels.de';

/**
 * Where prefilled values and placeholders come from: a fixed set of paths
 * (`client.birthDate`, `settings.office.phone` …). A definition may only name
 * these; `loadFormDefinition` refuses any other path, naming the template and
 * the field, so a typo never silently prints an empty line.
 */

/** What a document is about when it is created or printed. */
export interface PrefillContext {
  client: Client;
  /** The recipient partner, where the document has one. */
  partner: Partner | null;
  settings: Settings;
  /** The valid consent covering the partner (the newest), where there is one. */
  consent: Consent | null;
  /** Label of the client's residence status (statuses are data). */
  residenceStatusLabel: string;
  /** `YYYY-MM-DD` */
  today: string;
  /**
   * The greeting the recipient is due (shared/domain/salutation.ts): the
   * client by sex and title, a partner's chosen contact, else "Sehr geehrte
   * Damen und Herren,". Snapshots frozen before it existed lack it.
   */
  salutation: string;
}

/**
 * `text`: a string; `date`: `YYYY-MM-DD` or ''; `flag`: a boolean; `codes`:
 * a list of codes (for multiselect fields with those codes as options);
 * `partner`: a partner id.
 */
export type PrefillKind = 'text' | 'date' | 'flag' | 'codes' | 'partner';

export interface PrefillSource {
  kind: PrefillKind;
  resolve: (context: PrefillContext) => string | boolean | string[];
}

const join = (parts: Array<string | null | undefined>, separator: string): string =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(separator);

const text = (resolve: (context: PrefillContext) => string | null | undefined): PrefillSource => ({
  kind: 'text',
  resolve: (context) => resolve(context) ?? '',
});
const date = (resolve: (context: PrefillContext) => string | null | undefined): PrefillSource => ({
  kind: 'date',
  resolve: (context) => resolve(context) ?? '',
});

/** One line, the addition (c/o, Unterkunft …) first, as the address block has it above the street: „c/o Weber, Rurstr. 3, 52349 Düren“. */
function addressLine(address: { addition?: string; street: string; postalCode: string; city: string }): string {
  return join([address.addition, address.street, join([address.postalCode, address.city], ' ')], ', ');
}

const firstQualification = (context: PrefillContext) => context.client.qualifications[0];

/** A letter of another script than Latin (Arabic, Cyrillic, Ethiopic, Georgian …). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * The client's name as they write it (issue 17): the first of the other
 * names written in a script other than Latin, e.g. `محمود حداد`; '' when
 * the record has none. The address block stays Latin (the post reads it).
 */
export function nameInOwnScript(client: Pick<Client, 'otherNames'>): string {
  return client.otherNames.find((name) => NON_LATIN_LETTER.test(name))?.trim() ?? '';
}

/** How to reach the client: the preferred channel first, then phone and e-mail. */
function howToReach(client: Client): string {
  const preferred = client.preferredContact ? `bevorzugt: ${recordLabelsDe.contactChannels[client.preferredContact]}` : '';
  return join([preferred, client.phone && `Tel. ${client.phone}`, client.email], '; ');
}

export const PREFILL_SOURCES: Readonly<Record<string, PrefillSource>> = {
  today: date((c) => c.today),
  salutation: text((c) => c.salutation),

  'client.fullName': text((c) => fullName(c.client)),
  'client.nameInOwnScript': text((c) => nameInOwnScript(c.client)),
  /** `Mahmoud Haddad (محمود حداد)`, or the Latin name alone. */
  'client.fullNameWithOwnScript': text((c) => {
    const own = nameInOwnScript(c.client);
    return own === '' ? fullName(c.client) : `${fullName(c.client)} (${own})`;
  }),
  'client.familyName': text((c) => c.client.familyName),
  'client.givenName': text((c) => c.client.givenName),
  'client.birthDate': date((c) => c.client.birthDate),
  'client.birthPlace': text((c) => c.client.birthPlace),
  'client.sex': text((c) => (c.client.sex ? recordLabelsDe.sexes[c.client.sex] : '')),
  'client.nationalities': text((c) => c.client.nationalities.join(', ')),
  'client.addressLine': text((c) => addressLine(c.client.address)),
  'client.address.street': text((c) => c.client.address.street),
  'client.address.postalCode': text((c) => c.client.address.postalCode),
  'client.address.city': text((c) => c.client.address.city),
  'client.phone': text((c) => c.client.phone),
  'client.email': text((c) => c.client.email),
  'client.howToReach': text((c) => howToReach(c.client)),
  'client.languages': text((c) => c.client.languages.map((entry) => entry.language).join(', ')),
  'client.interpreterNeeded': { kind: 'flag', resolve: (c) => c.client.languages.some((entry) => entry.interpreterNeeded) },
  'client.interpreterLanguages': text((c) =>
    c.client.languages
      .filter((entry) => entry.interpreterNeeded)
      .map((entry) => entry.language)
      .join(', '),
  ),
  'client.customerNumber': text((c) => c.client.customerNumber),
  'client.bgNumber': text((c) => c.client.bgNumber),
  'client.fileNumber': text((c) => c.client.fileNumber),
  'client.residenceStatus': text((c) => c.residenceStatusLabel),
  'client.residenceValidUntil': date((c) => c.client.residenceValidUntil),
  'client.counselingFields': { kind: 'codes', resolve: (c) => [...c.client.counselingFields] },
  'client.germanLevel': text((c) => c.client.germanLevel.level ?? ''),
  'client.germanCertificate': text((c) => c.client.germanLevel.certificate),
  'client.germanCertificateDate': date((c) => c.client.germanLevel.certificateDate),
  'client.education': text((c) => c.client.education),
  'client.qualification.titleOriginal': text((c) => firstQualification(c)?.titleOriginal),
  'client.qualification.titleGerman': text((c) => firstQualification(c)?.titleGerman),
  'client.qualification.country': text((c) => firstQualification(c)?.country),
  'client.qualification.year': text((c) => {
    const year = firstQualification(c)?.year;
    return year === null || year === undefined ? '' : String(year);
  }),
  'client.qualification.kind': text((c) => firstQualification(c)?.kind),
  'client.qualification.referenceOccupation': text((c) => firstQualification(c)?.referenceOccupation),
  'client.qualification.regulated': { kind: 'flag', resolve: (c) => firstQualification(c)?.regulated === true },

  'partner.id': { kind: 'partner', resolve: (c) => c.partner?.id ?? '' },
  'partner.name': text((c) => join([c.partner?.name, c.partner?.department], ', ')),
  'partner.addressLine': text((c) => (c.partner ? addressLine(c.partner.address) : '')),
  'partner.phone': text((c) => c.partner?.phone),
  'partner.email': text((c) => c.partner?.email),

  'settings.office.organization': text((c) => c.settings.office.organization),
  'settings.office.department': text((c) => c.settings.office.department),
  'settings.office.addressLine': text((c) =>
    addressLine({ street: c.settings.office.street, postalCode: c.settings.office.postalCode, city: c.settings.office.city }),
  ),
  'settings.office.room': text((c) => c.settings.office.room),
  'settings.office.phone': text((c) => c.settings.office.phone),
  'settings.office.email': text((c) => c.settings.office.email),
  'settings.office.hours': text((c) => c.settings.office.hours),
  'settings.office.web': text((c) => c.settings.office.web),
  'settings.counselor.name': text((c) => c.settings.counselor.name),
  'settings.counselor.title': text((c) => c.settings.counselor.title),
  'settings.counselor.phone': text((c) => c.settings.counselor.phone || c.settings.office.phone),
  'settings.counselor.email': text((c) => c.settings.counselor.email || c.settings.office.email),

  'consent.signedOn': date((c) => c.consent?.signedOn),
  'consent.validUntil': date((c) => c.consent?.validUntil),
  'consent.purposes': text((c) => c.consent?.purposes.join('; ')),
};

export function isPrefillPath(path: string): boolean {
  return Object.hasOwn(PREFILL_SOURCES, path);
}

/** The source of a path, never one of Object.prototype's (a template's `{{constructor}}` names none). */
export function prefillSource(path: string): PrefillSource | undefined {
  return isPrefillPath(path) ? PREFILL_SOURCES[path] : undefined;
}

export function resolvePrefill(path: string, context: PrefillContext): string | boolean | string[] {
  const source = prefillSource(path);
  if (!source) throw new Error(`Unknown prefill path ${path}`);
  return source.resolve(context);
}
