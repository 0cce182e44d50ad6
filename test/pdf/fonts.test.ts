import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_FAMILIES, FONT_FAMILY, loadFonts, scriptRuns, sharedFontCount, unprintableCharacters } from '../../main/core/pdf/fonts';
import { renderPdf } from '../../main/core/pdf/render';
import { makeTempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

let temp: { dir: string; cleanup(): void };
beforeAll(() => {
  temp = makeTempDir('lotse-fonts-');
});
afterAll(() => temp.cleanup());

describe('shipped fonts', () => {
  it('prints all four faces, each embedded', async () => {
    const rendered = await renderPdf({
      content: [
        { text: 'Regular Ayşe Łódź Nguyễn Жанна' },
        { text: 'Fett', bold: true },
        { text: 'Kursiv', italics: true },
        { text: 'Fett kursiv', bold: true, italics: true },
      ],
      defaultStyle: { font: FONT_FAMILY },
      info: { title: 'Schriften', creationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const file = path.join(temp.dir, 'faces.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const names = rows.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['Roboto-Italic', 'Roboto-Medium', 'Roboto-MediumItalic', 'Roboto-Regular']);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
    // pdfkit got the faces parsed once for the process, not once per document (fonts.ts).
    expect(sharedFontCount()).toBe(4);
  });

  it('prints the fallback families regular (also for italics, they have no italic) and medium for bold', async () => {
    const rendered = await renderPdf({
      content: [
        { text: 'محمود ნინო' },
        { text: 'محمود ნინო', italics: true },
        { text: 'محمود ნინო', bold: true },
        { text: 'محمود ნინო', bold: true, italics: true },
      ],
      defaultStyle: { font: FONT_FAMILY },
      info: { title: 'Schriften', creationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const file = path.join(temp.dir, 'fallback-faces.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const names = rows.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['NotoNaskhArabic-Medium', 'NotoNaskhArabic-Regular', 'NotoSansGeorgian-Medium', 'NotoSansGeorgian-Regular']);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
  });

  it('covers the scripts counselors write names in, and says which characters it lacks', () => {
    expect(unprintableCharacters('Ayşe Yılmaz, Łukasz Wójcik, Nguyễn Thị Ánh, Жанна Иванова, Ελένη, € – „“ ‚‘ » « § ₺')).toEqual([]);
    expect(unprintableCharacters('Fall ☐ 🎉 \u{F8D0}')).toEqual(['☐', '🎉', '\u{F8D0}']);
    // Arabic, Persian (with the zero-width non-joiner), Pashto, Sorani, Tigrinya and Amharic (አማርኛ), Georgian, Armenian: the Noto fallbacks.
    expect(
      unprintableCharacters('محمود حداد، فاطمه رضایی، می\u200Cخواهم ۱۴۰۲، پښتو ځ ږ ډ ړ ڼ ۍ ې، کوردی ڵ ێ ڕ ۆ ڤ ھ، ሰላም ተስፋይ, ნინო ბერიძე, Արամ Պետրոսյան'),
    ).toEqual([]);
    // Hebrew: no shipped font.
    expect(unprintableCharacters('שלום Ali')).toEqual(['ש', 'ל', 'ו', 'ם']);
  });

  it('splits text into runs by the family that prints it; shared characters stay in their run', () => {
    expect(scriptRuns('Ayşe Yılmaz „Nguyễn“ 12,50 €')).toBeNull();
    expect(scriptRuns('محمود Mahmoud (Az. KI-2024-7)')).toEqual([
      { family: 'NotoNaskhArabic', text: 'محمود ' },
      { family: FONT_FAMILY, text: 'Mahmoud (Az. KI-2024-7)' },
    ]);
    expect(scriptRuns('(ნინო) ሰላም Արամ')).toEqual([
      { family: 'NotoSansGeorgian', text: '(ნინო) ' },
      { family: 'NotoSansEthiopic', text: 'ሰላም ' },
      { family: 'NotoSansArmenian', text: 'Արամ' },
    ]);
  });

  it('are Noto for the other scripts, each under the SIL Open Font License 1.1 with its notice in LICENSES/', () => {
    for (const family of FALLBACK_FAMILIES) {
      const notice = fs.readFileSync(path.join(ROOT, `LICENSES/${family.name}-OFL-1.1.txt`), 'utf8');
      expect(notice).toContain('SIL OPEN FONT LICENSE Version 1.1');
      const loaded = loadFonts().family(family.name);
      expect(Object.keys(loaded.files)).toHaveLength(2); // Regular (normal, italics) and Medium (bold, bold italics)
      for (const [file, bytes] of Object.entries(loaded.files)) {
        const font = fontkit.create(bytes) as fontkit.Font;
        expect(font.familyName, file).toMatch(/^Noto (Naskh|Sans) \w+( Medium)?$/);
        expect(String(font.getName('licenseURL', 'en')), file).toMatch(/openfontlicense\.org|scripts\.sil\.org\/OFL/);
        expect(notice).toContain(String(font.copyright));
        expect(notice, file).toContain(String(font.version).replace('Version ', 'version '));
      }
    }
    expect(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')).toContain('LICENSES/**');
  });

  it('is Roboto under the SIL Open Font License 1.1, as LICENSES/ and the README say', () => {
    const notice = fs.readFileSync(path.join(ROOT, 'LICENSES/Roboto-OFL-1.1.txt'), 'utf8');
    expect(notice).toContain('SIL OPEN FONT LICENSE Version 1.1');
    const fonts = loadFonts();
    for (const [file, bytes] of Object.entries(fonts.files)) {
      const font = fontkit.create(bytes) as fontkit.Font;
      // A pdfmake update that changes the fonts or their licence must update the notice too.
      expect(font.familyName, file).toMatch(/^Roboto( Medium)?$/);
      expect(font.version, file).toContain('3.014');
      expect(String(font.getName('licenseURL', 'en')), file).toMatch(/openfontlicense\.org|scripts\.sil\.org\/OFL/);
      expect(notice).toContain(String(font.copyright));
    }
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('SIL Open Font License 1.1');
  });
});
