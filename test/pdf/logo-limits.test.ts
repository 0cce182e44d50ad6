import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { din5008Letter } from '../../main/core/pdf/layouts/din5008-letter';
import { inspectLogo, LogoError, storableLogo } from '../../main/core/pdf/logo';
import { renderPdf } from '../../main/core/pdf/render';
import type { Logo, RenderedPdf, Settings } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { makeJpeg, makePng, PNG_SIGNATURE, pngChunk, sampleLogoPng } from '../support/images';
import { callOk, errorOf } from '../support/results';
import { TEST_SETTINGS } from '../support/settings';
import { darkShare, expectValidPdfWithEmbeddedFonts, rasterize } from './print-support';
import { sampleLetterContent } from './sample-letter';

/**
 * Logos are checked before they are trusted: a file whose header declares
 * too many pixels, or whose image data inflate to more than its pixels need
 * (a "bomb"), is refused before it is inflated in full, and what is stored is
 * a PNG Lotse drew itself, at most 600 pixels on the long side.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

const png = (bytes: Buffer): Logo => ({ mimeType: 'image/png', dataBase64: bytes.toString('base64') });
const jpeg = (bytes: Buffer): Logo => ({ mimeType: 'image/jpeg', dataBase64: bytes.toString('base64') });
const withLogo = (logo: Logo): Settings => ({ ...TEST_SETTINGS, office: { ...TEST_SETTINGS.office, logo } });
const storedLogoCount = () => core.db.prepare('SELECT count(*) FROM logos').pluck().get() as number;

/** zlib-deflated zeros, 200 MB of them: cheap to make (once), and 200 KB of file. */
let zeros: Promise<Buffer> | undefined;
const deflatedZeros = () => (zeros ??= deflateZeros(200));
async function deflateZeros(megabytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

/** A PNG of `width` × `height` 8-bit RGBA pixels whose one image data block is `data`. */
function pngWithData(width: number, height: number, data: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

/** settings.update with the logo, timed; the answer must be a refusal. */
async function refusedUpload(what: string, logo: Logo) {
  const started = performance.now();
  const answer = await dispatch(core, 'settings.update', withLogo(logo));
  console.log(`${what}: refused in ${(performance.now() - started).toFixed(1)} ms`);
  return errorOf(answer);
}

describe('bombs', () => {
  it('refuses a PNG whose image data inflate to 200 MB, with a German message, storing nothing', async () => {
    const bomb = pngWithData(1000, 1000, await deflatedZeros());
    console.log(`PNG bomb: ${Math.round(bomb.length / 1024)} KB of file for 200 MB of image data (1000 × 1000 RGBA need 4 MB)`);
    expect(bomb.length).toBeLessThan(500 * 1024);
    const error = await refusedUpload('PNG bomb', png(bomb));
    expect(error).toMatchObject({
      code: 'invalid_input',
      fields: { 'office.logo': expect.stringMatching(/^Die Bilddaten des Logos entpacken sich zu mehr, als ein Bild von 1\.000 × 1\.000 Pixeln braucht/) },
    });
    expect(error.message).toMatch(/^Das Logo kann nicht verwendet werden: .*Bitte das Bild in einem Bildprogramm neu als PNG speichern\.$/);
    expect(storedLogoCount()).toBe(0);
    expect((await callOk<Settings>(core, 'settings.get', {})).office.logo).toBeNull();
  });

  it('refuses a PNG declaring 20000 × 20000 pixels before inflating anything', async () => {
    const bomb = pngWithData(20000, 20000, await deflatedZeros());
    expect(bomb.length).toBeLessThan(500 * 1024);
    const error = await refusedUpload('PNG of 20000 × 20000', png(bomb));
    expect(error.fields).toEqual({
      'office.logo': 'Das Logo ist 20.000 × 20.000 Pixel groß; erlaubt sind höchstens 4.000 × 4.000 Pixel. Bitte das Bild verkleinern.',
    });
    expect(storedLogoCount()).toBe(0);
  });

  it('refuses a JPEG whose frame header declares 60000 × 50000 pixels', async () => {
    const photo = makeJpeg((await renderPdf(din5008Letter(sampleLetterContent()))).bytes, 120);
    const frame = [0xc0, 0xc1, 0xc2].map((marker) => photo.indexOf(Buffer.from([0xff, marker]))).find((at) => at > 0)!;
    photo.writeUInt16BE(50000, frame + 5);
    photo.writeUInt16BE(60000, frame + 7);
    const error = await refusedUpload('JPEG of 60000 × 50000', jpeg(photo));
    expect(error.fields).toEqual({
      'office.logo': 'Das Logo ist 60.000 × 50.000 Pixel groß; erlaubt sind höchstens 4.000 × 4.000 Pixel. Bitte das Bild verkleinern.',
    });
    expect(storedLogoCount()).toBe(0);
  });

  it('refuses a stored bomb (from before these checks) when printing, instead of inflating it', async () => {
    const bomb = pngWithData(1000, 1000, await deflatedZeros());
    expect(() => inspectLogo(png(bomb))).toThrow(LogoError);
    // As an older Lotse stored it: the file's bytes under their hash, referenced by the settings.
    core.db.prepare("INSERT INTO logos (sha256, mime_type, data) VALUES ('bomb', 'image/png', ?)").run(bomb);
    core.db
      .prepare("UPDATE settings SET value = json_set(value, '$.office.logo', json(?)) WHERE key = 'settings'")
      .run(JSON.stringify({ mimeType: 'image/png', sha256: 'bomb' }));
    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const letter = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'Text.' },
    });
    const started = performance.now();
    const answer = await dispatch(core, 'documents.render', { id: letter.id });
    console.log(`render with a stored bomb: answered in ${(performance.now() - started).toFixed(1)} ms`);
    expect(errorOf(answer).message).toMatch(/Die Bilddaten des Logos entpacken sich zu mehr/);
  });
});

