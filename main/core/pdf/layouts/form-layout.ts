import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Settings } from '../../../../shared/api/contract';
import { FONT_FAMILY } from '../fonts';
import { fittedLogoSize, printableLogo } from '../logo';
import type { PrintedTranslation, PrintItem, PrintSection } from '../printed-form';
import {
  afterSigned,
  blockContent,
  checkEntry,
  continuationHeader,
  EMPTY_LINE,
  footerNote,
  GREY,
  KEEP,
  keepHeadingsWithText,
  labelStack,
  LIGHT_GREY,
  linesTable,
  mm,
  officeBox,
  sectionHeadingLevel,
  signatureContent,
  splitParagraphs,
  translatedText,
  translationIntro,
  writingLines,
} from './form-parts';

/**
 * A form on A4 (DESIGN.md §5, layout `form`): the office's letterhead, the
 * form's title and reference, the recipient where there is one, then each
 * section as a titled block. Unlike a letter, a form prints its blank fields
 * too, as lines to write on, and every option of a choice with its box:
 * forms are filled in and checked by hand. Everything flows: long text and
 * long tables continue on the next page. The footer (the reference) is on
 * every page; pages after the first begin with whose form it is and
 * `Seite x von y` (page 1 has its number in the footer).
 */

export interface FormLayoutContent {
  /** PDF metadata title and the large heading. */
  title: string;
  /** Small print identifying the document (form and Stand). */
  reference: string;
  /** Whose form it is, at the top of pages 2 and following (e.g. name · geb. … · Az. …); '' for none. */
  person: string;
  /** The printed date, `dd.mm.yyyy`. */
  date: string;
  office: Settings['office'];
  /** Address lines of the recipient; none: no "An:" block. */
  recipientLines: string[];
  sections: PrintSection[];
  creationDate: Date;
  author: string;
  /** PDF metadata keywords, comma-separated (default `Formular`). */
  keywords?: string;
  /** A translation printed with the German (binding) text; null or left out: German only. */
  translation?: PrintedTranslation | null;
}

const A4_WIDTH = 210;
const MARGIN = { left: 25, right: 20, top: 20, bottom: 22 };
const WIDTH = mm(A4_WIDTH - MARGIN.left - MARGIN.right);
const BODY_SIZE = 10;
const LABEL_SIZE = 9;
const SMALL_SIZE = 9;
const LABEL_WIDTH = mm(58);
/** Room the label column keeps to its right. */
const LABEL_GAP = mm(3);
/** Widths are in points throughout (see `checkEntry` on `*` columns). */
const VALUE_WIDTH = WIDTH - LABEL_WIDTH - LABEL_GAP;
/** Space between the elements of a section. */
const ITEM_GAP = mm(3);
const RULE = '#777777';
/** The header of pages 2 and following starts here (mm); the text area at MARGIN.top. */
const CONTINUATION_HEADER_TOP = 10;
/** Extra height above the line of a blank field, for handwriting. */
const WRITE_IN_ROOM = mm(3.5);

const join = (parts: Array<string | null | undefined>, separator: string) =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(separator);

/** The logo on a form: left of the organisation, at most 30 × 15 mm (a form's letterhead is one band, not a letter's 45 mm). */
const FORM_LOGO_BOX = { width: 30, height: 15 };
/** Between logo, organisation and contact lines. */
const LETTERHEAD_GAP = mm(6);

