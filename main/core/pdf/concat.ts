import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeXml, xmlSafeText, xmpLanguage } from './xmp';

/**
 * Puts PDFs that Lotse rendered (pdfmake/pdfkit output) one after another
 * into one PDF, for serial letters: each letter keeps its own bytes-level
 * content (fonts, images, page streams are copied verbatim), only object
 * numbers are renumbered and the pages hung into one page tree.
 *
 * Deliberately small: it reads what pdfkit writes — a classic cross-reference
 * table, one revision, no object streams — and refuses anything else with an
 * error instead of guessing. The output is streamed into chunks as letters
 * arrive, so a batch holds each letter only while it is copied.
 *
 * Only what the pages need is copied (everything reachable from the page
 * objects, not from the catalog): a letter's document-level parts — info
 * dictionary, XMP metadata, output intent, named destinations — stay behind.
 * The combined PDF gets its own at the end (`finish`), so it is PDF/A-2b as
 * its letters are: an XMP packet naming the conformance, title, language and
 * dates as the Info dictionary has them, and pdfkit's sRGB output intent.
 * Each letter's archival PDF is still the one recorded with its document.
 */

type PdfValue = { t: 'raw'; v: string } | { t: 'ref'; n: number } | { t: 'arr'; v: PdfValue[] } | { t: 'dict'; v: Map<string, PdfValue> };

interface PdfObject {
  value: PdfValue;
  /** Raw stream bytes (still encoded), for stream objects. */
  stream?: Buffer;
}

export class PdfConcatError extends Error {
  constructor(message: string) {
    super(`PDF kann nicht zusammengefügt werden: ${message}`);
    this.name = 'PdfConcatError';
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** A reader over one PDF's bytes, as a latin1 string so that indexes are byte offsets. */
class PdfReader {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: Map<string, PdfValue>;

  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
    const startxref = this.text.lastIndexOf('startxref');
    if (startxref < 0) throw new PdfConcatError('kein „startxref“ gefunden.');
    const position = { p: startxref + 'startxref'.length };
    const xrefOffset = Number(this.token(position));
    if (!Number.isInteger(xrefOffset)) throw new PdfConcatError('ungültiger Verweis auf die Querverweistabelle.');
    this.trailer = this.readXref(xrefOffset);
    if (this.trailer.has('/Prev')) throw new PdfConcatError('PDFs mit mehreren Revisionen werden nicht unterstützt.');
  }

  private skipWhitespace(position: { p: number }): void {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(position.p);
      if (WHITESPACE.has(code)) position.p += 1;
      else if (code === 0x25 /* % */) {
        while (position.p < text.length && text[position.p] !== '\n' && text[position.p] !== '\r') position.p += 1;
      } else return;
    }
  }

  /** The next regular token (number, keyword) without consuming delimiters. */
  private token(position: { p: number }): string {
    this.skipWhitespace(position);
    const start = position.p;
    while (position.p < this.text.length) {
      const code = this.text.charCodeAt(position.p);
      if (WHITESPACE.has(code) || DELIMITERS.has(code)) break;
      position.p += 1;
    }
    return this.text.slice(start, position.p);
  }

  private readXref(offset: number): Map<string, PdfValue> {
    const position = { p: offset };
    if (this.token(position) !== 'xref') throw new PdfConcatError('nur PDFs mit klassischer Querverweistabelle werden unterstützt.');
    for (;;) {
      const word = this.token(position);
      if (word === 'trailer') break;
      const first = Number(word);
      const count = Number(this.token(position));
      if (!Number.isInteger(first) || !Number.isInteger(count)) throw new PdfConcatError('die Querverweistabelle ist beschädigt.');
      for (let index = 0; index < count; index += 1) {
        const entryOffset = Number(this.token(position));
        this.token(position);
        const kind = this.token(position);
        if (kind === 'n') this.offsets.set(first + index, entryOffset);
      }
    }
    const trailer = this.value(position);
    if (trailer.t !== 'dict') throw new PdfConcatError('der Trailer ist kein Wörterbuch.');
    return trailer.v;
  }

  private literalString(position: { p: number }): string {
    const { text } = this;
    const start = position.p;
    let depth = 0;
    while (position.p < text.length) {
      const character = text[position.p];
      if (character === '\\') position.p += 2;
      else {
        if (character === '(') depth += 1;
        else if (character === ')') {
          depth -= 1;
          if (depth === 0) {
            position.p += 1;
            return text.slice(start, position.p);
          }
        }
        position.p += 1;
      }
    }
    throw new PdfConcatError('eine Zeichenkette ist nicht abgeschlossen.');
  }

