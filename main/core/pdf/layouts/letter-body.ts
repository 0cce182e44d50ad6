import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PrintItem, PrintSection } from '../printed-form';
import { LETTER_BODY_SIZE, LETTER_TEXT_WIDTH, paragraphs } from './din5008-letter';
import { blockContent, checkEntry, GREY, lineHeight, linesTable, mm, NO_LINES, officeBox, signatureContent } from './form-parts';

/**
 * The body of a DIN 5008 letter built from a form's sections: text fields
 * printed as paragraphs read as the letter itself; everything else stands
 * under its section's title as label/value rows, small tables and text
 * blocks. Only what is filled in is here (see `printedForm`).
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
      : [{ text: item.label, fontSize: LABEL_SIZE, color: GREY, margin: [0, 1.2, 0, 0] }, { text: item.text }],
  );
  return {
    // Widths in points: a `*` column would grow with a long word past the margin.
    table: { widths: [mm(LABEL_WIDTH), WIDTH - mm(LABEL_WIDTH) - mm(LABEL_GAP)], body },
    layout: { ...NO_LINES, paddingRight: (column: number) => (column === 0 ? mm(LABEL_GAP) : 0), paddingBottom: () => 2 },
    margin: [0, 0, 0, gap()],
  };
}

function itemContent(item: Exclude<PrintItem, RowItem>, section: PrintSection): Content[] {
  switch (item.kind) {
    case 'paragraphs':
      return paragraphs(item.text);
    case 'long-text':
      return [{ text: item.label, fontSize: LABEL_SIZE, color: GREY, margin: [0, 0, 0, 1], headlineLevel: 1 }, ...paragraphs(item.text)];
    case 'choice':
      // Letters print the chosen labels as a value (printedForm never gives them a choice); kept for completeness.
      return [{ stack: item.options.map((option) => checkEntry(option.label, option.chosen, LETTER_BODY_SIZE, WIDTH)), margin: [0, 0, 0, gap()] }];
    case 'lines':
      return [
        ...(item.label !== section.title ? [{ text: item.label, fontSize: LABEL_SIZE, color: GREY, margin: [0, 0, 0, 2], headlineLevel: 1 } as Content] : []),
        spaced(linesTable(item, { fontSize: SMALL_SIZE, width: WIDTH, form: false })),
      ];
    case 'block':
      // Its label reads like the other labels of a letter: the section title stays the only heading.
      return [
        spaced(
          blockContent(item, {
            fontSize: LETTER_BODY_SIZE,
            showLabel: item.label !== section.title,
            labelStyle: { fontSize: LABEL_SIZE, bold: false, color: GREY },
          }),
        ),
      ];
    case 'signature':
      return [spaced(signatureContent(item, { fontSize: LETTER_BODY_SIZE, width: WIDTH, showLabel: item.label !== section.title }))];
    case 'office-box':
      return [spaced(officeBox(item, { fontSize: SMALL_SIZE, width: WIDTH }))];
  }
}

/** The letter body: per section its title (unless it holds only paragraphs), then its items in form order. */
export function letterBody(sections: PrintSection[]): Content[] {
  const content: Content[] = [];
  for (const section of sections) {
    if (section.items.some((item) => item.kind !== 'paragraphs')) {
      content.push({ text: section.title, bold: true, headlineLevel: 1, margin: [0, 0, 0, 2] });
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
      content.push(...itemContent(item, section));
    }
    flush();
  }
  return content;
}
