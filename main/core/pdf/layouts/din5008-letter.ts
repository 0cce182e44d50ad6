import type * as fontkit from 'fontkit';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY, loadFonts } from '../fonts';
import { fittedLogoSize } from '../logo';
import type { PrintedTranslation } from '../printed-form';
import { afterSigned, bindingNote, continuationHeader, footerNote, keepHeadingsWithText, translatedText } from './form-parts';
import type { LetterContent } from './letter-content';

/**
 * DIN 5008 Form B business letter (DESIGN.md §6). Every coordinate below is
 * in mm from the top-left corner of the A4 sheet, as the standard states
 * them; `mm()` turns them into the points pdfmake works in.
 *
 * Page 1 is built from two parts:
 * - the letterhead, the address field and the fold marks sit at fixed
 *   positions (`absolutePosition` / `background`): they must meet the window
 *   of a DL envelope whatever the text says;
 * - everything else flows. The flow starts at the top of the information
 *   block, next to an empty column as tall as the rest of the address field,
 *   so the subject lands below whichever of the two ends lower, and a long
 *   body continues on pages that start near the top.
 *
 * User strings only ever go into `text` nodes, which pdfmake prints
 * literally.
 */

/** Millimetres to PDF points (1 pt = 1/72 inch). */
export const mm = (x: number): number => (x * 72) / 25.4;

const A4_WIDTH = 210;

/** DIN 5008: left margin 25 mm, right margin 20 mm. */
const MARGIN_LEFT = 25;
const MARGIN_RIGHT = 20;
const TEXT_RIGHT = A4_WIDTH - MARGIN_RIGHT; // 190
/** Following pages start near the top; the letterhead is on page 1 only. */
const MARGIN_TOP = 20;
/** Following pages: the header (whose letter, page number) from here to MARGIN_TOP. */
const CONTINUATION_HEADER_TOP = 10;
/**
 * Room for the footer: 5 mm gap, page number, rule and three contact lines
 * at 7.5 pt end at about 285 mm; a wrapped line or two still fits above the
 * edge most printers cannot print. pdfmake silently drops a footer that does
 * not fit (the tests look for it on every page).
 */
const MARGIN_BOTTOM = 32;
/** The footer's first line starts this far below the end of the text area. */
const FOOTER_GAP = 5;

/**
 * Letterhead: the top 45 mm of page 1 belong to the sender. Organisation and
 * department stand right-aligned at x 190 from y 14; with a logo, the logo
 * takes the top right corner (at most 40 × 20 mm, from y 12) and the text
 * moves left of it, aligned to its right edge 5 mm before the logo.
 */
const LETTERHEAD_TOP = 14;
const LETTERHEAD_LEFT = 105;
/** With a logo the text may start at the left margin: "Kommunales Integrationszentrum" at 16 pt needs about 90 mm. */
const LETTERHEAD_LEFT_WITH_LOGO = 25;
const LOGO_BOX = { width: 40, height: 20 };
const LOGO_TOP = 12;
const LOGO_GAP = 5;

/** Address field (Form B): x 20–105, y 45–90; text is indented 5 mm, from x 25. */
const ADDRESS_FIELD = { left: 20, right: 105, top: 45, bottom: 90 };
const ADDRESS_TEXT_LEFT = 25;
const ADDRESS_TEXT_WIDTH = ADDRESS_FIELD.right - ADDRESS_TEXT_LEFT; // 80 mm
/** Zusatz- und Vermerkzone 45–62.7 (5 lines at 8 pt), filled bottom-up; Anschriftzone 62.7–90 (27.3 mm), top-down. */
const ANSCHRIFTZONE_TOP = 62.7;
const RETURN_ADDRESS_SIZE = 8;
const RECIPIENT_MAX_LINES = 6;
/**
 * 10 pt: six Roboto lines take 6 × 11.72 pt = 24.8 mm of the zone's 27.3 mm;
 * 11 pt would need 27.28 mm, with no room for rounding.
 */
const RECIPIENT_SIZE = 10;

/**
 * Information block: from x 125, top 50, up to x 200 (the 75 mm DIN 5008
 * allows; 10 mm from the edge is inside what office printers print). The
 * text column ends at 190; the block reaches 10 mm further so that an e-mail
 * address such as `silke.niessen@kreis-dueren.de` stays on one line.
 */
