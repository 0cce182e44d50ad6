import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { din5008Letter } from '../../main/core/pdf/layouts/din5008-letter';
import type { LetterContent } from '../../main/core/pdf/layouts/letter-content';
import { renderPdf } from '../../main/core/pdf/render';
import { pdfWords, type PdfWord } from '../support/pdf-words';
import { sampleLogoPng } from '../support/images';
import { HOSTILE, sampleLetterContent } from './sample-letter';

/**
 * Checks the DIN 5008 Form B geometry on the rendered PDF with poppler and
 * qpdf, not on the document definition: what counts is where the words and
 * marks end up on paper.
 */

/** pdftotext prints coordinates with six decimals; allow for float rounding, nothing more. */
const EPS = 0.01;

// ---------------------------------------------------------------------------
// Tools

function text(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}

interface Gray {
  width: number;
  height: number;
  dpi: number;
  pixels: Buffer;
}

/** One page as 8-bit grey (`pdftoppm -gray` writes binary PGM, P5). */
function rasterize(file: string, page: number, dpi: number, dir: string): Gray {
  const prefix = path.join(dir, `page-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const data = fs.readFileSync(`${prefix}.pgm`);
  // Header: "P5" whitespace width whitespace height whitespace maxval, one whitespace byte, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  expect(Number(header[3])).toBe(255);
  const pixels = data.subarray(header[0].length);
  expect(pixels.length).toBe(width * height);
  return { width, height, dpi, pixels };
}

/** Rows (in mm, centre of the pixel row) in which the strip x0–x1 mm has a pixel darker than `threshold`. */
function darkRows(image: Gray, x0: number, x1: number, threshold = 128): number[] {
  const px = (v: number) => Math.round((v / 25.4) * image.dpi);
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = px(x0); x <= px(x1); x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < threshold) {
        rows.push(((y + 0.5) / image.dpi) * 25.4);
        break;
      }
    }
  }
  return rows;
}

/** The boxes of `phrase`'s words as they follow each other on `page`. */
function findPhrase(all: PdfWord[], phrase: string, page = 1): PdfWord[] {
  const wanted = phrase.split(/\s+/).filter(Boolean);
  const onPage = all.filter((w) => w.page === page);
  for (let i = 0; i + wanted.length <= onPage.length; i++) {
    if (wanted.every((t, k) => onPage[i + k]?.text === t)) return onPage.slice(i, i + wanted.length);
  }
  throw new Error(`"${phrase}" not found on page ${page}`);
}

/**
 * Where the footer starts: on page 1 at its page number; later pages have
 * their number at the top, and their footer is found by the sender's name
 * (below the footer's rule, so a little lower than the footer's top).
 */
function footerTop(all: PdfWord[], page: number, pages: number): number {
  if (page === 1) return findPhrase(all, `Seite 1 von ${pages}`, 1)[0]!.y0;
  return Math.max(...all.filter((w) => w.page === page && w.text === 'Kreis').map((w) => w.y0));
}

function sorted(list: string[]): string[] {
  return [...list].sort();
}

const tokens = (lines: string[]) => lines.flatMap((l) => l.split(/\s+/).filter(Boolean));
const overlaps = (a: PdfWord, b: PdfWord) => a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;

// ---------------------------------------------------------------------------

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-pdf-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function renderToFile(content: LetterContent, name: string) {
  const rendered = await renderPdf(din5008Letter(content));
  const file = path.join(dir, name);
  fs.writeFileSync(file, rendered.bytes);
  return { ...rendered, file };
}

describe('DIN 5008 Form B letter', () => {
  const content = sampleLetterContent();
  let file: string;
  let pages: number;
  let all: PdfWord[];
  let page1: PdfWord[];

  beforeAll(async () => {
    ({ file, pages } = await renderToFile(content, 'sample.pdf'));
    all = pdfWords(file);
    page1 = all.filter((w) => w.page === 1);
  });

  it('is a structurally valid PDF with only embedded fonts', () => {
    // execFileSync throws on a non-zero exit status.
    const check = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check).toMatch(/No syntax or stream encoding errors found/);

    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n');
    const header = lines[0] ?? '';
    const embCol = header.indexOf('emb');
    const fontRows = lines.slice(2);
    expect(embCol).toBeGreaterThan(0);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row.slice(embCol, embCol + 3), row).toBe('yes');
  });

  it('has the expected page count, metadata and language', () => {
    expect(pages).toBe(2);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Ihr Antrag auf Beratung$/m);
    expect(info).toMatch(/^Author:\s+Maria Schmitz$/m);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(fs.readFileSync(file).toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
  });

  it('puts the recipient in the Anschriftzone and the return address in the Vermerkzone, nothing else in the window', () => {
    const inWindow = page1.filter((w) => w.x1 > 20 + EPS && w.x0 < 105 - EPS && w.y1 > 45 + EPS && w.y0 < 90 - EPS);
    const anschrift = inWindow.filter((w) => w.y0 >= 62.7 - EPS);
    const vermerk = inWindow.filter((w) => w.y0 < 62.7 - EPS);

    expect(sorted(anschrift.map((w) => w.text))).toEqual(sorted(tokens(content.recipientLines)));
    expect(sorted(vermerk.map((w) => w.text))).toEqual(sorted(tokens([content.returnAddress])));

    for (const w of anschrift) {
      expect(w.x0, w.text).toBeGreaterThanOrEqual(25 - EPS);
      expect(w.x1, w.text).toBeLessThanOrEqual(105 + EPS);
      expect(w.y0, w.text).toBeGreaterThanOrEqual(62.7 - EPS);
      expect(w.y1, w.text).toBeLessThanOrEqual(90 + EPS);
    }
    for (const w of vermerk) {
      expect(w.x0, w.text).toBeGreaterThanOrEqual(25 - EPS);
      expect(w.x1, w.text).toBeLessThanOrEqual(105 + EPS);
      expect(w.y0, w.text).toBeGreaterThanOrEqual(45 - EPS);
      expect(w.y1, w.text).toBeLessThanOrEqual(62.7 + EPS);
    }

    // Recipient lines top-down, one line per entry, starting at the top of the zone.
    const lineTops = content.recipientLines.map((line) => findPhrase(page1, line)[0]!.y0);
    expect(lineTops[0]).toBeCloseTo(62.7, 0);
    for (let i = 1; i < lineTops.length; i++) expect(lineTops[i]!).toBeGreaterThan(lineTops[i - 1]! + 3);
    // Return address bottom-up: its line ends right at the Anschriftzone.
    expect(Math.max(...vermerk.map((w) => w.y1))).toBeGreaterThan(62.7 - 1.5);
  });

  it('keeps even the longest organisation and department above the window, with or without a logo', async () => {
    const long = sampleLetterContent({
      sender: {
        ...sampleLetterContent().sender,
        organization:
          'Kreis Düren, Der Landrat, Amt für Demografie, Kreisentwicklung, Bildung und Integration, Kommunales Integrationszentrum und Kommunales Integrationsmanagement für das ganze Kreisgebiet',
        department:
          'Team Zuwanderung, Anerkennungsberatung, Sprachkurse, Ausbildung und Arbeitsmarkt, Duldung und Gestattung, Aufenthaltstitel nach § 104c, § 25a und § 25b AufenthG, Sprechstunden',
      },
    });
    for (const logo of [null, { dataUrl: `data:image/png;base64,${sampleLogoPng().toString('base64')}`, width: 320, height: 160 }]) {
      const { file: headFile } = await renderToFile({ ...long, sender: { ...long.sender, logo } }, `long-letterhead-${logo ? 'logo' : 'plain'}.pdf`);
      const words = pdfWords(headFile, 1);
      const head = words.filter((w) => long.sender.organization.includes(w.text) || long.sender.department.includes(w.text)).filter((w) => w.y0 < 45);
      expect(head.length).toBeGreaterThan(30);
      expect(Math.max(...head.map((w) => w.y1)), logo ? 'with logo' : 'without logo').toBeLessThan(45);
      // Nothing but the return address and the recipient in the window.
      const inWindow = words.filter((w) => w.x1 > 20 && w.x0 < 105 && w.y1 > 45 && w.y0 < 90);
      expect(sorted(inWindow.map((w) => w.text))).toEqual(sorted(tokens([long.returnAddress, ...long.recipientLines])));
    }
  });

  it('keeps six long recipient lines inside the zone and drops a seventh', async () => {
    const long = sampleLetterContent({
      recipientLines: [
        'Herrn Dr.',
        'Maximilian-Alexander Schmidt-Hohenberg-Württemberg-Langname',
        'c/o Internationales Beratungszentrum für Zugewanderte',
        'Hauptstraße 5, Hinterhaus, 3. Obergeschoss links',
        '52349 Düren',
        'DEUTSCHLAND',
        'Siebte Zeile',
      ],
    });
    const { file: longFile } = await renderToFile(long, 'long-recipient.pdf');
    const p1 = pdfWords(longFile).filter((w) => w.page === 1);
    const inWindow = p1.filter((w) => w.x1 > 20 && w.x0 < 105 && w.y1 > 62.7 + EPS && w.y0 < 90);
    for (const w of inWindow) {
      expect(w.x1, w.text).toBeLessThanOrEqual(105 + EPS);
      expect(w.y1, w.text).toBeLessThanOrEqual(90 + EPS);
    }
    expect(p1.some((w) => w.text === 'Siebte')).toBe(false);
    expect(p1.some((w) => w.text === 'DEUTSCHLAND')).toBe(true);
    // Nothing of the cut lines spills to the right of the address field on the same lines.
    expect(p1.filter((w) => w.y0 >= 62.7 - EPS && w.y1 <= 90 && w.x0 > 105 && w.x0 < 125)).toEqual([]);
  });

  it('puts the information block from x 125 and leaves out empty rows', () => {
    const shown = content.infoBlock.filter((row) => row.value !== '');
    for (const row of shown) {
      for (const w of [...findPhrase(page1, row.label), ...findPhrase(page1, row.value)]) {
        expect(w.x0, w.text).toBeGreaterThanOrEqual(125 - EPS);
        // DIN 5008: at most 75 mm wide, to x 200.
        expect(w.x1, w.text).toBeLessThanOrEqual(200 + EPS);
        expect(w.y0, w.text).toBeGreaterThanOrEqual(50 - EPS);
      }
    }
    const firstRow = [...findPhrase(page1, 'Ihr Zeichen'), ...findPhrase(page1, 'AZ-77/2025')];
    expect(Math.min(...firstRow.map((w) => w.y0))).toBeCloseTo(50, 1);
    expect(page1.some((w) => w.text === 'Nachricht')).toBe(false);
  });

  it('keeps a long e-mail address on one line of the information block, smaller where it must', async () => {
    const emails = ['silke.niessen@kreis-dueren.de', 'integrationsbuero@kreis-dueren.de'];
    const infoBlock = [
      ...content.infoBlock.slice(0, 4),
      { label: 'E-Mail', value: emails[0]! },
      { label: 'E-Mail', value: emails[1]! },
      ...content.infoBlock.slice(4),
    ];
    const { file: mailFile } = await renderToFile(sampleLetterContent({ infoBlock }), 'long-mail.pdf');
    const words = pdfWords(mailFile, 1);
    const heights: number[] = [];
    for (const email of emails) {
      const word = words.find((w) => w.text === email);
      expect(word, email).toBeDefined();
      expect(word!.x0).toBeGreaterThanOrEqual(125 - EPS);
      expect(word!.x1).toBeLessThanOrEqual(200 + EPS);
      heights.push(word!.y1 - word!.y0);
    }
    const date = words.find((w) => w.text === '12.03.2025')!;
    expect(heights[0]).toBeLessThan(date.y1 - date.y0);
    expect(heights[1]).toBeLessThan(heights[0]!);
  });

  it('puts the subject two blank lines below the address field and the information block', () => {
    const subject = findPhrase(page1, content.subject);
    const subjectTop = Math.min(...subject.map((w) => w.y0));
    const infoBottom = Math.max(...[...findPhrase(page1, 'Datum'), ...findPhrase(page1, '12.03.2025')].map((w) => w.y1));
    const lowest = Math.max(90, infoBottom);
    // Two blank lines at 11 pt ≈ 9.1 mm.
    expect(subjectTop - lowest).toBeGreaterThan(8);
    expect(subjectTop - lowest).toBeLessThan(10.5);
    expect(subject.every((w) => w.x0 >= 25 - EPS)).toBe(true);
  });

  it('puts the letterhead in the top 45 mm', () => {
    for (const w of [...findPhrase(page1, 'Kreis Düren'), ...findPhrase(page1, 'Kommunales Integrationszentrum')]) {
      expect(w.y1).toBeLessThanOrEqual(45);
      expect(w.x1).toBeLessThanOrEqual(190 + EPS);
    }
  });

  it('keeps every word inside the text margins and no two words on top of each other', () => {
    for (let page = 1; page <= pages; page++) {
      const onPage = all.filter((w) => w.page === page);
      for (const w of onPage) {
        expect(w.x0, w.text).toBeGreaterThanOrEqual(25 - EPS);
        expect(w.x1, w.text).toBeLessThanOrEqual(190 + EPS);
        expect(w.y1, w.text).toBeLessThanOrEqual(297 - 5);
      }
      for (let i = 0; i < onPage.length; i++) {
        for (let k = i + 1; k < onPage.length; k++) {
          const a = onPage[i]!;
          const b = onPage[k]!;
          expect(overlaps(a, b), `page ${page}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
    }
  });

  it('starts page 2 near the top and keeps body text above the footer', () => {
    // The header of page 2 (subject and page number) from 10 mm, the text from 20 mm.
    const header = findPhrase(all, `Seite 2 von ${pages}`, 2);
    expect(header[0]!.y0).toBeGreaterThanOrEqual(10);
    const page2 = all.filter((w) => w.page === 2 && w.y0 > header[0]!.y1 + 2);
    expect(Math.min(...page2.map((w) => w.y0))).toBeCloseTo(20, 0);
    for (let page = 1; page <= pages; page++) {
      const bodyBottom = Math.max(...all.filter((w) => w.page === page && w.text.startsWith('Absatz')).map((w) => w.y1));
      expect(bodyBottom).toBeLessThan(footerTop(all, page, pages));
      const footerText = text(file, page);
      for (const part of ['Bismarckstr. 16', 'Raum 2.14', 'Mo–Do 8:30–12:00 Uhr', '02421 22-1234', 'ki@kreis-dueren.de', 'www.kreis-dueren.de']) {
        expect(footerText).toContain(part);
      }
    }
  });

  it('draws fold and punch marks on page 1 only', () => {
    // 100 dpi: one pixel is 0.254 mm, the 0.5 pt marks are about two pixel rows.
    const DPI = 100;
    const [first, second] = [rasterize(file, 1, DPI, dir), rasterize(file, 2, DPI, dir)];
    const rows1 = darkRows(first, 3.5, 8.5);
    const rows2 = darkRows(second, 0, 20);
    const pxMm = 25.4 / DPI;
    for (const y of [105, 148.5, 210]) {
      expect(
        rows1.some((r) => Math.abs(r - y) <= pxMm),
        `mark at ${y} mm; dark rows: ${rows1.join(', ')}`,
      ).toBe(true);
    }
    // Exactly the three marks: every dark row belongs to one of them.
    expect(rows1.every((r) => [105, 148.5, 210].some((y) => Math.abs(r - y) <= pxMm))).toBe(true);
    expect(rows2).toEqual([]);
    // The punch mark is the longer one.
    const rowAt = (y: number) => Math.round((y / 25.4) * DPI - 0.5);
    const darkWidth = (image: Gray, y: number) => {
      let count = 0;
      for (const dy of [-1, 0, 1]) {
        let n = 0;
        for (let x = 0; x < Math.round((20 / 25.4) * DPI); x++) if ((image.pixels[(rowAt(y) + dy) * image.width + x] ?? 255) < 128) n++;
        count = Math.max(count, n);
      }
      return count;
    };
    expect(darkWidth(first, 148.5)).toBeGreaterThan(darkWidth(first, 105));
  });

  it('prints hostile strings verbatim', () => {
    const plain = text(file);
    for (const s of HOSTILE) expect(plain).toContain(s);
    expect(plain).toContain('Diese Zeile folgt nach einem einfachen Zeilenumbruch.');
  });

  it('renders byte-identically twice', async () => {
    const a = await renderPdf(din5008Letter(content));
    const b = await renderPdf(din5008Letter(content));
    expect(a.sha256).toBe(b.sha256);
  });
});

describe('DIN 5008 letter with a long body', () => {
  it('numbers every page "Seite x von N" with N = the rendered page count', async () => {
    const body = Array.from({ length: 120 }, (_, i) => `Absatz ${i + 1}: ${'Dies ist ein Satz zum Füllen der Seite. '.repeat(3)}`).join('\n\n');
    const { file, pages } = await renderToFile(sampleLetterContent({ body }), 'long.pdf');
    expect(pages).toBeGreaterThanOrEqual(3);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    for (let page = 1; page <= pages; page++) {
      const pageText = text(file, page);
      expect(pageText).toContain(`Seite ${page} von ${pages}`);
      expect(pageText.match(/Seite \d+ von \d+/g)).toHaveLength(1);
    }
    const all = pdfWords(file);
    for (let page = 1; page <= pages; page++) {
      const bottom = footerTop(all, page, pages);
      const body = all.filter((w) => w.page === page && w.y0 < bottom);
      expect(body.length).toBeGreaterThan(0);
      expect(Math.max(...body.map((w) => w.y1))).toBeLessThan(bottom);
    }
    // The last paragraph and the signature made it.
    expect(text(file, pages)).toContain('Absatz 120:');
    expect(text(file, pages)).toContain('Integrationsberaterin');
  });
});
