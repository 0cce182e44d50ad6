import type { ApiResult } from '../../shared/api/errors';

/**
 * An API answer as JSON, in pieces, without holding the host for long: a
 * large string in the answer (a PDF as base64: a serial letter of 1,000
 * letters is some 25 MB) is not run through JSON.stringify with the rest,
 * which scans every character of it in one go (some 90 ms and more, DESIGN.md
 * §8), but checked a slice per turn of the event loop and spliced in as it is.
 * A large string that would need escaping (never base64) takes the plain way.
 */

/** Strings in an answer's value longer than this go the sliced way. */
export const LARGE_STRING = 1 << 20;
const SLICE = 1 << 20;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Characters JSON must escape, and lone surrogates (which JSON.stringify writes as \u escapes). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

async function isPlainJsonText(text: string): Promise<boolean> {
  for (let start = 0; start < text.length; start += SLICE) {
    if (NEEDS_ESCAPE.test(text.slice(start, start + SLICE))) return false;
    await yieldToHost();
  }
  return true;
}

/** The answer's JSON in pieces (concatenated: what JSON.stringify gives, up to the order of keys); a large string comes in slices. */
export async function* resultJson(body: ApiResult<unknown>): AsyncGenerator<string> {
  const value = body.ok ? body.value : undefined;
  const large =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).find(([, field]) => typeof field === 'string' && field.length > LARGE_STRING)
      : undefined;
  if (!large || !(await isPlainJsonText(large[1] as string))) {
    yield JSON.stringify(body);
    return;
  }
  const [key, text] = large as [string, string];
  const { [key]: _large, ...rest } = value as Record<string, unknown>;
  const restJson = JSON.stringify(rest);
  yield `{"ok":true,"value":{${JSON.stringify(key)}:"`;
  for (let start = 0; start < text.length; start += SLICE) {
    yield text.slice(start, start + SLICE);
    await yieldToHost();
  }
  yield `"${restJson === '{}' ? '}' : `,${restJson.slice(1)}`}}`;
}