const INFO_BLOCK = { left: 125, top: 50, right: 200 };
/** Label column: "Ansprechpartner/-in" is 25.2 mm at 8 pt; longer labels wrap inside it. */
const INFO_LABEL_WIDTH = 26;
/** Space between label and value. */
const INFO_LABEL_GAP = 2;
const INFO_LABEL_SIZE = 8;
/** Values print at 10 pt, smaller (down to 8 pt) where that keeps a long one on one line. */
const INFO_VALUE_SIZES = [10, 9.5, 9, 8.5, 8];
const INFO_VALUE_WIDTH = INFO_BLOCK.right - INFO_BLOCK.left - INFO_LABEL_WIDTH - INFO_LABEL_GAP;

/** Fold marks (Form B) at 105 and 210 mm, punch mark at 148.5 mm (middle of A4), near the left edge. */
const FOLD_MARKS_Y = [105, 210];
const PUNCH_MARK_Y = 148.5;
const MARK_LEFT = 3.5;
const FOLD_MARK_LENGTH = 5;
const PUNCH_MARK_LENGTH = 7;
const MARK_LINE_WIDTH = 0.5; // pt: 0.25 pt all but vanishes on office laser printers

const BODY_SIZE = 11;
const FOOTER_SIZE = 7.5;
/** "Kommunales Integrationszentrum" is 40 mm at 7.5 pt; the other three columns share the rest. */
const FOOTER_FIRST_COLUMN = 44;
const FOOTER_COLUMN_GAP = 4;
const GREY = '#444444';

/** Height of one line in points, as pdfmake lays it out (ascent − descent + line gap). */
function lineHeight(fontSize: number): number {
  const face = regularFace();
  return ((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * fontSize;
}

function regularFace(): fontkit.Font {
  return loadFonts().regular;
}

/** Width of `text` in mm in the regular face, as pdfmake measures it (kerning included). */
function textWidthMm(text: string, fontSize: number): number {
  return ((loadFonts().regularAdvance(text) / regularFace().unitsPerEm) * fontSize * 25.4) / 72;
}

/** A line in the address field must not wrap: collapse line breaks and tabs into spaces. */
function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/**
 * True when `line` fits the 80 mm of the address field at `fontSize`. Lines
 * that do not are cut (see `fitAddressLine`); callers can warn beforehand.
 */
export function addressLineFits(line: string, fontSize = RECIPIENT_SIZE): boolean {
  // 0.5 mm to spare for rounding between fontkit here and pdfkit in pdfmake.
  return textWidthMm(singleLine(line), fontSize) <= ADDRESS_TEXT_WIDTH - 0.5;
}

/**
 * Nothing may leave the window or wrap inside it: an over-long line is cut
 * and ends in "…" (a shortened line still reaches the mail room; a wrapped
 * one can push the postcode out of the window).
 */
function fitAddressLine(line: string, fontSize: number): string {
  const text = singleLine(line);
  if (addressLineFits(text, fontSize)) return text;
  const characters = [...text];
  while (characters.length > 0 && !addressLineFits(`${characters.join('').trimEnd()}…`, fontSize)) {
    characters.pop();
  }
  return `${characters.join('').trimEnd()}…`;
}

/** Lines `text` takes at `fontSize` in `width` mm, wrapped at spaces (5 % to spare: the bold face is a little wider than the regular one measured). */
function wrappedLines(text: string, fontSize: number, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = '';
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && textWidthMm(candidate, fontSize) * 1.05 > width) {
        lines += 1;
        line = word;
      } else {
        line = candidate;
      }
      // A single word wider than the line breaks into pieces.
      lines += Math.max(0, Math.ceil((textWidthMm(line, fontSize) * 1.05) / width) - 1);
    }
  }
  return lines;
}

/** The largest size at which `text` takes at most `maxLines` lines; the smallest otherwise. */
function fittingSize(text: string, sizes: number[], width: number, maxLines: number): number {
  return sizes.find((size) => wrappedLines(text, size, width) <= maxLines) ?? sizes[sizes.length - 1]!;
}

/**
 * Organisation and department, right-aligned above the information block,
 * and the logo where there is one. Each takes at most two lines, smaller
 * where it must, so that even the longest names the settings allow end
 * above 45 mm, where the window begins. An absolutely positioned node keeps the
 * full text width, so a column fixes the width (and with it the right edge).
 */
