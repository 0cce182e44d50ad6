import { completePostbox } from '../../../shared/domain/postal-address';
import { addressLineFits } from './layouts/din5008-letter';

/**
 * The DIN 5008 Anschriftzone holds at most six lines of about 80 mm. This
 * turns a recipient into those lines, for every letter Lotse writes: long
 * names wrap at word boundaries, and when the lines are more than six, the
 * least needed part is shortened first, in a fixed order, and the counselor
 * is told what was left out. The delivery lines (street or post box, postcode
 * and city) are never touched, and the address addition (c/o, Unterkunft,
 * Zimmer), which the carrier needs too, is shortened last. A word is never
 * cut without a visible mark.
 */

export const MAX_ADDRESS_LINES = 6;
/** Street (or post box) and postcode with place: two lines each at most, so a name line always remains. */
const DELIVERY_LINE_MAX = 2;

export interface AddressRecipient {
  /** "Frau" or "Herrn" on its own line above a person's name (DIN 5008); none for an organization, or where not known. */
  formOfAddress?: string;
  /** The organization, or the person's name with an academic title. */
  name: string;
  /** Department or team of an organization. */
  department?: string;
  /** The person in the organization the letter goes to, below organization and department as DIN 5008 writes it: "Frau Dr. Anna Schmitz". */
  attention?: string;
  /** Address addition (c/o, Unterkunft, Zimmer …): DIN 5008 puts it between the name lines and the street. */
  addition?: string;
  street: string;
  postbox?: { label: string; postalCode: string; city: string } | null;
  postalCode: string;
  city: string;
}

export interface AddressBlock {
  lines: string[];
  /** What was shortened or left out to fit, in German, for a note to the counselor. */
  shortened: string[];
}

type Fits = (line: string) => boolean;

/** Breaks a word that is wider than the line into pieces, each ending in a hyphen but the last. */
function breakLongWord(word: string, fits: Fits): string[] {
  const pieces: string[] = [];
  let rest = [...word];
  while (rest.length > 0 && !fits(rest.join(''))) {
    let take = rest.length - 1;
    while (take > 1 && !fits(`${rest.slice(0, take).join('')}-`)) take -= 1;
    pieces.push(`${rest.slice(0, take).join('')}-`);
    rest = rest.slice(take);
  }
  if (rest.length > 0) pieces.push(rest.join(''));
  return pieces;
}

/** Greedy word wrap at spaces; words wider than a line are hyphenated visibly. */
export function wrapWords(text: string, fits: Fits): string[] {
  const lines: string[] = [];
  // After a hyphenated piece of a broken word, its next piece must start the next line.
  let lastWasBrokenPiece = false;
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)) {
    const pieces = fits(word) ? [word] : breakLongWord(word, fits);
    pieces.forEach((piece, index) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && !lastWasBrokenPiece && fits(`${last} ${piece}`)) lines[lines.length - 1] = `${last} ${piece}`;
      else lines.push(piece);
      lastWasBrokenPiece = index < pieces.length - 1;
    });
  }
  return lines;
}

/**
 * Keeps the first `count` lines; a cut shows as " …" after the last whole
 * word that fits with it. A line with no such word (one long hyphenated word)
 * keeps the start of that word that fits before the " …".
 */
function truncateLines(lines: string[], count: number, fits: Fits): string[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  const words = (kept[count - 1] ?? '').split(' ');
  while (words.length > 0 && (words[words.length - 1]!.endsWith('-') || !fits(`${words.join(' ')} …`))) words.pop();
  if (words.length > 0) {
    kept[count - 1] = `${words.join(' ')} …`;
  } else {
    const letters = [...(kept[count - 1] ?? '').replace(/-$/, '')];
    while (letters.length > 1 && !fits(`${letters.join('')} …`)) letters.pop();
    kept[count - 1] = `${letters.join('')} …`;
  }
  return kept;
}

interface Part {
  key: 'formOfAddress' | 'name' | 'department' | 'attention' | 'addition';
  lines: string[];
}

/**
 * Reductions in the order they are tried: a shortened department before a
 * shortened contact before a shortened name; dropping whole parts only after
 * that (but for the "Frau" / "Herrn" line, which no delivery needs); a name
 * on one line only where an address addition needs the room. Each says what
 * it did, for the note to the counselor.
 */
const REDUCTIONS: Array<{ part: Part['key']; keep: number; note: string }> = [
  { part: 'department', keep: 1, note: 'Abteilung gekürzt' },
  { part: 'attention', keep: 1, note: 'Ansprechperson gekürzt' },
  // The delivery needs the name, not the "Frau" / "Herrn" above it.
  { part: 'formOfAddress', keep: 0, note: 'Anrede „Frau“/„Herrn“ weggelassen' },
  { part: 'name', keep: 2, note: 'Name auf zwei Zeilen gekürzt' },
  { part: 'department', keep: 0, note: 'Abteilung weggelassen' },
  { part: 'attention', keep: 0, note: 'Ansprechperson weggelassen' },
  { part: 'name', keep: 1, note: 'Name auf eine Zeile gekürzt' },
];

export function addressBlock(recipient: AddressRecipient, fits: Fits = (line) => addressLineFits(line)): AddressBlock {
  const wrap = (text: string | undefined) => (text && text.trim() !== '' ? wrapWords(text, fits) : []);
  const parts: Part[] = [
    { key: 'formOfAddress', lines: wrap(recipient.formOfAddress) },
    { key: 'name', lines: wrap(recipient.name) },
    { key: 'department', lines: wrap(recipient.department) },
    { key: 'attention', lines: wrap(recipient.attention) },
    { key: 'addition', lines: wrap(recipient.addition) },
  ];
  // An incomplete post box cannot receive the letter: then it goes to the street (shared/domain/postal-address.ts).
  const postbox = completePostbox(recipient);
  const shortened: string[] = [];
  // The delivery lines are kept whole, but an absurdly long street or place may take two lines each at most.
  const deliveryLine = (text: string, note: string) => {
    const lines = wrap(text);
    if (lines.length <= DELIVERY_LINE_MAX) return lines;
    shortened.push(note);
    return truncateLines(lines, DELIVERY_LINE_MAX, fits);
  };
  const delivery = [
    ...deliveryLine(postbox ? postbox.label : recipient.street, postbox ? 'Postfach gekürzt' : 'Straße gekürzt'),
    ...deliveryLine(
      [postbox ? postbox.postalCode : recipient.postalCode, postbox ? postbox.city : recipient.city].filter((part) => part.trim() !== '').join(' '),
      'Ort gekürzt',
    ),
  ];
  const total = () => parts.reduce((sum, part) => sum + part.lines.length, 0) + delivery.length;
  for (const reduction of REDUCTIONS) {
    if (total() <= MAX_ADDRESS_LINES) break;
    const part = parts.find((candidate) => candidate.key === reduction.part)!;
    if (part.lines.length <= reduction.keep) continue;
    part.lines = reduction.keep === 0 ? [] : truncateLines(part.lines, reduction.keep, fits);
    shortened.push(reduction.note);
  }
  // Only now the addition, and only as far as needed: delivery takes at most four lines and the name one, so one line of it always remains.
  const addition = parts.find((part) => part.key === 'addition')!;
  const over = total() - MAX_ADDRESS_LINES;
  if (over > 0) {
    addition.lines = truncateLines(addition.lines, Math.max(1, addition.lines.length - over), fits);
    shortened.push('Zusatz gekürzt');
  }
  return { lines: [...parts.flatMap((part) => part.lines), ...delivery], shortened };
}
