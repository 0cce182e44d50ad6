import type { ApiResult } from '../../shared/api/errors';

export interface CallHandlerOptions<Event> {
  /** `dispatch(core, method, input)` with the core bound. */
  dispatch: (method: string, input: unknown) => Promise<ApiResult<unknown>>;
  /** The sender check (security.ts); runs before anything else. */
  isTrusted: (event: Event) => boolean;
  /** Where a refused call is reported; console.warn by default. */
  warn?: (message: string) => void;
}

export const FORBIDDEN_RESULT: ApiResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'forbidden', message: 'Diese Anfrage kommt nicht aus dem Lotse-Fenster und wurde abgelehnt.' }),
}) as ApiResult<never>;

/**
 * The handler behind `ipcMain.handle(IPC_CALL_CHANNEL, …)`. It resolves with
 * an ApiResult in every case (as `dispatch` does), so the renderer never sees
 * Electron's wrapped IPC errors.
 */
export function createCallHandler<Event>(options: CallHandlerOptions<Event>) {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  return async (event: Event, method?: unknown, input?: unknown): Promise<ApiResult<unknown>> => {
    if (!options.isTrusted(event)) {
      warn(`[lotse] IPC-Aufruf ${typeof method === 'string' ? `„${method}“ ` : ''}von fremdem Absender abgelehnt.`);
      return FORBIDDEN_RESULT;
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'Der Funktionsname fehlt oder ist kein Text.' } };
    }
    try {
      return await options.dispatch(method, input);
    } catch (error) {
      // dispatch does not throw; this only guards against a broken core.
      console.error(`[lotse] ${method} failed:`, error);
      return { ok: false, error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten. Es wurde nichts gespeichert.' } };
    }
  };
}
