import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorCode } from '../../shared/api/errors';
import type { ErrorMessage } from '../../shared/i18n/error-message';

export interface Refusal {
  status: 401 | 403;
  code: Extract<ErrorCode, 'unauthorized' | 'forbidden'>;
  message: ErrorMessage;
}

/**
 * The browser host answers only pages it served itself (DESIGN.md §3):
 * `Host` must name the loopback address and port (a DNS-rebinding page has
 * its own host name there), `Origin`, when sent, must be the same (another
 * web page's fetch carries its origin), and API calls need the launch token.
 */
export function checkRequest(request: { url: string; headers: IncomingHttpHeaders }, host: { port: number; token: string }): Refusal | null {
  const allowedHosts = [`127.0.0.1:${host.port}`, `localhost:${host.port}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return { status: 403, code: 'forbidden', message: { key: 'web.unknownHost' } };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((allowed) => origin === `http://${allowed}`)) {
    return { status: 403, code: 'forbidden', message: { key: 'web.foreignOrigin' } };
  }
  if (request.url.startsWith('/api/') && !hasToken(request.headers.authorization, host.token)) {
    return { status: 401, code: 'unauthorized', message: { key: 'web.unauthorized' } };
  }
  return null;
}

function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([0-9a-f]+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
