import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PrintItem, PrintSection } from '../printed-form';
import { LETTER_BODY_SIZE, LETTER_TEXT_WIDTH, paragraphs } from './din5008-letter';
import {
  afterSigned,
  blockContent,
  checkEntry,
  GREY,
  KEEP,
  lineHeight,
  linesTable,
  mm,
  NO_LINES,
  officeBox,
  sectionHeadingLevel,
  signatureContent,
} from './form-parts';

/**
 * The body of a DIN 5008 letter built from a form's sections: text fields
 * printed as paragraphs read as the letter itself; everything else stands
 * under its section's title as label/value rows, small tables and text
 * blocks. Only what is filled in is here, and only the headings and labels
 * that print (see `printedForm`).
 */

const LABEL_SIZE = 9.5;
const SMALL_SIZE = 9.5;
const LABEL_WIDTH = 50;
const LABEL_GAP = 3;
const WIDTH = mm(LETTER_TEXT_WIDTH);

/** One blank line of body text: the space after every paragraph, table and block. */
const gap = () => lineHeight(LETTER_BODY_SIZE);

/** Followed by a blank line, as paragraphs are. */
const spaced = (content: Content): Content => ({ stack: [content], margin: [0, 0, 0, gap()] });

type RowItem = Extract<PrintItem, { kind: 'value' | 'checkbox' }>;

function rowsTable(items: RowItem[]): Content {
  const body = items.map((item): TableCell[] =>
    item.kind === 'checkbox'
      ? [{ colSpan: 2, stack: [checkEntry(item.label, item.checked, LETTER_BODY_SIZE, WIDTH)] }, {}]
      : [{ text: item.label ?? '', fontSize: LABEL_SIZE, color: GREY, margin: [0, 1.2, 0, 0] }, { text: item.text }],
  );
  return {
    // Widths in points: a `*` column would grow with a long word past the margin.
    table: { widths: [mm(LABEL_WIDTH), WIDTH - mm(LABEL_WIDTH) - mm(LABEL_GAP)], body },
    layout: { ...NO_LINES, paddingRight: (column: number) => (column === 0 ? mm(LABEL_GAP) : 0), paddingBottom: () => 2 },
    margin: [0, 0, 0, gap()],
  };
}

/** A label over what it labels, kept with it (see keepHeadingsWithText). */
function label(text: string | null, below: number): Content[] {
  return text === null ? [] : [{ text, fontSize: LABEL_SIZE, color: GREY, margin: [0, 0, 0, below], headlineLevel: KEEP.heading }];
}

function itemContent(item: Exclude<PrintItem, RowItem>): Content[] {
  switch (item.kind) {
    case 'paragraphs':
      return paragraphs(item.text);
    case 'long-text':
      return [...label(item.label, 1), ...paragraphs(item.text)];
    case 'choice':
      // Letters print the chosen labels as a value (printedForm never gives them a choice); kept for completeness.
      return [{ stack: item.options.map((option) => checkEntry(option.label, option.chosen, LETTER_BODY_SIZE, WIDTH)), margin: [0, 0, 0, gap()] }];
    case 'lines':
      return [...label(item.label, 2), spaced(linesTable(item, { fontSize: SMALL_SIZE, width: WIDTH, form: false }))];
    case 'block':
      // Its label reads like the other labels of a letter: the section title stays the only heading.
      return [spaced(blockContent(item, { fontSize: LETTER_BODY_SIZE, labelStyle: { fontSize: LABEL_SIZE, bold: false, color: GREY } }))];
    case 'signature':
      return [spaced(signatureContent(item, { fontSize: LETTER_BODY_SIZE, width: WIDTH })), afterSigned()];
    case 'office-box':
      return [spaced(officeBox(item, { fontSize: SMALL_SIZE, width: WIDTH })), afterSigned()];
  }
}

/**
 * The letter body: per section its title where it has one, then its items in
 * form order. The closing and signature follow the last section: its title
 * keeps with them as with a section's own signature (see KEEP).
 */
export function letterBody(sections: PrintSection[]): Content[] {
  const content: Content[] = [];
  sections.forEach((section, index) => {
    if (section.title !== null) {
      const level = index === sections.length - 1 ? KEEP.headingOfSigned : sectionHeadingLevel(section);
      content.push({ text: section.title, bold: true, headlineLevel: level, margin: [0, 0, 0, 2] });
    }
    let rows: RowItem[] = [];
    const flush = () => {
      if (rows.length > 0) content.push(rowsTable(rows));
      rows = [];
    };
    for (const item of section.items) {
      if (item.kind === 'value' || item.kind === 'checkbox') {
        rows.push(item);
        continue;
      }
      flush();
      content.push(...itemContent(item));
    }
    flush();
  });
  return content;
}
