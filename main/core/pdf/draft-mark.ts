import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts } from './fonts';

/**
 * A draft must not pass for a letter (it has not been through the consent
 * gate and the minimisation check): every page of a draft carries a large
 * diagonal "ENTWURF" behind the text, a small "ENTWURF – nicht versenden" at
 * its top edge, and its PDF title says so. Only a final document prints
 * without them.
 *
 * The diagonal word is drawn as the outlines of its letters, not as text:
 * pdftotext and screen readers would read slanted letters in scraps between
 * the lines of the body ("EN", "TW", …). The small line is the word as text,
 * where it reads as one. Both come from the page background, which pdfmake
 * draws before the content (its `watermark` is drawn over it and would grey
 * the text it crosses).
 */

/** The start of a draft's PDF title (Info /Title and XMP dc:title). */
export const DRAFT_TITLE = 'Entwurf – nicht versenden';
/** The line at the top of every page of a draft. */
export const DRAFT_NOTICE = 'ENTWURF – nicht versenden';
const WORD = 'ENTWURF';
/** Light enough to read the text through, dark enough to survive a photocopy. */
const MARK_COLOR = '#d9d9d9';
const NOTICE_COLOR = '#555555';
/** The word spans this share of the page diagonal. */
const MARK_SHARE_OF_DIAGONAL = 0.6;
const mm = (x: number) => (x * 72) / 25.4;

interface PageSize {
  width: number;
  height: number;
}

const marks = new Map<string, string>();

/**
 * The word along the page's diagonal (lower left to upper right), centred,
 * as one SVG path per letter in the bold face's outlines.
 */
function markSvg(page: PageSize): string {
  const key = `${page.width}x${page.height}`;
  const cached = marks.get(key);
  if (cached) return cached;
  const face = loadFonts().bold;
  const run = face.layout(WORD);
  let x = 0;
  const letters: string[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    letters.push(`<path transform="translate(${x + position.xOffset} ${position.yOffset})" d="${glyph.path.toSVG()}"/>`);
    x += position.xAdvance;
  });
  const diagonal = Math.hypot(page.width, page.height);
  const scale = (diagonal * MARK_SHARE_OF_DIAGONAL) / x;
  const angle = (Math.atan2(page.height, page.width) * 180) / Math.PI;
  // Font units have y upwards: flip, then centre the capitals on the page's middle.
  const transform = `translate(${page.width / 2} ${page.height / 2}) rotate(${-angle}) scale(${scale} ${-scale}) translate(${-x / 2} ${-face.capHeight / 2})`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}">` +
    `<g fill="${MARK_COLOR}" stroke="none" transform="${transform}">${letters.join('')}</g></svg>`;
  marks.set(key, svg);
  return svg;
}

function draftMark(page: PageSize): Content[] {
  return [
    { svg: markSvg(page), width: page.width, height: page.height, absolutePosition: { x: 0, y: 0 } },
    { text: DRAFT_NOTICE, fontSize: 8, bold: true, color: NOTICE_COLOR, absolutePosition: { x: mm(25), y: mm(5.5) } },
  ];
}

/** The title a draft's PDF carries: `Entwurf – nicht versenden: <title>`. */
export function draftTitle(title: string): string {
  return title.trim() === '' ? DRAFT_TITLE : `${DRAFT_TITLE}: ${title}`;
}

/** The document definition with the draft mark on every page, behind whatever its own background draws, and the draft title. */
export function markedAsDraft(definition: TDocumentDefinitions): TDocumentDefinitions {
  const own = definition.background;
  return {
    ...definition,
    info: { ...definition.info, title: draftTitle(definition.info?.title ?? '') },
    background: (currentPage, pageSize) => {
      const drawn = typeof own === 'function' ? own(currentPage, pageSize) : own;
      return [...draftMark(pageSize), ...(drawn ? [drawn] : [])];
    },
  };
}
