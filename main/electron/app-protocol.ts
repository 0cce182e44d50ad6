import fs from 'node:fs';
import { contentTypeFor, rendererResponseHeaders, resolveRendererFile } from '../renderer-files';
import { APP_HOST, APP_SCHEME } from './security';

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
  return resolveRendererFile(rendererDir, url.pathname);
}

/** Headers on every response of the app scheme, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return { ...rendererResponseHeaders(contentType), 'Cache-Control': 'no-cache' };
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
