import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { addressBlock, MAX_ADDRESS_LINES, wrapWords, type AddressBlock, type AddressRecipient } from '../../main/core/pdf/address-block';
import { addressLineFits } from '../../main/core/pdf/layouts/din5008-letter';
import type { Partner } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';
import { pdfWords, type PdfWord } from '../support/pdf-words';

/**
 * The DIN 5008 address block (DESIGN.md §6: Anschriftzone of six lines, text
 * from x 25 to 105 mm): wrapping at word boundaries with the real font
 * measure, visible hyphenation of over-long words, the fixed shortening
 * order with its German notes, and the block as it lands on a rendered
 * letter to a partner.
 */

type Fits = (line: string) => boolean;

const ELLIPSIS = ' …';
/** The deterministic measure: at most 20 characters a line. */
const twenty: Fits = (line) => line.length <= 20;

const LONG_ORGANIZATION = 'Arbeitsgemeinschaft der Träger der freien Wohlfahrtspflege im Kreis Düren e. V.';
const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt';

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The delivery lines as DIN 5008 wants them: post box (with its postcode and city) instead of the street. */
function deliveryOf(recipient: AddressRecipient): string[] {
  return recipient.postbox
    ? [recipient.postbox.label, `${recipient.postbox.postalCode} ${recipient.postbox.city}`]
    : [recipient.street, `${recipient.postalCode} ${recipient.city}`];
}

/**
 * True when `prefix` is the start of `text` and ends at a word boundary
 * (spaces normalised): what is left of a shortened part is whole words.
 */
function isWordPrefix(text: string, prefix: string): boolean {
  const all = wordsOf(text);
  const head = wordsOf(prefix);
  return head.length > 0 && head.length <= all.length && head.every((word, index) => all[index] === word);
}

/** Invariants of every block, whatever the measure. */
function expectWellFormed(recipient: AddressRecipient, block: AddressBlock, fits: Fits): void {
  expect(block.lines.length).toBeGreaterThan(0);
  expect(block.lines.length).toBeLessThanOrEqual(MAX_ADDRESS_LINES);
  for (const line of block.lines) {
    expect(fits(line), `does not fit: "${line}"`).toBe(true);
    expect(line).toBe(line.trim());
    expect(line).not.toMatch(/\s{2}|[\r\n\t]/);
  }
  // The delivery lines come last, untouched.
  expect(block.lines.slice(-2)).toEqual(deliveryOf(recipient));
  // No line above ends mid-word: joining visibly hyphenated pieces back, every word is a whole word of the recipient (or the cut mark).
  const known = new Set(wordsOf([recipient.name, recipient.department ?? '', recipient.attention ?? '', recipient.addition ?? ''].join(' ')));
  const joined = block.lines.slice(0, -2).reduce((text, line) => {
    if (text === '') return line;
    const lastWord = wordsOf(text).at(-1)!;
    return lastWord.endsWith('-') && !known.has(lastWord) ? `${text.slice(0, -1)}${line}` : `${text} ${line}`;
  }, '');
  for (const word of wordsOf(joined)) {
    if (word !== '…') expect(known.has(word), `"${word}" is not a whole word of the recipient`).toBe(true);
  }
  // "…" only ever stands alone at the end of a line, after a word.
  for (const line of block.lines) {
    if (!line.includes('…')) continue;
    expect(line.endsWith(ELLIPSIS), line).toBe(true);
    expect(line.indexOf('…')).toBe(line.length - 1);
    expect(line.slice(0, -ELLIPSIS.length), line).not.toMatch(/-$/);
  }
}

/** A greedy wrap: no line could have taken the first word of the next. */
function expectGreedy(lines: string[], fits: Fits): void {
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index]!;
    if (line.endsWith('-')) continue; // a hyphenated piece: the rest of its word starts the next line
    const next = wordsOf(lines[index + 1]!)[0]!;
    expect(fits(`${line} ${next}`), `"${line}" could have taken "${next}"`).toBe(false);
  }
}

