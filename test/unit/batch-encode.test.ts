import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashAndEncode } from '../../main/core/services/batches/run';

/**
 * A serial letter's PDF is hashed and turned into base64 a slice per turn of
 * the host's event loop (main/core/services/batches/run.ts), from the pieces
 * the concatenator wrote: the result must be that of the whole PDF at once.
 */
describe('hashAndEncode', () => {
  it('gives the sha256 and base64 of the whole, whatever the pieces', async () => {
    const sizes = [1, 2, 1 << 20, (1 << 20) + 1, 5, 3 << 20, 7, (2 << 20) - 1, 4];
    const pieces = sizes.map((size) => randomBytes(size));
    const whole = Buffer.concat(pieces);
    const { sha256, base64 } = await hashAndEncode(pieces);
    expect(sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(base64).toBe(whole.toString('base64'));
    expect(await hashAndEncode([Buffer.from('%PDF')])).toEqual({ sha256: createHash('sha256').update('%PDF').digest('hex'), base64: 'JVBERg==' });
  });
});
