import bidiFactory from 'bidi-js';
import { createRequire } from 'node:module';
import { FONT_FAMILY, scriptRuns } from './fonts';
import { pdfmakeStyleStack, type StyleStack } from './style-lookup';

/**
 * Every client's script on paper (issue 17): two narrow patches of pdfmake
 * 0.3, installed once per process with the style lookups (render.ts), so
 * every layout — letter, form, address block, running header, footer — gets
 * them without caring.
 *
 * 1. Font fallback per run of text. pdfmake measures a text node's words in
 *    `TextInlines.measure` (after its TextBreaker split the text at spaces and
 *    line breaks, before lines are made). Each word the default family
 *    (Roboto) cannot print whole is split there into runs by family
 *    (fonts.ts, scriptRuns), each run given its `font`; the runs of one word
 *    are kept on one line (`noNewLine`, as pdfmake marks a word split by
 *    styles). The fallback family's files go into pdfmake's virtual file
 *    system only then: a Latin document loads none of them.
 *
 * 2. Bidirectional order per the Unicode Bidirectional Algorithm (bidi-js),
 *    per line after line breaking. pdfmake breaks lines on the logical text
 *    and places the words of a line left to right; `ElementWriter.alignLine`
 *    is where a line's words are final, just before the line is aligned and
 *    put on its page. There the line's words are split where the embedding
 *    level changes (and right-to-left ones at spaces, one word per piece),
 *    mirrored characters (parentheses) at odd levels are replaced by their
 *    mirror image, the pieces are reordered (rule L2) and their x positions
 *    recomputed. fontkit shapes a word whole and lays out an Arabic-script
 *    word right to left itself (glyphs in visual order); a piece whose
 *    direction differs from what fontkit would choose for it (European digits
 *    are fine; Arabic-Indic digits, which fontkit would reverse, or neutral
 *    characters at an odd level) is handed over reversed, so its glyphs come
 *    out in visual order too.
 *    A paragraph whose first strong character is right to left (rules P2,
 *    P3) has base direction right to left and is right-aligned, unless its
 *    layout set an alignment.
 *
 * The text extracts in logical order: pdftotext reorders right-to-left
 * words itself (test/pdf/scripts.test.ts reads names back).
 */

const bidi = bidiFactory();

interface Inline {
  text: string;
  width: number;
  x: number;
  font: unknown;
  fontSize: number;
  alignment?: string;
  noNewLine?: boolean;
  lineEnd?: boolean;
  leadingCut?: number;
  trailingCut?: number;
  /** Set here: the paragraph's base direction is right to left. */
  rightToLeftParagraph?: boolean;
  /** Set here: the piece's logical text, where its glyphs would not read as it (see `withActualText`). */
  actualText?: string;
  [key: string]: unknown;
}

interface Line {
  inlines: Inline[];
  leadingCut: number;
  trailingCut: number;
  /** Set here once the line is in visual order. */
  visualOrder?: boolean;
}

interface TextInlinesClass {
  new (pdfDocument: unknown): { widthOfText(text: string, inline: Inline): number };
  prototype: { measure(array: Inline[], styleContextStack: StyleStack): Inline[] };
}

interface ElementWriterClass {
  prototype: { alignLine(line: Line): void };
}

interface PdfDocument {
  text(text: string, ...rest: unknown[]): PdfDocument;
  addContent(content: string): PdfDocument;
  markContent(tag: string, options: { actual: string }): PdfDocument;
  endMarkedContent(): PdfDocument;
}

interface RendererClass {
  prototype: { pdfDocument: PdfDocument; renderLine(line: Line, x: number, y: number): void };
}

type WriteFontFiles = (family: string) => void;

/** Characters that may make a line's order differ from its logical order: right-to-left letters, Arabic-Indic digits, explicit marks. */
const BIDI_RELEVANT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Scripts fontkit lays out right to left (its Script.direction), for the characters here. */
const FONTKIT_RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Splits each word that needs another family than the default into runs, each with its font. */
function splitIntoScriptRuns(array: Inline[], styleContextStack: StyleStack, writeFontFiles: WriteFontFiles): Inline[] {
  let result: Inline[] | undefined;
  array.forEach((item, index) => {
    const runs = scriptRuns(item.text);
    if (runs && StyleContextStack!.getStyleProperty(item, styleContextStack, 'font', FONT_FAMILY) === FONT_FAMILY) {
      result ??= array.slice(0, index);
      runs.forEach((run, runIndex) => {
        if (run.family !== FONT_FAMILY) writeFontFiles(run.family);
        const last = runIndex === runs.length - 1;
        const piece: Inline = { ...item, text: run.text, font: run.family };
        if (!last) {
          piece.noNewLine = true;
          delete piece.lineEnd;
        }
        result!.push(piece);
      });
    } else if (result) result.push(item);
  });
  return result ?? array;
}