function letterhead(office: Settings['office']): Content {
  const contact = [
    join([office.street, join([office.postalCode, office.city], ' ')], ' · '),
    office.room,
    join([office.phone && `Telefon ${office.phone}`, office.email && `E-Mail ${office.email}`], ' · '),
    office.web,
    office.hours && `Sprechzeiten ${office.hours}`,
    office.contact && `Ansprechperson ${office.contact}`,
  ].filter((line) => line.trim() !== '');
  const logo = office.logo ? fittedLogoSize(printableLogo(office.logo), FORM_LOGO_BOX) : null;
  const logoColumns: Column[] = logo ? [{ width: mm(logo.width), stack: [{ image: 'logo', width: mm(logo.width), height: mm(logo.height) }] }] : [];
  return {
    stack: [
      {
        columnGap: LETTERHEAD_GAP,
        columns: [
          ...logoColumns,
          {
            width: WIDTH - mm(75) - LETTERHEAD_GAP - (logo ? mm(logo.width) + LETTERHEAD_GAP : 0),
            stack: [
              { text: office.organization, fontSize: 13, bold: true },
              ...(office.department.trim() !== ''
                ? [{ text: office.department, fontSize: 10, color: GREY, margin: [0, 1, 0, 0] as [number, number, number, number] }]
                : []),
            ],
          },
          { width: mm(75), stack: contact.map((line) => ({ text: line, fontSize: 7.5, color: GREY, alignment: 'right' as const })) },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: mm(2.5), x2: WIDTH, y2: mm(2.5), lineWidth: 0.7, lineColor: RULE }] },
    ],
  };
}

function titleBlock(content: FormLayoutContent): Content {
  const translation = content.translation ?? null;
  return {
    margin: [0, mm(5), 0, mm(2)],
    stack: [
      { text: content.title, fontSize: 16, bold: true },
      ...(translation ? [translatedText(translation, translation.title, 13, { bold: true, margin: [0, 1, 0, 0] }), translationIntro(translation, WIDTH)] : []),
      {
        margin: [0, 2, 0, 0],
        columnGap: mm(6),
        columns: [
          { width: WIDTH - mm(32) - mm(6), text: content.reference, fontSize: 7.5, color: LIGHT_GREY },
          { width: mm(32), text: `Datum: ${content.date}`, fontSize: 9, alignment: 'right' },
        ],
      },
    ],
  };
}

function recipientBlock(lines: string[]): Content[] {
  if (lines.length === 0) return [];
  return [
    {
      margin: [0, mm(3), 0, 0],
      columnGap: mm(3),
      columns: [
        { width: mm(10), text: 'An:', bold: true, fontSize: BODY_SIZE },
        // Flush left, a name in right-to-left script too (script-layout.ts right-aligns such paragraphs otherwise).
        { width: WIDTH - mm(10) - mm(3), stack: lines.map((line) => ({ text: line, fontSize: BODY_SIZE })), alignment: 'left' },
      ],
    },
  ];
}

function sectionHeading(section: PrintSection, translation: PrintedTranslation | null): Content[] {
  if (section.title === null) return [];
  // Text nodes, not a stack or columns: pdfmake asks keepHeadingsWithText about text nodes only. Side by side, the
  // translation starts where the right column does.
  const own: Content[] =
    translation && section.titleTranslation !== undefined
      ? [
          translatedText(translation, section.titleTranslation, 11.5, {
            bold: true,
            headlineLevel: KEEP.translation,
            margin: [translation.layout === 'side-by-side' ? (WIDTH + mm(5)) / 2 : 0, 0, 0, 1],
          }),
        ]
      : [];
  return [
    { text: section.title, fontSize: 11.5, bold: true, headlineLevel: sectionHeadingLevel(section), margin: [0, mm(5), 0, own.length > 0 ? 0 : 1] },
    ...own,
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.8, lineColor: 'black' }], margin: [0, 0, 0, mm(2)] },
  ];
}

type RowItem = Extract<PrintItem, { kind: 'value' | 'choice' | 'checkbox' }>;

/** Options of a choice, ticked where chosen; many options in two columns. */
function choiceContent(item: Extract<PrintItem, { kind: 'choice' }>, translation: PrintedTranslation | null): Content {
  const entry =
    (width: number) =>
    (option: { label: string; chosen: boolean; translation?: string }): Content => ({
      stack: [checkEntry(option.label, option.chosen, BODY_SIZE, width, translation ? { translation, text: option.translation } : undefined)],
      margin: [0, 0, 0, 2],
    });
  if (item.options.length <= 6) return { stack: item.options.map(entry(VALUE_WIDTH)) };
  const half = Math.ceil(item.options.length / 2);
  const gap = mm(4);
  const column = (VALUE_WIDTH - gap) / 2;
  return {
    columnGap: gap,
    columns: [
      { width: column, stack: item.options.slice(0, half).map(entry(column)) },
      { width: column, stack: item.options.slice(half).map(entry(column)) },
    ],
  };
}

