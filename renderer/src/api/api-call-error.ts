import type { ApiError, ErrorCode, FieldErrors } from '../../../shared/api/errors';
import { germanText, type ErrorMessage } from '../../../shared/i18n/error-message';
import type { MessageData } from '../../../shared/i18n/format-message';
import { wordError } from '../i18n/errors';

/**
 * Codes the renderer adds for failures that never reach `dispatch`: the host
 * could not be reached, or answered with something that is not an ApiResult.
 */
export type TransportErrorCode = 'network' | 'bad_response';

export type CallErrorCode = ErrorCode | TransportErrorCode;

/**
 * An ApiError as the renderer holds it: the text as given (the host's German,
 * or a text the renderer already worded), and the key and params it was
 * worded from if the host sent them.
 */
export interface CallErrorInit {
  code: CallErrorCode;
  message: string;
  fields?: FieldErrors | undefined;
  key?: string | undefined;
  params?: MessageData['params'];
  fieldIssues?: Record<string, MessageData> | undefined;
}

/**
 * A refused or failed API call. `message` and `fields` (input paths such as
 * `address.postalCode` → message) are read in the language of the interface
 * at the moment they are shown, so a language switch applies to an error on
 * screen too. What has no key this renderer knows is shown in the German the
 * host sent.
 */
export class ApiCallError extends Error {
  readonly code: CallErrorCode;
  /** Shown where there is no key this renderer knows. */
  readonly fallbackMessage: string;
  readonly fallbackFields: Readonly<FieldErrors>;
  readonly wording: MessageData | undefined;
  readonly fieldIssues: Readonly<Record<string, MessageData>>;

  constructor(error: CallErrorInit) {
    // No text for Error itself: `message` is the getter below.
    super();
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fallbackMessage = error.message;
    this.fallbackFields = error.fields ?? {};
    this.wording = error.key === undefined ? undefined : { key: error.key, params: error.params };
    this.fieldIssues = error.fieldIssues ?? {};
  }

  override get message(): string {
    return (this.wording && wordError(this.wording)) ?? this.fallbackMessage;
  }

  get fields(): FieldErrors {
    const fields: FieldErrors = {};
    for (const path of new Set([...Object.keys(this.fallbackFields), ...Object.keys(this.fieldIssues)])) {
      const issue = this.fieldIssues[path];
      const worded = (issue && wordError(issue)) ?? this.fallbackFields[path];
      if (worded !== undefined) fields[path] = worded;
    }
    return fields;
  }

  /** The same error with its field paths moved (rows left out or removed from a form); a path moved to null is dropped. */
  withPaths(move: (path: string) => string | null): ApiCallError {
    return new ApiCallError({
      code: this.code,
      message: this.fallbackMessage,
      fields: movedPaths(this.fallbackFields, move),
      ...(this.wording ? { key: this.wording.key, params: this.wording.params } : {}),
      fieldIssues: movedPaths(this.fieldIssues, move),
    });
  }

  static fromApiError(error: ApiError): ApiCallError {
    return new ApiCallError(error);
  }

  /** A failure the renderer itself reports (the host could not be reached), worded from the same catalogue. */
  static worded(code: CallErrorCode, message: ErrorMessage): ApiCallError {
    return new ApiCallError({ code, message: germanText(message), key: message.key, params: message.params });
  }
}

/** The first entry per new path wins, as rows keep their first message. */
function movedPaths<T>(entries: Readonly<Record<string, T>>, move: (path: string) => string | null): Record<string, T> {
  const moved: Record<string, T> = {};
  for (const [path, entry] of Object.entries(entries)) {
    const target = move(path);
    if (target !== null) moved[target] ??= entry;
  }
  return moved;
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}
