import type * as fontkit from 'fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { subsetFromFileBytes } from './font-subset';

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
 * made for (or none, when fontkit's own subsetter made it as part of a
 * composite such as "ü"; font-subset.ts makes none), and pdfkit writes those
 * into the PDF's ToUnicode map. A glyph made
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
    shapeOnce(font);
    subsetFromFileBytes(font);
    parsedForPdfkit.set(buffer, font);
    pdfkitFonts.add(font);
  }
  return font;
}

/**
 * Shaping (fontkit's `layout`: cmap lookups, GSUB and GPOS) is the largest
 * part of a letter's CPU time, and letters repeat their words: the
 * letterhead, the greeting, the template's text, the same names across a
 * batch. pdfkit keeps shaped words per document only, so each word is
 * shaped here once per process and handed out again.
 *
 * A shaped run is glyph ids and positions, which depend on the text alone,
 * and glyph objects, which do not: fontkit hands out one glyph object per id
 * and document (forgetGlyphs), carrying the code points it was first made
 * for, and pdfkit writes those into the ToUnicode map. So a cached run keeps
 * the glyph requests the shaping made (id, the code points given, the code
 * points the glyph then had) and replays them into the document's glyph
 * cache; the run's glyphs are that document's own objects. Where the
 * document's glyphs would have shown shaping other code points than when the
 * run was cached (a glyph shared by two characters, such as the space and the
 * no-break space, met in another order), the word is shaped anew. Either
 * way the document's glyph cache ends as it would without this cache, and
 * the bytes are those of a fresh process (test/pdf/pdfa.test.ts).
 */
interface GlyphRequest {
  id: number;
  given: number[];
  seen: number[];
}

interface ShapedWord {
  /** The first request per glyph id, in order: later ones for the same id find that glyph. */
  requests: GlyphRequest[];
  glyphIds: number[];
  /** xAdvance, yAdvance, xOffset, yOffset per glyph, in font units (pdfkit scales its copy). */
  positions: Float64Array;
}

/** A replayed run: what pdfkit reads of fontkit's GlyphRun. */
class ReplayedRun {
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>,
  ) {}

  /** As fontkit's GlyphRun: the sum of the advances, read after pdfkit scaled them. */
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Enough for every word of a long batch; past it a cache here starts over rather than grow without bound. */
const MAX_KEPT = 50_000;

type GlyphCache = Record<number, fontkit.Glyph | undefined>;
type GetGlyph = (id: number, codePoints?: number[]) => fontkit.Glyph;

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function shapeOnce(font: fontkit.Font): void {
  const shape = font.layout.bind(font);
  const glyphsOf = () => (font as unknown as { _glyphs: GlyphCache })._glyphs;
  const words = new Map<string, ShapedWord>();

  const shapeAndKeep = (text: string): fontkit.GlyphRun => {
    const requests = new Map<number, GlyphRequest>();
    const getGlyph = font.getGlyph as GetGlyph;
    const recording: GetGlyph = function recordingGetGlyph(this: fontkit.Font, id, given = []) {
      const glyph = getGlyph.call(this, id, given);
      if (!requests.has(id)) requests.set(id, { id, given, seen: glyph.codePoints });
      return glyph;
    };
    (font as { getGlyph: GetGlyph }).getGlyph = recording;
    let run: fontkit.GlyphRun;
    try {
      run = shape(text);
    } finally {
      delete (font as { getGlyph?: GetGlyph }).getGlyph;
    }
    const positions = new Float64Array(run.positions.length * 4);
    run.positions.forEach((position, index) => positions.set([position.xAdvance, position.yAdvance, position.xOffset, position.yOffset], index * 4));
    if (words.size >= MAX_KEPT) words.clear();
    words.set(text, { requests: [...requests.values()], glyphIds: run.glyphs.map((glyph) => glyph.id), positions });
    return run;
  };

  const replay = (word: ShapedWord): ReplayedRun | undefined => {
    const glyphs = glyphsOf();
    for (const request of word.requests) {
      const glyph = glyphs[request.id];
      if (!sameCodePoints(glyph ? glyph.codePoints : request.given, request.seen)) return undefined;
    }
    for (const request of word.requests) font.getGlyph(request.id, request.given);
    const { positions } = word;
    return new ReplayedRun(
      word.glyphIds.map((id) => font.getGlyph(id)),
      word.glyphIds.map((_, index) => ({
        xAdvance: positions[index * 4]!,
        yAdvance: positions[index * 4 + 1]!,
        xOffset: positions[index * 4 + 2]!,
        yOffset: positions[index * 4 + 3]!,
      })),
    );
  };

  (font as { layout: unknown }).layout = function layoutOnce(text: string | fontkit.Glyph[], ...options: unknown[]) {
    // pdfkit asks with the text and no features; anything else is shaped as fontkit does.
    if (typeof text !== 'string' || options.some((option) => option !== undefined)) return shape(text as string, ...(options as []));
    const word = words.get(text);
    return (word && replay(word)) ?? shapeAndKeep(text);
  };
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
  /** The advance of `text` shaped in the regular face, in its font units; kept per text, as letters measure the same lines again. */
  regularAdvance(text: string): number;
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
  const advances = new Map<string, number>();
  const printable = new Map<number, boolean>();
  loaded = {
    files,
    descriptors: { [FONT_FAMILY]: { ...FILES } },
    regular: faces.normal,
    bold: faces.bold,
    regularAdvance(text) {
      let advance = advances.get(text);
      if (advance === undefined) {
        advance = faces.normal.layout(text).advanceWidth;
        if (advances.size >= MAX_KEPT) advances.clear();
        advances.set(text, advance);
      }
      return advance;
    },
    // Every character of every document is checked: the answer per code point is kept (at most the fonts' repertoire and what was refused).
    canPrint(codePoint) {
      let answer = printable.get(codePoint);
      if (answer === undefined) {
        answer = Object.values(faces).every((face) => face.hasGlyphForCodePoint(codePoint));
        if (printable.size >= MAX_KEPT) printable.clear();
        printable.set(codePoint, answer);
      }
      return answer;
    },
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
