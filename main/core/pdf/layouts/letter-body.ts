import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PrintedTranslation, PrintItem, PrintSection } from '../printed-form';
import { LETTER_BODY_SIZE, LETTER_TEXT_WIDTH, paragraphs } from './din5008-letter';
import {
  afterSigned,
  blockContent,
  checkEntry,
  GREY,
  KEEP,
  labelStack,
  lineHeight,
  linesTable,
  mm,
  NO_LINES,
  officeBox,
  sectionHeadingLevel,
  signatureContent,
  translatedText,
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

function rowsTable(items: RowItem[], translation: PrintedTranslation | null): Content {
  const body = items.map((item): TableCell[] =>
    item.kind === 'checkbox'
      ? [
          {
            colSpan: 2,
            stack: [checkEntry(item.label, item.checked, LETTER_BODY_SIZE, WIDTH, translation ? { translation, text: item.labelTranslation } : undefined)],
          },
          {},
        ]
      : [
          { stack: labelStack(translation, item.label ?? '', item.labelTranslation, { fontSize: LABEL_SIZE, color: GREY }), margin: [0, 1.2, 0, 0] },
          { text: item.text },
        ],
  );
  return {
    // Widths in points: a `*` column would grow with a long word past the margin.
    table: { widths: [mm(LABEL_WIDTH), WIDTH - mm(LABEL_WIDTH) - mm(LABEL_GAP)], body },
    layout: { ...NO_LINES, paddingRight: (column: number) => (column === 0 ? mm(LABEL_GAP) : 0), paddingBottom: () => 2 },
    margin: [0, 0, 0, gap()],
  };
}

/** A label over what it labels, kept with it (see keepHeadingsWithText). */
function label(text: string | null, below: number, translation: PrintedTranslation | null = null, labelTranslation?: string): Content[] {
  return text === null
    ? []
    : [
        {
          stack: labelStack(translation, text, labelTranslation, { fontSize: LABEL_SIZE, color: GREY, headlineLevel: KEEP.heading }),
          margin: [0, 0, 0, below],
        },
      ];
}

function itemContent(item: Exclude<PrintItem, RowItem>, translation: PrintedTranslation | null): Content[] {
  switch (item.kind) {
    case 'paragraphs':
      return paragraphs(item.text);
    case 'long-text':
      return [...label(item.label, 1, translation, item.labelTranslation), ...paragraphs(item.text)];
    case 'choice':
      // Letters print the chosen labels as a value (printedForm never gives them a choice); kept for completeness.
      return [{ stack: item.options.map((option) => checkEntry(option.label, option.chosen, LETTER_BODY_SIZE, WIDTH)), margin: [0, 0, 0, gap()] }];
    case 'lines':
      return [
        ...label(item.label, 2, translation, item.labelTranslation),
        spaced(linesTable(item, { fontSize: SMALL_SIZE, width: WIDTH, form: false, translation })),
      ];
    case 'block':
      // Its label reads like the other labels of a letter: the section title stays the only heading.
      return [
        spaced(blockContent(item, { fontSize: LETTER_BODY_SIZE, labelStyle: { fontSize: LABEL_SIZE, bold: false, color: GREY }, translation, width: WIDTH })),
      ];
    case 'signature':
      return [spaced(signatureContent(item, { fontSize: LETTER_BODY_SIZE, width: WIDTH, translation })), afterSigned()];
    case 'office-box':
      return [spaced(officeBox(item, { fontSize: SMALL_SIZE, width: WIDTH })), afterSigned()];
  }
}

/**
 * The letter body: per section its title where it has one, then its items in
 * form order. The closing and signature follow the last section: its title
 * keeps with them as with a section's own signature (see KEEP).
 */
export function letterBody(sections: PrintSection[], translation: PrintedTranslation | null = null): Content[] {
  const content: Content[] = [];
  sections.forEach((section, index) => {
    if (section.title !== null) {
      const level = index === sections.length - 1 ? KEEP.headingOfSigned : sectionHeadingLevel(section);
      // Text nodes, not a stack: pdfmake asks keepHeadingsWithText about text nodes only. Side by side, the translation
      // starts where the right column does.
      const translated = translation !== null && section.titleTranslation !== undefined;
      content.push({ text: section.title, bold: true, headlineLevel: level, margin: [0, 0, 0, translated ? 0 : 2] });
      if (translation !== null && section.titleTranslation !== undefined) {
        content.push(
          translatedText(translation, section.titleTranslation, LETTER_BODY_SIZE, {
            bold: true,
            headlineLevel: KEEP.translation,
            margin: [translation.layout === 'side-by-side' ? (WIDTH + mm(5)) / 2 : 0, 0, 0, 2],
          }),
        );
      }
    }
    let rows: RowItem[] = [];
    const flush = () => {
      if (rows.length > 0) content.push(rowsTable(rows, translation));
      rows = [];
    };
    for (const item of section.items) {
      if (item.kind === 'value' || item.kind === 'checkbox') {
        rows.push(item);
        continue;
      }
      flush();
      content.push(...itemContent(item, translation));
    }
    flush();
  });
  return content;
}
