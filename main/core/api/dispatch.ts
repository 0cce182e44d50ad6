import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import type { ApiResult, FieldErrors } from '../../../shared/api/errors';
import { germanIssueMessage } from '../../../shared/api/german-messages';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { handlers, type Handler } from './handlers';

function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '(Eingabe)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * The only door into main/core (DESIGN.md §2): validates the input against
 * the contract, runs the handler and turns every outcome into the one result
 * shape. Handlers write in one transaction each, so a refused call has
 * changed nothing.
 */
export async function dispatch(core: Core, method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unbekannte Funktion „${method}“.` } };
  }
  const parsed = contract[method].input.safeParse(input ?? {}, { error: germanIssueMessage });
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'Bitte die Eingaben prüfen.', fields: fieldErrors(parsed.error.issues) },
    };
  }
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(core, parsed.data as never);
    return { ok: true, value: contract[method].output.parse(value) };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    }
    // The stack stays in the host's log; the caller learns only that it failed.
    console.error(`[lotse] ${method} failed:`, error);
    return { ok: false, error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten. Es wurde nichts gespeichert.' } };
  }
}
