import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

const PT_TO_MM = 25.4 / 72;

/** A word of a rendered PDF and its box, in mm from the top-left corner of its page. */
export interface PdfWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

/** Word boxes of every page (or of one), read back with `pdftotext -bbox` (points → mm). */
export function pdfWords(file: string, page?: number): PdfWord[] {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const xhtml = execFileSync('pdftotext', ['-bbox', ...range, file, '-'], { encoding: 'utf8' });
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return xhtml
    .split(/<page /)
    .slice(1)
    .flatMap((pageXml, index) =>
      [...pageXml.matchAll(re)].map((m) => ({
        page: (page ?? 1) + index,
        x0: Number(m[1]) * PT_TO_MM,
        y0: Number(m[2]) * PT_TO_MM,
        x1: Number(m[3]) * PT_TO_MM,
        y1: Number(m[4]) * PT_TO_MM,
        text: decodeEntities(m[5] ?? ''),
      })),
    );
}

/** The text of a PDF given as base64, read back with `pdftotext`, every run of white space folded to one space. */
export function pdfText(base64: string): string {
  const temp = makeTempDir('lotse-pdf-');
  try {
    const file = path.join(temp.dir, 'document.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    temp.cleanup();
  }
}
