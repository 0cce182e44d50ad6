import { errorsDe } from './errors.de';
import { formatMessage } from './format-message';

type German = typeof errorsDe;

/** Every key of the error catalogue, dotted: `common.checkInput`, `notFound.client`, … */
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ErrorKey = Keys<German>;

type TextAt<T, Key extends string> = Key extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? TextAt<T[Head], Rest>
    : never
  : Key extends keyof T
    ? T[Key]
    : never;

/** `{{name}}` and `{{name, number}}` both name `name`. */
type PlaceholderName<Inside extends string> = Inside extends `${infer Name},${string}` ? Name : Inside;
type Placeholders<Text> = Text extends `${string}{{${infer Inside}}}${infer Rest}` ? PlaceholderName<Inside> | Placeholders<Rest> : never;

export type ErrorParam = string | number | ErrorMessage;

/**
 * An error message as data, checked against the German catalogue: the key
 * must exist and `params` must fill exactly its placeholders, e.g.
 * `{ key: 'consents.alreadySigned', params: { signedOn: '2024-05-02' } }`.
 */
export type ErrorMessage = {
  [K in ErrorKey]: [Placeholders<TextAt<German, K>>] extends [never]
    ? { key: K; params?: undefined }
    : { key: K; params: { [P in Placeholders<TextAt<German, K>>]: ErrorParam } };
}[ErrorKey];

/** One message per field path, e.g. `{ "address.postalCode": { key: 'input.postalCode' } }`. */
export type FieldIssues = Record<string, ErrorMessage>;

/** The German wording the API carries in `message` and `fields` (DESIGN.md §2). */
export function germanText(message: ErrorMessage): string {
  // The type guarantees the key; the key itself is the last resort should the catalogue and the type ever part.
  return formatMessage(message, errorsDe, 'de') ?? message.key;
}

export function germanFields(issues: FieldIssues): Record<string, string> {
  return Object.fromEntries(Object.entries(issues).map(([path, issue]) => [path, germanText(issue)]));
}