/**
 * A row short enough to be kept whole on one page. A row split by the page
 * break leaves its writing line on one page and its label on the next; only
 * a value that may be too long for a page is allowed to run over.
 */
function keptWhole(item: RowItem): boolean {
  switch (item.kind) {
    case 'value':
      return item.text.length <= 600 && item.text.split('\n').length <= 12;
    case 'choice':
      return item.options.length <= 40;
    case 'checkbox':
      return true;
  }
}

/**
 * Label and value side by side; the value stands on a line (an empty line
 * where nothing is filled in, to write on). Short rows are never split by a
 * page break; a long value continues on the next page, in a table of its own
 * that may break (see keptWhole).
 */
function rowsTables(items: RowItem[], translation: PrintedTranslation | null): Content[] {
  const runs: Array<{ whole: boolean; items: RowItem[] }> = [];
  for (const item of items) {
    const whole = keptWhole(item);
    const last = runs[runs.length - 1];
    if (last && last.whole === whole) last.items.push(item);
    else runs.push({ whole, items: [item] });
  }
  return runs.map((run, index) => rowsTable(run.items, run.whole, index === runs.length - 1, translation));
}

function rowsTable(items: RowItem[], keepRowsWhole: boolean, last: boolean, translation: PrintedTranslation | null): Content {
  const labelCell = (item: RowItem, top: number): TableCell => ({
    stack: labelStack(translation, item.label ?? '', item.labelTranslation, { fontSize: LABEL_SIZE, color: GREY }),
    margin: [0, top, 0, 0],
  });
  const body = items.map((item): TableCell[] => {
    switch (item.kind) {
      case 'checkbox':
        return [
          {
            colSpan: 2,
            stack: [checkEntry(item.label, item.checked, BODY_SIZE, WIDTH, translation ? { translation, text: item.labelTranslation } : undefined)],
            margin: [0, 2, 0, 0],
          },
          {},
        ];
      case 'choice':
        return [labelCell(item, 1), { ...(choiceContent(item, translation) as object), margin: [0, 1, 0, 0] } as TableCell];
      case 'value': {
        // A blank value leaves room to write above its line; the label moves down with it.
        const room = item.text.trim() === '' ? WRITE_IN_ROOM : 0;
        return [
          labelCell(item, 1 + room),
          { text: room ? EMPTY_LINE : item.text, fontSize: BODY_SIZE, border: [false, false, false, true], margin: [0, room, 0, 0] },
        ];
      }
    }
  });
  return {
    margin: [0, 0, 0, last ? ITEM_GAP : 0],
    table: {
      widths: [LABEL_WIDTH, VALUE_WIDTH],
      dontBreakRows: keepRowsWhole,
      body,
    },
    layout: {
      defaultBorder: false,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingLeft: () => 0,
      paddingRight: (column: number) => (column === 0 ? LABEL_GAP : 0),
      paddingTop: () => 3.5,
      paddingBottom: () => 1.5,
    },
  };
}