  private value(position: { p: number }): PdfValue {
    this.skipWhitespace(position);
    const { text } = this;
    const character = text[position.p];
    if (character === '<' && text[position.p + 1] === '<') {
      position.p += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipWhitespace(position);
        if (text.startsWith('>>', position.p)) {
          position.p += 2;
          return { t: 'dict', v: entries };
        }
        if (text[position.p] !== '/') throw new PdfConcatError(`ein Schlüssel im Wörterbuch bei Byte ${position.p} ist kein Name.`);
        const key = this.value(position);
        entries.set((key as { v: string }).v, this.value(position));
      }
    }
    if (character === '<') {
      const end = text.indexOf('>', position.p);
      if (end < 0) throw new PdfConcatError('eine Hex-Zeichenkette ist nicht abgeschlossen.');
      const raw = text.slice(position.p, end + 1);
      position.p = end + 1;
      return { t: 'raw', v: raw };
    }
    if (character === '[') {
      position.p += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace(position);
        if (text[position.p] === ']') {
          position.p += 1;
          return { t: 'arr', v: items };
        }
        if (position.p >= text.length) throw new PdfConcatError('ein Feld ist nicht abgeschlossen.');
        items.push(this.value(position));
      }
    }
    if (character === '(') return { t: 'raw', v: this.literalString(position) };
    if (character === '/') {
      // A name runs to the next whitespace or delimiter; `/` alone is a valid (empty) name.
      const start = position.p;
      position.p += 1;
      while (position.p < text.length && !WHITESPACE.has(text.charCodeAt(position.p)) && !DELIMITERS.has(text.charCodeAt(position.p))) position.p += 1;
      return { t: 'raw', v: text.slice(start, position.p) };
    }
    const word = this.token(position);
    if (word === '') throw new PdfConcatError(`unerwartetes Zeichen bei Byte ${position.p}.`);
    if (/^\d+$/.test(word)) {
      // `n g R` is a reference; look ahead without consuming anything else.
      const ahead = { p: position.p };
      const generation = this.token(ahead);
      if (/^\d+$/.test(generation) && this.token(ahead) === 'R') {
        position.p = ahead.p;
        return { t: 'ref', n: Number(word) };
      }
    }
    return { t: 'raw', v: word };
  }

  object(number: number): PdfObject {
    const cached = this.cache.get(number);
    if (cached) return cached;
    const offset = this.offsets.get(number);
    if (offset === undefined) throw new PdfConcatError(`Objekt ${number} fehlt.`);
    const position = { p: offset };
    const head = [this.token(position), this.token(position), this.token(position)];
    if (Number(head[0]) !== number || head[2] !== 'obj') throw new PdfConcatError(`Objekt ${number} steht nicht an seiner Stelle.`);
    const value = this.value(position);
    const object: PdfObject = { value };
    const after = { p: position.p };
    if (this.token(after) === 'stream') {
      if (value.t !== 'dict') throw new PdfConcatError(`Objekt ${number}: ein Datenstrom ohne Wörterbuch.`);
      let start = after.p;
      if (this.text[start] === '\r') start += 1;
      if (this.text[start] === '\n') start += 1;
      const length = this.resolve(value.v.get('/Length'));
      const size = length?.t === 'raw' ? Number(length.v) : NaN;
      if (!Number.isInteger(size) || size < 0 || start + size > this.bytes.length) throw new PdfConcatError(`Objekt ${number}: ungültige Länge.`);
      object.stream = this.bytes.subarray(start, start + size);
    }
    this.cache.set(number, object);
    return object;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; current?.t === 'ref'; hops += 1) {
      if (hops > 32) throw new PdfConcatError('Verweiskette zu lang.');
      current = this.object(current.n).value;
    }
    return current;
  }

  dict(value: PdfValue | undefined, what: string): Map<string, PdfValue> {
    const resolved = this.resolve(value);
    if (resolved?.t !== 'dict') throw new PdfConcatError(`${what} fehlt.`);
    return resolved.v;
  }
}

/** Attributes a page may inherit from its ancestors in the page tree (PDF 32000-1, 7.7.3.4). */
const INHERITED = ['/Resources', '/MediaBox', '/CropBox', '/Rotate'] as const;

/** A4 portrait in points, for a blank page after a letter that has no readable MediaBox. */
const A4 = '[0 0 595.28 841.89]';

interface LetterPages {
  /** Page object numbers in reading order, with attributes they inherit. */
  pages: Array<{ number: number; inherited: Map<string, PdfValue> }>;
  /** Objects of the page tree and the catalog: never copied. */
  structure: Set<number>;
}

