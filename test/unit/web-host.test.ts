import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../main/web/server';
import { SCHEMA_VERSION } from '../../main/core/db/open';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../main/content-security-policy';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

const TOKEN = 'ab'.repeat(32);
let host: WebHost;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  const { core, dispose } = openTestCore();
  const staticDir = makeTempDir();
  fs.writeFileSync(path.join(staticDir.dir, 'index.html'), '<!doctype html><title>Lotse</title>');
  fs.writeFileSync(path.join(path.dirname(staticDir.dir), 'outside-secret.txt'), 'secret');
  host = await startWebHost({ core, port: 0, token: TOKEN, staticDir: staticDir.dir });
  closeAll = async () => {
    await host.close();
    dispose();
    staticDir.cleanup();
  };
});
afterAll(() => closeAll());

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  pathName: string,
  { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathName, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

describe('browser host', () => {
  it('prints a loopback URL with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('refuses an API call without the token with 401', async () => {
    const reply = await request('/api/app.info', { body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a wrong token of the right length with 401', async () => {
    const reply = await request('/api/app.info', { headers: { Authorization: `Bearer ${'cd'.repeat(32)}` }, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('keeps an idle connection open past Node’s default 5 s, so a call is not sent into one just closing (a POST was lost so to ECONNRESET)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const call = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request(
          { agent, host: '127.0.0.1', port: host.port, path: '/api/app.info', method: 'POST', headers: { Host: `127.0.0.1:${host.port}`, ...auth } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    try {
      expect(await call()).toEqual({ status: 200, reused: false });
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(await call()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 15_000);

  it('answers with the token', async () => {
    const reply = await request('/api/app.info', { headers: auth, body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { host: 'browser', schemaVersion: SCHEMA_VERSION } });
  });

  it('refuses a foreign Host header with 403 even with the token (DNS rebinding)', async () => {
    const reply = await request('/api/app.info', { headers: { ...auth, Host: `evil.example:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await request('/', { method: 'GET', headers: { Host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    const foreign = await request('/api/app.info', { headers: { ...auth, Origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const own = await request('/api/app.info', { headers: { ...auth, Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` }, body: '{}' });
    expect(own.status).toBe(200);
  });

  it('passes dispatch errors through with a fitting status and writes nothing', async () => {
    const unknown = await request('/api/clients.explode', { headers: auth, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const malformed = await request('/api/clients.create', { headers: auth, body: JSON.stringify({ familyName: 42 }) });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { familyName: expect.any(String) } } });
    const notJson = await request('/api/clients.create', { headers: auth, body: '{nope' });
    expect(notJson.status).toBe(400);
    const search = await request('/api/clients.search', { headers: auth, body: JSON.stringify({ query: '' }) });
    expect(JSON.parse(search.body)).toEqual({ ok: true, value: { items: [] } });
  });

  it('creates through the API', async () => {
    const reply = await request('/api/clients.create', { headers: auth, body: JSON.stringify(SAMPLE_CLIENT) });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { familyName: 'Müller', id: expect.any(String) } });
  });

  it('serves the renderer with the CSP header and never a file outside its folder', async () => {
    const page = await request('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.body).toContain('<title>Lotse</title>');
    for (const attempt of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/..%2Foutside-secret.txt']) {
      const reply = await request(attempt, { method: 'GET' });
      expect(reply.body).not.toContain('secret');
    }
  });

  it('listens on loopback only', () => {
    expect(host.address).toBe('127.0.0.1');
  });
});