function letterhead(sender: LetterContent['sender']): Content[] {
  const logo = sender.logo ? fittedLogoSize(sender.logo, LOGO_BOX) : null;
  const textRight = logo ? TEXT_RIGHT - logo.width - LOGO_GAP : TEXT_RIGHT;
  const textLeft = logo ? LETTERHEAD_LEFT_WITH_LOGO : LETTERHEAD_LEFT;
  const text: Content = {
    absolutePosition: { x: mm(textLeft), y: mm(LETTERHEAD_TOP) },
    columns: [
      {
        width: mm(textRight - textLeft),
        alignment: 'right',
        stack: [
          { text: sender.organization, fontSize: fittingSize(sender.organization, [16, 14, 12, 10, 9], textRight - textLeft, 2), bold: true },
          ...(sender.department.trim() !== ''
            ? [
                {
                  text: sender.department,
                  fontSize: fittingSize(sender.department, [10, 9, 8, 7], textRight - textLeft, 2),
                  color: GREY,
                  margin: [0, 2, 0, 0] as [number, number, number, number],
                },
              ]
            : []),
        ],
      },
    ],
  };
  if (!sender.logo || !logo) return [text];
  return [
    text,
    {
      absolutePosition: { x: mm(TEXT_RIGHT - logo.width), y: mm(LOGO_TOP) },
      image: 'logo',
      width: mm(logo.width),
      height: mm(logo.height),
    },
  ];
}

/** The return address: one 8 pt line whose baseline sits just above the Anschriftzone (bottom-up). */
function returnAddress(text: string): Content {
  const top = mm(ANSCHRIFTZONE_TOP) - lineHeight(RETURN_ADDRESS_SIZE);
  return {
    absolutePosition: { x: mm(ADDRESS_TEXT_LEFT), y: top },
    text: fitAddressLine(text, RETURN_ADDRESS_SIZE),
    fontSize: RETURN_ADDRESS_SIZE,
    noWrap: true,
  };
}

/** The recipient: at most six lines, top-down from 62.7 mm. */
function recipient(lines: string[]): Content {
  return {
    absolutePosition: { x: mm(ADDRESS_TEXT_LEFT), y: mm(ANSCHRIFTZONE_TOP) },
    stack: lines.slice(0, RECIPIENT_MAX_LINES).map((line) => ({
      text: fitAddressLine(line, RECIPIENT_SIZE),
      noWrap: true,
    })),
    fontSize: RECIPIENT_SIZE,
    // The address field is flush left (DIN 5008), a name in right-to-left script too (script-layout.ts right-aligns such paragraphs otherwise).
    alignment: 'left',
  };
}

/** The largest of INFO_VALUE_SIZES at which `value` fits its column on one line (0.5 mm spare); the smallest, wrapping, otherwise. */
function infoValueSize(value: string): number {
  const sizes = INFO_VALUE_SIZES;
  return sizes.find((size) => value.split('\n').every((line) => textWidthMm(line, size) <= INFO_VALUE_WIDTH - 0.5)) ?? sizes[sizes.length - 1]!;
}

/** Label/value rows; rows without a value are left out. */
function infoBlock(rows: LetterContent['infoBlock']): Content | null {
  const shown = rows.filter((row) => row.value.trim() !== '');
  if (shown.length === 0) return null;
  return {
    table: {
      widths: [mm(INFO_LABEL_WIDTH), mm(INFO_VALUE_WIDTH)],
      body: shown.map((row) => [
        // The label's smaller size would sit high: drop it to the value's baseline.
        { text: row.label, fontSize: INFO_LABEL_SIZE, color: GREY, margin: [0, 1.8, 0, 0] },
        { text: row.value, fontSize: infoValueSize(row.value) },
      ]),
    },
    // The flow ends at x 190; the block may reach x 200.
    margin: [0, 0, -mm(INFO_BLOCK.right - TEXT_RIGHT), 0],
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: (column) => (column === 0 ? mm(INFO_LABEL_GAP) : 0),
      paddingTop: () => 0,
      paddingBottom: () => 1,
    },
  };
}

/**
 * First flow element of page 1, starting at the information block's top
 * (50 mm): an empty column as tall as the rest of the address field (to
 * 90 mm) beside the information block, so what follows starts below the
 * lower of the two.
 */
