/**
 * How Lotse writes a person's name in running text and address lines: given
 * name first, empty parts left out. Written once here (and once as SQL in
 * `main/core/db/queries/person-name.ts`), so a list, a letter and a deadline
 * never spell the same person differently.
 */
export function fullName(person: { givenName: string; familyName: string }): string {
  return [person.givenName, person.familyName].filter((part) => part.trim() !== '').join(' ');
}
