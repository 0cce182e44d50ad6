import zlib from 'node:zlib';
import type { Logo } from '../../../shared/api/contract';
import { germanText, type ErrorMessage } from '../../../shared/i18n/error-message';
import { DomainError } from '../errors';
import { crc32, encodeRgbaPng, PNG_CHANNELS, PNG_SIGNATURE, pngRawSize, shrunkenRgba, type PngLayout } from './logo-pixels';

/**
 * The office's logo for the letterhead: a PNG or JPEG the counselor picks in
 * the settings. Checked here before it is stored and before it reaches
 * pdfkit, which would otherwise fail late (or, for a PNG with a broken
 * compressed stream and an alpha channel, throw from a callback and take the
 * process with it). The checks read the file itself, not its name or the
 * type the browser claims. At upload a PNG is redrawn small (storableLogo),
 * so what is stored and printed is no larger than a letterhead needs.
 */

export const LOGO_MAX_BYTES = 500 * 1024;
export const LOGO_MAX_PIXELS = 4000;

export type LogoMimeType = 'image/png' | 'image/jpeg';

export interface LogoImage {
  mimeType: LogoMimeType;
  /** Pixels, as the file's header says (JPEG: before any EXIF rotation). */
  width: number;
  height: number;
  /** `data:` URL for pdfmake's image dictionary: the bytes travel inside the definition, no file or URL is read. */
  dataUrl: string;
}

/** The logo was refused; `reason` says why (`message` is its German text), for the field `office.logo`. */
export class LogoError extends Error {
  constructor(readonly reason: ErrorMessage) {
    super(germanText(reason));
    this.name = 'LogoError';
  }
}

/** A refused logo as the API answers it: the message names the field. */
export function refusedLogo(error: LogoError): DomainError {
  return new DomainError('invalid_input', { key: 'settings.logoUnusable', params: { reason: error.reason } }, { 'office.logo': error.reason });
}

/** What is wrong inside a damaged image. */
type Damage = Extract<ErrorMessage, { key: `logoDamage.${string}` }>;

function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

const PNG_BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * Walks the chunks and inflates the image data, never to more than the size
 * the header declares: the size is checked before inflating, and a stream
 * that would inflate to more (a "bomb": a few hundred KB of zeros that
 * become hundreds of MB) is stopped at that size and refused.
 */
function inspectPng(bytes: Buffer): { layout: PngLayout; raw: Buffer } {
  const broken = (why: Damage) => new LogoError({ key: 'logo.pngDamaged', params: { why } });
  let offset = PNG_SIGNATURE.length;
  let header: Omit<PngLayout, 'palette' | 'transparency'> | null = null;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw broken({ key: 'logoDamage.chunkCut' });
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) throw broken({ key: 'logoDamage.namedChunkCut', params: { chunk: type } });
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length))
      throw broken({ key: 'logoDamage.checksumWrong', params: { chunk: type } });
    if (header === null && type !== 'IHDR') throw broken({ key: 'logoDamage.headerMissing' });
    switch (type) {
      case 'IHDR': {
        if (header !== null || length !== 13) throw broken({ key: 'logoDamage.headerBroken' });
        header = {
          width: body.readUInt32BE(0),
          height: body.readUInt32BE(4),
          bitDepth: body[8]!,
          colorType: body[9]!,
          interlaced: body[12] === 1,
        };
        if (
          !(header.colorType in PNG_CHANNELS) ||
          !PNG_BIT_DEPTHS[header.colorType]!.includes(header.bitDepth) ||
          body[10] !== 0 ||
          body[11] !== 0 ||
          body[12]! > 1
        ) {
          throw broken({ key: 'logoDamage.unknownFormat' });
        }
        break;
      }
      case 'PLTE':
        palette = body;
        break;
      case 'tRNS':
        transparency = body;
        break;
      case 'IDAT':
        data.push(body);
        break;
      case 'IEND':
        ended = true;
        break;
    }
    offset += 12 + length;
    if (ended) break;
  }
  if (header === null) throw broken({ key: 'logoDamage.headerMissing' });
  if (!ended) throw broken({ key: 'logoDamage.endMissing' });
  if (header.colorType === 3 && !palette) throw broken({ key: 'logoDamage.paletteMissing' });
  if (header.width === 0 || header.height === 0) throw broken({ key: 'logoDamage.noPixels' });
  checkPixels(header.width, header.height);
  const layout: PngLayout = { ...header, palette, transparency };
  const expected = pngRawSize(layout);
  let raw: Buffer;
  try {
    // 1 MB steps instead of Node's 16 KB: a 4000 × 4000 logo inflates in half the time.
    raw = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected, chunkSize: 1024 * 1024 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new LogoError({ key: 'logo.inflatesTooLarge', params: { width: header.width, height: header.height } });
    }
    throw broken({ key: 'logoDamage.dataUnreadable' });
  }
  if (raw.length < expected) throw broken({ key: 'logoDamage.dataTooShort' });
  return { layout, raw };
}

