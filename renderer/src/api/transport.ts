import type { ApiError, ApiResult, ErrorCode } from '../../../shared/api/errors';
import type { MessageData, MessageParam } from '../../../shared/i18n/format-message';
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

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A message as data (`{ key, params }`), checked down to its nested messages; anything else is not one. */
function asMessageData(value: unknown): MessageData | undefined {
  if (!isRecord(value) || typeof value.key !== 'string') return undefined;
  if (value.params === undefined) return { key: value.key };
  if (!isRecord(value.params)) return undefined;
  const params: Record<string, MessageParam> = {};
  for (const [name, param] of Object.entries(value.params)) {
    const checked = typeof param === 'string' || typeof param === 'number' ? param : asMessageData(param);
    if (checked === undefined) return undefined;
    params[name] = checked;
  }
  return { key: value.key, params };
}

/** The entries of an object whose values pass `check`; the others are left out. */
function entriesOf<T>(value: unknown, check: (entry: unknown) => T | undefined): Record<string, T> {
  const kept: Record<string, T> = {};
  if (!isRecord(value)) return kept;
  for (const [path, entry] of Object.entries(value)) {
    const checked = check(entry);
    if (checked !== undefined) kept[path] = checked;
  }
  return kept;
}

/** The machine-readable part of an error (key, params, field issues), where the host sent it (older hosts do not). */
function wordingOf(error: Record<string, unknown>): Pick<ApiError, 'key' | 'params' | 'fieldIssues'> {
  const wording = asMessageData({ key: error.key, params: error.params });
  const fieldIssues = entriesOf(error.fieldIssues, asMessageData);
  return {
    ...(wording ? { key: wording.key, ...(wording.params ? { params: wording.params } : {}) } : {}),
    ...(Object.keys(fieldIssues).length > 0 ? { fieldIssues } : {}),
  };
}

/** Accepts only the ApiResult shape, so a stray HTML page or proxy answer is never taken for data. */
export function asApiResult(body: unknown): ApiResult<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record.ok === true && 'value' in record) return { ok: true, value: record.value };
  if (record.ok !== false || typeof record.error !== 'object' || record.error === null) return null;
  const error = record.error as Record<string, unknown>;
  if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code) || typeof error.message !== 'string') return null;
  const fields = entriesOf(error.fields, (message) => (typeof message === 'string' ? message : undefined));
  return {
    ok: false,
    error: {
      code: error.code as ErrorCode,
      message: error.message,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...wordingOf(error),
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
        throw ApiCallError.worded('network', { key: 'connection.bridgeFailed' });
      }
      const result = asApiResult(raw);
      if (!result) throw ApiCallError.worded('bad_response', { key: 'connection.badResponse' });
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
        throw ApiCallError.worded('network', { key: 'connection.unreachable' });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      const result = asApiResult(body);
      if (!result) {
        throw ApiCallError.worded('bad_response', { key: 'connection.badResponseStatus', params: { status: response.status } });
      }
      return result;
    },
  };
}
