import type * as fontkit from 'fontkit';

/**
 * The font subsets pdfkit embeds, written straight from the font file's bytes.
 *
 * fontkit's TrueType subsetter decodes every glyph's outline (only to find
 * the parts of composite glyphs such as "ü"), reads the metrics through
 * glyph objects and encodes the result field by field, the 4 KB of hinting
 * programs one byte at a time: a few milliseconds per face and document,
 * about a quarter of a short letter's CPU time (issue 16). The subset itself
 * is simple: the glyphs' bytes in subset order, their offsets (loca) and
 * metrics (hmtx), and the font's other tables as they are, with two counts
 * set. This writes exactly the bytes fontkit writes — the tables fontkit
 * leaves unchanged are taken once per font from a subset fontkit made — so
 * a PDF is byte-identical with or without it (test/pdf/font-subset.test.ts
 * compares both for many glyph sets; a reprint of an older final document
 * gives its recorded bytes).
 *
 * Only for static TrueType fonts (the shipped ones); any other font keeps
 * fontkit's subsetter.
 */

/** What this needs of fontkit's TTFSubset (see node_modules/fontkit, class TTFSubset). */
interface TrueTypeSubset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

interface FontInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { version: number; offsets: number[] };
  hhea: { numberOfMetrics: number };
  stream: { buffer: Uint8Array };
}

/** The tables of a subset in the order fontkit writes them (its TTFSubset.encode). */
const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
type Tag = (typeof TABLE_ORDER)[number];

const DIRECTORY_HEADER = 12;
const DIRECTORY_ENTRY = 16;
/** Where the counts sit that a subset changes (OpenType spec, hhea and maxp). */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

// Composite glyph flags (OpenType spec, glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables of an encoded font file, by tag (a subset fontkit wrote). */
function tablesOf(file: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let index = 0; index < count; index += 1) {
    const entry = DIRECTORY_HEADER + index * DIRECTORY_ENTRY;
    const tag = String.fromCharCode(file[entry]!, file[entry + 1]!, file[entry + 2]!, file[entry + 3]!);
    const offset = view.getUint32(entry + 8);
    tables.set(tag, file.subarray(offset, offset + view.getUint32(entry + 12)));
  }
  return tables;
}

/**
 * Installs the direct subsetter on `font` (its `createSubset`), when the font
 * is a static TrueType font; returns whether it did. `realGlyphId` maps the
 * ids the subset was given to the font's glyphs (by default, the same).
 */