/** The filter byte of each row of a non-interlaced 8-bit RGB PNG. */
function rowFilters(bytes: Buffer): number[] {
  const width = bytes.readUInt32BE(16);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; offset += 12 + bytes.readUInt32BE(offset))
    if (bytes.toString('latin1', offset + 4, offset + 8) === 'IDAT') chunks.push(bytes.subarray(offset + 8, offset + 8 + bytes.readUInt32BE(offset)));
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  return Array.from({ length: raw.length / (1 + width * 3) }, (_, y) => raw[y * (1 + width * 3)]!);
}

/** The pixels of an 8-bit RGBA PNG without filters, as storableLogo writes it: RGBA rows. */
function rgbaOf(bytes: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25], bytes[28]]).toEqual([8, 6, 0]);
  const raw = zlib.inflateSync(bytes.subarray(8 + 25 + 8, bytes.length - 12 - 4));
  expect(raw.length).toBe(height * (1 + width * 4));
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * (1 + width * 4)]).toBe(0);
    return raw.subarray(y * (1 + width * 4) + 1, (y + 1) * (1 + width * 4));
  });
  return { width, height, rgba: Buffer.concat(rows) };
}

describe('what is stored', () => {
  let fileCount = 0;
  const write = (bytes: Buffer, extension: string) => {
    const file = path.join(dataDir, `out-${++fileCount}.${extension}`);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('stores a 2400 × 1200 logo redrawn at 600 × 300 with its transparency, and prints that', async () => {
    const large = sampleLogoPng(2400, 1200);
    const started = performance.now();
    const saved = await callOk<Settings>(core, 'settings.update', withLogo(png(large)));
    console.log(`2400 × 1200 logo (${Math.round(large.length / 1024)} KB) checked and redrawn in ${(performance.now() - started).toFixed(1)} ms`);
    const stored = Buffer.from(saved.office.logo!.dataBase64, 'base64');
    expect((await callOk<Settings>(core, 'settings.get', {})).office.logo).toEqual(saved.office.logo);
    expect(storedLogoCount()).toBe(1);
    const { width, height, rgba } = rgbaOf(stored);
    expect([width, height]).toEqual([600, 300]);
    // Transparent corner, opaque blue shield, red dot: as drawn, averaged over 4 × 4 pixels each.
    const at = (x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
    expect(at(2, 2)).toEqual([0, 0, 0, 0]);
    expect(at(60, 40)).toEqual([0, 82, 147, 255]);
    expect(at(432, 150)).toEqual([200, 30, 40, 255]);

    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const letter = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'Text.' },
    });
    const file = write(Buffer.from((await callOk<RenderedPdf>(core, 'documents.render', { id: letter.id })).pdfBase64, 'base64'), 'pdf');
    expectValidPdfWithEmbeddedFonts(file);
    execFileSync('qpdf', ['--check', file]);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+600\s+300\s+rgb/);
    expect(images[1]).toMatch(/^\s*1\s+1\s+smask\s+600\s+300\s+gray/);
    expect(darkShare(rasterize(file, 1, 100), 152, 13, 188, 31, 200)).toBeGreaterThan(0.2);
  });

  it('stores the same bytes when a stored logo is saved again (its hash, the logos key, stays)', () => {
    const once = storableLogo(png(sampleLogoPng(2400, 1200)));
    expect(storableLogo(once)).toEqual(once);
    // A small 8-bit RGBA PNG without filters is written as it came.
    expect(storableLogo(png(sampleLogoPng()))).toEqual(png(sampleLogoPng()));
  });

  it('redraws an RGB PNG written by libpng, with its row filters, pixel for pixel', async () => {
    // Poppler's pdftoppm writes the PNG with libpng and the same pixels as PPM, which is what the stored logo must hold.
    const pdf = write((await renderPdf(din5008Letter(sampleLetterContent()))).bytes, 'pdf');
    const size = ['-scale-to-x', '300', '-scale-to-y', '-1', '-f', '1', '-l', '1', '-singlefile'];
    execFileSync('pdftoppm', ['-png', ...size, pdf, path.join(dataDir, 'page')]);
    execFileSync('pdftoppm', [...size, pdf, path.join(dataDir, 'page')]);
    const original = fs.readFileSync(path.join(dataDir, 'page.png'));
    const filters = new Set(rowFilters(original));
    expect(filters.size).toBeGreaterThan(1);
    const ppm = fs.readFileSync(path.join(dataDir, 'page.ppm'));
    const [header, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
    const { width, height, rgba } = rgbaOf(Buffer.from(storableLogo(png(original)).dataBase64, 'base64'));
    expect([width, height]).toEqual([Number(w), Number(h)]);
    const pixels = ppm.subarray(header.length);
    let differences = 0;
    for (let i = 0; i < width * height; i++) {
      if (rgba[i * 4] !== pixels[i * 3] || rgba[i * 4 + 1] !== pixels[i * 3 + 1] || rgba[i * 4 + 2] !== pixels[i * 3 + 2] || rgba[i * 4 + 3] !== 255)
        differences++;
    }
    expect(differences).toBe(0);
  });
});