function collectPages(reader: PdfReader): LetterPages {
  const root = reader.trailer.get('/Root');
  if (root?.t !== 'ref') throw new PdfConcatError('der Katalog fehlt.');
  const catalog = reader.dict(root, 'der Katalog');
  const structure = new Set<number>([root.n]);
  const pages: LetterPages['pages'] = [];
  const walk = (node: PdfValue | undefined, inherited: Map<string, PdfValue>, depth: number) => {
    if (node?.t !== 'ref') throw new PdfConcatError('der Seitenbaum enthält einen direkten Knoten.');
    if (depth > 64 || structure.has(node.n)) throw new PdfConcatError('der Seitenbaum ist zyklisch.');
    const dict = reader.dict(node, 'ein Knoten des Seitenbaums');
    const type = reader.resolve(dict.get('/Type'));
    if (type?.t === 'raw' && type.v === '/Page') {
      pages.push({ number: node.n, inherited });
      return;
    }
    structure.add(node.n);
    const next = new Map(inherited);
    for (const key of INHERITED) {
      const value = dict.get(key);
      if (value !== undefined) next.set(key, value);
    }
    const kids = reader.resolve(dict.get('/Kids'));
    if (kids?.t !== 'arr') throw new PdfConcatError('ein Knoten des Seitenbaums hat keine Kinder.');
    for (const kid of kids.v) walk(kid, next, depth + 1);
  };
  walk(catalog.get('/Pages'), new Map(), 0);
  if (pages.length === 0) throw new PdfConcatError('das PDF hat keine Seiten.');
  return { pages, structure };
}

/** A PDF text string in UTF-16BE, safe for any characters. */
function pdfTextString(text: string): string {
  const units = Buffer.from(`\ufeff${text}`, 'utf16le');
  units.swap16();
  return `<${units.toString('hex')}>`;
}

export interface ConcatOptions {
  title?: string;
  /** Document language for the catalog, e.g. `de-DE`. */
  language?: string;
  /** PDF date for the info dictionary; kept out when absent so equal input gives equal output. */
  creationDate?: Date;
}

function pdfDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** The same instant as `pdfDate`, as XMP writes dates (whole seconds, UTC): PDF/A wants the two to agree. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** What the combined PDF names as its maker, in the Info dictionary and the XMP alike. */
const CREATOR = 'Lotse';
const PRODUCER = 'Lotse';

let srgbProfile: Buffer | undefined;

/**
 * The sRGB ICC profile of the output intent: the file pdfkit ships and
 * embeds in every single document (`js/data/sRGB_IEC61966_2_1.icc`, read by
 * pdfkit from its own directory at run time). Found the way pdfmake finds
 * pdfkit, so the bundles (pdfmake is external, main/build.mjs) and the
 * packaged app (pdfmake's dependencies travel in node_modules) read the same
 * file. Read once per process.
 */
function srgbIccProfile(): Buffer {
  if (srgbProfile === undefined) {
    const pdfmake = createRequire(__filename).resolve('pdfmake');
    const pdfkit = createRequire(pdfmake).resolve('pdfkit');
    srgbProfile = fs.readFileSync(path.join(path.dirname(pdfkit), 'data', 'sRGB_IEC61966_2_1.icc'));
  }
  return srgbProfile;
}

/**
 * The XMP packet of the combined PDF (PDF/A-2b, ISO 19005-2 6.6): the
 * conformance, and every Info entry again — title, creator tool, producer,
 * dates — plus the language. Text is escaped; characters XML cannot carry
 * were already made spaces in the Info dictionary too (xmlSafeText).
 */
function xmpPacket(entries: { title?: string; language?: string; date?: Date }): string {
  const dates = entries.date ? `<xmp:CreateDate>${xmpDate(entries.date)}</xmp:CreateDate><xmp:ModifyDate>${xmpDate(entries.date)}</xmp:ModifyDate>` : '';
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>${dates}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer></rdf:Description>`,
  ];
  if (entries.title) {
    lines.push(
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(entries.title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>`,
    );
  }
  if (entries.language) lines.push(xmpLanguage(entries.language));
  lines.push('</rdf:RDF>', '</x:xmpmeta>', '<?xpacket end="w"?>');
  return lines.join('\n');
}

/**
 * Builds one PDF from many, document by document. Object 1 is the page
 * tree, 2 the catalog, 3 the info dictionary; every letter's objects follow.
 */
/**
 * The combined PDF is written into blocks of this size: a batch of 1,000
 * letters writes some 100,000 pieces (object headers, streams), and keeping
 * each as a Buffer of its own left that many objects for the host's garbage
 * collector (pauses of tens of milliseconds in a batch, DESIGN.md §8).
 */
