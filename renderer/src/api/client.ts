import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { ApiCallError } from './api-call-error';
import { browserTokenEnvironment, takeToken } from './token';
import { electronTransport, httpTransport, type CallOptions, type Transport, type TransportKind } from './transport';

export interface ApiClient {
  readonly kind: TransportKind;
  /** Resolves with the method's value; a refusal is thrown as ApiCallError, worded in the interface's language. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    kind: transport.kind,
    async call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>> {
      const result = await transport.call(method, input, options);
      if (!result.ok) throw ApiCallError.fromApiError(result.error);
      // The host validated the value against the contract's output schema before sending it.
      return result.value as MethodOutput<M>;
    },
  };
}

/**
 * Picks the transport for this page: Electron's preload bridge when present,
 * otherwise HTTP with the browser host's token. Null when neither is there,
 * i.e. the page was opened without the link Lotse printed.
 */
export function connect(): ApiClient | null {
  if (window.lotse) return createApiClient(electronTransport(window.lotse));
  const token = takeToken(browserTokenEnvironment());
  return token ? createApiClient(httpTransport(token)) : null;
}

let current: ApiClient | null = null;

/** Set once at startup (main.tsx); tests may set their own client. */
export function setApiClient(client: ApiClient | null): void {
  current = client;
}

const storeDamagedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the host answers `store_damaged`: the store went
 * bad during work, and the shell asks app.info again to show the recovery
 * screen. Returns the unsubscribe.
 */
export function onStoreDamaged(listener: () => void): () => void {
  storeDamagedListeners.add(listener);
  return () => storeDamagedListeners.delete(listener);
}

export function call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>> {
  if (!current) {
    return Promise.reject(ApiCallError.worded('network', { key: 'connection.notConnected' }));
  }
  return current.call(method, input, options).catch((error: unknown) => {
    if (error instanceof ApiCallError && error.code === 'store_damaged') storeDamagedListeners.forEach((listener) => listener());
    throw error;
  });
}
