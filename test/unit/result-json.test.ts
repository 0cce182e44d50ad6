import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LARGE_STRING, resultJson } from '../../main/web/result-json';
import type { ApiResult } from '../../shared/api/errors';

/**
 * The browser host writes an answer holding a large string (a serial letter's
 * PDF as base64) in slices, a turn of the event loop each, instead of one
 * JSON.stringify over all of it (main/web/result-json.ts): the JSON must be
 * the same.
 */

async function pieces(body: ApiResult<unknown>): Promise<string[]> {
  const all: string[] = [];
  for await (const piece of resultJson(body)) all.push(piece);
  return all;
}

describe('resultJson', () => {
  it('splices a large base64 string in slices, and the JSON reads back as the answer', async () => {
    const pdfBase64 = randomBytes(Math.ceil((LARGE_STRING * 3) / 4) * 3).toString('base64');
    const body: ApiResult<unknown> = { ok: true, value: { pdfBase64, sha256: 'ab'.repeat(32), pages: 3, documentIds: ['d1', 'd2'], skipped: [] } };
    const written = await pieces(body);
    expect(written.length).toBeGreaterThan(3);
    expect(JSON.parse(written.join(''))).toEqual(body);
  });

  it('takes the plain way for a large string that needs escaping, and for small answers and refusals', async () => {
    const text = `${'a'.repeat(LARGE_STRING)}"\\\n\ud800 and more`;
    const large: ApiResult<unknown> = { ok: true, value: { text, other: 1 } };
    expect((await pieces(large)).join('')).toBe(JSON.stringify(large));
    const onlyLarge: ApiResult<unknown> = { ok: true, value: { pdfBase64: 'QUJD'.repeat(LARGE_STRING) } };
    expect(JSON.parse((await pieces(onlyLarge)).join(''))).toEqual(onlyLarge);
    const small: ApiResult<unknown> = { ok: true, value: { items: [1, 2, 3] } };
    expect(await pieces(small)).toEqual([JSON.stringify(small)]);
    const refused: ApiResult<unknown> = { ok: false, error: { code: 'conflict', message: 'Nein.' } };
    expect(await pieces(refused)).toEqual([JSON.stringify(refused)]);
  });
});