/** The words whose layout (or style) set an alignment, asked before pdfmake's measure gives every word one. */
function alignedByLayout(array: Inline[], styleContextStack: StyleStack): Set<Inline> | undefined {
  if (!array.some((inline) => BIDI_RELEVANT.test(inline.text))) return undefined;
  return new Set(array.filter((inline) => StyleContextStack!.getStyleProperty(inline, styleContextStack, 'alignment', null) !== null));
}

/** Marks the words of right-to-left paragraphs (split at line ends) and right-aligns them where no alignment was set. */
function markParagraphDirections(array: Inline[], aligned: Set<Inline>): void {
  let start = 0;
  for (let index = 0; index < array.length; index += 1) {
    if (!array[index]!.lineEnd && index < array.length - 1) continue;
    const paragraph = array.slice(start, index + 1);
    start = index + 1;
    const text = paragraph.map((inline) => inline.text).join('');
    if (!BIDI_RELEVANT.test(text) || bidi.getEmbeddingLevels(text).paragraphs[0]?.level !== 1) continue;
    for (const inline of paragraph) {
      inline.rightToLeftParagraph = true;
      if (!aligned.has(inline)) inline.alignment = 'right';
    }
  }
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

/** Whether fontkit would lay `text` out right to left: its first character of a script decides. */
function fontkitRightToLeft(text: string): boolean {
  for (const character of text) if (!SHARED.test(character)) return FONTKIT_RIGHT_TO_LEFT.test(character);
  return false;
}

/** Puts a line's words into visual order (see above); a line without right-to-left text stays as pdfmake made it. */
export function toVisualOrder(line: Line, widthOfText: (text: string, inline: Inline) => number): void {
  if (line.visualOrder || line.inlines.length === 0) return;
  line.visualOrder = true;
  const rightToLeft = line.inlines[0]!.rightToLeftParagraph === true;
  const text = line.inlines.map((inline) => inline.text).join('');
  if (!rightToLeft && !BIDI_RELEVANT.test(text)) return;
  const embedding = bidi.getEmbeddingLevels(text, rightToLeft ? 'rtl' : 'ltr');
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(text, levels);

  const pieces: Array<{ inline: Inline; level: number }> = [];
  let offset = 0;
  for (const inline of line.inlines) {
    const end = offset + inline.text.length;
    const cuts = [offset];
    for (let index = offset + 1; index < end; index += 1) {
      // A mirrored character is a piece of its own, read as the character it stands for (withActualText).
      const levelChanges = levels[index] !== levels[index - 1] || mirrored.has(index) || mirrored.has(index - 1);
      // A right-to-left piece holds one word: pdfkit joins a text's words in logical order.
      const wordStarts = levels[index]! % 2 === 1 && text[index - 1] === ' ' && text[index] !== ' ';
      // Never inside a surrogate pair.
      if ((levelChanges || wordStarts) && !(text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff)) cuts.push(index);
    }
    cuts.push(end);
    for (let cut = 0; cut < cuts.length - 1; cut += 1) {
      const from = cuts[cut]!;
      const to = cuts[cut + 1]!;
      const level = levels[from]!;
      const logical = text.slice(from, to);
      let pieceText = '';
      for (let index = from; index < to; index += 1) pieceText += mirrored.get(index) ?? text[index];
      if (fontkitRightToLeft(pieceText) !== (level % 2 === 1)) pieceText = reversed(pieceText);
      const whole = cuts.length === 2 && pieceText === inline.text;
      const piece: Inline = whole ? inline : { ...inline, text: pieceText };
      if (!whole) piece.width = widthOfText(pieceText, piece);
      if (mirrored.has(from)) piece.actualText = logical;
      pieces.push({ inline: piece, level });
    }
    offset = end;
  }

  // L2: from the highest level to the lowest odd one, reverse every run of pieces at that level or higher.
  const highest = Math.max(...pieces.map((piece) => piece.level));
  const lowestOdd = Math.min(...pieces.map((piece) => (piece.level % 2 === 1 ? piece.level : piece.level + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let index = 0; index < pieces.length; index += 1) {
      if (pieces[index]!.level < level) continue;
      let end = index;
      while (end + 1 < pieces.length && pieces[end + 1]!.level >= level) end += 1;
      const run = pieces.slice(index, end + 1).reverse();
      pieces.splice(index, run.length, ...run);
      index = end;
    }
  }

  // The cut whitespace lies at the line's start side: the logical end of a right-to-left line is at its left.
  let x = -(rightToLeft ? line.trailingCut : line.leadingCut);
  line.inlines = pieces.map(({ inline }) => {
    inline.x = x;
    x += inline.width;
    return inline;
  });
}

/**
 * The text a piece reads as, where its glyphs would not say it: a mirrored
 * parenthesis, a piece handed to fontkit reversed, and every Arabic-script
 * word (Noto Naskh draws several letters from one glyph plus dots — the
 * medial ح of خ and of ح, the beh shape of پ — and a PDF's ToUnicode map can
 * name only one character per glyph; pdftotext read "خ" as "ح" without it).
 * pdfmake's Renderer draws each piece of a line with one `text` call, in
 * order; for that line `text` wraps the pieces that need it in a marked
 * content span with /ActualText, which text extraction and screen readers
 * read instead of the glyphs.
 */
function withActualText(doc: PdfDocument, inlines: Inline[], render: () => void): void {
  const text = doc.text;
  let next = 0;
  doc.text = function textWithActualText(this: PdfDocument, ...args: [string, ...unknown[]]) {
    const actual = inlines[next]?.actualText;
    next += 1;
    if (actual === undefined) return text.apply(this, args);
    // Inside the text object (BT … ET), where the glyphs' positions are: poppler places the span's text where its first glyph is, in the span's coordinates.
    const addContent = this.addContent;
    this.addContent = function addContentInSpan(this: PdfDocument, content: string) {
      if (content === 'ET') {
        delete (this as Partial<PdfDocument>).addContent;
        this.endMarkedContent();
        return this.addContent(content);
      }
      addContent.call(this, content);
      if (content === 'BT') this.markContent('Span', { actual });
      return this;
    };
    try {
      return text.apply(this, args);
    } finally {
      delete (this as Partial<PdfDocument>).addContent;
    }
  };
  try {
    render();
  } finally {
    delete (doc as Partial<PdfDocument>).text;
  }
}

let installed = false;
/** pdfmake's style stack class, taken once at install (a require per text node would cost a letter milliseconds). */
let StyleContextStack: ReturnType<typeof pdfmakeStyleStack> | undefined;

/** Installs both patches (see above), once per process; `writeFontFiles` puts a fallback family's files into pdfmake's virtual file system. */
export function installScriptLayout(writeFontFiles: WriteFontFiles): void {
  if (installed) return;
  StyleContextStack = pdfmakeStyleStack();
  const load = createRequire(__filename);
  const TextInlines = (load('pdfmake/js/TextInlines') as { default: TextInlinesClass }).default;
  const ElementWriter = (load('pdfmake/js/ElementWriter') as { default: ElementWriterClass }).default;
  const measure = TextInlines.prototype.measure;
  TextInlines.prototype.measure = function measureByScript(array, styleContextStack) {
    const runs = splitIntoScriptRuns(array, styleContextStack, writeFontFiles);
    const aligned = alignedByLayout(runs, styleContextStack);
    const measured = measure.call(this, runs, styleContextStack);
    if (aligned) markParagraphDirections(measured, aligned);
    return measured;
  };
  const measurer = new TextInlines(null);
  const widthOfText = (text: string, inline: Inline) => measurer.widthOfText(text, inline);
  const alignLine = ElementWriter.prototype.alignLine;
  ElementWriter.prototype.alignLine = function alignVisualLine(line) {
    toVisualOrder(line, widthOfText);
    alignLine.call(this, line);
  };
  const Renderer = (load('pdfmake/js/Renderer') as { default: RendererClass }).default;
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function renderLineWithActualText(line, x, y) {
    if (!line.inlines.some((inline) => inline.actualText !== undefined)) return renderLine.call(this, line, x, y);
    withActualText(this.pdfDocument, line.inlines, () => renderLine.call(this, line, x, y));
  };
  installed = true;
}
