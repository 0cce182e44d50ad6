import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pdfmakeStyleStack, styleLookups, type StyleStack, type StyleStackClass } from '../../main/core/pdf/style-lookup';
import { seededRandom } from '../support/seeded-random';

/**
 * main/core/pdf/style-lookup.ts replaces pdfmake's style lookups with ones
 * that claim the same answers. Compared here with pdfmake's own code (a
 * fresh copy of its module: the one pdfmake shares may be patched already)
 * on generated styles: named styles with `extends` chains, lists and cycles,
 * runs with style names, lists of names and override objects, strings,
 * sections, values that are 0, false, '' or null, and a default style.
 */
const require = createRequire(import.meta.url);

function pdfmakesOwn(): StyleStackClass {
  const file = require.resolve('pdfmake/js/StyleContextStack');
  const shared = require.cache[file];
  delete require.cache[file];
  try {
    return (require(file) as { default: StyleStackClass }).default;
  } finally {
    require.cache[file] = shared;
  }
}

const PROPERTIES = ['font', 'fontSize', 'bold', 'italics', 'color', 'lineHeight', 'noWrap'];
const VALUES = [undefined, undefined, undefined, null, 0, false, '', 10, 'Roboto', true, 'red'];
const NAMES = ['header', 'label', 'small', 'quote', 'missing'];

describe('the style lookups pdfmake is given', () => {
  it('is installed in the StyleContextStack pdfmake uses, once renderPdf configured it', async () => {
    const { renderPdf } = await import('../../main/core/pdf/render');
    await renderPdf({ content: 'x', info: { creationDate: new Date('2026-01-01T00:00:00Z') } });
    expect(pdfmakeStyleStack().getStyleProperty).toBe(styleLookups.getStyleProperty);
    expect(pdfmakeStyleStack().prototype.getProperty).toBe(styleLookups.getProperty);
    expect(pdfmakeStyleStack().prototype.push).toBe(styleLookups.push);
    expect(pdfmakeStyleStack().prototype.pop).toBe(styleLookups.pop);
  });

  it("answers as pdfmake's own for 32,000 generated steps of pushing, popping and looking up", () => {
    const Own = pdfmakesOwn();
    expect(Own.getStyleProperty).not.toBe(styleLookups.getStyleProperty);
    const random = seededRandom(16);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const styleOf = (): Record<string, unknown> => {
      const style: Record<string, unknown> = {};
      for (const property of PROPERTIES) if (random() < 0.3) style[property] = pick(VALUES);
      return style;
    };
    let answered = 0;
    for (let round = 0; round < 2_000; round += 1) {
      const dictionary: Record<string, Record<string, unknown>> = {};
      for (const name of NAMES.slice(0, 4)) {
        const style = styleOf();
        const roll = random();
        if (roll < 0.25) style.extends = pick(NAMES);
        else if (roll < 0.45) style.extends = [pick(NAMES), pick(NAMES)]; // cycles and repeats included
        dictionary[name] = style;
      }
      const entry = (): unknown => (random() < 0.5 ? pick(NAMES) : styleOf());
      const defaultStyle = random() < 0.8 ? styleOf() : undefined;
      const own = new Own(dictionary, defaultStyle);
      const ours: StyleStack = Object.assign(Object.create(styleLookups) as StyleStack, { styleDictionary: dictionary, defaultStyle, styleOverrides: [] });
      for (let step = 0; step < 16; step += 1) {
        const roll = random();
        if (roll < 0.25) {
          const pushed = entry();
          own.push(pushed);
          ours.push(pushed);
          continue;
        }
        if (roll < 0.35) {
          const howMany = Math.floor(random() * 3);
          own.pop(howMany);
          ours.pop(howMany);
          continue;
        }
        const itemRoll = random();
        const item: unknown =
          itemRoll < 0.1
            ? 'plain text'
            : {
                ...styleOf(),
                text: 'x',
                ...(itemRoll < 0.2 ? { section: 'header' } : {}),
                ...(random() < 0.6 ? { style: random() < 0.5 ? pick(NAMES) : [entry(), entry(), pick(NAMES)] } : {}),
              };
        const property = pick(PROPERTIES);
        const fallback = pick(['fallback', 12, null]);
        const before = [...own.styleOverrides];
        const expected = Own.getStyleProperty(item, own, property, fallback);
        expect(styleLookups.getStyleProperty(item, ours, property, fallback)).toEqual(expected);
        expect(ours.getProperty(property)).toEqual(own.getProperty(property));
        expect(styleLookups.getStyleProperty(item, undefined, property, fallback)).toEqual(Own.getStyleProperty(item, undefined, property, fallback));
        expect(own.styleOverrides).toEqual(before);
        expect(ours.styleOverrides).toEqual(before);
        if (expected !== fallback) answered += 1;
      }
    }
    // The cases reach the stack, the styles and the defaults, not only the fallback.
    expect(answered).toBeGreaterThan(5_000);
  });
});
