import { describe, expect, it } from 'vitest';
import {
  addressWord,
  clientAddressee,
  COLLECTIVE_GREETING,
  contactDisplayName,
  contactGreeting,
  contactLine,
  nameWithTitle,
  personGreeting,
  recipientGreeting,
  splitContactName,
} from '../../shared/domain/salutation';

const client = (
  sex: 'female' | 'male' | 'diverse' | 'unspecified' | null,
  overrides: Partial<{ title: string; givenName: string; familyName: string }> = {},
) => ({
  sex,
  title: '',
  givenName: 'Olena',
  familyName: 'Kovalenko',
  ...overrides,
});

describe('the greeting of a letter to a client', () => {
  it('greets a woman as "Frau" with her family name', () => {
    expect(personGreeting(clientAddressee(client('female')))).toBe('Sehr geehrte Frau Kovalenko,');
  });

  it('greets a man as "Herr" with the inflected "geehrter"', () => {
    expect(personGreeting(clientAddressee(client('male', { givenName: 'Mehmet', familyName: 'Yılmaz-Öztürk' })))).toBe('Sehr geehrter Herr Yılmaz-Öztürk,');
  });

  it('puts the academic title between form of address and family name', () => {
    expect(personGreeting(clientAddressee(client('female', { title: 'Dr.' })))).toBe('Sehr geehrte Frau Dr. Kovalenko,');
    expect(personGreeting(clientAddressee(client('male', { title: 'Prof. Dr.', familyName: 'Weber' })))).toBe('Sehr geehrter Herr Prof. Dr. Weber,');
  });

  it.each(['diverse', 'unspecified', null] as const)('greets neutrally with the full name when the sex is %s', (sex) => {
    expect(personGreeting(clientAddressee(client(sex, { givenName: 'Alex', familyName: 'Beispiel' })))).toBe('Guten Tag Alex Beispiel,');
  });

  it('keeps the title in a neutral greeting, and greets without a name only when there is none', () => {
    expect(personGreeting(clientAddressee(client('diverse', { title: 'Dr.', givenName: 'Alex', familyName: 'Beispiel' })))).toBe(
      'Guten Tag Dr. Alex Beispiel,',
    );
    expect(personGreeting(clientAddressee(client('diverse', { givenName: '', familyName: 'Beispiel' })))).toBe('Guten Tag Beispiel,');
    expect(personGreeting({ formOfAddress: 'Frau', title: '', givenName: '', familyName: '  ' })).toBe('Guten Tag,');
  });

  it('writes "Frau" and "Herrn" (accusative) above the name in the address block, with the title before the name', () => {
    expect(addressWord('Frau')).toBe('Frau');
    expect(addressWord('Herr')).toBe('Herrn');
    expect(nameWithTitle(clientAddressee(client('female', { title: 'Dr.' })))).toBe('Dr. Olena Kovalenko');
    expect(clientAddressee(client('diverse')).formOfAddress).toBeNull();
  });
});

describe('the greeting of a letter to a partner', () => {
  const contact = { name: 'Anna Schmitz', formOfAddress: 'Frau' as const, title: 'Dr.' };

  it('greets the chosen contact by form of address, title and family name', () => {
    expect(contactGreeting(contact)).toBe('Sehr geehrte Frau Dr. Schmitz,');
    expect(contactGreeting({ name: 'Carsten Muschenich', formOfAddress: 'Herr', title: '' })).toBe('Sehr geehrter Herr Muschenich,');
  });

  it('greets "Damen und Herren" without a contact, or when the contact\'s form of address is not known', () => {
    expect(contactGreeting(null)).toBe('Sehr geehrte Damen und Herren,');
    expect(contactGreeting({ ...contact, formOfAddress: null })).toBe(COLLECTIVE_GREETING);
    // A name that reads like a form of address is not guessed from: only what was recorded counts.
    expect(contactGreeting({ name: 'Frau Silke Nießen', formOfAddress: null, title: '' })).toBe(COLLECTIVE_GREETING);
  });

  it('names the contact below organization and department as "Frau Dr. Anna Schmitz" / "Herrn …", or by name alone', () => {
    expect(contactLine(contact)).toBe('Frau Dr. Anna Schmitz');
    expect(contactLine({ name: 'Max Weber', formOfAddress: 'Herr', title: '' })).toBe('Herrn Max Weber');
    expect(contactLine({ name: 'Herr Carsten Muschenich', formOfAddress: null, title: '' })).toBe('Herr Carsten Muschenich');
    // Lists name them in the nominative.
    expect(contactDisplayName({ name: 'Max Weber', formOfAddress: 'Herr', title: 'Dr.' })).toBe('Herr Dr. Max Weber');
  });

  it('takes the family name as the last word with the name particles before it', () => {
    expect(splitContactName('Maria de la Cruz')).toEqual({ givenName: 'Maria', familyName: 'de la Cruz' });
    expect(splitContactName('Jan van der Berg')).toEqual({ givenName: 'Jan', familyName: 'van der Berg' });
    expect(splitContactName('Schmitz')).toEqual({ givenName: '', familyName: 'Schmitz' });
    expect(splitContactName('   ')).toEqual({ givenName: '', familyName: '' });
    expect(contactGreeting({ name: 'Maria de la Cruz', formOfAddress: 'Frau', title: '' })).toBe('Sehr geehrte Frau de la Cruz,');
  });

  it("greets the partner's contact when the letter goes to a partner, else the client", () => {
    const olena = client('female');
    expect(recipientGreeting({ client: olena, partner: {}, contact })).toBe('Sehr geehrte Frau Dr. Schmitz,');
    expect(recipientGreeting({ client: olena, partner: {}, contact: null })).toBe(COLLECTIVE_GREETING);
    expect(recipientGreeting({ client: olena, partner: null, contact: null })).toBe('Sehr geehrte Frau Kovalenko,');
  });
});

describe('hostile names', () => {
  it('keeps greeting and address line on one line when a name holds line breaks, tabs or runs of spaces', () => {
    const person = client('female', { title: ' Dr.\n', familyName: 'Ko\nvalenko\t ' });
    expect(personGreeting(clientAddressee(person))).toBe('Sehr geehrte Frau Dr. Ko valenko,');
    expect(nameWithTitle(clientAddressee(person))).toBe('Dr. Olena Ko valenko');
    expect(contactLine({ name: 'Anna\r\nSchmitz', formOfAddress: 'Frau', title: '' })).toBe('Frau Anna Schmitz');
  });

  it('passes markup, placeholders and quotes through as plain text', () => {
    const hostile = '<script>alert(1)</script> {{client.birthDate}} "O\'Brien" & Co';
    expect(personGreeting(clientAddressee(client('male', { familyName: hostile })))).toBe(`Sehr geehrter Herr ${hostile},`);
    expect(contactGreeting({ name: `Anna ${hostile}`, formOfAddress: 'Frau', title: '' })).toBe('Sehr geehrte Frau Co,');
    expect(personGreeting(clientAddressee(client('diverse', { givenName: '', familyName: '{{salutation}}' })))).toBe('Guten Tag {{salutation}},');
  });
});
