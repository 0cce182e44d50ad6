import path from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';

/**
 * Serving the built renderer (dist/renderer), the same for both hosts: the
 * browser host over HTTP, the Electron host over its `lotse://app/` scheme.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response that carries the renderer or an error about it. */
export function rendererResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Maps a URL path (still percent-encoded) to a file inside `rendererDir`,
 * or undefined for anything that would leave the folder (`..`, encoded
 * `%2e%2e`, backslashes, NUL) or cannot be decoded. `/` is index.html; the
 * renderer routes in the fragment, so no other path falls back to it.
 */
export function resolveRendererFile(rendererDir: string, encodedPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPath);
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
