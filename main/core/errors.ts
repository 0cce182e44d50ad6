import { apiError, type ApiError, type ErrorCode, type FieldErrors } from '../../shared/api/errors';
import { germanFields, germanText, type ErrorMessage, type FieldIssues } from '../../shared/i18n/error-message';

/**
 * An error the person at the desk can act on. It says what went wrong as a
 * message of the catalogue (shared/i18n/errors.de.ts); `message` and
 * `fields` are its German text. `dispatch` turns it into the error shape of
 * DESIGN.md §2; anything else thrown becomes `internal`.
 */
export class DomainError extends Error {
  readonly fields: FieldErrors | undefined;

  constructor(
    readonly code: ErrorCode,
    /** What went wrong, as catalogue key and params. */
    readonly wording: ErrorMessage,
    readonly fieldIssues?: FieldIssues,
  ) {
    super(germanText(wording));
    this.name = 'DomainError';
    this.fields = fieldIssues && germanFields(fieldIssues);
  }

  toApiError(): ApiError {
    return apiError(this.code, this.wording, this.fieldIssues);
  }
}

type NotFoundMessage = Extract<ErrorMessage, { key: `notFound.${string}` }>;
type NotFoundKey = NotFoundMessage['key'] extends `notFound.${infer What}` ? What : never;
/** The params a `notFound.<what>` message needs: none, or e.g. `{ id }` for a template. */
type NotFoundParams<What extends NotFoundKey> = Extract<NotFoundMessage, { key: `notFound.${What}` }>['params'];

/** `throw notFound('client')`, `throw notFound('template', { id })`. */
export function notFound<What extends NotFoundKey>(
  what: What,
  ...[params]: NotFoundParams<What> extends undefined ? [] : [NotFoundParams<What> & object]
): DomainError {
  return new DomainError('not_found', { key: `notFound.${what}`, params } as ErrorMessage);
}

/** The refusal of input that breaks a rule the schema cannot know: each field with its message. */
export function invalid(fieldIssues: FieldIssues, message: ErrorMessage = { key: 'common.checkInput' }): DomainError {
  return new DomainError('invalid_input', message, fieldIssues);
}
