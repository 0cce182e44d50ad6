import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apiError, type ApiResult, type ErrorCode } from '../../shared/api/errors';
import type { ErrorMessage } from '../../shared/i18n/error-message';
import type { Core } from '../core/core';
import { dispatch } from '../core/api/dispatch';
import { contentTypeFor, rendererResponseHeaders, resolveRendererFile } from '../renderer-files';
import { checkRequest } from './request-guard';
import { resultJson } from './result-json';

export interface WebHostOptions {
  core: Core;
  /** 0 picks any free port. */
  port: number;
  token: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
}

export interface WebHost {
  /** The interface the server is bound to: always loopback. */
  address: string;
  port: number;
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string;
  close(): Promise<void>;
}

/** Large enough for imports and logos sent as base64; bounded so a runaway request cannot exhaust memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  unknown_method: 404,
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  consent_missing: 409,
  duplicate_suspected: 409,
  unprintable_text: 422,
  storage_full: 507,
  storage_readonly: 503,
  storage_denied: 503,
  store_damaged: 500,
  not_supported: 501,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};

/** The renderer's headers plus what only a web server needs: no framing, no cross-origin use. */
function headers(contentType: string): Record<string, string> {
  return {
    ...rendererResponseHeaders(contentType),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function sendJson(response: http.ServerResponse, status: number, body: ApiResult<unknown>): void {
  response.writeHead(status, { ...headers('application/json; charset=utf-8'), 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function fail(response: http.ServerResponse, status: number, code: ErrorCode, message: ErrorMessage): void {
  sendJson(response, status, { ok: false, error: apiError(code, message) });
}

async function readBody(request: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A dispatch result, written in pieces (result-json.ts): a PDF of a serial letter does not hold the host while it becomes JSON. */
async function sendResult(response: http.ServerResponse, status: number, body: ApiResult<unknown>): Promise<void> {
  response.writeHead(status, { ...headers('application/json; charset=utf-8'), 'Cache-Control': 'no-store' });
  for await (const piece of resultJson(body)) {
    if (response.destroyed) return;
    if (!response.write(piece)) await drainedOrClosed(response);
  }
  response.end();
}

function drainedOrClosed(response: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

async function handleApi(core: Core, request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
  if (request.method !== 'POST') return fail(response, 405, 'invalid_input', { key: 'web.postOnly' });
  const body = await readBody(request);
  if (body === null) return fail(response, 413, 'invalid_input', { key: 'web.requestTooLarge' });
  let input: unknown = {};
  if (body.trim() !== '') {
    try {
      input = JSON.parse(body);
    } catch {
      return fail(response, 400, 'invalid_input', { key: 'web.notJson' });
    }
  }
  const result = await dispatch(core, method, input);
  await sendResult(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result);
}

function serveStatic(staticDir: string, request: http.IncomingMessage, response: http.ServerResponse): void {
  const plain = (status: number, text: string) => response.writeHead(status, headers('text/plain; charset=utf-8')).end(text);
  if (request.method !== 'GET' && request.method !== 'HEAD') return void plain(405, 'Methode nicht erlaubt');
  const file = resolveRendererFile(staticDir, (request.url ?? '/').split(/[?#]/)[0] ?? '/');
  if (file === undefined || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return void plain(404, 'Nicht gefunden');
  // Hashed assets may be cached; index.html must not be, so an update takes effect.
  const cache = path.basename(file) === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable';
  response.writeHead(200, { ...headers(contentTypeFor(file)), 'Cache-Control': cache });
  if (request.method === 'HEAD') response.end();
  else fs.createReadStream(file).pipe(response);
}

/** How long an idle keep-alive connection stays open: longer than the browser and test clients keep one. */
const IDLE_CONNECTION_MS = 5 * 60_000;

/** Starts the browser host's HTTP server on 127.0.0.1 only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const staticDir = path.resolve(options.staticDir);
  let port = options.port;
  const server = http.createServer((request, response) => {
    const refusal = checkRequest({ url: request.url ?? '/', headers: request.headers }, { port, token: options.token });
    if (refusal) return fail(response, refusal.status, refusal.code, refusal.message);
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      handleApi(options.core, request, response, url.slice('/api/'.length).split('?')[0] ?? '').catch((error: unknown) => {
        console.error('[lotse] request failed:', error);
        if (!response.headersSent) fail(response, 500, 'internal', { key: 'web.internal' });
      });
      return;
    }
    serveStatic(staticDir, request, response);
  });
  // Clients reuse an idle connection; a POST sent just as Node's default 5 s closes it is lost (ECONNRESET, not
  // retried: a CI run lost a partners.archive so). On loopback an idle connection costs nothing, so it stays longer.
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  return {
    address: bound.address,
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
