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
 * same on every desk. What Roboto lacks comes from the Noto fallback families
 * (FALLBACK_FAMILIES: Arabic script, Ethiopic, Georgian, Armenian), chosen
 * per run of text (scriptRuns, script-layout.ts) and loaded only when a
 * document needs them.
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
    const distinct = fallbackBuffers.has(buffer) ? distinctGlyphsOf(font) : undefined;
    shapeOnce(font, distinct);
    subsetFromFileBytes(font, distinct?.realGlyphId);
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

/**
 * Distinct glyphs for the fallback families (issue 17). Noto Naskh Arabic
 * draws many letters from one glyph plus marks: the medial ح of "محمود" is
 * also the medial خ (with a dot glyph above), the dotless beh shape serves
 * ب ت ث ن ی پ. A PDF's ToUnicode map names one text per glyph, so a
 * document with "محمود" and "خ" read "ح" for both (pdftotext). Here a glyph
 * drawn for other characters than the ones its id already stands for in this
 * document is handed to pdfkit under an id of its own past the font's glyph
 * count (the same outline, once more in the subset), with its own
 * characters; the subsetter (font-subset.ts) maps the id back. The ids are
 * numbered per document in the order met, so a warm process writes the bytes
 * of a fresh one. Roboto never gets them: its documents keep their bytes.
 */
interface DistinctGlyphs {
  realGlyphId(id: number): number;
  /** The run's glyphs, with those for other characters swapped for distinct ones. */
  apply(glyphs: fontkit.Glyph[], codePoints: ReadonlyArray<readonly number[] | undefined>): void;
  forget(): void;
}

interface VirtualGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

const fallbackBuffers = new WeakSet<Uint8Array>();
const distinctGlyphSets = new Set<DistinctGlyphs>();

function distinctGlyphsOf(font: fontkit.Font): DistinctGlyphs {
  let byKey = new Map<string, VirtualGlyph>();
  let realOf = new Map<number, number>();
  const distinct: DistinctGlyphs = {
    realGlyphId: (id) => realOf.get(id) ?? id,
    apply(glyphs, codePoints) {
      glyphs.forEach((glyph, index) => {
        const wanted = codePoints[index];
        if (!wanted || sameCodePoints(glyph.codePoints, wanted)) return;
        const key = `${glyph.id}:${wanted.join(',')}`;
        let virtual = byKey.get(key);
        if (!virtual) {
          virtual = { id: font.numGlyphs + byKey.size, codePoints: [...wanted], advanceWidth: glyph.advanceWidth };
          byKey.set(key, virtual);
          realOf.set(virtual.id, glyph.id);
        }
        glyphs[index] = virtual as unknown as fontkit.Glyph;
      });
    },
    forget() {
      byKey = new Map();
      realOf = new Map();
    },
  };
  distinctGlyphSets.add(distinct);
  return distinct;
}

