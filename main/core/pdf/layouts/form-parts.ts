import type { Column, Content, ContentCanvas, ContentTable, ContentText, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ColumnDefinition } from '../../../../shared/forms/definition';
import { displayValue } from '../../../../shared/forms/values';
import { loadFonts } from '../fonts';
import { GERMAN_BINDING_NOTE, type PrintedTranslation, type PrintItem, type PrintSection } from '../printed-form';

/**
 * Building blocks both layouts print form content with: check boxes drawn as
 * vectors (Roboto has no ☐/☒ glyphs, and a missing glyph prints as nothing),
 * tables of repeated rows with their total, text blocks with their "Stand",
 * lines to sign on and the receiving office's box. Sizes are in points;
 * every user string goes into a `text` node and prints literally.
 */

/** Millimetres to PDF points. */
export const mm = (x: number): number => (x * 72) / 25.4;

export const GREY = '#444444';
export const LIGHT_GREY = '#666666';
const RULE = '#777777';
const HEADER_FILL = '#eeeeee';
/** A non-breaking space: an empty cell that still takes one line of height. */
export const EMPTY_LINE = '\u00A0';

/**
 * What `keepHeadingsWithText` reads from a node's `headlineLevel` (pdfmake
 * passes the number through untouched and prints nothing for it).
 */
export const KEEP = {
  /** A heading or label: never alone at the bottom of a page. */
  heading: 1,
  /** The heading of a section with a signature or office box: on the page where that box ends. */
  headingOfSigned: 2,
  /** The mark after such a box (`afterSigned`). */
  signed: 3,
  /** A heading's translation right under it (bilingual documents): goes where its heading goes. */
  translation: 4,
} as const;

/**
 * An invisible mark right after a signature or office box, for
 * `keepHeadingsWithText`: pdfmake reports an unbreakable block at the place
 * it first tried it, not on the page it then moved it to; what follows the
 * block is where it really is. An empty SVG draws nothing and takes no room.
 */
