import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formReference, type PrintJob } from '../../main/core/pdf/print-document';
import { BUILT_IN_FORMS, type FormDefinition } from '../../shared/forms';
import { loadFormDefinition } from '../../shared/forms/load';
import type { FormValues } from '../../shared/forms/values';
import {
  CREATED,
  expectNoOverlapInsideMargins,
  expectValidPdfWithEmbeddedFonts,
  findPhrase,
  flatText,
  partnerLines,
  renderJob,
  sampleContext,
  SAMPLE_PARTNER,
  textLines,
} from './print-support';

/**
 * The parts of a DIN 5008 letter that come from a form but print outside its
 * body: "Ihr Zeichen" in the information block, the "Anlagen" list under the
 * signature; and page numbering and flow of long letters.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-letter-parts-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const referral = BUILT_IN_FORMS['referral-letter']!;
const freeLetter = BUILT_IN_FORMS['free-letter']!;

function job(form: FormDefinition, values: FormValues, recipientLines = partnerLines()): PrintJob {
  return {
    form,
    values,
    omittedFields: [],
    context: sampleContext(),
    recipientLines,
    partnerName: (id) => (id === SAMPLE_PARTNER.id ? SAMPLE_PARTNER.name : ''),
    creationDate: CREATED,
    reference: formReference(form),
    draft: false,
  };
}

const REFERRAL: FormValues = {
  yourReference: 'JMD-2026/17',
  clientName: 'Ayşe Yılmaz',
  birthDate: '1990-03-12',
  counselingFields: ['recognition'],
  reason: 'Frau Yılmaz möchte ihren Abschluss als Pflegefachfrau anerkennen lassen.',
  request: 'Bitte beraten Sie Frau Yılmaz zum Anerkennungsverfahren.',
  attachments: [
    { title: 'Lebenslauf', enclosed: true },
    { title: 'Kopie des Diploms (nur im Original vorgelegt)', enclosed: false },
    { title: 'Einwilligung vom 01.11.2026', enclosed: true },
  ],
};

describe('referral letter: Ihr Zeichen and Anlagen', () => {
  it('prints the reference in the information block and the enclosed attachments under the signature', async () => {
    const out = await renderJob(job(referral, REFERRAL), path.join(dir, 'referral.pdf'));
    expectValidPdfWithEmbeddedFonts(out.file);
    expectNoOverlapInsideMargins(out.words, out.pages);
    const page1 = out.words.filter((w) => w.page === 1);

    // Information block: from x 125, below 50 mm, first row.
    const label = findPhrase(page1, 'Ihr Zeichen', 1);
    const value = findPhrase(page1, 'JMD-2026/17', 1);
    for (const w of [...label, ...value]) {
      expect(w.x0).toBeGreaterThanOrEqual(125 - 0.01);
      expect(w.y0).toBeGreaterThanOrEqual(50 - 0.01);
      expect(w.y1).toBeLessThan(62);
    }
    const infoTops = ['Ihr Zeichen', 'Ansprechpartner/-in', 'Datum'].map((phrase) => findPhrase(page1, phrase, 1)[0]!.y0);
    expect(infoTops[0]).toBeLessThan(infoTops[1]!);
    // Not in the body as well.
    expect(out.words.filter((w) => w.text === 'JMD-2026/17')).toHaveLength(1);

    // Anlagen: after the signature, only what is enclosed, each on its own line.
    const last = out.words.filter((w) => w.page === out.pages);
    const lines = textLines(last);
    const signer = lines.findIndex((line) => line === 'Erika Mustermann');
    const heading = lines.findIndex((line) => line === 'Anlagen');
    expect(signer).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(signer);
    expect(lines.slice(heading + 1, heading + 3)).toEqual(['Lebenslauf', 'Einwilligung vom 01.11.2026']);
    expect(out.flat).not.toContain('Kopie des Diploms');
    expect(out.flat).not.toContain('beigefügt');
    // What the glyph check looks at is what prints.
    expect(out.texts.filter((entry) => entry.path.startsWith('values.attachments')).map((entry) => entry.text)).toEqual([
      'Lebenslauf',
      'Einwilligung vom 01.11.2026',
    ]);
    expect(out.texts.find((entry) => entry.path === 'values.yourReference')?.text).toBe('JMD-2026/17');
  });

  it('prints "Anlage" for one and nothing when none is enclosed', async () => {
    const one = await renderJob(job(referral, { ...REFERRAL, attachments: [{ title: 'Lebenslauf', enclosed: true }] }), path.join(dir, 'one.pdf'));
    expect(textLines(one.words)).toContain('Anlage');
    expect(one.flat).not.toMatch(/Anlagen/);
    const none = await renderJob(
      job(referral, { ...REFERRAL, yourReference: '', attachments: [{ title: 'Lebenslauf', enclosed: false }] }),
      path.join(dir, 'none.pdf'),
    );
    expect(none.flat).not.toMatch(/Anlage|Lebenslauf|Ihr Zeichen/);
  });

  it('refuses definitions whose letter parts name the wrong fields', () => {
    const source = JSON.parse(JSON.stringify(referral)) as Record<string, unknown> & { letter: Record<string, unknown> };
    expect(() => loadFormDefinition({ ...source, letter: { ...source.letter, yourReference: 'attachments' } })).toThrow(/„Ihr Zeichen“ nennt kein Textfeld/);
    expect(() => loadFormDefinition({ ...source, letter: { ...source.letter, attachments: { field: 'reason', text: 'title' } } })).toThrow(
      /kein Feld mit Zeilen/,
    );
    expect(() => loadFormDefinition({ ...source, letter: { ...source.letter, attachments: { field: 'attachments', text: 'enclosed' } } })).toThrow(
      /keine Textspalte/,
    );
    expect(() =>
      loadFormDefinition({ ...source, letter: { ...source.letter, attachments: { field: 'attachments', text: 'title', enclosed: 'title' } } }),
    ).toThrow(/keine Ankreuzspalte/);
  });
});

describe('long letters', () => {
  /** Paragraphs of about three lines each; 30 of them fill page 1, page 2 and part of page 3. */
  const body = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `Absatz ${i + 1}: ${'Wir bitten Sie, die Unterlagen vollständig mitzubringen, damit wir Ihren Antrag prüfen können. '.repeat(2)}`,
    ).join('\n\n');

  it('numbers a 3-page letter "Seite 1 von 3" to "Seite 3 von 3", the signature with its closing on the last page', async () => {
    const out = await renderJob(
      job(freeLetter, { subject: 'Ihre Unterlagen', yourReference: 'Ihr Schreiben vom 3.11.', body: body(28) }, [
        'Frau',
        'Ayşe Yılmaz',
        'Hauptstraße 5',
        '52349 Düren',
      ]),
      path.join(dir, 'three.pdf'),
    );
    expect(out.pages).toBe(3);
    for (let page = 1; page <= 3; page++) {
      const text = flatText(out.file, page);
      expect(text).toContain(`Seite ${page} von 3`);
      expect(text.match(/Seite \d von \d/g)).toHaveLength(1);
    }
    expectNoOverlapInsideMargins(out.words, out.pages);
    const last = textLines(out.words.filter((w) => w.page === 3));
    expect(last).toContain('Mit freundlichen Grüßen');
    expect(last).toContain('Erika Mustermann');
    expect(last.some((line) => line.startsWith('Absatz 28:'))).toBe(true);
    // Pages 2 and 3 start near the top; the letterhead and the window are page 1 only.
    for (const page of [2, 3]) {
      const words = out.words.filter((w) => w.page === page);
      expect(Math.min(...words.map((w) => w.y0))).toBeLessThan(22);
      expect(words.some((w) => w.text === 'Hauptstraße')).toBe(false);
    }
  });

  it('never leaves the signature without its closing at the top of a page', async () => {
    // Grow the body paragraph by paragraph: wherever the page breaks, closing and name stay together.
    // With 7 paragraphs the closing still fits on page 1 but the name would not: both move to page 2.
    let moved = 0;
    for (let count = 5; count <= 8; count++) {
      const out = await renderJob(
        job(freeLetter, { subject: 'Test', body: body(count) }, ['Ayşe Yılmaz', 'Hauptstraße 5', '52349 Düren']),
        path.join(dir, `sig-${count}.pdf`),
      );
      const closing = out.words.find((w) => w.text === 'Grüßen');
      // The signature's name, not the one in the information block on page 1.
      const name = out.words.findLast((w) => w.text === 'Mustermann');
      expect(closing?.page, `${count} paragraphs`).toBe(name?.page);
      expect(name!.y0 - closing!.y1, `${count} paragraphs`).toBeGreaterThan(12);
      const lastParagraph = out.words.findLast((w) => w.text === 'Absatz')!;
      if (closing!.page > lastParagraph.page) {
        moved++;
        expect(closing!.y0, `${count} paragraphs`).toBeLessThan(22);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });
});