/** Start-of-frame markers PDF's DCTDecode reads everywhere: baseline, extended sequential, progressive (Huffman). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Other SOF markers: lossless, hierarchical, arithmetic coding. */
const JPEG_OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(bytes: Buffer): { width: number; height: number } {
  const broken = (why: Damage) => new LogoError({ key: 'logo.jpegDamaged', params: { why } });
  let offset = 2;
  let frame: { width: number; height: number } | null = null;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw broken({ key: 'logoDamage.structureBroken' });
    const marker = bytes[offset + 1];
    if (marker === undefined) throw broken({ key: 'logoDamage.cut' });
    // Fill bytes, and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.length) throw broken({ key: 'logoDamage.cut' });
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) throw broken({ key: 'logoDamage.cut' });
    if (JPEG_OTHER_FRAMES.has(marker)) {
      throw new LogoError({ key: 'logo.jpegUnprintable' });
    }
    if (JPEG_FRAMES.has(marker)) {
      if (length < 8) throw broken({ key: 'logoDamage.headerBroken' });
      const components = bytes[offset + 9];
      frame = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      if (frame.width === 0 || frame.height === 0) throw broken({ key: 'logoDamage.noPixels' });
      if (components !== 1 && components !== 3 && components !== 4) throw broken({ key: 'logoDamage.unknownChannels' });
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follow up to the end-of-image marker.
      if (frame === null) throw broken({ key: 'logoDamage.headerMissing' });
      if (bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) < offset + 2 + length) throw broken({ key: 'logoDamage.endMissing' });
      checkPixels(frame.width, frame.height);
      return frame;
    }
    offset += 2 + length;
  }
  throw broken(frame === null ? { key: 'logoDamage.headerMissing' } : { key: 'logoDamage.dataMissing' });
}

function checkPixels(width: number, height: number): void {
  if (width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS) {
    throw new LogoError({ key: 'logo.tooManyPixels', params: { width, height, limit: LOGO_MAX_PIXELS } });
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The file's bytes, once they are known to be base64 of a PNG or JPEG of the declared type, at most 500 KB. */
function logoFile(logo: { mimeType: string; dataBase64: string }): { mimeType: LogoMimeType; bytes: Buffer } {
  if (!BASE64.test(logo.dataBase64)) throw new LogoError({ key: 'logo.notBase64' });
  const bytes = Buffer.from(logo.dataBase64, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new LogoError({ key: 'logo.tooLarge', params: { kilobytes: kilobytes(bytes.length), limit: kilobytes(LOGO_MAX_BYTES) } });
  }
  const isPng = bytes.subarray(0, 8).equals(PNG_SIGNATURE);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) throw new LogoError({ key: 'logo.notAnImage' });
  const mimeType: LogoMimeType = isPng ? 'image/png' : 'image/jpeg';
  if (logo.mimeType !== mimeType) {
    throw new LogoError({
      key: 'logo.typeMismatch',
      params: { actual: isPng ? 'PNG' : 'JPEG', declared: logo.mimeType === 'image/png' ? 'PNG' : logo.mimeType === 'image/jpeg' ? 'JPEG' : logo.mimeType },
    });
  }
  return { mimeType, bytes };
}

/**
 * Checks a logo as stored in the settings and tells its size in pixels.
 * Throws a LogoError saying why when the file is not a PNG or
 * JPEG (by its first bytes, which must match `mimeType`), is larger than
 * 500 KB or 4000 × 4000 pixels, its image data inflate to more than its
 * pixels need, or it is damaged.
 */
export function inspectLogo(logo: { mimeType: string; dataBase64: string }): LogoImage {
  const { mimeType, bytes } = logoFile(logo);
  const size = mimeType === 'image/png' ? inspectPng(bytes).layout : inspectJpeg(bytes);
  return { mimeType, width: size.width, height: size.height, dataUrl: `data:${mimeType};base64,${logo.dataBase64}` };
}

/**
 * The logo to store, checked as inspectLogo does: a PNG redrawn as an 8-bit
 * RGBA PNG of at most LOGO_STORED_MAX_SIDE pixels (alpha kept), so only
 * pixels this code wrote are stored and printed. A JPEG is stored as it
 * came: Lotse never decodes it (pdfkit copies it into the PDF as it is), and
 * its header's size is checked, which bounds what a PDF viewer decodes.
 */
export function storableLogo(logo: Logo): Logo {
  const { mimeType, bytes } = logoFile(logo);
  if (mimeType === 'image/jpeg') {
    inspectJpeg(bytes);
    return logo;
  }
  const { layout, raw } = inspectPng(bytes);
  const image = shrunkenRgba(layout, raw);
  if (image === null) throw new LogoError({ key: 'logo.pngDamaged', params: { why: { key: 'logoDamage.unknownFilter' } } });
  return { mimeType, dataBase64: encodeRgbaPng(image).toString('base64') };
}

const inspected = new Map<string, LogoImage>();

/**
 * inspectLogo for rendering: every letter of a batch carries the same logo,
 * checked once. Stored logos were checked when saved, but one stored before
 * the inflate was bounded may be a bomb: it is refused here, before pdfkit
 * inflates it without a limit.
 */
export function printableLogo(logo: { mimeType: string; dataBase64: string }): LogoImage {
  const key = `${logo.mimeType};${logo.dataBase64}`;
  let image = inspected.get(key);
  if (!image) {
    try {
      image = inspectLogo(logo);
    } catch (error) {
      throw error instanceof LogoError ? refusedLogo(error) : error;
    }
    if (inspected.size >= 4) inspected.clear();
    inspected.set(key, image);
  }
  return image;
}

/** The logo's printed size in mm: as large as fits `box` (width × height, mm) with its proportions kept. */
export function fittedLogoSize(logo: { width: number; height: number }, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
}
