import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { apiError, type ApiResult } from '../../../shared/api/errors';
import { prototypeKeyPaths } from '../../../shared/api/closed-input';
import { issueFields } from '../../../shared/api/german-messages';
import type { FieldIssues } from '../../../shared/i18n/error-message';
import type { Core } from '../core';
import { damageOf } from '../db/backup-files';
import { DomainError } from '../errors';
import { storageError } from '../storage-errors';
import { handlers, type Handler } from './handlers';

/**
 * The first message per field path; a path-less issue (the input as a whole) goes under `(Eingabe)`.
 * A `__proto__` key is told wherever it is: a record drops it before any issue could name it.
 * No prototype: an unknown key named `constructor` or `__proto__` is a path like any other.
 */
function fieldIssues(issues: readonly z.core.$ZodIssue[], prototypeKeys: readonly string[]): FieldIssues {
  const fields = Object.create(null) as FieldIssues;
  for (const issue of issues) {
    for (const [path, message] of issueFields(issue)) fields[path || '(Eingabe)'] ??= message;
  }
  for (const path of prototypeKeys) fields[path] ??= { key: 'input.unknownKey', params: { key: '__proto__' } };
  return fields;
}

/** What a core in its recovery state (a damaged store, see open-core.ts) still answers. */
const AVAILABLE_WHEN_DAMAGED: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'app.describe',
  'backups.list',
  'backups.restore',
  'backups.download',
  'backups.upload',
]);

/** What a locked core (passphrase mode before app.unlock, see open-core.ts) answers. */
const AVAILABLE_WHEN_LOCKED: ReadonlySet<MethodName> = new Set<MethodName>(['app.info', 'app.describe', 'app.unlock']);

/**
 * The only door into main/core (DESIGN.md §2): validates the input against
 * the contract, runs the handler and turns every outcome into the one result
 * shape. Handlers write in one transaction each, so a refused call has
 * changed nothing.
 */
export async function dispatch(core: Core, method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: apiError('unknown_method', { key: 'common.unknownMethod', params: { method } }) };
  }
  if (core.locked && !AVAILABLE_WHEN_LOCKED.has(method)) {
    return { ok: false, error: apiError('store_locked', { key: 'dataDir.locked' }) };
  }
  if (core.storeDamage && !AVAILABLE_WHEN_DAMAGED.has(method)) {
    return { ok: false, error: apiError('store_damaged', { key: 'dataDir.storeDamaged' }) };
  }
  // The input is kept in each issue: an empty field (undefined, null) is told apart from a wrong one by it.
  const parsed = contract[method].input.safeParse(input ?? {}, { reportInput: true });
  const prototypeKeys = prototypeKeyPaths(input);
  if (!parsed.success || prototypeKeys.length > 0) {
    return { ok: false, error: apiError('invalid_input', { key: 'common.checkInput' }, fieldIssues(parsed.error?.issues ?? [], prototypeKeys)) };
  }
  let value: unknown;
  try {
    const handler = handlers[method] as Handler<MethodName>;
    value = await handler(core, parsed.data as never);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.toApiError() };
    // The stack stays in the host's log; the caller learns only that it failed, or what the disk said.
    console.error(`[lotse] ${method} failed:`, error);
    const storage = storageError(error, { dataDir: core.dataDir });
    // A malformed store is closed at once, so nothing more goes into it; the app then shows its recovery screen.
    const damage = damageOf(error);
    if (damage) core.closeIfDamaged(damage);
    return { ok: false, error: storage ? storage.toApiError() : apiError('internal', { key: 'common.internal' }) };
  }
  const answer = contract[method].output.safeParse(value);
  if (answer.success) return { ok: true, value: answer.data };
  // The handler has run, and its transaction may have been committed: "nothing was saved" would not be true here.
  console.error(`[lotse] ${method} answered outside the contract:`, answer.error);
  return { ok: false, error: apiError('internal', { key: 'common.internalAnswer' }) };
}
