import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { FONT_FAMILY } from '../../main/core/pdf/fonts';
import { renderPdf } from '../../main/core/pdf/render';
import type { RenderedPdf } from '../../shared/api/contract';
import { createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';
import { expectPdfA2b } from './pdfa-checks';
import { rasterize, type Gray } from './print-support';

/**
 * Every client's script on paper (issue 17): names in Arabic, Persian,
 * Pashto, Sorani, Tigrinya, Georgian and Armenian print in letters and forms
 * with the Noto fallback fonts, in bidirectional order, and read back.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

const NAMES = [
  { language: 'Arabic', givenName: 'محمود', familyName: 'حداد', font: 'NotoNaskhArabic' },
  { language: 'Persian', givenName: 'فاطمه', familyName: 'رضایی', font: 'NotoNaskhArabic' },
  // Pashto's own letters ځ ڼ ښ, Sorani's ێ ۆ ڕ ڵ ە.
  { language: 'Pashto', givenName: 'زرغونه', familyName: 'ځدراڼ ښکلی', font: 'NotoNaskhArabic' },
  { language: 'Sorani', givenName: 'شێرکۆ', familyName: 'ڕەسوڵ', font: 'NotoNaskhArabic' },
  { language: 'Tigrinya', givenName: 'ሰላም', familyName: 'ተስፋይ', font: 'NotoSansEthiopic' },
  { language: 'Georgian', givenName: 'ნინო', familyName: 'ბერიძე', font: 'NotoSansGeorgian' },
  { language: 'Armenian', givenName: 'Արամ', familyName: 'Պետրոսյան', font: 'NotoSansArmenian' },
];

function write(name: string, base64: string): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  if (process.env.KEEP_PDF) fs.copyFileSync(file, path.join(process.env.KEEP_PDF, name));
  return file;
}

/** pdftotext's text without the embedding marks it puts around right-to-left runs (U+202A–U+202E). */
function textOf(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E]/g, '');
}

/** Font name (subset tag removed), embedded, subset, per pdffonts row. */
function fontsOf(file: string): Array<{ name: string; emb: string; sub: string }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n');
  const emb = lines[0]!.indexOf('emb');
  return lines
    .slice(2)
    .map((row) => ({ name: row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''), emb: row.slice(emb, emb + 3), sub: row.slice(emb + 4, emb + 7) }));
}

function expectEmbeddedSubsets(file: string, family: string): void {
  const fonts = fontsOf(file);
  expect(fonts.map((font) => font.name)).toContain(`${family}-Regular`);
  for (const font of fonts) expect(font, file).toMatchObject({ emb: 'yes', sub: 'yes' });
}

describe('names in every script', () => {
  it.each(NAMES)(
    'prints a letter and a form to a client whose name is in $language script: fonts embedded as subsets, PDF/A, the name read back in logical order',
    async (name) => {
      const client = await createLookAlike(core, { ...SAMPLE_CLIENT, givenName: name.givenName, familyName: name.familyName });
      const fullName = `${name.givenName} ${name.familyName}`;

      const letter = await callOk<{ id: string }>(core, 'documents.create', {
        templateId: 'free-letter',
        clientId: client.id,
        values: { subject: 'Einladung', body: 'Text' },
      });
      const letterFile = write(`letter-${name.language}.pdf`, (await callOk<RenderedPdf>(core, 'documents.render', { id: letter.id })).pdfBase64);
      expectPdfA2b(letterFile);
      expectEmbeddedSubsets(letterFile, name.font);
      // Every glyph reads as its character (no .notdef, no glyph shared by two letters): the name comes back exactly, in logical order.
      expect(textOf(letterFile)).toContain(fullName);

      const form = await callOk<{ id: string }>(core, 'documents.create', { templateId: 'recognition-cost-application', clientId: client.id, values: {} });
      const formFile = write(`form-${name.language}.pdf`, (await callOk<RenderedPdf>(core, 'documents.render', { id: form.id })).pdfBase64);
      expectPdfA2b(formFile);
      expectEmbeddedSubsets(formFile, name.font);
      expect(textOf(formFile)).toContain(fullName);
    },
  );

  it('loads no fallback font for a Latin letter (only Roboto embedded)', async () => {
    const client = await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: 'Öztürk' });
    const letter = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'Text' },
    });
    const file = write('latin.pdf', (await callOk<RenderedPdf>(core, 'documents.render', { id: letter.id })).pdfBase64);
    expect(new Set(fontsOf(file).map((font) => font.name.replace(/-.*/, '')))).toEqual(new Set(['Roboto']));
  });

  it('refuses a script no shipped font covers (Hebrew), naming the field and its characters', async () => {
    const client = await createLookAlike(core, { ...SAMPLE_CLIENT, familyName: 'Müller' });
    const letter = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'محمود שלום' },
    });
    expect(await dispatch(core, 'documents.render', { id: letter.id })).toMatchObject({
      ok: false,
      error: {
        code: 'unprintable_text',
        message: expect.stringContaining('(Text)'),
        fields: { 'values.body': 'Text: Diese Zeichen kann die Schrift nicht drucken: ש ל ו ם' },
      },
    });
  });
});

