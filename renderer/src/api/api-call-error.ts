import type { ApiError, ErrorCode, FieldErrors } from '../../../shared/api/errors';

/**
 * Codes the renderer adds for failures that never reach `dispatch`: the host
 * could not be reached, or answered with something that is not an ApiResult.
 */
export type TransportErrorCode = 'network' | 'bad_response';

export type CallErrorCode = ErrorCode | TransportErrorCode;

/**
 * A refused or failed API call. `message` is German and meant for the person
 * at the desk; `fields` maps input paths (`address.postalCode`) to messages.
 */
export class ApiCallError extends Error {
  readonly code: CallErrorCode;
  readonly fields: FieldErrors;

  constructor(error: { code: CallErrorCode; message: string; fields?: FieldErrors | undefined }) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }

  static fromApiError(error: ApiError): ApiCallError {
    return new ApiCallError(error);
  }
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}
