import { apiError, type ApiError, type ErrorCode, type FieldErrors } from '../../shared/api/errors';
import { germanFields, germanText, type ErrorMessage, type FieldIssues } from '../../shared/i18n/error-message';
import { errorsDe } from '../../shared/i18n/errors.de';

/**
 * An error the person at the desk can act on. It says what went wrong as a
 * message of the catalogue (shared/i18n/errors.de.ts); `message` and
 * `fields` are its German text. `dispatch` turns it into the error shape of
 * DESIGN.md §2; anything else thrown becomes `internal`.
 */
export class DomainError extends Error {
  /** What went wrong, as catalogue key and params; undefined only for German text passed by the transitional overload. */
  readonly wording: ErrorMessage | undefined;
  readonly fieldIssues: FieldIssues | undefined;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: ErrorMessage, fieldIssues?: FieldIssues);
  /**
   * @deprecated TRANSITIONAL, for services/documents.ts and services/batches.ts
   * only, until they throw catalogue messages (then delete this overload):
   * German text, which every interface language shows as it is.
   */
  constructor(code: ErrorCode, germanMessage: string, germanFields?: FieldErrors);
  constructor(
    readonly code: ErrorCode,
    message: ErrorMessage | string,
    fields?: FieldIssues | FieldErrors,
  ) {
    super(typeof message === 'string' ? message : germanText(message));
    this.name = 'DomainError';
    if (typeof message === 'string') {
      this.wording = undefined;
      this.fieldIssues = undefined;
      this.fields = fields as FieldErrors | undefined;
    } else {
      this.wording = message;
      this.fieldIssues = fields as FieldIssues | undefined;
      this.fields = this.fieldIssues && germanFields(this.fieldIssues);
    }
  }

  toApiError(): ApiError {
    if (!this.wording) return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
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
  ...params: NotFoundParams<What> extends undefined ? [] : [NotFoundParams<What> & object]
): DomainError;
/** @deprecated TRANSITIONAL, as DomainError's German overload: `notFound('Das Dokument')`. */
export function notFound(germanWhat: `${'Der' | 'Die' | 'Das'} ${string}`): DomainError;
export function notFound(what: string, params?: ErrorMessage['params']): DomainError {
  if (!Object.hasOwn(errorsDe.notFound, what)) return new DomainError('not_found', `${what} wurde nicht gefunden.`);
  return new DomainError('not_found', { key: `notFound.${what}`, params } as ErrorMessage);
}

/** The refusal of input that breaks a rule the schema cannot know: each field with its message. */
export function invalid(fieldIssues: FieldIssues, message: ErrorMessage = { key: 'common.checkInput' }): DomainError {
  return new DomainError('invalid_input', message, fieldIssues);
}
