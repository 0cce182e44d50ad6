import zlib from 'node:zlib';

/**
 * The pixels of a checked PNG logo, read into a small RGBA image and written
 * back as a plain PNG: what is stored is no longer the uploaded file but a
 * picture of at most LOGO_STORED_MAX_SIDE pixels that pdfkit inflates
 * quickly. The caller has checked the chunks, the header and that the image
 * data inflate to exactly the size the header declares (logo.ts).
 */

/**
 * Longest side of a stored logo: the letterhead prints it at most 40 mm wide
 * (20 mm high), which at 300 dpi needs 472 pixels; 600 leave room.
 */
export const LOGO_STORED_MAX_SIDE = 600;

export interface PngLayout {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  /** PLTE: RGB triples. */
  palette: Buffer | null;
  /** tRNS: alpha per palette entry, or the one transparent grey / RGB value (16 bits per sample). */
  transparency: Buffer | null;
}

/** Samples per pixel of each PNG colour type. */
export const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7: origin and step in x and y of each pass; a non-interlaced image is the one pass [0, 0, 1, 1]. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function passesOf(layout: PngLayout): Array<{ x0: number; y0: number; dx: number; dy: number; width: number; height: number }> {
  const passes = layout.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return passes
    .map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, width: Math.ceil((layout.width - x0) / dx), height: Math.ceil((layout.height - y0) / dy) }))
    .filter((pass) => pass.width > 0 && pass.height > 0);
}

const rowBytes = (width: number, bitsPerPixel: number) => Math.ceil((width * bitsPerPixel) / 8);

