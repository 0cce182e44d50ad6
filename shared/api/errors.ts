/**
 * The error shape every caller sees (DESIGN.md §2). `code` is stable for
 * programs, `message` is German for the person at the desk.
 */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  'consent_missing',
  'unprintable_text',
  /** This host cannot do it (e.g. the system print dialog in the browser host). */
  'not_supported',
  /** The print dialog reported a failure (not a cancel). */
  'print_failed',
  'schema_too_new',
  'data_dir_locked',
  'unauthorized',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One message per field path, e.g. `{ "address.postalCode": "…" }`. */
export type FieldErrors = Record<string, string>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
