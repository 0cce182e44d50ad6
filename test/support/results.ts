import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { ApiError, ApiResult } from '../../shared/api/errors';

export function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export function errorOf(result: ApiResult<unknown>): ApiError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Calls through dispatch, as the hosts do, and fails the test on a refusal. */
export async function callOk<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export function countRows(core: Core, table: string): number {
  return core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