function addressFieldAndInfoBlock(rows: LetterContent['infoBlock']): Content {
  // An empty stack is exactly as tall as its margin: here 50 → 90 mm.
  const spacer: Content = { stack: [], margin: [0, mm(ADDRESS_FIELD.bottom - INFO_BLOCK.top), 0, 0] };
  const info = infoBlock(rows);
  return {
    margin: [0, mm(INFO_BLOCK.top - MARGIN_TOP), 0, 0],
    columnGap: 0,
    columns: [
      { width: mm(INFO_BLOCK.left - MARGIN_LEFT), stack: [spacer] },
      { width: '*', stack: info ? [info] : [] },
    ],
  };
}

/** The width of the letter text, in mm (25–190). */
export const LETTER_TEXT_WIDTH = TEXT_RIGHT - MARGIN_LEFT;
export const LETTER_BODY_SIZE = BODY_SIZE;

/** Blank lines separate paragraphs; single line breaks stay line breaks. Each paragraph is followed by a blank line. */
export function paragraphs(body: string): Content[] {
  const normalized = body.replace(/\r\n?/g, '\n').replace(/^\s*\n|\n\s*$/g, '');
  if (normalized.trim() === '') return [];
  return normalized.split(/\n[ \t]*\n\s*/).map((paragraph) => ({
    text: paragraph,
    margin: [0, 0, 0, lineHeight(BODY_SIZE)],
  }));
}

/**
 * The enclosures, one blank line below the signature block (DIN 5008):
 * "Anlage" or "Anlagen" in bold, then one line each.
 */
function attachmentsList(attachments: string[]): Content[] {
  if (attachments.length === 0) return [];
  return [
    {
      margin: [0, lineHeight(BODY_SIZE), 0, 0],
      stack: [{ text: attachments.length === 1 ? 'Anlage' : 'Anlagen', bold: true }, ...attachments.map((line): ContentText => ({ text: line }))],
    },
  ];
}

/** Up to this many enclosures stay on the page of the signature; a longer list may run on. */
const ATTACHMENTS_KEPT_WITH_SIGNATURE = 20;

/** The letter text: subject two blank lines below the address field / information block. */
function letterText(content: LetterContent): Content[] {
  const blankLine = lineHeight(BODY_SIZE);
  const attachments = content.attachments ?? [];
  const kept = attachments.length <= ATTACHMENTS_KEPT_WITH_SIGNATURE;
  const translation = content.translation ?? null;
  const translated = (text: string | undefined, extra: Partial<ContentText> = {}): Content[] =>
    translation && text !== undefined && text.trim() !== '' ? [translatedText(translation.printed, text, BODY_SIZE, extra)] : [];
  if (translation) {
    return [
      { text: content.subject, bold: true, margin: [0, 2 * blankLine, 0, 0] },
      ...translated(translation.subject, { bold: true }),
      { stack: [bindingNote(translation.printed, 7)], margin: [0, 2, 0, blankLine] },
      { text: content.salutation },
      { stack: translated(translation.salutation), margin: [0, 0, 0, blankLine] },
      ...(typeof content.body === 'string' ? paragraphs(content.body) : content.body),
      {
        unbreakable: true,
        stack: [
          { text: content.closing },
          { stack: translated(translation.closing), margin: [0, 0, 0, 3 * blankLine] },
          ...content.signature.map((line): ContentText => ({ text: line })),
          ...(kept ? attachmentsList(attachments) : []),
        ],
      },
      afterSigned(),
      ...(kept ? [] : attachmentsList(attachments)),
    ];
  }
  return [
    { text: content.subject, bold: true, margin: [0, 2 * blankLine, 0, blankLine] },
    { text: content.salutation, margin: [0, 0, 0, blankLine] },
    ...(typeof content.body === 'string' ? paragraphs(content.body) : content.body),
    // Closing, room to sign (three blank lines), name and title stay on one page: a signature alone at the top of a page reads as forged.
    // So does the list of enclosures: alone on a last page it would read as a page of its own.
    {
      unbreakable: true,
      stack: [
        { text: content.closing, margin: [0, 0, 0, 3 * blankLine] },
        ...content.signature.map((line): ContentText => ({ text: line })),
        ...(kept ? attachmentsList(attachments) : []),
      ],
    },
    // The body's last heading stays on this block's page (letterBody).
    afterSigned(),
    ...(kept ? [] : attachmentsList(attachments)),
  ];
}