const BLOCK_BYTES = 1 << 20;

export class PdfConcatenator {
  /** Full blocks (and pieces too large to copy), in order; `block` is being filled. */
  private readonly chunks: Buffer[] = [];
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private blockUsed = 0;
  private size = 0;
  /** Byte offset of every object, by object number (index 0 unused). */
  private readonly offsets: number[] = [0, 0, 0, 0];
  private readonly kids: number[] = [];
  private readonly digest = createHash('sha256');
  private finished = false;
  /** MediaBox of the last page written, for a blank page that follows it. */
  private lastMediaBox = A4;

  constructor(private readonly options: ConcatOptions = {}) {
    // The second line marks the file as binary for transfer programs (PDF 32000-1, 7.5.2).
    this.write(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  }

  get pageCount(): number {
    return this.kids.length;
  }

  private write(chunk: Buffer): void {
    if (chunk.length > BLOCK_BYTES / 4) {
      this.flushBlock();
      this.chunks.push(chunk);
    } else {
      if (this.blockUsed + chunk.length > BLOCK_BYTES) this.flushBlock();
      chunk.copy(this.block, this.blockUsed);
      this.blockUsed += chunk.length;
    }
    this.size += chunk.length;
  }

  /** Text of the PDF's syntax (Latin-1), written into the block without a Buffer of its own. */
  private writeText(text: string): void {
    // Latin-1: one byte per character.
    if (text.length > BLOCK_BYTES / 4) return this.write(Buffer.from(text, 'latin1'));
    if (this.blockUsed + text.length > BLOCK_BYTES) this.flushBlock();
    this.blockUsed += this.block.write(text, this.blockUsed, 'latin1');
    this.size += text.length;
  }

  private flushBlock(): void {
    if (this.blockUsed === 0) return;
    this.chunks.push(this.block.subarray(0, this.blockUsed));
    this.block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.blockUsed = 0;
  }

  private allocate(): number {
    this.offsets.push(0);
    return this.offsets.length - 1;
  }

  private writeObject(number: number, body: string, stream?: Buffer): void {
    this.offsets[number] = this.size;
    if (stream === undefined) {
      this.writeText(`${number} 0 obj\n${body}\nendobj\n`);
      return;
    }
    this.writeText(`${number} 0 obj\n${body}\nstream\n`);
    this.write(stream);
    this.writeText('\nendstream\nendobj\n');
  }

  /**
   * Appends all pages of `pdf`. With `newSheet`, the document starts on the
   * front of a new sheet in duplex printing: after an odd number of pages so
   * far, a blank page (of the size of the one before) comes first. Returns
   * the number of pages the document itself has.
   */
  add(pdf: Buffer, { newSheet = false }: { newSheet?: boolean } = {}): number {
    if (this.finished) throw new Error('PdfConcatenator: already finished');
    const reader = new PdfReader(pdf);
    const { pages, structure } = collectPages(reader);
    this.digest.update(pdf);
    if (newSheet && this.kids.length % 2 === 1) {
      const blank = this.allocate();
      this.writeObject(blank, `<</Type /Page\n/Parent 1 0 R\n/MediaBox ${this.lastMediaBox}\n/Resources <<>>>>`);
      this.kids.push(blank);
    }
    const numbers = new Map<number, number>();
    const queue: number[] = [];
    const newNumber = (old: number): number => {
      let mapped = numbers.get(old);
      if (mapped === undefined) {
        mapped = this.allocate();
        numbers.set(old, mapped);
        queue.push(old);
      }
      return mapped;
    };
    const serialize = (value: PdfValue): string => {
      switch (value.t) {
        case 'raw':
          return value.v;
        case 'ref':
          // The old catalog and page tree are not copied: what points there points nowhere.
          return structure.has(value.n) ? 'null' : `${newNumber(value.n)} 0 R`;
        case 'arr':
          return `[${value.v.map(serialize).join(' ')}]`;
        case 'dict':
          return `<<${[...value.v].map(([key, entry]) => `${key} ${serialize(entry)}`).join('\n')}>>`;
      }
    };

    for (const page of pages) this.kids.push(newNumber(page.number));
    const inheritedOf = new Map(pages.map((page) => [page.number, page.inherited]));
    const lastPage = pages[pages.length - 1]!.number;
    for (let next = 0; next < queue.length; next += 1) {
      const old = queue[next]!;
      const object = reader.object(old);
      let { value } = object;
      const inherited = inheritedOf.get(old);
      if (inherited !== undefined) {
        const dict = new Map(reader.dict(value, 'eine Seite'));
        for (const [key, entry] of inherited) if (!dict.has(key)) dict.set(key, entry);
        dict.set('/Parent', { t: 'raw', v: '1 0 R' });
        const mediaBox = reader.resolve(dict.get('/MediaBox'));
        if (mediaBox?.t === 'arr') {
          dict.set('/MediaBox', mediaBox);
          if (old === lastPage) this.lastMediaBox = serialize(mediaBox);
        }
        value = { t: 'dict', v: dict };
      }
      if (object.stream !== undefined && value.t === 'dict') {
        const dict = new Map(value.v);
        dict.set('/Length', { t: 'raw', v: String(object.stream.length) });
        // pdfkit's metadata stream carries a malformed `/length` beside `/Length` (render.ts): never copied along.
        dict.delete('/length');
        value = { t: 'dict', v: dict };
      }
      this.writeObject(numbers.get(old)!, serialize(value), object.stream);
    }
    return pages.length;
  }

  /**
   * Writes page tree, catalog, info, what PDF/A asks of the document (XMP
   * metadata, output intent), cross-reference table and trailer; returns the
   * whole PDF. A handful of objects, whatever the number of letters.
   */
  finish(): Buffer {
    const pieces = this.finishInPieces();
    return Buffer.concat(
      pieces,
      pieces.reduce((size, piece) => size + piece.length, 0),
    );
  }

  /**
   * As `finish`, the whole PDF as the pieces it was written in (blocks of
   * about 1 MB, in order), without copying them into one Buffer: a serial
   * letter of 1,000 letters hashes and encodes them a piece per turn.
   */
  finishInPieces(): Buffer[] {
    if (this.finished) throw new Error('PdfConcatenator: already finished');
    if (this.kids.length === 0) throw new PdfConcatError('keine Seiten.');
    this.finished = true;
    this.writeObject(1, `<</Type /Pages\n/Count ${this.kids.length}\n/Kids [${this.kids.map((kid) => `${kid} 0 R`).join(' ')}]>>`);
    const title = this.options.title ? xmlSafeText(this.options.title) : undefined;
    const { language, creationDate } = this.options;

    const metadata = this.allocate();
    const xmp = Buffer.from(xmpPacket({ title, language, date: creationDate }), 'utf8');
    // Uncompressed, as PDF/A wants the packet readable by tools that know nothing of PDF filters.
    this.writeObject(metadata, `<</Type /Metadata\n/Subtype /XML\n/Length ${xmp.length}>>`, xmp);
    const profile = srgbIccProfile();
    const iccProfile = this.allocate();
    this.writeObject(iccProfile, `<</N 3\n/Length ${profile.length}>>`, profile);
    const outputIntent = this.allocate();
    const srgb = '(sRGB IEC61966-2.1)';
    this.writeObject(
      outputIntent,
      `<</Type /OutputIntent\n/S /GTS_PDFA1\n/Info ${srgb}\n/OutputConditionIdentifier ${srgb}\n/DestOutputProfile ${iccProfile} 0 R>>`,
    );

    // A language tag (`de-DE`) as the plain string pdfkit writes too; anything else as a text string.
    const lang = language ? `\n/Lang ${/^[A-Za-z0-9-]+$/.test(language) ? `(${language})` : pdfTextString(language)}` : '';
    this.writeObject(2, `<</Type /Catalog\n/Pages 1 0 R\n/Metadata ${metadata} 0 R\n/OutputIntents [${outputIntent} 0 R]${lang}>>`);
    const info = [`/Creator ${pdfTextString(CREATOR)}`, `/Producer ${pdfTextString(PRODUCER)}`];
    if (title) info.push(`/Title ${pdfTextString(title)}`);
    if (creationDate) info.push(`/CreationDate (${pdfDate(creationDate)})`, `/ModDate (${pdfDate(creationDate)})`);
    this.writeObject(3, `<<${info.join('\n')}>>`);
    const xrefOffset = this.size;
    const entries = this.offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
    const id = this.digest.digest('hex').slice(0, 32);
    this.write(
      Buffer.from(
        `xref\n0 ${this.offsets.length}\n0000000000 65535 f \n${entries.join('')}trailer\n<</Size ${this.offsets.length}\n/Root 2 0 R\n/Info 3 0 R\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefOffset}\n%%EOF\n`,
        'latin1',
      ),
    );
    this.flushBlock();
    const pieces = this.chunks.splice(0);
    this.block = Buffer.alloc(0);
    return pieces;
  }
}
