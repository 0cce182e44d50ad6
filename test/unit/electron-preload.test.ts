import { beforeAll, describe, expect, it, vi } from 'vitest';

// The preload runs against a stand-in 'electron' (the binary is not needed):
// what matters is what it hands to contextBridge and what it sends on IPC.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'ergebnis' })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: { invoke: fake.invoke },
}));

interface Bridge {
  call(method: unknown, input?: unknown): Promise<unknown>;
}

let bridge: Bridge;

beforeAll(async () => {
  await import('../../main/preload/preload');
  bridge = fake.exposed.get('lotse') as Bridge;
});

describe('preload bridge', () => {
  it('exposes window.lotse with call, nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['lotse']);
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(typeof bridge.call).toBe('function');
  });

  it('forwards call(method, input) to the one IPC channel', async () => {
    await expect(bridge.call('clients.search', { query: 'Müller' })).resolves.toEqual({ ok: true, value: 'ergebnis' });
    expect(fake.invoke).toHaveBeenLastCalledWith('lotse:call', 'clients.search', { query: 'Müller' });
  });

  it('refuses a method that is not a string without IPC', async () => {
    fake.invoke.mockClear();
    const result = (await bridge.call(42, {})) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('unknown_method');
    expect(fake.invoke).not.toHaveBeenCalled();
  });
});
