/**
 * The IPC channel between main process and preload. Kept in a file with no
 * imports so the sandboxed preload bundle can share it.
 */

/** renderer → main: `invoke(IPC_CALL_CHANNEL, method, input)` → ApiResult. */
export const IPC_CALL_CHANNEL = 'lotse:call';