/** Fold marks and punch mark at the left edge, page 1 only. */
function marks(): Content {
  const line = (y: number, length: number) => ({
    type: 'line' as const,
    x1: mm(MARK_LEFT),
    y1: mm(y),
    x2: mm(MARK_LEFT + length),
    y2: mm(y),
    lineWidth: MARK_LINE_WIDTH,
    lineColor: 'black',
  });
  return {
    canvas: [...FOLD_MARKS_Y.map((y) => line(y, FOLD_MARK_LENGTH)), line(PUNCH_MARK_Y, PUNCH_MARK_LENGTH)],
  };
}

/**
 * The reference, a thin rule and the sender's details in four columns (who,
 * where, when, how to reach), on every page; the page number on page 1
 * (later pages have it in their header).
 */
function footer(sender: LetterContent['sender'], reference: string, currentPage: number, pageCount: number, translation: PrintedTranslation | null): Content {
  const lines = (entries: Array<ContentText | false>): Content[] =>
    entries.filter((entry): entry is ContentText => entry !== false && String(entry.text).trim() !== '');
  const labelled = (label: string, value: string): ContentText | false =>
    value.trim() !== '' && { text: [{ text: `${label} `, color: GREY }, { text: value }] };
  const width = mm(TEXT_RIGHT - MARGIN_LEFT);
  return {
    // The binding note takes the room of the gap above it: the footer must still fit (see MARGIN_BOTTOM).
    margin: [mm(MARGIN_LEFT), mm(translation ? FOOTER_GAP - 2.5 : FOOTER_GAP), mm(MARGIN_RIGHT), 0],
    fontSize: FOOTER_SIZE,
    stack: [
      // Every page of a bilingual letter says which text is binding.
      ...(translation ? [{ ...(footerNote(translation, 6) as object), margin: [0, 0, 0, 1] } as Content] : []),
      {
        margin: [0, 0, 0, 3],
        columnGap: mm(FOOTER_COLUMN_GAP),
        columns: [
          { width: '*', text: reference, fontSize: 6.5, color: GREY, margin: [0, 1, 0, 0] },
          ...(currentPage === 1 ? [{ width: 'auto' as const, text: `Seite ${currentPage} von ${pageCount}`, alignment: 'right' as const, fontSize: 8 }] : []),
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: '#999999' }] },
      {
        margin: [0, 3, 0, 0],
        columnGap: mm(FOOTER_COLUMN_GAP),
        columns: [
          { width: mm(FOOTER_FIRST_COLUMN), stack: lines([{ text: sender.organization }, { text: sender.department }]) },
          {
            width: '*',
            stack: lines([{ text: sender.street }, { text: `${sender.postalCode} ${sender.city}` }, { text: sender.room }]),
          },
          {
            width: '*',
            stack: sender.hours.trim() !== '' ? [{ text: 'Sprechzeiten', color: GREY }, { text: sender.hours }] : [],
          },
          {
            width: '*',
            stack: lines([labelled('Kontakt', sender.contact), labelled('Telefon', sender.phone), labelled('E-Mail', sender.email), { text: sender.web }]),
          },
        ],
      },
    ],
  };
}

/** The pdfmake document definition of a DIN 5008 Form B letter. */
export function din5008Letter(content: LetterContent): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [mm(MARGIN_LEFT), mm(MARGIN_TOP), mm(MARGIN_RIGHT), mm(MARGIN_BOTTOM)],
    language: 'de-DE',
    info: {
      title: content.title,
      author: content.author,
      subject: content.subject,
      keywords: content.keywords ?? 'Brief',
      creationDate: content.creationDate,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE },
    background: (currentPage) => (currentPage === 1 ? marks() : null),
    // Following pages: whose letter it is, its subject and the page number, above the text that starts at MARGIN_TOP.
    header: (currentPage, pageCount) =>
      currentPage > 1
        ? continuationHeader({
            person: content.person ?? '',
            title: content.subject,
            currentPage,
            pageCount,
            margin: { left: MARGIN_LEFT, right: MARGIN_RIGHT },
            top: CONTINUATION_HEADER_TOP,
            width: mm(TEXT_RIGHT - MARGIN_LEFT),
          })
        : null,
    footer: (currentPage, pageCount) => footer(content.sender, content.reference ?? '', currentPage, pageCount, content.translation?.printed ?? null),
    pageBreakBefore: keepHeadingsWithText,
    ...(content.sender.logo ? { images: { logo: content.sender.logo.dataUrl } } : {}),
    content: [
      ...letterhead(content.sender),
      returnAddress(content.returnAddress),
      recipient(content.recipientLines),
      addressFieldAndInfoBlock(content.infoBlock),
      ...letterText(content),
    ],
  };
}
