import { fullName } from './person-name';

/**
 * How a letter greets its recipient and names them above the address, as
 * DIN 5008 and German office letters do: "Frau" / "Herrn" before the name in
 * the address block, "Sehr geehrte Frau Dr. Kovalenko," as the greeting. Lotse
 * infers no gender from a name: the form of address comes from what the
 * counselor recorded (the client's sex, a contact's form of address), and
 * where nothing is recorded, or the person is diverse, the letter greets
 * neutrally by name ("Guten Tag Alex Beispiel,") or, to an organization
 * without a known contact, "Sehr geehrte Damen und Herren,".
 */

export const FORMS_OF_ADDRESS = ['Frau', 'Herr'] as const;
export type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];

/** To an organization, or to a contact whose form of address is not known. */
export const COLLECTIVE_GREETING = 'Sehr geehrte Damen und Herren,';

/** A person a letter greets by name. */
export interface Addressee {
  formOfAddress: FormOfAddress | null;
  /** Academic title such as "Dr." or "Prof. Dr."; '' for none. */
  title: string;
  givenName: string;
  familyName: string;
}

/** A name as one line: a newline or tab typed into a name must not break the greeting or address line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function joined(parts: string[]): string {
  return parts
    .map(oneLine)
    .filter((part) => part !== '')
    .join(' ');
}

/** The form of address the recorded sex gives; none for diverse, unspecified or not recorded. */
export function formOfAddressForSex(sex: 'female' | 'male' | 'diverse' | 'unspecified' | null): FormOfAddress | null {
  return sex === 'female' ? 'Frau' : sex === 'male' ? 'Herr' : null;
}

/** The word before the name in an address block: DIN 5008 writes "Herrn" (accusative) and "Frau". */
export function addressWord(formOfAddress: FormOfAddress): string {
  return formOfAddress === 'Herr' ? 'Herrn' : 'Frau';
}

/** The person's name as the address block writes it: title, given and family name ("Dr. Olena Kovalenko"). */
export function nameWithTitle(person: Addressee): string {
  return joined([person.title, fullName(person)]);
}

/**
 * The greeting of a letter to this person, comma included: by form of
 * address and family name where one is known, else neutral by full name.
 */
export function personGreeting(person: Addressee): string {
  const familyName = joined([person.title, person.familyName]);
  if (person.formOfAddress === 'Frau' && familyName !== '') return `Sehr geehrte Frau ${familyName},`;
  if (person.formOfAddress === 'Herr' && familyName !== '') return `Sehr geehrter Herr ${familyName},`;
  const name = nameWithTitle(person);
  return name === '' ? 'Guten Tag,' : `Guten Tag ${name},`;
}

/** Particles that belong to a family name and are written in lower case: "de la Cruz", "van Dijk", "von Berg". */
const NAME_PARTICLE = /^(?:von|vom|zu|zum|zur|van|der|den|de|del|della|di|da|das|do|dos|du|la|le|ten|ter|al|el|bin|ibn)$/;

/**
 * A contact kept with one name field ("Anna Schmitz", "Maria de la Cruz")
 * split for the greeting: the family name is the last word with the name
 * particles before it. Where that guess is wrong, the counselor overrides
 * the greeting of the letter.
 */
export function splitContactName(name: string): { givenName: string; familyName: string } {
  const words = oneLine(name).split(' ').filter(Boolean);
  let start = Math.max(words.length - 1, 0);
  while (start > 1 && NAME_PARTICLE.test(words[start - 1]!)) start -= 1;
  return { givenName: words.slice(0, start).join(' '), familyName: words.slice(start).join(' ') };
}

/** A partner's contact as letters need them (partner.ts `PartnerContactSchema`). */
export interface ContactAddressee {
  name: string;
  formOfAddress: FormOfAddress | null;
  title: string;
}

/** The contact's line in the address block, after organization and department: "Frau Dr. Anna Schmitz". */
export function contactLine(contact: ContactAddressee): string {
  return joined([contact.formOfAddress ? addressWord(contact.formOfAddress) : '', contact.title, contact.name]);
}

/** The contact as lists and pickers name them: "Frau Dr. Anna Schmitz", "Herr Max Weber" (nominative, unlike the address line). */
export function contactDisplayName(contact: ContactAddressee): string {
  return joined([contact.formOfAddress ?? '', contact.title, contact.name]);
}

/**
 * The greeting of a letter to an organization: the chosen contact by form of
 * address and family name ("Sehr geehrte Frau Dr. Schmitz,"); without a
 * contact, or a contact whose form of address is not known, "Sehr geehrte
 * Damen und Herren," (a letter to an office is read by whoever opens it).
 */
export function contactGreeting(contact: ContactAddressee | null): string {
  if (contact === null || contact.formOfAddress === null) return COLLECTIVE_GREETING;
  return personGreeting({ formOfAddress: contact.formOfAddress, title: contact.title, ...splitContactName(contact.name) });
}

/** A client as letters need them (client.ts `ClientSchema`). */
export interface ClientAddressee {
  sex: 'female' | 'male' | 'diverse' | 'unspecified' | null;
  title: string;
  givenName: string;
  familyName: string;
}

/** A client as a letter to them greets and addresses them: the form of address from the recorded sex. */
export function clientAddressee(client: ClientAddressee): Addressee {
  return { formOfAddress: formOfAddressForSex(client.sex), title: client.title, givenName: client.givenName, familyName: client.familyName };
}

/**
 * The greeting a letter is due: to a partner, its chosen contact's (or the
 * collective one); otherwise (to the client, or a form without recipient)
 * the client's.
 */
export function recipientGreeting(to: { client: ClientAddressee; partner: object | null; contact: ContactAddressee | null }): string {
  return to.partner ? contactGreeting(to.contact) : personGreeting(clientAddressee(to.client));
}
