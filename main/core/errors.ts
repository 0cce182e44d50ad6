import type { ErrorCode, FieldErrors } from '../../shared/api/errors';

/**
 * An error the person at the desk can act on. `dispatch` turns it into the
 * error shape of DESIGN.md §2; anything else thrown becomes `internal`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} wurde nicht gefunden.`);
}
