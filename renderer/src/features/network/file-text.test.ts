import { describe, expect, it } from 'vitest';
import { readFileText } from './file-text';

const fileOf = (...bytes: number[]) => new Blob([new Uint8Array(bytes)]);

describe('readFileText', () => {
  it('reads UTF-8, with or without a byte-order mark', async () => {
    const utf8 = new TextEncoder().encode('Straße;Düren;€');
    expect(await readFileText(new Blob([utf8]))).toBe('Straße;Düren;€');
    expect(await readFileText(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), utf8]))).toBe('Straße;Düren;€');
  });

  it('reads what is not UTF-8 as Windows-1252, as a German Excel saves CSV', async () => {
    // "Straße;Düren" in Windows-1252: ß = DF, ü = FC. Bytes 80–9F (€, „ “) are left out: Node since 20.18.3
    // decodes them as Latin-1 (nodejs/node#60888); the renderer runs in Chromium, which follows the standard.
    const bytes = [0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x3b, 0x44, 0xfc, 0x72, 0x65, 0x6e];
    expect(await readFileText(fileOf(...bytes))).toBe('Straße;Düren');
  });

  it('reads plain ASCII the same either way', async () => {
    expect(await readFileText(fileOf(0x4e, 0x61, 0x6d, 0x65, 0x0d, 0x0a))).toBe('Name\r\n');
    expect(await readFileText(fileOf())).toBe('');
  });
});