/** Bytes of the filtered image data: every row (of every interlace pass) starts with a filter byte. */
export function pngRawSize(layout: PngLayout): number {
  const bitsPerPixel = PNG_CHANNELS[layout.colorType]! * layout.bitDepth;
  return passesOf(layout).reduce((size, pass) => size + pass.height * (1 + rowBytes(pass.width, bitsPerPixel)), 0);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the row filters in place; false when a row names a filter that does not exist. */
function unfilterRow(raw: Buffer, start: number, length: number, previous: number, distance: number): boolean {
  const up = (i: number) => (previous >= 0 ? raw[previous + i]! : 0);
  const left = (i: number) => (i >= distance ? raw[start + i - distance]! : 0);
  // One loop per filter: this runs for every byte of a logo of up to 4000 × 4000 pixels.
  switch (raw[start - 1]) {
    case 0:
      return true;
    case 1:
      for (let i = distance; i < length; i++) raw[start + i] = raw[start + i]! + raw[start + i - distance]!;
      return true;
    case 2:
      if (previous >= 0) for (let i = 0; i < length; i++) raw[start + i] = raw[start + i]! + raw[previous + i]!;
      return true;
    case 3:
      for (let i = 0; i < length; i++) raw[start + i] = raw[start + i]! + ((left(i) + up(i)) >> 1);
      return true;
    case 4:
      for (let i = 0; i < length; i++) raw[start + i] = raw[start + i]! + paeth(left(i), up(i), i >= distance ? up(i - distance) : 0);
      return true;
    default:
      return false;
  }
}

/**
 * One row of `width` pixels as 8-bit RGBA into `out`. Palette indices past
 * the palette's end print black, as libpng and browsers show them.
 */
function rowToRgba(layout: PngLayout, raw: Buffer, row: number, width: number, out: Uint8Array): void {
  const { bitDepth, colorType, palette, transparency } = layout;
  const channels = PNG_CHANNELS[colorType]!;
  const maxSample = (1 << bitDepth) - 1;
  /** The c-th sample of pixel i, at full precision. */
  const sample = (i: number, c: number): number => {
    const index = i * channels + c;
    if (bitDepth === 8) return raw[row + index]!;
    if (bitDepth === 16) return (raw[row + index * 2]! << 8) | raw[row + index * 2 + 1]!;
    const bit = index * bitDepth;
    return (raw[row + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & maxSample;
  };
  const to8 = (value: number) => (bitDepth === 16 ? value >> 8 : bitDepth === 8 ? value : Math.round((value * 255) / maxSample));
  /** tRNS of a grey or RGB image: the one sample value (per channel) that is transparent; -1 matches none. */
  const key = (c: number) => (transparency !== null && transparency.length >= (c + 1) * 2 ? transparency.readUInt16BE(c * 2) : -1);
  const [key0, key1, key2] = [key(0), key(1), key(2)];
  for (let i = 0; i < width; i++) {
    const o = i * 4;
    if (colorType === 3) {
      const entry = sample(i, 0);
      const known = entry * 3 + 2 < palette!.length;
      out[o] = known ? palette![entry * 3]! : 0;
      out[o + 1] = known ? palette![entry * 3 + 1]! : 0;
      out[o + 2] = known ? palette![entry * 3 + 2]! : 0;
      out[o + 3] = transparency !== null && entry < transparency.length ? transparency[entry]! : 255;
    } else if (colorType === 0 || colorType === 4) {
      const grey = sample(i, 0);
      out[o] = out[o + 1] = out[o + 2] = to8(grey);
      out[o + 3] = colorType === 4 ? to8(sample(i, 1)) : grey === key0 ? 0 : 255;
    } else {
      const r = sample(i, 0);
      const g = sample(i, 1);
      const b = sample(i, 2);
      out[o] = to8(r);
      out[o + 1] = to8(g);
      out[o + 2] = to8(b);
      out[o + 3] = colorType === 6 ? to8(sample(i, 3)) : r === key0 && g === key1 && b === key2 ? 0 : 255;
    }
  }
}

/**
 * The inflated image data as an RGBA image of at most LOGO_STORED_MAX_SIDE
 * pixels on the long side: each stored pixel averages the pixels it covers,
 * weighted by their alpha so transparent pixels lend no colour to the edge.
 * Null when a row's filter is unknown.
 */
export function shrunkenRgba(layout: PngLayout, raw: Buffer): { width: number; height: number; rgba: Buffer } | null {
  const scale = Math.min(1, LOGO_STORED_MAX_SIDE / Math.max(layout.width, layout.height));
  const width = Math.max(1, Math.round(layout.width * scale));
  const height = Math.max(1, Math.round(layout.height * scale));
  const sums = new Float64Array(width * height * 4);
  const counts = new Uint32Array(width * height);
  const columnOf = Int32Array.from({ length: layout.width }, (_, x) => Math.floor((x * width) / layout.width));

  const bitsPerPixel = PNG_CHANNELS[layout.colorType]! * layout.bitDepth;
  const distance = Math.max(1, bitsPerPixel >> 3);
  const pixels = new Uint8Array(layout.width * 4);

  let offset = 0;
  for (const pass of passesOf(layout)) {
    const length = rowBytes(pass.width, bitsPerPixel);
    let previous = -1;
    for (let py = 0; py < pass.height; py++) {
      const row = offset + 1;
      if (!unfilterRow(raw, row, length, previous, distance)) return null;
      rowToRgba(layout, raw, row, pass.width, pixels);
      const targetRow = Math.floor(((pass.y0 + py * pass.dy) * height) / layout.height) * width;
      for (let px = 0; px < pass.width; px++) {
        const a = pixels[px * 4 + 3]!;
        const target = targetRow + columnOf[pass.x0 + px * pass.dx]!;
        const sum = target * 4;
        sums[sum] = sums[sum]! + pixels[px * 4]! * a;
        sums[sum + 1] = sums[sum + 1]! + pixels[px * 4 + 1]! * a;
        sums[sum + 2] = sums[sum + 2]! + pixels[px * 4 + 2]! * a;
        sums[sum + 3] = sums[sum + 3]! + a;
        counts[target]! += 1;
      }
      previous = row;
      offset = row + length;
    }
  }

  const rgba = Buffer.alloc(width * height * 4);
  for (let target = 0; target < width * height; target++) {
    const alpha = sums[target * 4 + 3]!;
    if (alpha === 0) continue;
    for (let c = 0; c < 3; c++) rgba[target * 4 + c] = Math.round(sums[target * 4 + c]! / alpha);
    rgba[target * 4 + 3] = Math.round(alpha / counts[target]!);
  }
  return { width, height, rgba };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Buffer): Buffer {
  const bytes = Buffer.alloc(12 + body.length);
  bytes.writeUInt32BE(body.length, 0);
  bytes.write(type, 4, 'latin1');
  body.copy(bytes, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + body.length)), 8 + body.length);
  return bytes;
}

/**
 * An 8-bit RGBA PNG, no filters, no other chunks. Writing a logo this encoder
 * wrote gives the same bytes again, so a stored logo keeps its hash (the
 * logos table's key) when the counselor saves the settings unchanged.
 */
export function encodeRgbaPng(image: { width: number; height: number; rgba: Buffer }): Buffer {
  const stride = image.width * 4;
  const raw = Buffer.alloc(image.height * (1 + stride));
  for (let y = 0; y < image.height; y++) image.rgba.copy(raw, y * (1 + stride) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