/** Which Adam7 pass (1–7) each pixel of an 8 × 8 tile belongs to, as the PNG specification draws it. */
const ADAM7_TILE = ['16462646', '77777777', '56565656', '77777777', '36463646', '77777777', '56565656', '77777777'];

interface Layout {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

/** A PNG of any colour type and bit depth, interlaced or not (filter 0): `samples` gives a pixel's samples at that depth. */
function encodePng(layout: Layout, samples: (x: number, y: number) => number[], chunks: Buffer[] = []): Buffer {
  const { width, height, bitDepth, interlaced } = layout;
  const rows: Buffer[] = [];
  for (const pass of interlaced ? ['1', '2', '3', '4', '5', '6', '7'] : ['']) {
    for (let y = 0; y < height; y++) {
      const xs = Array.from({ length: width }, (_, x) => x).filter((x) => !interlaced || ADAM7_TILE[y % 8]![x % 8] === pass);
      if (xs.length === 0) continue;
      const values = xs.flatMap((x) => samples(x, y));
      const row = Buffer.alloc(Math.ceil((values.length * bitDepth) / 8));
      values.forEach((value, i) => {
        if (bitDepth === 16) row.writeUInt16BE(value, i * 2);
        else row[(i * bitDepth) >> 3] = row[(i * bitDepth) >> 3]! | (value << (8 - bitDepth - ((i * bitDepth) & 7)));
      });
      rows.push(Buffer.from([0]), row);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = layout.colorType;
  ihdr[12] = interlaced ? 1 : 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...chunks,
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('every PNG kind is redrawn as 8-bit RGBA with the same pixels', () => {
  const cases: Array<[string, () => Buffer, (x: number, y: number) => [number, number, number, number]]> = [
    [
      '1-bit grey, 13 pixels wide',
      () => encodePng({ width: 13, height: 5, bitDepth: 1, colorType: 0, interlaced: false }, (x, y) => [(x + y) % 2]),
      (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]),
    ],
    [
      '16-bit grey with alpha',
      () => encodePng({ width: 6, height: 4, bitDepth: 16, colorType: 4, interlaced: false }, (x, y) => [x * 40 * 257, (y * 60 + 20) * 257]),
      (x, y) => [x * 40, x * 40, x * 40, y * 60 + 20],
    ],
    [
      '16-bit RGB with a transparent colour',
      () => {
        const key = Buffer.alloc(6);
        [1000, 2000, 3000].forEach((value, c) => key.writeUInt16BE(value, c * 2));
        return encodePng(
          { width: 5, height: 3, bitDepth: 16, colorType: 2, interlaced: false },
          (x, y) => (x === y ? [1000, 2000, 3000] : [x * 12000, y * 20000, 65535]),
          [pngChunk('tRNS', key)],
        );
      },
      (x, y) => (x === y ? [0, 0, 0, 0] : [(x * 12000) >> 8, (y * 20000) >> 8, 255, 255]),
    ],
    [
      'interlaced 8-bit RGBA',
      () => encodePng({ width: 11, height: 9, bitDepth: 8, colorType: 6, interlaced: true }, (x, y) => [x * 20, y * 25, 99, 200 + x]),
      (x, y) => [x * 20, y * 25, 99, 200 + x],
    ],
    [
      'interlaced 4-bit palette with transparent entries',
      () =>
        encodePng({ width: 10, height: 7, bitDepth: 4, colorType: 3, interlaced: true }, (x, y) => [(x + 2 * y) % 3], [
          pngChunk('PLTE', Buffer.from([9, 9, 9, 0, 82, 147, 200, 30, 40])),
          pngChunk('tRNS', Buffer.from([0, 128])),
        ]),
      (x, y) => [[0, 0, 0, 0] as const, [0, 82, 147, 128] as const, [200, 30, 40, 255] as const][(x + 2 * y) % 3]!.slice() as [number, number, number, number],
    ],
  ];
  for (const [kind, file, pixel] of cases) {
    it(kind, () => {
      const layout = inspectLogo(png(file()));
      expect(storableLogo(png(file()))).toEqual(png(makePng(layout.width, layout.height, pixel)));
    });
  }
});