interface ShapedWord {
  /** The first request per glyph id, in order: later ones for the same id find that glyph. */
  requests: GlyphRequest[];
  glyphIds: number[];
  /** xAdvance, yAdvance, xOffset, yOffset per glyph, in font units (pdfkit scales its copy). */
  positions: Float64Array;
  /** Per glyph, the characters it was drawn for (fallback families only; see DistinctGlyphs). */
  codePoints?: Array<number[] | undefined>;
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

/**
 * The characters each glyph of `run` was drawn for: fontkit makes the run's
 * glyphs last, one `getGlyph(id, characters)` per glyph in logical order
 * (its OTLayoutEngine.substitute), reversed afterwards for a right-to-left
 * script. Undefined when no calls match the run.
 */
function drawnFor(run: fontkit.GlyphRun, calls: GlyphRequest[]): Array<number[] | undefined> | undefined {
  const count = run.glyphs.length;
  const rightToLeft = (run as unknown as { direction?: string }).direction === 'rtl';
  const logical = run.glyphs.map((glyph) => glyph.id);
  if (rightToLeft) logical.reverse();
  // The last calls that give the run's glyphs. After them fontkit may swap a default ignorable (the zero-width
  // non-joiner) for the space glyph with a call of its own: such a glyph keeps its characters.
  for (let end = calls.length; end >= count; end -= 1) {
    const after = new Set(calls.slice(end).map((call) => call.id));
    const window = calls.slice(end - count, end);
    if (window.every((call, index) => call.id === logical[index] || after.has(logical[index]!))) {
      const drawn = window.map((call, index) => (call.id === logical[index] ? [...call.given] : undefined));
      return rightToLeft ? drawn.reverse() : drawn;
    }
  }
  return undefined;
}

function shapeOnce(font: fontkit.Font, distinct?: DistinctGlyphs): void {
  const shape = font.layout.bind(font);
  const glyphsOf = () => (font as unknown as { _glyphs: GlyphCache })._glyphs;
  const words = new Map<string, ShapedWord>();

  const shapeAndKeep = (text: string): fontkit.GlyphRun => {
    const requests = new Map<number, GlyphRequest>();
    const calls: GlyphRequest[] = [];
    const getGlyph = font.getGlyph as GetGlyph;
    const recording: GetGlyph = function recordingGetGlyph(this: fontkit.Font, id, given = []) {
      const glyph = getGlyph.call(this, id, given);
      if (!requests.has(id)) requests.set(id, { id, given, seen: glyph.codePoints });
      if (distinct) calls.push({ id, given, seen: glyph.codePoints });
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
    const codePoints = distinct ? drawnFor(run, calls) : undefined;
    if (words.size >= MAX_KEPT) words.clear();
    words.set(text, { requests: [...requests.values()], glyphIds: run.glyphs.map((glyph) => glyph.id), positions, codePoints });
    if (codePoints) distinct!.apply(run.glyphs, codePoints);
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
    const runGlyphs = word.glyphIds.map((id) => font.getGlyph(id));
    if (word.codePoints) distinct!.apply(runGlyphs, word.codePoints);
    return new ReplayedRun(
      runGlyphs,
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
  for (const distinct of distinctGlyphSets) distinct.forget();
}

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

export const FONT_FAMILY = 'Roboto';

/**
 * The fallback families, by script: what Roboto lacks and people counselled
 * in Düren write (issue 17). Noto, SIL Open Font License 1.1 (LICENSES/),
 * static TrueType files from the @expo-google-fonts packages. Regular for
 * normal and italics (none has an italic), Medium for bold, matching
 * Roboto Medium, Lotse's bold. pdfkit embeds a file used for two styles once.
 *
 * Loaded only when a document (or a print check) meets a character of its
 * script: a Latin letter reads and parses none of them.
 */
interface FallbackFamily {
  name: string;
  /** The characters it is chosen for (by Script_Extensions, so the Arabic comma counts as Arabic). */
  script: RegExp;
  directory: string;
  stem: string;
}

export const FALLBACK_FAMILIES: readonly FallbackFamily[] = [
  { name: 'NotoNaskhArabic', script: /\p{scx=Arabic}/u, directory: 'noto-naskh-arabic', stem: 'NotoNaskhArabic' },
  { name: 'NotoSansEthiopic', script: /\p{scx=Ethiopic}/u, directory: 'noto-sans-ethiopic', stem: 'NotoSansEthiopic' },
  { name: 'NotoSansGeorgian', script: /\p{scx=Georgian}/u, directory: 'noto-sans-georgian', stem: 'NotoSansGeorgian' },
  { name: 'NotoSansArmenian', script: /\p{scx=Armenian}/u, directory: 'noto-sans-armenian', stem: 'NotoSansArmenian' },
];

function fallbackFiles(family: FallbackFamily): Record<FontStyle, string> {
  const regular = `${family.stem}_400Regular.ttf`;
  const medium = `${family.stem}_500Medium.ttf`;
  return { normal: regular, italics: regular, bold: medium, bolditalics: medium };
}

function fallbackPath(family: FallbackFamily, file: string): string {
  return require.resolve(`@expo-google-fonts/${family.directory}/${file.slice(family.stem.length + 1, -'.ttf'.length)}/${file}`);
}

/** A family's faces, parsed, and its files' bytes. */
export interface LoadedFamily {
  name: string;
  files: Record<string, Buffer>;
  regular: fontkit.Font;
  /** True when every style of the family has a glyph for the code point. */
  covers(codePoint: number): boolean;
}

export interface LoadedFonts {
  /** File name → bytes, for pdfmake's virtual file system: Roboto's; a fallback family's come with `family`. */
  files: Record<string, Buffer>;
  /** pdfmake font descriptor naming the files of every family (Roboto's and the fallbacks'). */
  descriptors: Record<string, Record<FontStyle, string>>;
  /** The regular face, parsed, for layouts that measure text (address lines must not wrap). */
  regular: fontkit.Font;
  /** The advance of `text` shaped in the regular face, in its font units; kept per text, as letters measure the same lines again. */
  regularAdvance(text: string): number;
  /** The bold face, parsed: the draft mark is drawn from its outlines. */
  bold: fontkit.Font;
  /** True when every style of some shipped family can print this code point (Roboto, else the fallback for its script). */
  canPrint(codePoint: number): boolean;
  /** True when every style of Roboto can print this code point. */
  robotoCovers(codePoint: number): boolean;
  /** The fallback family that prints a code point Roboto lacks, loading it on first use; undefined when none does. */
  fallbackFor(codePoint: number): LoadedFamily | undefined;
  /** A fallback family by name, loading it on first use. */
  family(name: string): LoadedFamily;
}

let loaded: LoadedFonts | undefined;

/** Keeps a yes/no answer per code point (at most the fonts' repertoire and what was refused). */
function memo(answer: (codePoint: number) => boolean): (codePoint: number) => boolean {
  const kept = new Map<number, boolean>();
  return (codePoint) => {
    let known = kept.get(codePoint);
    if (known === undefined) {
      known = answer(codePoint);
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(codePoint, known);
    }
    return known;
  };
}

const families = new Map<string, LoadedFamily>();

function loadFamily(family: FallbackFamily): LoadedFamily {
  let done = families.get(family.name);
  if (done) return done;
  const files: Record<string, Buffer> = {};
  const faces: fontkit.Font[] = [];
  for (const file of new Set(Object.values(fallbackFiles(family)))) {
    const bytes = fs.readFileSync(fallbackPath(family, file));
    fallbackBuffers.add(bytes);
    files[file] = bytes;
    faces.push(plainFontkit().create(bytes) as fontkit.Font);
  }
  done = { name: family.name, files, regular: faces[0]!, covers: memo((codePoint) => faces.every((face) => face.hasGlyphForCodePoint(codePoint))) };
  families.set(family.name, done);
  return done;
}

/** The fallback families read so far in this process (a Latin letter reads none: test/pdf/lazy-pdf-stack.test.ts). */
export function loadedFallbackFamilies(): string[] {
  return [...families.keys()];
}

/** Characters of no script of their own (spaces, digits, punctuation, joiners, combining marks): any family may print them. */
const SHARED_CHARACTER = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Reads the font files once per process; later documents reuse them. Fallback families load when first needed. */
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
  const robotoCovers = memo((codePoint) => Object.values(faces).every((face) => face.hasGlyphForCodePoint(codePoint)));
  const fallbacks = new Map<number, LoadedFamily | null>();
  const fallbackFor = (codePoint: number): LoadedFamily | undefined => {
    let found = fallbacks.get(codePoint);
    if (found === undefined) {
      const character = String.fromCodePoint(codePoint);
      const byScript = FALLBACK_FAMILIES.filter((family) => family.script.test(character));
      // A shared character Roboto lacks (the zero-width non-joiner of Persian) may be in any family; one of another script is in its own only.
      const candidates = byScript.length > 0 ? byScript : SHARED_CHARACTER.test(character) ? FALLBACK_FAMILIES : [];
      found = candidates.map(loadFamily).find((family) => family.covers(codePoint)) ?? null;
      if (fallbacks.size >= MAX_KEPT) fallbacks.clear();
      fallbacks.set(codePoint, found);
    }
    return found ?? undefined;
  };
  const descriptors: LoadedFonts['descriptors'] = { [FONT_FAMILY]: { ...FILES } };
  for (const family of FALLBACK_FAMILIES) descriptors[family.name] = fallbackFiles(family);
  loaded = {
    files,
    descriptors,
    regular: faces.normal,
    bold: faces.bold,
    regularAdvance(text) {
      let advance = advances.get(text);
      if (advance === undefined) {
        const runs = scriptRuns(text);
        advance = runs
          ? runs.reduce((sum, run) => {
              const face = run.family === FONT_FAMILY ? faces.normal : loadFonts().family(run.family).regular;
              return sum + (face.layout(run.text).advanceWidth * faces.normal.unitsPerEm) / face.unitsPerEm;
            }, 0)
          : faces.normal.layout(text).advanceWidth;
        if (advances.size >= MAX_KEPT) advances.clear();
        advances.set(text, advance);
      }
      return advance;
    },
    // Every character of every document is checked: the answers per code point are kept.
    canPrint: (codePoint) => robotoCovers(codePoint) || fallbackFor(codePoint) !== undefined,
    robotoCovers,
    fallbackFor,
    family(name) {
      const family = FALLBACK_FAMILIES.find((candidate) => candidate.name === name);
      if (!family) throw new Error(`Unbekannte Schriftfamilie ${name}`);
      return loadFamily(family);
    },
  };
  return loaded;
}

/** Text Roboto prints whole (Latin, Greek, Cyrillic, Vietnamese, general punctuation without the invisible marks): no run of another family. */
const ROBOTO_ONLY = /^[\u0000-\u052F\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E\u20A0-\u20CF\u2100-\u214F]*$/;

export interface ScriptRun {
  /** A family of LoadedFonts.descriptors. */
  family: string;
  text: string;
}

/**
 * `text` split into runs by the family that prints it (font fallback,
 * issue 17): a character of a script goes to Roboto when Roboto has it, else
 * to the fallback family of its script. Shared characters (spaces, digits,
 * punctuation, joiners, combining marks) stay in the run they are in, where
 * its family has them, so "محمود 12" is one Arabic run and a combining mark
 * stays with its letter. Null when the text is Roboto's alone (the common
 * case, decided without looking at each character).
 */
export function scriptRuns(text: string): ScriptRun[] | null {
  if (ROBOTO_ONLY.test(text)) return null;
  const fonts = loadFonts();
  const strongFamily = (codePoint: number) => (fonts.robotoCovers(codePoint) ? FONT_FAMILY : (fonts.fallbackFor(codePoint)?.name ?? FONT_FAMILY));
  const has = (family: string, codePoint: number) => (family === FONT_FAMILY ? fonts.robotoCovers(codePoint) : fonts.family(family).covers(codePoint));
  let current = FONT_FAMILY;
  for (const character of text) {
    if (!SHARED_CHARACTER.test(character)) {
      current = strongFamily(character.codePointAt(0)!);
      break;
    }
  }
  const runs: ScriptRun[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const family = SHARED_CHARACTER.test(character) && has(current, codePoint) ? current : strongFamily(codePoint);
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += character;
    else runs.push({ family, text: character });
    current = family;
  }
  if (runs.length === 1 && runs[0]!.family === FONT_FAMILY) return null;
  return runs;
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
