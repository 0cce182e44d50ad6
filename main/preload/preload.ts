/**
 * The bridge (DESIGN.md §3): `window.lotse = { call }` and nothing else.
 * ipcRenderer and the IPC event object stay in this isolated world; the page
 * only ever sees results.
 *
 * Runs sandboxed: the only module it may require is 'electron' (the build
 * bundles the channel name in).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import { IPC_CALL_CHANNEL } from '../electron/ipc-channels';

export interface LotseBridge {
  call(method: string, input?: unknown): Promise<ApiResult<unknown>>;
}

const bridge: LotseBridge = {
  call(method: unknown, input?: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: 'Der Funktionsname fehlt oder ist kein Text.' } });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
};

contextBridge.exposeInMainWorld('lotse', bridge);
