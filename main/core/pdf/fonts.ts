import type * as fontkit from 'fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts every PDF uses, shipped with the app: Roboto (3.014, the files
 * the pdfmake package carries) in four faces, regular, medium as bold,
 * italic and medium italic. Latin incl. Turkish, Polish and Vietnamese,
 * Greek, Cyrillic. Licence: SIL Open Font License 1.1, as the fonts' own name
 * table says (LICENSES/Roboto-OFL-1.1.txt; earlier Roboto releases were
 * Apache 2.0); a test pins it. Never system fonts: a letter must print the
 * same on every desk.
 */
const require = createRequire(__filename);

type Fontkit = typeof fontkit;

/**
 * Parsing a font is most of the cost of a short letter (DESIGN.md §8): pdfkit
 * calls `fontkit.create(bytes)` for every face of every document, and
 * fontkit decodes the tables anew each time. The font bytes are the same
 * Buffers every time (pdfmake's virtual file system hands out what
 * loadFonts wrote), so the parsed font is kept per Buffer and handed out
 * again: its tables and shaping lookups are read once per process.
 *
 * What a parsed font must not carry from one document to the next is its
 * glyph cache: a glyph object keeps the code points of the text it was first
 * made for (or none, when the subsetter made it as part of a composite such
 * as "ü"), and pdfkit writes those into the PDF's ToUnicode map. A glyph made
 * while printing one letter would change what the next letter's text reads
 * as. So `forgetGlyphs` empties the glyph caches before each document (and
 * render.ts renders one document at a time), and these parsed fonts serve
 * pdfkit only: the layouts measure text with faces of their own
 * (`loadFonts().regular`). Then each document's glyphs come from its own
 * text, as with fresh fonts; the cross-process test compares a warm render
 * with a fresh process's bytes.
 *
 * pdfkit takes fontkit by `require('fontkit')` when it is first loaded; the
 * first call of `fontkitForPdfkit` puts the sharing wrapper into Node's module
 * cache before that, so pdfkit (loaded by render.ts only after it, on the
 * first document) gets it. Anything else gets fontkit as is.
 *
 * Nothing here is loaded when the module is: fontkit, pdfmake and pdfkit
 * cost a start about a fifth of a second (DESIGN.md §8), and a start shows
 * no PDF. They load on the first document or font check.
 */
const parsedForPdfkit = new WeakMap<Uint8Array, fontkit.Font>();
const pdfkitFonts = new Set<fontkit.Font>();
let originalFontkit: Fontkit | undefined;

/** fontkit as its package exports it, for parsing fonts Lotse measures with; the wrapper goes into the module cache on the first call. */
function plainFontkit(): Fontkit {
  if (originalFontkit) return originalFontkit;
  const original = require('fontkit') as Fontkit;
  const fontkitModule = require.cache[require.resolve('fontkit')];
  if (fontkitModule && fontkitModule.exports === original) {
    fontkitModule.exports = Object.create(original, { create: { value: sharedCreate, enumerable: true } }) as Fontkit;
  }
  originalFontkit = original;
  return original;
}

/** Must run before pdfkit is first required (render.ts loads pdfmake right after it): afterwards pdfkit's fontkit shares parsed fonts. */
export function fontkitForPdfkit(): void {
  plainFontkit();
}

function sharedCreate(buffer: Uint8Array, postscriptName?: string): ReturnType<Fontkit['create']> {
  const original = plainFontkit();
  if (postscriptName !== undefined) return original.create(buffer as Buffer, postscriptName);
  let font = parsedForPdfkit.get(buffer);
  if (!font) {
    font = original.create(buffer as Buffer) as fontkit.Font;
    parsedForPdfkit.set(buffer, font);
    pdfkitFonts.add(font);
  }
  return font;
}

/** How many parsed fonts pdfkit shares: 0 would mean the wrapper missed pdfkit's fontkit (each document parses again). */
export function sharedFontCount(): number {
  return pdfkitFonts.size;
}

/** Empties the glyph caches of the fonts pdfkit shares (see above); render.ts calls it before each document. */
export function forgetGlyphs(): void {
  for (const font of pdfkitFonts) (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
}

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

export const FONT_FAMILY = 'Roboto';

export interface LoadedFonts {
  /** File name → bytes, for pdfmake's virtual file system. */
  files: Record<string, Buffer>;
  /** pdfmake font descriptor naming those files. */
  descriptors: Record<string, Record<FontStyle, string>>;
  /** The regular face, parsed, for layouts that measure text (address lines must not wrap). */
  regular: fontkit.Font;
  /** The bold face, parsed: the draft mark is drawn from its outlines. */
  bold: fontkit.Font;
  /** True when every style can print this code point. */
  canPrint(codePoint: number): boolean;
}

let loaded: LoadedFonts | undefined;

/** Reads the font files once per process; later documents reuse them. */
export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const files: Record<string, Buffer> = {};
  const faces = {} as Record<FontStyle, fontkit.Font>;
  for (const [style, file] of Object.entries(FILES) as Array<[FontStyle, string]>) {
    const bytes = fs.readFileSync(require.resolve(`pdfmake/fonts/Roboto/${file}`));
    files[file] = bytes;
    faces[style] = plainFontkit().create(bytes) as fontkit.Font;
  }
  loaded = {
    files,
    descriptors: { [FONT_FAMILY]: { ...FILES } },
    regular: faces.normal,
    bold: faces.bold,
    canPrint: (codePoint) => Object.values(faces).every((face) => face.hasGlyphForCodePoint(codePoint)),
  };
  return loaded;
}

/**
 * Scripts written right to left, and the marks that switch direction.
 * pdfmake lays out every line left to right and does no Arabic shaping: such
 * text would print reversed and unjoined even with a font that has the
 * glyphs. Refused with its own message, before the glyph check.
 */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\u200F\u202B\u202E\u2067]/u;

/** The distinct right-to-left characters of `text` (see RIGHT_TO_LEFT). */
export function rightToLeftCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const character of text) if (RIGHT_TO_LEFT.test(character)) found.add(character);
  return [...found];
}

/** Characters that are layout, not glyphs: line breaks and tabs. */
const LAYOUT_CHARACTERS = new Set(['\n', '\r', '\t']);

/** The distinct characters of `text` the shipped fonts cannot print. */
export function unprintableCharacters(text: string): string[] {
  const fonts = loadFonts();
  const missing = new Set<string>();
  for (const character of text) {
    if (LAYOUT_CHARACTERS.has(character)) continue;
    if (!fonts.canPrint(character.codePointAt(0) ?? 0)) missing.add(character);
  }
  return [...missing];
}