function itemContent(item: Exclude<PrintItem, RowItem>, translation: PrintedTranslation | null): Content[] {
  // A label stays with what it labels (see keepHeadingsWithText).
  const label = (text: string | null): Content[] =>
    text === null
      ? []
      : [
          {
            stack: labelStack(translation, text, item.labelTranslation, { fontSize: LABEL_SIZE, color: GREY, headlineLevel: KEEP.heading }),
            margin: [0, 0, 0, 2],
          },
        ];
  const spaced = (content: Content): Content => ({ stack: [content], margin: [0, 0, 0, ITEM_GAP] });
  switch (item.kind) {
    case 'paragraphs':
      return splitParagraphs(item.text).map((paragraph) => ({ text: paragraph, fontSize: BODY_SIZE, margin: [0, 0, 0, ITEM_GAP] }));
    case 'long-text': {
      const paragraphs = splitParagraphs(item.text);
      if (paragraphs.length === 0) return [...label(item.label), spaced(writingLines(4, WIDTH, mm(7.5)))];
      return [
        ...label(item.label),
        ...paragraphs.map((paragraph): Content => ({ text: paragraph, fontSize: BODY_SIZE, margin: [0, 0, 0, 4] })),
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }], margin: [0, 0, 0, ITEM_GAP] },
      ];
    }
    case 'lines':
      return [...label(item.label), spaced(linesTable(item, { fontSize: SMALL_SIZE, width: WIDTH, form: true, translation }))];
    case 'block':
      return [spaced(blockContent(item, { fontSize: 9.5, translation, width: WIDTH }))];
    case 'signature':
      return [spaced(signatureContent(item, { fontSize: BODY_SIZE, width: WIDTH, translation })), afterSigned()];
    case 'office-box':
      return [spaced(officeBox(item, { fontSize: BODY_SIZE, width: WIDTH })), afterSigned()];
  }
}

function sectionContent(section: PrintSection, translation: PrintedTranslation | null): Content[] {
  const content: Content[] = sectionHeading(section, translation);
  let rows: RowItem[] = [];
  const flush = () => {
    if (rows.length > 0) content.push(...rowsTables(rows, translation));
    rows = [];
  };
  for (const item of section.items) {
    if (item.kind === 'value' || item.kind === 'choice' || item.kind === 'checkbox') {
      rows.push(item);
      continue;
    }
    flush();
    content.push(...itemContent(item, translation));
  }
  flush();
  return content;
}

/** The reference on every page; the page number on page 1 only (later pages have it in their header). */
function footer(reference: string, currentPage: number, pageCount: number, translation: PrintedTranslation | null): Content {
  return {
    margin: [mm(MARGIN.left), mm(translation ? 4 : 6), mm(MARGIN.right), 0],
    stack: [
      // Every page of a bilingual form says which text is binding.
      ...(translation ? [{ ...(footerNote(translation, 6.5) as object), margin: [0, 0, 0, 2] } as Content] : []),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }] },
      {
        margin: [0, 3, 0, 0],
        columnGap: mm(4),
        columns: [
          { width: '*', text: reference, fontSize: 7, color: LIGHT_GREY },
          ...(currentPage === 1 ? [{ width: 'auto' as const, text: `Seite ${currentPage} von ${pageCount}`, fontSize: 8 }] : []),
        ],
      },
    ],
  };
}

/** The pdfmake document definition of a form. */
export function formLayout(content: FormLayoutContent): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [mm(MARGIN.left), mm(MARGIN.top), mm(MARGIN.right), mm(MARGIN.bottom)],
    language: 'de-DE',
    info: {
      title: content.title,
      author: content.author,
      subject: content.title,
      keywords: content.keywords ?? 'Formular',
      creationDate: content.creationDate,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE },
    header: (currentPage, pageCount) =>
      currentPage > 1
        ? continuationHeader({
            person: content.person,
            title: content.title,
            currentPage,
            pageCount,
            margin: MARGIN,
            top: CONTINUATION_HEADER_TOP,
            width: WIDTH,
          })
        : null,
    footer: (currentPage, pageCount) => footer(content.reference, currentPage, pageCount, content.translation ?? null),
    pageBreakBefore: keepHeadingsWithText,
    ...(content.office.logo ? { images: { logo: printableLogo(content.office.logo).dataUrl } } : {}),
    content: [
      letterhead(content.office),
      titleBlock(content),
      ...recipientBlock(content.recipientLines),
      ...content.sections.flatMap((section) => sectionContent(section, content.translation ?? null)),
    ],
  };
}
