import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfConcatenator, PdfConcatError } from '../../main/core/pdf/concat';
import { renderPdf } from '../../main/core/pdf/render';
import { makeTempDir } from '../support/temp-dir';
import { din5008Letter } from '../../main/core/pdf/layouts/din5008-letter';
import { runInChildProcess } from './child-process';
import { expectPdfA2b, HOSTILE_TITLES, pdfInfo, unescapeXml } from './pdfa-checks';
import { sampleLetterContent } from './sample-letter';

let temp: { dir: string; cleanup(): void };
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

function file(name: string, bytes: Buffer): string {
  const target = path.join(temp.dir, name);
  fs.writeFileSync(target, bytes);
  return target;
}

function pageTexts(pdf: Buffer): string[] {
  return execFileSync('pdftotext', ['-layout', file('out.pdf', pdf), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);
}

function pageSizes(pdf: Buffer, pages: number): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file('sizes.pdf', pdf)], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+(\S+ x \S+)/gm)].map((match) => match[1]!);
}

/** A pdfmake document of `pages` pages, each saying which document and page it is. */
async function letter(name: string, pages: number, extra: Partial<TDocumentDefinitions> = {}): Promise<Buffer> {
  const content = Array.from({ length: pages }, (_, index) => ({
    text: `${name} Seite ${index + 1}`,
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
  }));
  return (
    await renderPdf({ content, defaultStyle: { font: 'Roboto' }, info: { title: `${name} (Titel)`, creationDate: new Date('2026-11-25T10:00:00Z') }, ...extra })
  ).bytes;
}

/**
 * A hand-written PDF whose pages inherit MediaBox and Resources from the page
 * tree (pdfkit never writes that, other producers do).
 */
