import { beforeAll, describe, expect, it, vi } from 'vitest';

// The preload runs against a stand-in 'electron' (the binary is not needed):
// what matters is what it hands to contextBridge and what it sends on IPC.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    listeners,
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'ergebnis' })),
    emit(channel: string, ...args: unknown[]) {
      const ipcEvent = { sender: 'ipcRenderer', senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fake.invoke,
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)?.add(listener);
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

interface Bridge {
  call(method: unknown, input?: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}

let bridge: Bridge;

beforeAll(async () => {
  await import('../../main/preload/preload');
  bridge = fake.exposed.get('lotse') as Bridge;
});

describe('preload bridge', () => {
  it('exposes window.lotse with call and on, nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['lotse']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
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

  it('delivers only the payload of the named event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.on('batch.progress', (...args: unknown[]) => received.push(args));
    fake.emit('lotse:event', 'batch.progress', { done: 1, total: 2 });
    fake.emit('lotse:event', 'other.event', { done: 9 });
    fake.emit('lotse:other-channel', 'batch.progress', { done: 8 });
    expect(received).toEqual([[{ done: 1, total: 2 }]]);

    unsubscribe();
    fake.emit('lotse:event', 'batch.progress', { done: 2, total: 2 });
    expect(received).toHaveLength(1);
    expect(fake.listeners.get('lotse:event')?.size ?? 0).toBe(0);
    unsubscribe();
  });

  it('validates the event name and listener', () => {
    expect(() => bridge.on(1, () => {})).toThrow(TypeError);
    expect(() => bridge.on('batch.progress', 'not a function')).toThrow(TypeError);
  });
});
