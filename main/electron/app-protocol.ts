import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../content-security-policy';
import { APP_HOST, APP_SCHEME } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps `lotse://app/<path>` to a file inside rendererDir, or undefined for
 * anything that is not such a URL or would leave the folder (`..`, encoded
 * `%2e%2e`, backslashes, drive letters, NUL).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || path.isAbsolute(inside) || inside.split(path.sep)[0] === '..') return undefined;
  return file;
}

/** Headers on every response of the app scheme, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolHandlerOptions {
  /** The built renderer: dist/renderer. */
  rendererDir: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** The handler for `protocol.handle(APP_SCHEME, …)`: static files only, read-only. */
export function createAppProtocolHandler({ rendererDir, readFile = (file) => fs.promises.readFile(file) }: AppProtocolHandlerOptions) {
  const plain = (status: number, text: string) => new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Methode nicht erlaubt');
    const file = resolveAppFile(rendererDir, request.url);
    if (file === undefined) return plain(404, 'Nicht gefunden');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plain(404, 'Nicht gefunden');
      throw error;
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
  };
}