function inheritingPdf({ lowercaseLength = false } = {}): Buffer {
  const stream = 'BT /F1 12 Tf 72 500 Td (Geerbt Seite) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 420 595] /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
    // pdfkit writes such a `length` beside `/Length` into its metadata stream (render.ts takes it out).
    `<< /Length ${stream.length}${lowercaseLength ? ' /length 999' : ''} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('PdfConcatenator', () => {
  it('joins PDFs page by page, starting each on a new sheet when asked', async () => {
    const combined = new PdfConcatenator({
      title: 'Serienbrief: Müller & Söhne (Test) <1>',
      language: 'de-DE',
      creationDate: new Date('2026-11-25T10:00:00Z'),
    });
    expect(combined.add(await letter('Eins', 1), { newSheet: true })).toBe(1);
    expect(combined.add(await letter('Zwei', 2), { newSheet: true })).toBe(2);
    expect(combined.add(await letter('Drei', 3, { pageSize: 'A5', pageOrientation: 'landscape' }), { newSheet: true })).toBe(3);
    expect(combined.pageCount).toBe(7);
    const pdf = combined.finish();

    expect(execFileSync('qpdf', ['--check', file('check.pdf', pdf)], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const texts = pageTexts(pdf).map((text) => text.trim());
    // Eins on the front of sheet 1, a blank back, Zwei on sheet 2 (both sides), Drei from sheet 3 on.
    expect(texts).toEqual(['Eins Seite 1', '', 'Zwei Seite 1', 'Zwei Seite 2', 'Drei Seite 1', 'Drei Seite 2', 'Drei Seite 3']);
    const a4 = '595.28 x 841.89';
    const a5Landscape = '595.28 x 419.53';
    expect(pageSizes(pdf, 7)).toEqual([a4, a4, a4, a4, a5Landscape, a5Landscape, a5Landscape]);

    const info = execFileSync('pdfinfo', [file('info.pdf', pdf)], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Serienbrief: Müller & Söhne \(Test\) <1>$/m);
    expect(info).toMatch(/^Creator:\s+Lotse$/m);
    expect(info).toMatch(/^Producer:\s+Lotse$/m);
    // PDF/A-2b as each letter is, blank backs included: the same checks as a single letter.
    const { xmp } = expectPdfA2b(file('pdfa.pdf', pdf));
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Serienbrief: Müller &amp; Söhne (Test) &lt;1&gt;</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-25T10:00:00Z</xmp:CreateDate>');
    // Every font of every letter comes along, embedded.
    const fonts = execFileSync('pdffonts', [file('fonts.pdf', pdf)], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
  });

  it('puts documents one after another without blank pages when not asked for new sheets', async () => {
    const combined = new PdfConcatenator();
    combined.add(await letter('Eins', 1));
    combined.add(await letter('Zwei', 1));
    combined.add(await letter('Drei', 1));
    expect(pageTexts(combined.finish()).map((text) => text.trim())).toEqual(['Eins Seite 1', 'Zwei Seite 1', 'Drei Seite 1']);
  });

  it('gives equal bytes for equal input', async () => {
    const one = await letter('Eins', 2);
    const join = () => {
      const combined = new PdfConcatenator({ title: 'T', creationDate: new Date('2026-11-25T10:00:00Z') });
      combined.add(one, { newSheet: true });
      combined.add(one, { newSheet: true });
      return combined.finish();
    };
    expect(join().equals(join())).toBe(true);
  });

  for (const title of [...HOSTILE_TITLES, 'Emoji 🎉, Familie 👩‍👩‍👧 und \u{1F600}: <Brief> & "Gruß"', 'Lose Hälfte \ud800 eines Paars']) {
    it(`writes PDF/A-2b metadata that says the same in Info and XMP for the title ${JSON.stringify(title)}`, async () => {
      const combined = new PdfConcatenator({ title, language: 'de-DE', creationDate: new Date('2026-11-25T10:00:00Z') });
      combined.add(await letter('Eins', 1), { newSheet: true });
      combined.add(await letter('Zwei', 1), { newSheet: true });
      const target = file('hostile.pdf', combined.finish());
      const { xmp, info } = expectPdfA2b(target);
      // Characters XML cannot carry are spaces in both; everything else is kept as given.
      const printable = title.replace(/[\u0007\u000c]|\ud800/g, ' ');
      expect(info.Title).toBe(printable);
      expect(unescapeXml(/<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)![1]!)).toBe(printable);
      expect(pdfInfo(target).Title?.trimEnd()).toBe(printable.trimEnd());
      expect(pageTexts(fs.readFileSync(target)).map((text) => text.trim())).toEqual(['Eins Seite 1', '', 'Zwei Seite 1']);
    });
  }

  it('writes PDF/A metadata without a title or a date when none is given, and still the same bytes for the same input', async () => {
    const one = await letter('Eins', 1);
    const join = () => {
      const combined = new PdfConcatenator({ language: 'de-DE' });
      combined.add(one);
      return combined.finish();
    };
    const pdf = join();
    expect(pdf.equals(join())).toBe(true);
    const xmp = fs.readFileSync(file('untitled.pdf', pdf)).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).not.toContain('dc:title');
    expect(xmp).not.toContain('xmp:CreateDate');
    expect(pdfInfo(file('untitled.pdf', pdf))).toMatchObject({ Creator: 'Lotse', Producer: 'Lotse' });
  });

  it('drops a malformed /length it finds beside /Length, and the checks refuse a PDF that is not PDF/A', async () => {
    const source = file('lowercase.pdf', inheritingPdf({ lowercaseLength: true }));
    // The checks are not empty words: a hand-written PDF without metadata or output intent fails them.
    expect(() => expectPdfA2b(source)).toThrow();
    const combined = new PdfConcatenator({ title: 'T', language: 'de-DE', creationDate: new Date('2026-11-25T10:00:00Z') });
    combined.add(inheritingPdf({ lowercaseLength: true }));
    combined.add(await letter('Danach', 1));
    const pdf = combined.finish();
    expect(pdf.includes('/length')).toBe(false);
    expect(pageTexts(pdf).map((text) => text.trim())).toEqual(['Geerbt Seite', 'Danach Seite 1']);
    const qdf = path.join(temp.dir, 'lowercase.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file('lowercase-out.pdf', pdf), qdf]);
    expect(fs.readFileSync(qdf).toString('latin1')).not.toMatch(/\/length\b/);
  });

  it('gives the same PDF/A-2b bytes in a bundled child process as here (the bundle finds the ICC profile)', async () => {
    const single = (await renderPdf(din5008Letter(sampleLetterContent()))).bytes;
    const combined = new PdfConcatenator({ title: 'Serienbrief: Probe (2 Briefe)', language: 'de-DE', creationDate: new Date('2026-11-25T10:00:00Z') });
    combined.add(single, { newSheet: true });
    combined.add(single, { newSheet: true });
    const here = combined.finish();
    const child = Buffer.from(runInChildProcess('concat-letters.ts'), 'base64');
    expect(child.equals(here)).toBe(true);
    expectPdfA2b(file('child.pdf', child));
    expect(pdfInfo(file('child.pdf', child)).Pages).toBe('4');
  });

  it('copies attributes a page inherits from the page tree', async () => {
    const combined = new PdfConcatenator();
    combined.add(inheritingPdf(), { newSheet: true });
    combined.add(await letter('Danach', 1), { newSheet: true });
    const pdf = combined.finish();
    expect(execFileSync('qpdf', ['--check', file('inherit.pdf', pdf)], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    expect(pageTexts(pdf).map((text) => text.trim())).toEqual(['Geerbt Seite', '', 'Danach Seite 1']);
    // The blank back has the size of the page before it.
    expect(pageSizes(pdf, 3)).toEqual(['420 x 595', '420 x 595', '595.28 x 841.89']);
  });

  it('refuses what it was not made for instead of guessing', async () => {
    const source = file('source.pdf', await letter('Eins', 1));
    const compressed = path.join(temp.dir, 'xref-stream.pdf');
    execFileSync('qpdf', ['--object-streams=generate', source, compressed]);
    const combined = new PdfConcatenator();
    expect(() => combined.add(fs.readFileSync(compressed))).toThrow(PdfConcatError);
    expect(() => combined.add(Buffer.from('kein PDF'))).toThrow(/PDF kann nicht zusammengefügt werden/);
    expect(() => combined.finish()).toThrow(PdfConcatError);
  });
});