export function subsetFromFileBytes(font: fontkit.Font, realGlyphId: (id: number) => number = (id) => id): boolean {
  const internals = font as unknown as FontInternals;
  const tables = internals.directory.tables;
  if (!tables.glyf || !tables.loca || !tables.hmtx || tables.fvar || tables.CFF || tables['CFF ']) return false;
  const createSubset = font.createSubset.bind(font) as unknown as () => TrueTypeSubset;

  // The tables a subset does not change, as fontkit encodes them: from a subset of the missing glyph alone.
  const template = tablesOf(createSubset().encode());
  const present = TABLE_ORDER.filter((tag) => template.has(tag));
  const file = internals.stream.buffer;
  const glyf = tables.glyf.offset;
  const hmtx = tables.hmtx.offset;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { offsets, version: locaVersion } = internals.loca;
  const numberOfMetrics = internals.hhea.numberOfMetrics;
  const lastAdvance = view.getUint16(hmtx + (numberOfMetrics - 1) * 4);

  function encode(subset: TrueTypeSubset): Uint8Array {
    const glyphs: Uint8Array[] = [];
    const metrics: number[] = [];
    const loca: number[] = [];
    let glyfLength = 0;
    // The list grows while it is read: a composite glyph brings its parts.
    for (let index = 0; index < subset.glyphs.length; index += 1) {
      // A glyph id past the font's own stands for one of its glyphs drawn for other characters (fonts.ts, distinct glyphs).
      const id = realGlyphId(subset.glyphs[index]!);
      let bytes = file.subarray(glyf + offsets[id]!, glyf + offsets[id + 1]!);
      if (bytes.length > 0 && view.getInt16(glyf + offsets[id]!) < 0) {
        bytes = Uint8Array.from(bytes);
        renumberComponents(bytes, subset);
      }
      glyphs.push(bytes);
      loca.push(glyfLength);
      glyfLength += bytes.length;
      if (id < numberOfMetrics) metrics.push(view.getUint16(hmtx + id * 4), view.getInt16(hmtx + id * 4 + 2));
      else metrics.push(lastAdvance, view.getInt16(hmtx + numberOfMetrics * 4 + (id - numberOfMetrics) * 2));
    }
    loca.push(glyfLength);

    const count = subset.glyphs.length;
    const body = new Map<Tag, Uint8Array>();
    for (const tag of present) body.set(tag, template.get(tag)!);
    const hhea = Uint8Array.from(template.get('hhea')!);
    new DataView(hhea.buffer).setUint16(HHEA_NUMBER_OF_METRICS, count);
    body.set('hhea', hhea);
    const maxp = Uint8Array.from(template.get('maxp')!);
    new DataView(maxp.buffer).setUint16(MAXP_NUM_GLYPHS, count);
    body.set('maxp', maxp);
    body.set('loca', encodeLoca(loca, locaVersion));
    body.set('glyf', concat(glyphs, glyfLength));
    const hmtxBytes = new Uint8Array(count * 4);
    const hmtxView = new DataView(hmtxBytes.buffer);
    for (let index = 0; index < count; index += 1) {
      hmtxView.setUint16(index * 4, metrics[index * 2]!);
      hmtxView.setInt16(index * 4 + 2, metrics[index * 2 + 1]!);
    }
    body.set('hmtx', hmtxBytes);
    return writeFontFile(present.map((tag) => [tag, body.get(tag)!]));
  }

  (font as unknown as { createSubset: () => TrueTypeSubset }).createSubset = () => {
    const subset = createSubset();
    subset.encode = () => encode(subset);
    return subset;
  };
  return true;
}

/** Points the parts of a composite glyph (a copy of its bytes) at their places in the subset, adding them to it. */
function renumberComponents(bytes: Uint8Array, subset: TrueTypeSubset): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = 10; // the glyph header: numberOfContours and the bounding box
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(position);
    view.setUint16(position + 2, subset.includeGlyph(view.getUint16(position + 2)));
    position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) position += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
  }
}

/** loca as fontkit encodes it: short offsets (halved) or long ones, as in the font. */
function encodeLoca(offsets: number[], version: number): Uint8Array {
  const width = version === 0 ? 2 : 4;
  const bytes = new Uint8Array(offsets.length * width);
  const view = new DataView(bytes.buffer);
  offsets.forEach((offset, index) => (version === 0 ? view.setUint16(index * 2, offset >>> 1) : view.setUint32(index * 4, offset)));
  return bytes;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * The font file as fontkit's Directory writes it: tag "true", the search
 * fields, one entry per table with a zero checksum, then the tables one
 * after another without padding.
 */
function writeFontFile(tables: Array<[string, Uint8Array]>): Uint8Array {
  const headerLength = DIRECTORY_HEADER + tables.length * DIRECTORY_ENTRY;
  const file = new Uint8Array(headerLength + tables.reduce((sum, [, bytes]) => sum + bytes.length, 0));
  const view = new DataView(file.buffer);
  const powerOf2 = 2 ** Math.floor(Math.log2(tables.length));
  file.set([0x74, 0x72, 0x75, 0x65]); // "true"
  view.setUint16(4, tables.length);
  view.setUint16(6, powerOf2 * 16);
  view.setUint16(8, Math.log2(powerOf2));
  view.setUint16(10, tables.length * 16 - powerOf2 * 16);
  let offset = headerLength;
  tables.forEach(([tag, bytes], index) => {
    const entry = DIRECTORY_HEADER + index * DIRECTORY_ENTRY;
    for (let character = 0; character < 4; character += 1) file[entry + character] = tag.charCodeAt(character);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bytes.length);
    file.set(bytes, offset);
    offset += bytes.length;
  });
  return file;
}
