/**
 * The page's Content Security Policy, the same in both hosts (DESIGN.md §3):
 * everything from the app itself, nothing remote, no eval, no plugins.
 * `data:`/`blob:` images are local by construction (rendered PDF pages).
 *
 * renderer/index.html carries CONTENT_SECURITY_POLICY in its meta tag (a test
 * compares them); both hosts send CONTENT_SECURITY_POLICY_HEADER, which adds
 * `frame-ancestors`, a directive browsers only honour in a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
