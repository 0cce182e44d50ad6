import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../main/content-security-policy';
import { createAppProtocolHandler, resolveAppFile } from '../../main/electron/app-protocol';
import { contentTypeFor } from '../../main/renderer-files';

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lotse</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'pdf.worker.mjs'), 'export {}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'GEHEIM');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'GEHEIM');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(rendererDir, 'lotse://app/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'lotse://app/index.html?x=1#/klienten')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'lotse://app/assets/index-abc.js')).toBe(path.join(rendererDir, 'assets', 'index-abc.js'));
    expect(resolveAppFile(rendererDir, 'lotse://app/assets/Schrift%20A.woff2')).toBe(path.join(rendererDir, 'assets', 'Schrift A.woff2'));
  });

  it('refuses anything outside the renderer folder', () => {
    const escapes = [
      'lotse://app/..%2fsecret.txt',
      'lotse://app/%2e%2e%2fsecret.txt',
      'lotse://app/assets/..%2f..%2fsecret.txt',
      'lotse://app/..%5csecret.txt',
      'lotse://app/assets%5c..%5c..%5csecret.txt',
      'lotse://app/%2e%2e%2frenderer-evil.txt',
      'lotse://app/index.html%00.png',
      'lotse://app/%E0%A4%A',
    ];
    for (const url of escapes) expect(resolveAppFile(rendererDir, url), url).toBeUndefined();
  });

  it('keeps parser-normalised dot segments inside the folder', () => {
    // The URL parser already removes these; what is left must stay inside.
    for (const url of ['lotse://app/../secret.txt', 'lotse://app/%2e%2e/secret.txt', 'lotse://app/assets/../../secret.txt']) {
      expect(resolveAppFile(rendererDir, url), url).toBe(path.join(rendererDir, 'secret.txt'));
    }
  });

  it('refuses other origins and schemes', () => {
    for (const url of ['lotse://other/index.html', 'lotse://user@app/index.html', 'https://app/index.html', 'file:///etc/passwd', 'nonsense']) {
      expect(resolveAppFile(rendererDir, url), url).toBeUndefined();
    }
  });

  it('knows the content types the renderer needs', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/style.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('app protocol handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler({ rendererDir })(new Request(url, { method }));

  it('serves index.html with the CSP header', async () => {
    const response = await get('lotse://app/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Lotse</title>');
  });

  it('serves assets with their type', async () => {
    const response = await get('lotse://app/assets/pdf.worker.mjs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export {}');
  });

  it('answers 404, with CSP, for missing files, folders and escapes', async () => {
    for (const url of ['lotse://app/fehlt.js', 'lotse://app/assets', 'lotse://app/..%2fsecret.txt', 'lotse://app/../secret.txt', 'lotse://other/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY_HEADER);
      expect(await response.text(), url).not.toContain('GEHEIM');
    }
  });

  it('is read-only', async () => {
    expect((await get('lotse://app/index.html', 'POST')).status).toBe(405);
    const head = await get('lotse://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
