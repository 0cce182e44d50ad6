import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { makeTempDir } from './temp-dir';

/**
 * Images for the logo tests, made on the spot instead of kept as binary
 * fixtures: a small PNG encoder (any colour type, a pixel function) and JPEGs
 * from poppler's pdftoppm, which the PDF tests need anyway.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Rgba = [number, number, number, number];

/** An 8-bit RGBA (colour type 6) or RGB (2) PNG, non-interlaced, filter 0 on every row. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => Rgba, options: { alpha?: boolean } = {}): Buffer {
  const alpha = options.alpha ?? true;
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(height * (1 + width * channels));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * channels);
    for (let x = 0; x < width; x++) {
      const value = pixel(x, y);
      for (let c = 0; c < channels; c++) raw[row + 1 + x * channels + c] = value[c]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG header claiming `width` × `height`, with one tiny (wrong) image data block: for the size checks. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(10))), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A sample office logo, 320 × 160 px with transparency: a blue shield with a
 * white wave and a red dot, the kind of emblem a district prints.
 */
export function sampleLogoPng(width = 320, height = 160): Buffer {
  return makePng(width, height, (x, y) => {
    const u = x / width;
    const v = y / height;
    const inShield = u > 0.05 && u < 0.45 && v > 0.05 && v < 0.95 - Math.max(0, (Math.abs(u - 0.25) - 0.05) * 1.2);
    const wave = Math.abs(v - (0.5 + 0.12 * Math.sin(u * 30))) < 0.06;
    const dot = (u - 0.72) ** 2 * 4 + (v - 0.5) ** 2 < 0.04;
    if (inShield) return wave ? [255, 255, 255, 255] : [0, 82, 147, 255];
    if (dot) return [200, 30, 40, 255];
    return [0, 0, 0, 0];
  });
}

/** A baseline JPEG of a small rendered page, made by poppler (`pdftoppm -jpeg`). */
export function makeJpeg(pdf: Buffer, widthPx: number): Buffer {
  const temp = makeTempDir('lotse-jpeg-');
  try {
    const file = path.join(temp.dir, 'page.pdf');
    fs.writeFileSync(file, pdf);
    const prefix = path.join(temp.dir, 'page');
    execFileSync('pdftoppm', ['-jpeg', '-f', '1', '-l', '1', '-scale-to-x', String(widthPx), '-scale-to-y', '-1', '-singlefile', file, prefix]);
    return fs.readFileSync(`${prefix}.jpg`);
  } finally {
    temp.cleanup();
  }
}
