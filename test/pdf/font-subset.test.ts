import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { subsetFromFileBytes } from '../../main/core/pdf/font-subset';
import { FALLBACK_FAMILIES, loadFonts } from '../../main/core/pdf/fonts';

/**
 * main/core/pdf/font-subset.ts writes pdfkit's font subsets itself, claiming
 * fontkit's exact bytes: compared here with fontkit's own subsetter for the
 * glyph sets letters bring (Latin with composite glyphs such as "ü" and
 * stacked Vietnamese marks, Cyrillic, Greek, digits, signs), in the order of
 * the text, for every shipped face (Roboto's and the Noto fallbacks'). The
 * distinct glyph ids of the fallbacks (fonts.ts) map back to the font's own.
 */
const TEXTS = [
  '',
  'a',
  'Sehr geehrte Frau Müller, Ihr Antrag vom 3. März 2025 – § 45a SGB III.',
  'Ayşe Yılmaz, Łukasz Wójcik, Nguyễn Thị Ánh, Đặng Quốc Bảo, Жанна Иванова, Ελένη Παπαδοπούλου',
  'ÄÖÜäöüß €„“‚‘»«·…—–•°²³½ fiflffffi 0123456789 ÀÁÂÃÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕØÙÚÛÝÞàáâãåæçèéêëìíîïðñòóôõøùúûýþÿ',
  'ǅǄǆ ḀḁḂḃ ẞ ṩ ỹ Ỹ ĳ Ĳ ŉ ſ ȷ',
  // The fallback families' scripts (issue 17): Arabic with Persian, Pashto and Sorani letters, Ethiopic, Georgian, Armenian.
  'محمود حداد، فاطمه رضایی می‌خواهم ۱۴۰۲، پښتو ځدراڼ، شێرکۆ ڕەسوڵ (سوريا) لا',
  'ሰላም ተስፋይ ნინო ბერიძე Արամ Պետրոսյան',
];

interface IdSubset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

/** The glyph ids of `text` as pdfkit adds them to a subset: shaped, in order, repeats included. */
function glyphIds(font: fontkit.Font, text: string): number[] {
  return font.layout(text).glyphs.map((glyph) => glyph.id);
}

describe('font subsets written from the file bytes', () => {
  const fonts = loadFonts();
  const files = { ...fonts.files, ...Object.assign({}, ...FALLBACK_FAMILIES.map((family) => fonts.family(family.name).files)) } as Record<string, Buffer>;
  for (const [name, bytes] of Object.entries(files)) {
    it(`gives fontkit's bytes for ${name}`, () => {
      const reference = fontkit.create(bytes) as fontkit.Font;
      const direct = fontkit.create(bytes) as fontkit.Font;
      expect(subsetFromFileBytes(direct)).toBe(true);
      const sets = TEXTS.map((text) => glyphIds(reference, text));
      // And a long run of glyph ids as they come, composites and all: every 7th glyph of the font.
      sets.push(Array.from({ length: Math.floor(reference.numGlyphs / 7) }, (_, index) => index * 7));
      for (const ids of sets) {
        // fontkit takes glyph ids as pdfkit gives them (its typings say glyph objects).
        const expected = reference.createSubset() as unknown as IdSubset;
        const actual = direct.createSubset() as unknown as IdSubset;
        for (const id of ids) {
          expect(actual.includeGlyph(id)).toBe(expected.includeGlyph(id));
        }
        expect(Buffer.from(actual.encode()).equals(Buffer.from(expected.encode()))).toBe(true);
      }
    });
  }

  it('writes a glyph given under a distinct id (fonts.ts) as the glyph it stands for, once more', () => {
    const bytes = fonts.family('NotoNaskhArabic').files['NotoNaskhArabic_400Regular.ttf']!;
    const reference = fontkit.create(bytes) as fontkit.Font;
    const direct = fontkit.create(bytes) as fontkit.Font;
    const ids = glyphIds(reference, 'محمود خالد');
    const extra = reference.numGlyphs;
    expect(subsetFromFileBytes(direct, (id) => (id === extra ? ids[1]! : id))).toBe(true);
    const expected = reference.createSubset() as unknown as IdSubset;
    const actual = direct.createSubset() as unknown as IdSubset;
    for (const id of [...ids, ids[1]!]) expected.includeGlyph(id);
    for (const id of [...ids, extra]) actual.includeGlyph(id);
    // fontkit would keep one copy; written twice, the subset has one glyph more, the same outline at the end.
    const glyphCount = (font: Uint8Array) => (fontkit.create(Buffer.from(font)) as fontkit.Font).numGlyphs;
    const written = actual.encode();
    expect(glyphCount(written)).toBe(glyphCount(expected.encode()) + 1);
    const subset = fontkit.create(Buffer.from(written)) as fontkit.Font;
    const outline = (font: fontkit.Font, id: number) => font.getGlyph(id).path.toSVG();
    expect(outline(subset, subset.numGlyphs - 1)).toBe(outline(reference, ids[1]!));
  });

  it('leaves fonts it does not know how to write to fontkit', () => {
    const font = fontkit.create(loadFonts().files['Roboto-Regular.ttf']!) as fontkit.Font;
    // A variable font: fontkit re-encodes its outlines; a stand-in directory entry makes this one look like one.
    (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables.fvar = { offset: 0, length: 0 };
    const createSubset = font.createSubset;
    expect(subsetFromFileBytes(font)).toBe(false);
    expect(font.createSubset).toBe(createSubset);
  });
});