const base: AddressRecipient = { name: 'Kreis Düren', street: 'Bismarckstr. 16', postalCode: '52351', city: 'Düren' };

describe('addressBlock with the real font measure', () => {
  it('gives name, street and postcode with city for a short address, nothing shortened', () => {
    const block = addressBlock(base);
    expect(block).toEqual({ lines: ['Kreis Düren', 'Bismarckstr. 16', '52351 Düren'], shortened: [] });
  });

  it('puts department and the contact person (DIN 5008: no "z. Hd.") between name and street', () => {
    const recipient = { ...base, department: 'Kommunales Integrationszentrum', attention: 'Frau Silke Nießen' };
    const block = addressBlock(recipient);
    expect(block).toEqual({
      lines: ['Kreis Düren', 'Kommunales Integrationszentrum', 'Frau Silke Nießen', 'Bismarckstr. 16', '52351 Düren'],
      shortened: [],
    });
    expectWellFormed(recipient, block, addressLineFits);
  });

  it('uses the post box with its own postcode and city instead of the street (DIN 5008)', () => {
    const recipient = { ...base, postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' } };
    const block = addressBlock(recipient);
    expect(block.lines).toEqual(['Kreis Düren', 'Postfach 10 01 23', '52348 Düren']);
    expect(block.lines.join('\n')).not.toContain('Bismarckstr');
    expect(block.lines.join('\n')).not.toContain('52351');
    // A post box without its postcode cannot receive the letter: it goes to the street.
    expect(addressBlock({ ...base, postbox: { label: 'Postfach 10 01 23', postalCode: '', city: 'Düren' } }).lines).toEqual(addressBlock(base).lines);
  });

  it('puts the address addition between the name lines and the street (DIN 5008), after department and contact', () => {
    const client = { name: 'Ayşe Müller', addition: 'c/o Familie Weber', street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' };
    expect(addressBlock(client)).toEqual({ lines: ['Ayşe Müller', 'c/o Familie Weber', 'Hauptstraße 5', '52349 Düren'], shortened: [] });
    const recipient = { ...base, department: 'Ausländerbehörde', attention: 'Frau Silke Nießen', addition: 'Haus A, Zimmer 68' };
    const block = addressBlock(recipient);
    expect(block.lines).toEqual(['Kreis Düren', 'Ausländerbehörde', 'Frau Silke Nießen', 'Haus A, Zimmer 68', 'Bismarckstr. 16', '52351 Düren']);
    expectWellFormed(recipient, block, addressLineFits);
    expect(addressBlock({ ...base, addition: '  ' }).lines).toEqual(addressBlock(base).lines);
  });

  it('leaves out blank department and contact, and collapses line breaks and tabs in a name', () => {
    const block = addressBlock({ ...base, name: 'Kreis\nDüren\t ', department: '   ', attention: '' });
    expect(block.lines).toEqual(['Kreis Düren', 'Bismarckstr. 16', '52351 Düren']);
  });

  it('wraps a long organization name at word boundaries, every line fitting the 80 mm', () => {
    expect(addressLineFits(LONG_ORGANIZATION)).toBe(false);
    const recipient = { ...base, name: LONG_ORGANIZATION };
    const block = addressBlock(recipient);
    expectWellFormed(recipient, block, addressLineFits);
    const nameLines = block.lines.slice(0, -2);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.join(' ')).toBe(LONG_ORGANIZATION);
    expectGreedy(nameLines, addressLineFits);
    expect(block.shortened).toEqual([]);
  });

  it('hyphenates a single word wider than the line visibly, and the pieces give the word back', () => {
    expect(addressLineFits(LONG_WORD)).toBe(false);
    const pieces = wrapWords(LONG_WORD, addressLineFits);
    expect(pieces.length).toBeGreaterThan(1);
    pieces.slice(0, -1).forEach((piece, index) => {
      expect(piece).toMatch(/^\S+-$/);
      expect(addressLineFits(piece)).toBe(true);
      // The break is as late as the line allows: one more letter would not fit.
      const nextLetter = pieces[index + 1]![0]!;
      expect(addressLineFits(`${piece.slice(0, -1)}${nextLetter}-`)).toBe(false);
    });
    expect(pieces.at(-1)).not.toMatch(/-$/);
    expect(pieces.map((piece, index) => (index < pieces.length - 1 ? piece.slice(0, -1) : piece)).join('')).toBe(LONG_WORD);

    const recipient = { ...base, name: `Die ${LONG_WORD} Wien` };
    const block = addressBlock(recipient);
    expectWellFormed(recipient, block, addressLineFits);
    expect(block.lines.slice(0, -2)).toEqual(['Die', ...pieces.slice(0, -1), `${pieces.at(-1)} Wien`]);
  });

  it('never gives more than six lines, keeping the delivery lines last', () => {
    const recipient = {
      ...base,
      name: `${LONG_ORGANIZATION} – Regionalbüro für Migration und Integration Nordeifel`,
      department: 'Fachbereich Migration, Integration und interkulturelle Öffnung der Verwaltung',
      attention: 'Frau Dr. Maria-Theresia Schmitz-Oberhausen-Nguyễn',
    };
    const block = addressBlock(recipient);
    expect(block.lines).toHaveLength(MAX_ADDRESS_LINES);
    expectWellFormed(recipient, block, addressLineFits);
    expect(block.shortened.length).toBeGreaterThan(0);
  });

  it('shortens the department first when name, department and contact need seven lines', () => {
    const recipient = {
      ...base,
      name: 'Caritasverband für die Region Düren-Jülich e. V.',
      department: 'Fachdienst Integration und Migration, Flüchtlingsberatung und Integrationsagentur im Kreis Düren',
      attention: 'Frau Prof. Dr. Maria-Theresia Schmitz-Oberhausen-Lindenberg',
    };
    const fullDepartment = wrapWords(recipient.department, addressLineFits);
    const fullAttention = wrapWords(recipient.attention, addressLineFits);
    expect(1 + fullDepartment.length + fullAttention.length + 2).toBeGreaterThan(MAX_ADDRESS_LINES);
    expect(fullAttention).toHaveLength(2);

    const block = addressBlock(recipient);
    expectWellFormed(recipient, block, addressLineFits);
    expect(block.shortened).toEqual(['Abteilung gekürzt']);
    const department = block.lines[1]!;
    expect(department.endsWith(ELLIPSIS)).toBe(true);
    const kept = department.slice(0, -ELLIPSIS.length);
    expect(isWordPrefix(recipient.department, kept)).toBe(true);
    // As many whole words as fit with the mark, no fewer.
    const nextWord = wordsOf(recipient.department)[wordsOf(kept).length]!;
    expect(addressLineFits(`${kept} ${nextWord}${ELLIPSIS}`)).toBe(false);
    // The contact was not touched: only one reduction was needed.
    expect(block.lines.slice(2, 4)).toEqual(fullAttention);
  });

  it('shortens department, then contact, then the name – and stops as soon as six lines are reached', () => {
    const recipient = {
      ...base,
      name: LONG_ORGANIZATION,
      department: 'Fachbereich Migration, Integration und interkulturelle Öffnung der Verwaltung',
      attention: 'Frau Dr. Maria-Theresia Schmitz-Oberhausen-Nguyễn',
    };
    expect(wrapWords(recipient.name, addressLineFits)).toHaveLength(2);
    expect(wrapWords(recipient.department, addressLineFits)).toHaveLength(2);
    expect(wrapWords(recipient.attention, addressLineFits)).toHaveLength(2);
    const block = addressBlock(recipient);
    expectWellFormed(recipient, block, addressLineFits);
    expect(block.shortened).toEqual(['Abteilung gekürzt', 'Ansprechperson gekürzt']);
    expect(block.lines.slice(0, 2)).toEqual(wrapWords(LONG_ORGANIZATION, addressLineFits));
    expect(isWordPrefix(recipient.department, block.lines[2]!.slice(0, -ELLIPSIS.length))).toBe(true);
    expect(isWordPrefix(recipient.attention, block.lines[3]!.slice(0, -ELLIPSIS.length))).toBe(true);
  });

  it('shortens a three-line name to two lines when department and contact take one line each', () => {
    const name = `${LONG_ORGANIZATION} – Regionalbüro Nordeifel`;
    expect(wrapWords(name, addressLineFits)).toHaveLength(3);
    const recipient = { ...base, name, department: 'Team Süd', attention: 'Frau Muster' };
    const block = addressBlock(recipient);
    expectWellFormed(recipient, block, addressLineFits);
    expect(block.shortened).toEqual(['Name auf zwei Zeilen gekürzt']);
    expect(block.lines.slice(2)).toEqual(['Team Süd', 'Frau Muster', 'Bismarckstr. 16', '52351 Düren']);
    expect(isWordPrefix(name, `${block.lines[0]} ${block.lines[1]!.slice(0, -ELLIPSIS.length)}`)).toBe(true);
  });

  it('keeps a shortened line within the zone even when its only word is a hyphenated piece', () => {
    const department = 'Migrationsberatung/Flüchtlingsberatung/Integrationsagentur Nord';
    const departmentLines = wrapWords(department, addressLineFits);
    expect(departmentLines.length).toBe(2);
    expect(departmentLines[0]).toMatch(/^\S+-$/);
    const recipient = { ...base, name: LONG_ORGANIZATION, department, attention: 'Frau Muster' };
    const block = addressBlock(recipient);
    expect(block.shortened).toEqual(['Abteilung gekürzt']);
    for (const line of block.lines) expect(addressLineFits(line), line).toBe(true);
    // With no whole word to keep, the department keeps the start of its one long word, marked as cut.
    const cut = block.lines[2]!;
    expect(cut).toMatch(/^\S+ …$/);
    expect(department.startsWith(cut.slice(0, -ELLIPSIS.length))).toBe(true);
    expect(block.lines.slice(-2)).toEqual(deliveryOf(recipient));
  });
});

describe('addressBlock with a 20-character measure (deterministic)', () => {
  const recipient = (overrides: Partial<AddressRecipient>): AddressRecipient => ({
    name: 'Verein für Bildung und Kultur',
    street: 'Markt 1',
    postalCode: '52349',
    city: 'Düren',
    ...overrides,
  });

  it('wraps greedily at spaces', () => {
    expect(wrapWords('aaaa bbbb cccc dddd eeee ffff gggg', twenty)).toEqual(['aaaa bbbb cccc dddd', 'eeee ffff gggg']);
    expect(wrapWords('  aaaa\n\tbbbb  ', twenty)).toEqual(['aaaa bbbb']);
    expect(wrapWords('', twenty)).toEqual([]);
    expect(wrapWords('Verein für Bildung und Kultur im Kreis Düren', twenty)).toEqual(['Verein für Bildung', 'und Kultur im Kreis', 'Düren']);
  });

  it('hyphenates a word longer than the line and goes on after its last piece', () => {
    expect(wrapWords('Donaudampfschifffahrtsgesellschaft', twenty)).toEqual(['Donaudampfschifffah-', 'rtsgesellschaft']);
    expect(wrapWords('Donaudampfschifffahrtsgesellschaft Wien', twenty)).toEqual(['Donaudampfschifffah-', 'rtsgesellschaft Wien']);
    expect(wrapWords('Die Donaudampfschifffahrtsgesellschaft', twenty)).toEqual(['Die', 'Donaudampfschifffah-', 'rtsgesellschaft']);
    const pieces = wrapWords('x'.repeat(50), twenty);
    expect(pieces).toEqual([`${'x'.repeat(19)}-`, `${'x'.repeat(19)}-`, 'x'.repeat(12)]);
  });

  it('fits without shortening when six lines suffice', () => {
    const input = recipient({ department: 'Abteilung Sprachkurse Nord' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Abteilung', 'Sprachkurse Nord', 'Markt 1', '52349 Düren'],
      shortened: [],
    });
    expectWellFormed(input, block, twenty);
  });

  it('1. shortens the department to one line', () => {
    const input = recipient({ department: 'Abteilung Sprachkurse Nord', attention: 'Frau Dr. Anna Roth', street: 'Markt 1' });
    // 2 + 2 + 1 + 2 = 7 lines.
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Abteilung …', 'Frau Dr. Anna Roth', 'Markt 1', '52349 Düren'],
      shortened: ['Abteilung gekürzt'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('2. shortens the contact when the department already has one line', () => {
    const input = recipient({ department: 'Sprachkurse', attention: 'Frau Prof. Dr. Roth-Berger' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Sprachkurse', 'Frau Prof. Dr. …', 'Markt 1', '52349 Düren'],
      shortened: ['Ansprechperson gekürzt'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('3. shortens the name to two lines, "…" after the last whole word that fits with it', () => {
    const input = recipient({ name: 'Verein für Bildung und Kultur im Kreis Düren', department: 'Sprachkurse', attention: 'Frau Dr. Anna Roth' });
    const block = addressBlock(input, twenty);
    // "und Kultur im Kreis …" would be 21 characters: "Kreis" goes too.
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur im …', 'Sprachkurse', 'Frau Dr. Anna Roth', 'Markt 1', '52349 Düren'],
      shortened: ['Name auf zwei Zeilen gekürzt'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('department before contact before name, each once', () => {
    const input = recipient({
      name: 'Verein für Bildung und Kultur im Kreis Düren',
      department: 'Abteilung Sprachkurse Nord',
      attention: 'Frau Prof. Dr. Roth-Berger',
    });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur im …', 'Abteilung …', 'Frau Prof. Dr. …', 'Markt 1', '52349 Düren'],
      shortened: ['Abteilung gekürzt', 'Ansprechperson gekürzt', 'Name auf zwei Zeilen gekürzt'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('stops shortening as soon as the block has six lines', () => {
    const input = recipient({ department: 'Abteilung Sprachkurse Nord', attention: 'Frau Prof. Dr. Roth-Berger' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Abteilung …', 'Frau Prof. Dr. …', 'Markt 1', '52349 Düren'],
      shortened: ['Abteilung gekürzt', 'Ansprechperson gekürzt'],
    });
  });

  it('4. drops the department when a wrapped street leaves too little room', () => {
    const input = recipient({ department: 'Abteilung Sprachkurse Nord', attention: 'Frau Dr. Anna Roth', street: 'Gewerbegebiet Nord Halle 3' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Frau Dr. Anna Roth', 'Gewerbegebiet Nord', 'Halle 3', '52349 Düren'],
      shortened: ['Abteilung gekürzt', 'Abteilung weggelassen'],
    });
  });

  it('5. drops the contact after the department', () => {
    // Street and place take two lines each (their limit), so name, department and contact must make room.
    const input = recipient({ department: 'Sprachkurse', attention: 'Frau Dr. Anna Roth', street: 'Gewerbegebiet Nord Halle 3', city: 'Düren-Gürzenich Nord' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Gewerbegebiet Nord', 'Halle 3', '52349', 'Düren-Gürzenich Nord'],
      shortened: ['Abteilung weggelassen', 'Ansprechperson weggelassen'],
    });
  });

  it('5. goes through every step in the documented order, and the block still holds two name lines', () => {
    const input = recipient({
      name: 'Verein für Bildung und Kultur im Kreis Düren',
      department: 'Abteilung Sprachkurse Nord',
      attention: 'Frau Prof. Dr. Roth-Berger',
      street: 'Gewerbegebiet Nord Halle 3 Tor 2 Hinterhaus',
      city: 'Düren-Gürzenich Nord',
    });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur im …', 'Gewerbegebiet Nord', 'Halle 3 Tor 2 …', '52349', 'Düren-Gürzenich Nord'],
      shortened: [
        'Straße gekürzt',
        'Abteilung gekürzt',
        'Ansprechperson gekürzt',
        'Name auf zwei Zeilen gekürzt',
        'Abteilung weggelassen',
        'Ansprechperson weggelassen',
      ],
    });
  });

  it('keeps the post box lines last while shortening', () => {
    const input = recipient({
      department: 'Abteilung Sprachkurse Nord',
      attention: 'Frau Dr. Anna Roth',
      street: 'Gewerbegebiet Nord Halle 3',
      postbox: { label: 'Postfach 10 01 23', postalCode: '52348', city: 'Düren' },
    });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Abteilung …', 'Frau Dr. Anna Roth', 'Postfach 10 01 23', '52348 Düren'],
      shortened: ['Abteilung gekürzt'],
    });
  });

  it('keeps the address addition whole while department, contact and name make room', () => {
    const input = recipient({ department: 'Abteilung Sprachkurse Nord', attention: 'Frau Roth', addition: 'Unterkunft Haus B' });
    // 2 + 2 + 1 + 1 + 2 = 8 lines.
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung', 'und Kultur', 'Frau Roth', 'Unterkunft Haus B', 'Markt 1', '52349 Düren'],
      shortened: ['Abteilung gekürzt', 'Abteilung weggelassen'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('puts the name on one line before it shortens a long addition', () => {
    const input = recipient({ addition: 'Unterkunft am Markt Haus B Zimmer 12 Flur 3' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein für Bildung …', 'Unterkunft am Markt', 'Haus B Zimmer 12', 'Flur 3', 'Markt 1', '52349 Düren'],
      shortened: ['Name auf eine Zeile gekürzt'],
    });
    expectWellFormed(input, block, twenty);
  });

  it('shortens the addition last, as little as needed and with a note, when street and place take four lines', () => {
    const input = recipient({ name: 'Verein', addition: 'c/o Familie Weber Haus B', street: 'Gewerbegebiet Nord Halle 3', city: 'Düren-Gürzenich Nord' });
    const block = addressBlock(input, twenty);
    expect(block).toEqual({
      lines: ['Verein', 'c/o Familie Weber …', 'Gewerbegebiet Nord', 'Halle 3', '52349', 'Düren-Gürzenich Nord'],
      shortened: ['Zusatz gekürzt'],
    });
  });

  it('never loses the postcode and city line, even behind a street of five lines', () => {
    const street = 'Aaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbb Cccccccccccccccccccc Dddddddddddddddddddd Eeeeeeeeeeeeeeeeeeee';
    const block = addressBlock(recipient({ name: 'Verein', street }), twenty);
    expect(block).toEqual({
      lines: ['Verein', 'Aaaaaaaaaaaaaaaaaaaa', 'Bbbbbbbbbbbbbbbbbb …', '52349 Düren'],
      shortened: ['Straße gekürzt'],
    });
  });
});

// ---------------------------------------------------------------------------
// End to end: a letter to a partner, read back from the PDF.

const EPS = 0.01;
const ZONE = { left: 25, right: 105, top: 62.7, bottom: 90 };

/** Words grouped into lines by their top edge, top-down, each line left to right. */
function linesOf(words: PdfWord[]): string[] {
  const sorted = [...words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const lines: PdfWord[][] = [];
  for (const word of sorted) {
    const current = lines.at(-1);
    if (current && Math.abs(current[0]!.y0 - word.y0) < 1) current.push(word);
    else lines.push([word]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x0 - b.x0)
      .map((word) => word.text)
      .join(' '),
  );
}

describe('a letter to a partner carries the address block in the Anschriftzone', () => {
  let core: Core;
  let dataDir: string;
  let dispose: () => void;
  beforeEach(() => {
    ({ core, dataDir, dispose } = openTestCore());
  });
  afterEach(() => dispose());

  it('prints exactly the lines of partners.addressBlock, uncut, inside x 25–105 and y 62.7–90 mm', async () => {
    const partner = await callOk<Partner>(core, 'partners.create', {
      name: LONG_ORGANIZATION,
      department: 'Fachbereich Migration, Integration und interkulturelle Öffnung der Verwaltung des Kreises Düren und der Städte und Gemeinden im Kreisgebiet',
      address: { street: 'Kölnstraße 12', postalCode: '52351', city: 'Düren' },
      contacts: [{ formOfAddress: 'Frau', title: 'Prof. Dr.', name: 'Maria-Theresia Schmitz-Oberhausen-Lindenberg' }],
    });
    const block = await callOk<AddressBlock>(core, 'partners.addressBlock', { id: partner.id });
    // The letter needs the shortening: the department does not fit on one line.
    expect(block.shortened).toEqual(['Abteilung gekürzt']);
    expect(block.lines.at(-2)).toBe('Kölnstraße 12');
    expect(block.lines.at(-1)).toBe('52351 Düren');
    const withContact = await callOk<AddressBlock>(core, 'partners.addressBlock', { id: partner.id, contactId: partner.contacts[0]!.id });
    expect(withContact.lines.some((line) => line.startsWith('Frau Prof. Dr.'))).toBe(true);
    expect(withContact.shortened).toEqual(['Abteilung gekürzt', 'Ansprechperson gekürzt']);
    expect(withContact.lines).toHaveLength(MAX_ADDRESS_LINES);

    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const document = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      partnerId: partner.id,
      values: { subject: 'Anmeldung zur Beratung', body: 'anbei die Unterlagen.' },
    });
    const rendered = await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id });
    const file = path.join(dataDir, 'partner-letter.pdf');
    fs.writeFileSync(file, Buffer.from(rendered.pdfBase64, 'base64'));

    const words = pdfWords(file, 1);
    const inZone = words.filter((w) => w.x1 > ZONE.left - 5 + EPS && w.x0 < ZONE.right - EPS && w.y0 >= ZONE.top - EPS && w.y0 < ZONE.bottom - EPS);
    expect(linesOf(inZone)).toEqual(block.lines.map((line) => wordsOf(line).join(' ')));
    for (const w of inZone) {
      expect(w.x0, w.text).toBeGreaterThanOrEqual(ZONE.left - EPS);
      expect(w.x1, w.text).toBeLessThanOrEqual(ZONE.right + EPS);
      expect(w.y1, w.text).toBeLessThanOrEqual(ZONE.bottom + EPS);
    }
    // Nothing of the block spills right of the address field on its lines, and the client's address is not in it.
    const top = Math.min(...inZone.map((w) => w.y0));
    const bottom = Math.max(...inZone.map((w) => w.y1));
    expect(words.filter((w) => w.y0 >= top - EPS && w.y1 <= bottom + EPS && w.x0 > ZONE.right && w.x0 < 125)).toEqual([]);
    expect(inZone.map((w) => w.text)).not.toContain('Hauptstraße');
  });

  it('prints the address addition of a client on its own line between name and street', async () => {
    const client = await callOk<{ id: string }>(core, 'clients.create', {
      ...SAMPLE_CLIENT,
      address: { ...SAMPLE_CLIENT.address, addition: 'c/o Familie Weber' },
    });
    const document = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'wir laden Sie herzlich ein.' },
    });
    const rendered = await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id });
    const file = path.join(dataDir, 'client-letter.pdf');
    fs.writeFileSync(file, Buffer.from(rendered.pdfBase64, 'base64'));
    const inZone = pdfWords(file, 1).filter((w) => w.x0 < ZONE.right - EPS && w.y0 >= ZONE.top - EPS && w.y0 < ZONE.bottom - EPS);
    const lines = linesOf(inZone);
    const name = lines.indexOf('Ayşe Müller');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(lines.slice(name)).toEqual(['Ayşe Müller', 'c/o Familie Weber', 'Hauptstraße 5', '52349 Düren']);
  });
});
