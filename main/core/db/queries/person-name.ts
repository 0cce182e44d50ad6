/**
 * The SQL twin of `fullName` (shared/domain/person-name.ts): given name
 * first, for the clients table under `alias`. Lists sort and show the name
 * the letters print.
 */
export function fullNameSql(alias: string): string {
  return `trim(${alias}.given_name || ' ' || ${alias}.family_name)`;
}