export function afterSigned(): Content {
  return { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>', width: 0.01, height: 0.01, headlineLevel: KEEP.signed };
}

/** How a section's heading keeps with what follows (see KEEP). */
export function sectionHeadingLevel(section: PrintSection): number {
  return section.items.some((item) => item.kind === 'signature' || item.kind === 'office-box') ? KEEP.headingOfSigned : KEEP.heading;
}

/** Height of one line of Roboto at `fontSize`, as pdfmake lays it out. */
export function lineHeight(fontSize: number): number {
  const face = loadFonts().regular;
  return ((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * fontSize;
}

/** Distance from the top of a line to its baseline. */
function ascent(fontSize: number): number {
  const face = loadFonts().regular;
  return (face.ascent / face.unitsPerEm) * fontSize;
}

/** Blank lines separate paragraphs; single line breaks stay line breaks. */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\s*\n|\n\s*$/g, '');
  if (normalized.trim() === '') return [];
  return normalized.split(/\n[ \t]*\n\s*/);
}

/** A square of `size` points, crossed when `checked`, sitting on the baseline of text at `fontSize`. */
export function checkBox(checked: boolean, fontSize: number): ContentCanvas {
  const size = Math.round(fontSize * 0.8 * 10) / 10;
  const top = Math.max(0, ascent(fontSize) - size + fontSize * 0.05);
  const inset = size * 0.2;
  return {
    canvas: [
      { type: 'rect', x: 0, y: top, w: size, h: size, lineWidth: 0.8, lineColor: 'black' },
      ...(checked
        ? [
            { type: 'line' as const, x1: inset, y1: top + inset, x2: size - inset, y2: top + size - inset, lineWidth: 1.2, lineColor: 'black' },
            { type: 'line' as const, x1: size - inset, y1: top + inset, x2: inset, y2: top + size - inset, lineWidth: 1.2, lineColor: 'black' },
          ]
        : []),
    ],
  };
}

/**
 * A box followed by its label, the label wrapping beside the box, in `width`
 * points. Widths are always given in points: pdfmake widens a `*` column to
 * its longest word, past the page edge, but breaks a word that is wider than
 * a fixed column.
 */
export function checkEntry(
  label: string,
  checked: boolean,
  fontSize: number,
  width: number,
  translated?: { translation: PrintedTranslation; text: string | undefined },
): Content {
  const box = fontSize * 0.8 + 1;
  const gap = fontSize * 0.5;
  const text: Column =
    translated && translated.text !== undefined
      ? { width: width - box - gap, stack: [{ text: label, fontSize }, translatedText(translated.translation, translated.text, fontSize)] }
      : { width: width - box - gap, text: label, fontSize };
  return {
    columnGap: gap,
    columns: [{ width: box, stack: [checkBox(checked, fontSize)] }, text],
  };
}

/** Horizontal lines to write on, `count` of them, `gap` points apart, across `width`. */
export function writingLines(count: number, width: number, gap = mm(8)): ContentCanvas {
  return {
    canvas: Array.from({ length: count }, (_, index) => ({
      type: 'line' as const,
      x1: 0,
      y1: gap * (index + 1),
      x2: width,
      y2: gap * (index + 1),
      lineWidth: 0.5,
      lineColor: RULE,
    })),
  };
}

export const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Cell padding left and right, and the rule width of the grid. */
const GRID_PADDING = 3;
const GRID_RULE = 0.5;

const GRID: CustomTableLayout = {
  hLineWidth: () => GRID_RULE,
  vLineWidth: () => GRID_RULE,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => GRID_PADDING,
  paddingRight: () => GRID_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

type LinesItem = Extract<PrintItem, { kind: 'lines' }>;

const FIXED_COLUMN_MM: Partial<Record<ColumnDefinition['type'], number>> = { money: 26, number: 18, date: 22, checkbox: 14 };

/** Column widths in points (see `checkEntry`): dates, numbers, amounts and boxes fixed, text columns share the rest. */
function columnWidths(columns: ColumnDefinition[], width: number): number[] {
  const content = width - columns.length * 2 * GRID_PADDING - (columns.length + 1) * GRID_RULE;
  const fixed = columns.map((column) => FIXED_COLUMN_MM[column.type]);
  const fixedSum = fixed.reduce<number>((sum, value) => sum + mm(value ?? 0), 0);
  const stars = fixed.filter((value) => value === undefined).length;
  // Too many fixed columns for the page (or none to stretch): share the width evenly.
  if (stars === 0 || fixedSum > content * 0.7) return columns.map(() => content / columns.length);
  return fixed.map((value) => (value === undefined ? (content - fixedSum) / stars : mm(value)));
}

/**
 * Repeated rows as a table: a header row (repeated on every page the table
 * reaches), one row per entry and the computed total in bold. Forms print at
 * least three rows so that there is room to write by hand.
 */
export function linesTable(
  item: LinesItem,
  options: { fontSize: number; width: number; form: boolean; translation?: PrintedTranslation | null },
): ContentTable {
  const { fontSize, form } = options;
  const columns = item.field.columns;
  const alignOf = (column: ColumnDefinition) => (column.type === 'money' || column.type === 'number' ? 'right' : 'left');
  const header: TableCell[] = columns.map((column): TableCell => {
    const german: ContentText = { text: column.label, bold: true, fontSize: fontSize - 1, alignment: alignOf(column) };
    const own = item.columnTranslations?.[column.id];
    return options.translation && own !== undefined
      ? { fillColor: HEADER_FILL, stack: [german, translatedText(options.translation, own, fontSize - 1)] }
      : { ...german, fillColor: HEADER_FILL };
  });
  const cell = (column: ColumnDefinition, value: unknown): TableCell => {
    if (column.type === 'checkbox') return { stack: [checkBox(value === true, fontSize)], alignment: 'center' };
    const text = displayValue(column, (value ?? null) as Parameters<typeof displayValue>[1]);
    return { text: text === '' ? EMPTY_LINE : text, alignment: alignOf(column) };
  };
  const rows: TableCell[][] = item.rows.map(({ row }) => columns.map((column) => cell(column, row[column.id])));
  const blankRows = form ? Math.max(0, 3 - rows.length) : 0;
  for (let i = 0; i < blankRows; i++) rows.push(columns.map(() => ({ text: EMPTY_LINE })));
  const body: TableCell[][] = [header, ...rows];
  // Forms: a row with something left to fill in is tall enough to write in by hand.
  const writeIn = new Set<number>();
  if (form) {
    item.rows.forEach(({ row }, index) => {
      if (columns.some((column) => column.type !== 'checkbox' && (row[column.id] ?? '') === '')) writeIn.add(index + 1);
    });
    for (let i = 0; i < blankRows; i++) writeIn.add(1 + item.rows.length + i);
  }
  if (item.total) {
    const index = Math.max(
      0,
      columns.findIndex((column) => column.id === item.total!.column),
    );
    const total: TableCell[] = columns.map(() => ({ text: '' }));
    if (index === 0) {
      total[0] = { text: `${item.total.label}: ${item.total.text}`, bold: true, colSpan: columns.length };
    } else {
      total[0] = { text: item.total.label, bold: true, colSpan: index, alignment: 'right' };
      total[index] = { text: item.total.text, bold: true, alignment: 'right' };
    }
    body.push(total);
  }
  // Rows are kept whole only when every cell is short: a row taller than a page would lose its rest.
  const short = item.rows.every(({ row }) => Object.values(row).every((value) => typeof value !== 'string' || value.length <= 200));
  return {
    fontSize,
    table: {
      headerRows: 1,
      // The header stays with the first row, unless that row may be too tall to keep whole.
      keepWithHeaderRows: short ? 1 : 0,
      dontBreakRows: short,
      widths: columnWidths(columns, options.width),
      heights: (row: number) => (writeIn.has(row) ? mm(6.5) : 0),
      body,
    },
    layout: {
      ...GRID,
      hLineWidth: (index: number) => (item.total && index === body.length - 1 ? 1 : 0.5),
    },
  };
}

/** A text block (legal wording) with its placeholders filled, and its "Stand". */
export function blockContent(
  item: Extract<PrintItem, { kind: 'block' }>,
  options: {
    fontSize: number;
    labelStyle?: { fontSize: number; bold: boolean; color: string };
    /** The translation to print with it: under the German (`sequential`) or right of it (`side-by-side`), width needed for the columns. */
    translation?: PrintedTranslation | null;
    width?: number;
  },
): Content {
  const { fontSize, translation } = options;
  const labelStyle = options.labelStyle ?? { fontSize, bold: true, color: 'black' };
  const paragraphs = splitParagraphs(item.text);
  const sideBySide = translation?.layout === 'side-by-side' && item.textTranslation !== undefined && options.width !== undefined;
  // The German label stays a text node of its own (also side by side, above both columns): see keepHeadingsWithText.
  const label: Content[] =
    item.label !== null
      ? [
          { text: item.label, ...labelStyle, margin: [0, 0, 0, 1] as [number, number, number, number], headlineLevel: KEEP.heading },
          // Sequential: the label's translation right under it (side by side it heads the right column).
          ...(translation && !sideBySide && item.labelTranslation !== undefined
            ? [translatedText(translation, item.labelTranslation, labelStyle.fontSize, { bold: labelStyle.bold, margin: [0, 0, 0, 1] })]
            : []),
        ]
      : [];
  const german: Content[] = [
    ...paragraphs.map((paragraph, index) => ({
      text: paragraph,
      fontSize,
      margin: [0, 0, 0, index === paragraphs.length - 1 ? 0 : fontSize * 0.5] as [number, number, number, number],
    })),
    ...(item.stand ? [{ text: `Stand: ${item.stand}`, fontSize: 7.5, color: LIGHT_GREY, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
  ];
  if (!translation || item.textTranslation === undefined) return { stack: [...label, ...german] };
  if (sideBySide) {
    const gap = mm(5);
    const half = (options.width! - gap) / 2;
    return {
      stack: [
        ...label,
        {
          columnGap: gap,
          columns: [
            { width: half, stack: german },
            { width: half, stack: translatedBlock(translation, item, fontSize, { withLabel: true }) },
          ],
        },
      ],
    };
  }
  return { stack: [...label, ...german, { stack: translatedBlock(translation, item, fontSize, { withLabel: false }), margin: [0, mm(1.5), 0, 0] }] };
}

/**
 * Lines to sign on: for each signer, a short line for place and date and a
 * longer one for the signature, captions below. Kept together on one page.
 */
export function signatureContent(
  item: Extract<PrintItem, { kind: 'signature' }>,
  options: { fontSize: number; width: number; translation?: PrintedTranslation | null },
): Content {
  const { translation } = options;
  const placeWidth = Math.min(mm(60), options.width * 0.38);
  const gap = mm(8);
  const signWidth = options.width - placeWidth - gap;
  const signLine = (width: number, caption: string, captionTranslation?: string): Column => ({
    width,
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: mm(14), x2: width, y2: mm(14), lineWidth: 0.7, lineColor: 'black' }] },
      { text: caption, fontSize: options.fontSize - 2, color: GREY, margin: [0, 2, 0, 0] },
      ...(translation && captionTranslation ? [translatedText(translation, captionTranslation, options.fontSize - 2)] : []),
    ],
  });
  return {
    unbreakable: true,
    stack: [
      ...(item.label !== null
        ? labelStack(translation ?? null, item.label, item.labelTranslation, { fontSize: options.fontSize, color: 'black', bold: true })
        : []),
      ...item.signers.map((signer, index): Content => ({
        columnGap: gap,
        margin: [0, 0, 0, mm(3)],
        columns: [signLine(placeWidth, 'Ort, Datum', item.placeDateTranslation), signLine(signWidth, signer, item.signerTranslations?.[index])],
      })),
    ],
  };
}

/** A framed box the receiving office fills in: its title, then each line's caption with a line to write on. */
export function officeBox(item: Extract<PrintItem, { kind: 'office-box' }>, options: { fontSize: number; width: number }): Content {
  const { fontSize } = options;
  const labelWidth = Math.min(mm(55), options.width * 0.4);
  // Inside the frame (1 pt rules, 6 pt padding); each caption column keeps 4 pt to its right.
  const inner = options.width - 2 * 6 - 2 * 1;
  // Kept on one page when it surely fits one: pdfmake keeps only the first page of a taller unbreakable block.
  const charsPerLine = labelWidth / ((fontSize - 1) * 0.55);
  const estimate = item.lines.reduce(
    (sum, line) => sum + Math.max(mm(8), Math.ceil(line.length / charsPerLine) * lineHeight(fontSize - 1) + mm(4)),
    3 * lineHeight(fontSize),
  );
  return {
    unbreakable: estimate < mm(180),
    table: {
      widths: [inner],
      body: [
        [
          {
            stack: [
              { text: item.label, bold: true, fontSize, margin: [0, 0, 0, 4] },
              {
                table: {
                  widths: [labelWidth, inner - labelWidth - 2 * 4],
                  body: item.lines.map((line): TableCell[] => [
                    { text: line, fontSize: fontSize - 1, border: [false, false, false, false], margin: [0, mm(4), 0, 0] },
                    { text: EMPTY_LINE, border: [false, false, false, true], borderColor: [RULE, RULE, RULE, RULE], margin: [0, mm(4), 0, 0] },
                  ]),
                },
                layout: {
                  hLineWidth: () => 0.5,
                  vLineWidth: () => 0,
                  hLineColor: () => RULE,
                  paddingLeft: () => 0,
                  paddingRight: () => 4,
                  paddingTop: () => 0,
                  paddingBottom: () => 1,
                  defaultBorder: false,
                },
              },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 5,
      paddingBottom: () => 8,
    },
  };
}

interface PageNode {
  headlineLevel?: number;
  canvas?: unknown;
  /** pdfmake lists a stack before what it holds. */
  stack?: boolean;
  startPosition?: { verticalRatio?: number; pageInnerHeight?: number };
}

/**
 * pdfmake 0.3 asks before each node whether to break the page there (its
 * typings still describe 0.2's arguments), with the nodes laid out so far.
 * A heading that would start in the last 30 mm of the text area moves to
 * the next page with what follows it, instead of standing alone at the
 * bottom. The heading of a section with a signature or an office box moves
 * too when that box would end on a later page: lines to sign, or a decision
 * box, alone on a page read as if they belonged to anything. Only from the
 * lower half of a page, so that at most half a page stays empty; a section
 * longer than that keeps its place.
 */
export const keepHeadingsWithText = ((node: PageNode, nodes: { getFollowingNodesOnPage(): PageNode[] }) => {
  const position = node.startPosition;
  const level = node.headlineLevel;
  if ((level !== KEEP.heading && level !== KEEP.headingOfSigned) || !position?.pageInnerHeight || position.verticalRatio === undefined) return false;
  const nearBottom = (at: PageNode['startPosition']) =>
    at?.pageInnerHeight !== undefined && at.verticalRatio !== undefined && (1 - at.verticalRatio) * at.pageInnerHeight < mm(30);
  if (nearBottom(position)) return true;
  // A heading whose next heading (past its translation and rule) moves on would stay alone: it goes first. pdfmake asks about
  // each node once, top down, so the heading cannot wait for the one after it to move.
  const next = nodes
    .getFollowingNodesOnPage()
    .find((following) => following.headlineLevel !== KEEP.translation && following.canvas === undefined && following.stack !== true);
  if (next?.headlineLevel === KEEP.heading && nearBottom(next.startPosition)) return true;
  if (level !== KEEP.headingOfSigned || position.verticalRatio < 0.5) return false;
  return !nodes.getFollowingNodesOnPage().some((following) => following.headlineLevel === KEEP.signed);
}) as unknown as TDocumentDefinitions['pageBreakBefore'];

/**
 * The top of every page after the first: whose document it is (name, birth
 * date, file number), which form, and the page number. A page that comes
 * loose from the stack still says where it belongs.
 */
export function continuationHeader(options: {
  /** e.g. `Ayşe Müller · geb. 12.03.1990 · Az. KI-2026-0815`; '' for none. */
  person: string;
  /** The form's name (a letter: its subject). */
  title: string;
  currentPage: number;
  pageCount: number;
  margin: { left: number; right: number };
  /** Top of the header, mm from the top of the sheet (the text area starts 20 mm down). */
  top: number;
  width: number;
}): Content {
  return {
    margin: [mm(options.margin.left), mm(options.top), mm(options.margin.right), 0],
    stack: [
      {
        columnGap: mm(4),
        columns: [
          {
            width: '*',
            stack: [
              ...(options.person.trim() !== '' ? [{ text: options.person, fontSize: 8, bold: true }] : []),
              { text: options.title, fontSize: 7.5, color: LIGHT_GREY },
            ],
          },
          { width: 'auto', text: `Seite ${options.currentPage} von ${options.pageCount}`, fontSize: 8 },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 2, x2: options.width, y2: 2, lineWidth: 0.5, lineColor: RULE }] },
    ],
  };
}

/**
 * How a translation prints beside the German text (issue 17): the German
 * comes first (or left) in the usual style and is binding; the translation
 * follows directly under it (or right of it) smaller, in a dark blue and, in
 * left-to-right scripts, italic, so no reader takes it for the German.
 * Right-to-left translations are right-aligned. Every translated block says
 * „Übersetzung – maßgeblich ist der deutsche Text“ in German and in the
 * language, and so do the title and the footer of every page.
 */

/** The colour of translated text: dark enough to read and copy, distinct from the German black and the grey labels. */
export const TRANSLATION_COLOR = '#2f4a7a';

/** The style of translated text at the size of the German text beside it. */
export function translatedStyle(
  translation: PrintedTranslation,
  fontSize: number,
): { fontSize: number; color: string; italics: boolean; alignment: 'left' | 'right' } {
  return {
    fontSize: Math.max(7, fontSize - 1),
    color: TRANSLATION_COLOR,
    // Scripts without italics (Arabic) would print slanted Latin only; right-to-left text stays upright.
    italics: translation.direction === 'ltr',
    alignment: translation.direction === 'rtl' ? 'right' : 'left',
  };
}

/** A translated line or paragraph in the translation's style. */
export function translatedText(translation: PrintedTranslation, text: string, fontSize: number, extra: Partial<ContentText> = {}): ContentText {
  return { text, ...translatedStyle(translation, fontSize), ...extra };
}

/**
 * A label with its translation under it (none without one), as text nodes
 * side by side in a stack: `headlineLevel` goes on the German one, since
 * pdfmake asks `keepHeadingsWithText` about text nodes, never about stacks.
 */
export function labelStack(
  translation: PrintedTranslation | null,
  label: string,
  labelTranslation: string | undefined,
  style: { fontSize: number; color: string; bold?: boolean; headlineLevel?: number },
): Content[] {
  const german: ContentText = {
    text: label,
    fontSize: style.fontSize,
    color: style.color,
    ...(style.bold ? { bold: true } : {}),
    ...(style.headlineLevel !== undefined ? { headlineLevel: style.headlineLevel } : {}),
  };
  if (translation === null || labelTranslation === undefined) return [german];
  return [german, translatedText(translation, labelTranslation, style.fontSize, style.bold ? { bold: true } : {})];
}

/**
 * The note that German is binding, in German and in the language: under a
 * form's title, a letter's subject and after each translated block.
 */
export function bindingNote(translation: PrintedTranslation, fontSize: number, options: { stand?: string } = {}): Content {
  const german = options.stand ? `${GERMAN_BINDING_NOTE} · Übersetzung Stand: ${options.stand}` : GERMAN_BINDING_NOTE;
  return {
    stack: [
      { text: german, fontSize, color: LIGHT_GREY },
      { text: translation.bindingNote, fontSize, color: TRANSLATION_COLOR, alignment: translation.direction === 'rtl' ? 'right' : 'left' },
    ],
  };
}

/** The note under a document's title: which language the translation is in, and that the German is binding. */
export function translationIntro(translation: PrintedTranslation, width: number): Content {
  return {
    margin: [0, mm(2), 0, mm(1)],
    table: {
      widths: [width - 2 * 5 - 2 * 0.8],
      body: [
        [
          {
            stack: [{ text: `Zweisprachig: Deutsch und ${translation.languageName}`, fontSize: 8, bold: true }, bindingNote(translation, 8)],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => TRANSLATION_COLOR,
      vLineColor: () => TRANSLATION_COLOR,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

/** The binding note as one line of small print for a footer (German · language). */
export function footerNote(translation: PrintedTranslation, fontSize: number): Content {
  return {
    columnGap: mm(3),
    columns: [
      { width: 'auto', text: GERMAN_BINDING_NOTE, fontSize, color: LIGHT_GREY },
      { width: '*', text: translation.bindingNote, fontSize, color: TRANSLATION_COLOR, alignment: translation.direction === 'rtl' ? 'right' : 'left' },
    ],
  };
}

/** The translated paragraphs of a block, with the binding note and the translation's Stand under them. */
export function translatedBlock(
  translation: PrintedTranslation,
  block: Extract<PrintItem, { kind: 'block' }>,
  fontSize: number,
  options: { withLabel: boolean },
): Content[] {
  const own = block.textTranslation;
  if (!own) return [];
  const paragraphs = splitParagraphs(own.text);
  return [
    ...(options.withLabel && block.labelTranslation !== undefined
      ? [translatedText(translation, block.labelTranslation, fontSize, { bold: true, margin: [0, 0, 0, 1] })]
      : []),
    ...paragraphs.map((paragraph, index) =>
      translatedText(translation, paragraph, fontSize, { margin: [0, 0, 0, index === paragraphs.length - 1 ? 1.5 : fontSize * 0.4] }),
    ),
    bindingNote(translation, 6.5, { stand: own.stand }),
  ];
}