/** A page holding one line of text, 400 × 50 pt, the line set from 10 pt on each side. */
async function lineFile(name: string, text: string, options: { alignment?: 'left' | 'right' } = {}): Promise<string> {
  const rendered = await renderPdf({
    pageSize: { width: 400, height: 50 },
    pageMargins: [10, 10, 10, 10],
    content: [{ text, fontSize: 14, ...options }],
    defaultStyle: { font: FONT_FAMILY },
    info: { title: 'Zeile', creationDate: new Date('2026-01-01T00:00:00Z') },
  });
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, rendered.bytes);
  if (process.env.KEEP_PDF) fs.copyFileSync(file, path.join(process.env.KEEP_PDF, name));
  return file;
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

/** Words with their x extent; pdftotext -bbox gives a right-to-left word's letters as drawn, left to right, so they are turned back here. */
function wordsOf(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    text: /[\u0600-\u06FF]/.test(match[3]!) ? [...match[3]!].reverse().join('') : match[3]!,
    xMin: Number(match[1]),
    xMax: Number(match[2]),
  }));
}

const MIXED = 'محمود Mahmoud (Az. KI-2024-7)';
const REFERENCE = path.join(__dirname, 'reference', 'mixed-line.png');
const DPI = 150;

describe('bidirectional lines', () => {
  it('sets a right-to-left paragraph flush right, its words from right to left, a Latin run inside left to right', async () => {
    const words = wordsOf(await lineFile('mixed.pdf', MIXED));
    const at = (text: string) => words.find((word) => word.text.includes(text))!;
    // The paragraph's first strong character is Arabic: base direction right to left, flush with the right margin (400 − 10 pt).
    expect(Math.max(...words.map((word) => word.xMax))).toBeCloseTo(390, 0);
    expect(at('محمود').xMin).toBeGreaterThan(at('KI-2024-7').xMax);
    expect(at('Mahmoud').xMax).toBeLessThan(at('(Az.').xMin);
    expect(at('(Az.').xMax).toBeLessThan(at('KI-2024-7').xMin);
    // A layout's own alignment wins.
    const left = wordsOf(await lineFile('mixed-left.pdf', MIXED, { alignment: 'left' }));
    expect(Math.min(...left.map((word) => word.xMin))).toBeCloseTo(10, 0);
    // A left-to-right paragraph stays flush left; the Arabic name in it reads from right to left.
    const ltr = wordsOf(await lineFile('ltr.pdf', 'Name: محمود حداد (Syrien)'));
    expect(Math.min(...ltr.map((word) => word.xMin))).toBeCloseTo(10, 0);
    const x = (text: string) => ltr.find((word) => word.text.includes(text))!.xMin;
    expect(ltr.map((word) => word.text)).toEqual(['Name:', 'حداد', 'محمود', '(Syrien)']);
    expect(x('Name:')).toBeLessThan(x('حداد'));
    expect(x('حداد')).toBeLessThan(x('محمود'));
    expect(x('محمود')).toBeLessThan(x('Syrien'));
  });

  it('breaks a long right-to-left paragraph into lines in logical order, each flush right', async () => {
    const paragraph =
      'يرجى إحضار جواز السفر وشهادة التسجيل والشهادات إن وجدت إلى الموعد يوم الاثنين 12.03.2025 الساعة 10:00 في مكتب KI-2024-7 (الطابق الثاني). نحن نقدم لكم الاستشارة بكل سرور.';
    const rendered = await renderPdf({
      pageSize: { width: 300, height: 300 },
      pageMargins: [20, 20, 20, 20],
      content: [{ text: paragraph, fontSize: 12 }],
      defaultStyle: { font: FONT_FAMILY },
      info: { title: 'Absatz', creationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const file = path.join(dataDir, 'paragraph.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const lines = textOf(file).trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/^يرجى إحضار جواز/);
    expect(lines[lines.length - 1]).toMatch(/بكل سرور\.$/);
    // Every line ends at the right margin (300 − 20 pt), the last one too.
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    // Words of one line: their boxes' tops differ by the fonts' ascenders (Roboto, Noto Naskh), by less than a line.
    const rightEdges: Array<{ y: number; x: number }> = [];
    for (const match of html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)"/g)) {
      const y = Number(match[1]);
      const line = rightEdges.find((edge) => Math.abs(edge.y - y) < 8);
      if (line) line.x = Math.max(line.x, Number(match[2]));
      else rightEdges.push({ y, x: Number(match[2]) });
    }
    expect(rightEdges).toHaveLength(lines.length);
    for (const edge of rightEdges) expect(edge.x).toBeCloseTo(280, 0);
  });

  it('mirrors parentheses in right-to-left text and reads them back as written', async () => {
    const file = await lineFile('brackets.pdf', 'محمود (سوريا)');
    // Drawn mirrored at odd embedding levels (bidi-js), each with /ActualText naming the character it stands for.
    expect(textOf(file).trim()).toBe('محمود (سوريا)');
    const words = wordsOf(file);
    expect(words.map((word) => word.text)).toEqual(['(سوريا)', 'محمود']);
    expect(words[0]!.xMax).toBeLessThan(words[1]!.xMin);
  });

  it('prints the mixed line "محمود Mahmoud (Az. KI-2024-7)" as the reference image shows it (small pixel tolerance)', async () => {
    const image = rasterize(await lineFile('mixed-image.pdf', MIXED), 1, DPI);
    fs.writeFileSync(path.join(dataDir, 'mixed-line.png'), encodePng(image));
    if (process.env.UPDATE_REFERENCE === '1') fs.writeFileSync(REFERENCE, encodePng(image));
    const reference = decodePng(fs.readFileSync(REFERENCE));
    expect([image.width, image.height]).toEqual([reference.width, reference.height]);
    let differing = 0;
    for (let index = 0; index < image.pixels.length; index += 1) if (Math.abs(image.pixels[index]! - reference.pixels[index]!) > 64) differing += 1;
    // Antialiasing may differ by a few pixels between poppler builds; a word out of place differs by thousands.
    expect(differing / image.pixels.length).toBeLessThan(0.002);
    // The same words flush right in another order are far from it: the comparison sees order.
    const mirrored = rasterize(await lineFile('reordered.pdf', 'Mahmoud محمود (Az. KI-2024-7)', { alignment: 'right' }), 1, DPI);
    let differingMirrored = 0;
    for (let index = 0; index < mirrored.pixels.length; index += 1)
      if (Math.abs(mirrored.pixels[index]! - reference.pixels[index]!) > 64) differingMirrored += 1;
    expect(differingMirrored / mirrored.pixels.length).toBeGreaterThan(0.02);
  });
});

// A grey PNG, written and read here (no PNG package in the project): 8-bit grey, no interlace, every row filter 0.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(image: Gray): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, grey, deflate, filter method 0, no interlace
  const rows = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) image.pixels.copy(rows, y * (image.width + 1) + 1, y * image.width, (y + 1) * image.width);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function decodePng(file: Buffer): { width: number; height: number; pixels: Buffer } {
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8, 13)]).toEqual([8, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = zlib.inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (width + 1)]).toBe(0);
    rows.copy(pixels, y * width, y * (width + 1) + 1, (y + 1) * (width + 1));
  }
  return { width, height, pixels };
}
