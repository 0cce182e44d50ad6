export { ApiCallError, isApiCallError, type CallErrorCode } from './api-call-error';
export { call, connect, createApiClient, onStoreDamaged, setApiClient, type ApiClient } from './client';
export type { CallOptions, LotseBridge, Transport, TransportKind } from './transport';
