/**
 * The bridge (DESIGN.md §3): `window.lotse = { call, on }` and nothing else.
 * ipcRenderer and the IPC event object stay in this isolated world; the page
 * only ever sees results and event payloads.
 *
 * Runs sandboxed: the only module it may require is 'electron' (the build
 * bundles the channel names in).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../electron/ipc-channels';

export interface LotseBridge {
  call(method: string, input?: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to a named event from the main process; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const bridge: LotseBridge = {
  call(method: unknown, input?: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: 'Der Funktionsname fehlt oder ist kein Text.' } });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
  on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string') throw new TypeError('lotse.on: der Ereignisname muss ein Text sein.');
    if (typeof listener !== 'function') throw new TypeError('lotse.on: der Empfänger muss eine Funktion sein.');
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('lotse', bridge);
