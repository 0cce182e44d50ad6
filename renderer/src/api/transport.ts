import type { ApiResult, ErrorCode } from '../../../shared/api/errors';
import { ERROR_CODES } from '../../../shared/api/errors';
import { ApiCallError } from './api-call-error';

/** What the Electron preload exposes (main/preload): `call`, nothing else. */
export interface LotseBridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    lotse?: LotseBridge;
  }
}

export type TransportKind = 'electron' | 'http';

export interface CallOptions {
  /**
   * The page is closing (autosave on `pagehide`): the request must outlive
   * it. HTTP sends it with `keepalive`; IPC messages leave at once anyway.
   */
  keepalive?: boolean;
}

/**
 * Carries one call to a host and brings back its ApiResult. Failures below
 * the API (no answer, garbled answer) are thrown as ApiCallError.
 */
export interface Transport {
  readonly kind: TransportKind;
  call(method: string, input: unknown, options?: CallOptions): Promise<ApiResult<unknown>>;
}

// German like every message the core sends: the counselor reads them as they are.
export const TRANSPORT_MESSAGES = {
  unreachable: 'Lotse ist nicht erreichbar. Läuft das Programm noch? Bitte Lotse neu starten und den angezeigten Link erneut öffnen.',
  badResponse: 'Lotse hat unerwartet geantwortet. Bitte die Seite neu laden.',
  bridgeFailed: 'Die Verbindung zu Lotse ist unterbrochen. Bitte Lotse neu starten.',
} as const;

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** Accepts only the ApiResult shape, so a stray HTML page or proxy answer is never taken for data. */
export function asApiResult(body: unknown): ApiResult<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record.ok === true && 'value' in record) return { ok: true, value: record.value };
  if (record.ok !== false || typeof record.error !== 'object' || record.error === null) return null;
  const error = record.error as Record<string, unknown>;
  if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code) || typeof error.message !== 'string') return null;
  const fields: Record<string, string> = {};
  if (typeof error.fields === 'object' && error.fields !== null) {
    for (const [path, message] of Object.entries(error.fields)) {
      if (typeof message === 'string') fields[path] = message;
    }
  }
  return {
    ok: false,
    error: {
      code: error.code as ErrorCode,
      message: error.message,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
    },
  };
}

/** The Electron host: IPC through the preload bridge. */
export function electronTransport(bridge: LotseBridge): Transport {
  return {
    kind: 'electron',
    async call(method, input) {
      let raw: unknown;
      try {
        raw = await bridge.call(method, input);
      } catch {
        throw new ApiCallError({ code: 'network', message: TRANSPORT_MESSAGES.bridgeFailed });
      }
      const result = asApiResult(raw);
      if (!result) throw new ApiCallError({ code: 'bad_response', message: TRANSPORT_MESSAGES.badResponse });
      return result;
    },
  };
}

/** Bytes of body a keepalive request may carry (browsers allow 64 KiB for all of a page's keepalive requests together). */
const KEEPALIVE_LIMIT = 60_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'json' | 'status'>>;

/**
 * The browser host: `POST /api/<method>` with the launch token. The body is
 * an ApiResult for every status, 401/403 included, so the status code itself
 * is not needed to tell success from refusal.
 */
export function httpTransport(token: string, fetchImpl: FetchLike = (url, init) => fetch(url, init)): Transport {
  return {
    kind: 'http',
    async call(method, input, options) {
      let response: Pick<Response, 'json' | 'status'>;
      const requestBody = JSON.stringify(input ?? {});
      try {
        response = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: requestBody,
          cache: 'no-store',
          credentials: 'omit',
          // Browsers refuse keepalive bodies over 64 KiB; a longer draft goes as a normal request and may be cut off.
          ...(options?.keepalive && new TextEncoder().encode(requestBody).length < KEEPALIVE_LIMIT ? { keepalive: true } : {}),
        });
      } catch {
        throw new ApiCallError({ code: 'network', message: TRANSPORT_MESSAGES.unreachable });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      const result = asApiResult(body);
      if (!result) {
        throw new ApiCallError({ code: 'bad_response', message: `${TRANSPORT_MESSAGES.badResponse} (HTTP ${response.status})` });
      }
      return result;
    },
  };
}
