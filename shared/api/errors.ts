import { germanFields, germanText, type ErrorMessage, type FieldIssues } from '../i18n/error-message';
import type { MessageData, MessageParam } from '../i18n/format-message';

/**
 * The error shape every caller sees (DESIGN.md §2). `code` is stable for
 * programs, `message` is German for the person at the desk.
 */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  /** A client may be stored already (clients.similar): save anyway by naming them in `confirmedNotDuplicateOf`. */
  'duplicate_suspected',
  'consent_missing',
  'unprintable_text',
  /** This host cannot do it (e.g. the system print dialog in the browser host). */
  'not_supported',
  /** The print dialog reported a failure (not a cancel). */
  'print_failed',
  'schema_too_new',
  'data_dir_locked',
  /** The store's key is wrong or missing (encryption at rest): nothing was changed, and the store is not damaged. */
  'store_key_wrong',
  /** The disk holding the data folder is full (ENOSPC, EDQUOT, SQLITE_FULL). */
  'storage_full',
  /** The data folder or its disk is read-only (EROFS, SQLITE_READONLY). */
  'storage_readonly',
  /** Lotse may not write in the data folder (EACCES, EPERM, SQLITE_PERM). */
  'storage_denied',
  /** The store failed its check at start, or SQLite found it malformed (SQLITE_CORRUPT, SQLITE_NOTADB): only a restore helps. */
  'store_damaged',
  /** The store is in passphrase mode and not unlocked yet (app.unlock): nothing but app.info, app.describe and app.unlock answers. */
  'store_locked',
  /** The browser host's port is taken (EADDRINUSE). */
  'port_in_use',
  /** The team store cannot be reached, or refused the login (team mode): nothing is lost, local changes keep waiting. */
  'team_unreachable',
  'unauthorized',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One message per field path, e.g. `{ "address.postalCode": "…" }`. */
export type FieldErrors = Record<string, string>;

/**
 * `message` and `fields` are the German text; `key` + `params` and
 * `fieldIssues` say the same as data (shared/i18n/errors.de.ts), so the
 * renderer can word them in the language of its interface. An error without
 * a key (an older host) is shown as its German text.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  key?: string;
  params?: { [name: string]: MessageParam };
  fieldIssues?: Record<string, MessageData>;
}

/** The error shape of a message from the catalogue: German text and the data it was worded from. */
export function apiError(code: ErrorCode, message: ErrorMessage, fieldIssues?: FieldIssues): ApiError {
  return {
    code,
    message: germanText(message),
    key: message.key,
    ...(message.params ? { params: message.params } : {}),
    ...(fieldIssues ? { fields: germanFields(fieldIssues), fieldIssues } : {}),
  };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
