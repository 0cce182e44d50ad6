import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from './api-call-error';
import { call, createApiClient, onStoreDamaged, setApiClient } from './client';
import { takeToken, TOKEN_STORAGE_KEY, type TokenEnvironment } from './token';
import { electronTransport, httpTransport, type FetchLike, type LotseBridge } from './transport';

function jsonResponse(status: number, body: unknown): ReturnType<FetchLike> {
  return Promise.resolve({ status, json: () => Promise.resolve(body) });
}

describe('HTTP transport', () => {
  it('posts JSON with the bearer token and returns the value', async () => {
    const fetchImpl = vi.fn<FetchLike>(() => jsonResponse(200, { ok: true, value: { items: [] } }));
    const api = createApiClient(httpTransport('ab12', fetchImpl));
    await expect(api.call('clients.search', { query: 'Mül', limit: 5 })).resolves.toEqual({ items: [] });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/clients.search');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: 'Bearer ab12' });
    expect(JSON.parse(String(init.body))).toEqual({ query: 'Mül', limit: 5 });
  });

  it('throws ApiCallError with code, German message and fields on a refusal', async () => {
    const body = {
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Bitte die Eingaben prüfen.',
        fields: { 'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.' },
      },
    };
    const api = createApiClient(httpTransport('ab12', () => jsonResponse(400, body)));
    const error = await api
      .call('clients.create', { familyName: '', givenName: '', address: { street: '', postalCode: '1', city: '' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'Bitte die Eingaben prüfen.',
      fields: { 'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.' },
    });
  });

  it('passes the host’s 401 message through', async () => {
    const body = { ok: false, error: { code: 'unauthorized', message: 'Zugriff verweigert.' } };
    const api = createApiClient(httpTransport('00', () => jsonResponse(401, body)));
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'unauthorized', message: 'Zugriff verweigert.', fields: {} });
  });

  it('turns a network failure into a German error', async () => {
    const api = createApiClient(httpTransport('ab', () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('nicht erreichbar') });
  });

  it('refuses an answer that is not an ApiResult', async () => {
    const notJson: ReturnType<FetchLike> = Promise.resolve({ status: 404, json: () => Promise.reject(new SyntaxError('x')) });
    await expect(createApiClient(httpTransport('ab', () => notJson)).call('app.info', {})).rejects.toMatchObject({ code: 'bad_response' });
    const wrongShape = () => jsonResponse(200, { value: 1 });
    await expect(createApiClient(httpTransport('ab', wrongShape)).call('app.info', {})).rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('Electron transport', () => {
  it('calls the preload bridge', async () => {
    const bridge: LotseBridge = {
      call: vi.fn(() => Promise.resolve({ ok: true as const, value: { id: 'c1' } })),
    };
    const api = createApiClient(electronTransport(bridge));
    expect(api.kind).toBe('electron');
    await expect(api.call('clients.get', { id: 'c1' })).resolves.toEqual({ id: 'c1' });
    expect(bridge.call).toHaveBeenCalledWith('clients.get', { id: 'c1' });
  });
});

describe('launch token', () => {
  function environment(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
    const replaceState = vi.fn();
    const env: TokenEnvironment = {
      location: { hash, pathname: '/', search: '' },
      history: { state: null, replaceState },
      storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    };
    return { env, storage, replaceState };
  }

  it('takes the token from the fragment, keeps it for reloads and removes it from the address', () => {
    const { env, storage, replaceState } = environment('#token=ABCdef0123');
    expect(takeToken(env)).toBe('abcdef0123');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abcdef0123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('uses the stored token after a reload and leaves routes alone', () => {
    const { env, replaceState } = environment('#/clients', 'beef');
    expect(takeToken(env)).toBe('beef');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('has no token when neither fragment nor storage has one', () => {
    expect(takeToken(environment('').env)).toBeNull();
    expect(takeToken(environment('#token=<script>').env)).toBeNull();
  });
});

describe('requests that must outlive the page', () => {
  it('go with keepalive when small enough, as normal requests otherwise', async () => {
    const fetchImpl = vi.fn<FetchLike>(() => jsonResponse(200, { ok: true, value: {} }));
    const api = createApiClient(httpTransport('ab', fetchImpl));
    await api.call('documents.update', { id: 'd1', values: { body: 'kurz' } }, { keepalive: true });
    await api.call('documents.update', { id: 'd1', values: { body: 'x'.repeat(70_000) } }, { keepalive: true });
    await api.call('documents.update', { id: 'd1', values: {} });
    expect(fetchImpl.mock.calls.map(([, init]) => init.keepalive)).toEqual([true, undefined, undefined]);
  });
});

describe('a store that goes bad during work', () => {
  it('tells the shell on a store_damaged answer, and only then', async () => {
    const answers = [
      { ok: false, error: { code: 'invalid_input', message: 'Bitte die Eingaben prüfen.' } },
      { ok: false, error: { code: 'store_damaged', message: 'Die Datenbank … ist beschädigt.' } },
    ];
    setApiClient(createApiClient(httpTransport('ab12', () => jsonResponse(400, answers.shift()))));
    const told = vi.fn();
    const stop = onStoreDamaged(told);
    try {
      await expect(call('clients.search', { query: 'x', limit: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(told).not.toHaveBeenCalled();
      await expect(call('clients.search', { query: 'x', limit: 5 })).rejects.toMatchObject({ code: 'store_damaged' });
      expect(told).toHaveBeenCalledTimes(1);
    } finally {
      stop();
      setApiClient(null);
    }
  });
});
