import { createRequire } from 'node:module';

/**
 * pdfmake's style lookup, without its garbage.
 *
 * pdfmake reads about twenty style properties for every run of text (font,
 * size, colour, decoration, links, …), and each read pushes the run's styles
 * onto the style stack, walks it with a fresh closure and a fresh Set, and
 * pops them again: about a tenth of a letter's CPU time and much of its
 * garbage (issue 16). The lookups below give the same answer in the same
 * order — the run itself, its named styles from the last to the first, then
 * the stack from the top, then the default style, named styles through their
 * `extends` — without pushing the run, and the stack keeps its answers per
 * level. test/pdf/style-lookup.test.ts compares them with pdfmake's own
 * on many generated stacks, pushed and popped.
 */

interface Style {
  [property: string]: unknown;
  extends?: unknown;
}

export interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Style;
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
  push(entry: unknown): void;
  pop(howMany?: number): void;
}

export interface StyleStackClass {
  new (styleDictionary: Record<string, Style | undefined>, defaultStyle?: Style): StyleStack;
  getStyleProperty(item: unknown, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown;
  prototype: StyleStack;
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** A named style's value, through its `extends` (the last parent first); `visited` guards against cycles. */
function namedStyleValue(dictionary: StyleStack['styleDictionary'], name: string, property: string, visited?: Set<string>): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = (Array.isArray(style.extends) ? style.extends : [style.extends]) as string[];
  for (let index = parents.length - 1; index >= 0; index -= 1) {
    const value = namedStyleValue(dictionary, parents[index]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of the stack: a style's name or an object of overrides. */
function entryValue(dictionary: StyleStack['styleDictionary'], entry: unknown, property: string): unknown {
  return isString(entry) ? namedStyleValue(dictionary, entry as string, property) : (entry as Style)[property];
}

/**
 * The stack's answers, kept per level until that level changes: pdfmake
 * measures a paragraph word by word and a form node by node, asking the same
 * twenty properties each time, while the levels below stay as they were.
 * The answer at a level is its entry's own value, or else the answer of the
 * level below (the default style under the lowest). Only push and pop change
 * a stack (pdfmake's modules never touch its entries directly; the one style
 * property pdfmake writes onto a node on the stack, `font`, is the value the
 * stack gave).
 */
interface KeptAnswers {
  /** Per level of `styleOverrides`: the answers found there so far. */
  levels?: Array<Map<string, unknown> | undefined>;
}

function push(this: StyleStack & KeptAnswers, entry: unknown): void {
  this.styleOverrides.push(entry);
  if (this.levels) this.levels.length = Math.min(this.levels.length, this.styleOverrides.length - 1);
}

function pop(this: StyleStack & KeptAnswers, howMany = 1): void {
  for (let count = howMany; count > 0; count -= 1) this.styleOverrides.pop();
  if (this.levels) this.levels.length = Math.min(this.levels.length, this.styleOverrides.length);
}

function getProperty(this: StyleStack & KeptAnswers, property: string): unknown {
  return answerBelow(this, this.styleOverrides ? this.styleOverrides.length : 0, property);
}

/** The answer of the stack's lowest `depth` entries (and the default style). */
function answerBelow(stack: StyleStack & KeptAnswers, depth: number, property: string): unknown {
  if (depth === 0) return stack.defaultStyle && stack.defaultStyle[property];
  const levels = (stack.levels ??= []);
  let level = levels[depth - 1];
  if (level === undefined) level = levels[depth - 1] = new Map();
  else if (level.has(property)) return level.get(property);
  const own = entryValue(stack.styleDictionary, stack.styleOverrides[depth - 1], property);
  const value = isValue(own) ? own : answerBelow(stack, depth - 1, property);
  level.set(property, value);
  return value;
}

function getStyleProperty(item: unknown, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Style)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  // What pdfmake's autopush would put on the stack: nothing for a string or a section, else the run's styles (then the run, read above).
  const run = item as Style;
  if (!isString(item) && run.section === undefined && run.style) {
    const names = Array.isArray(run.style) ? (run.style as unknown[]) : [run.style];
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const value = entryValue(stack.styleDictionary, names[index], property);
      if (isValue(value)) return value;
    }
  }
  const value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

let installed = false;

/** pdfmake's StyleContextStack, as its modules share it (they require it by this path). */
export function pdfmakeStyleStack(): StyleStackClass {
  return (createRequire(__filename)('pdfmake/js/StyleContextStack') as { default: StyleStackClass }).default;
}

/** Puts the lookups above in place of pdfmake's, once per process. */
export function installStyleLookup(): void {
  if (installed) return;
  const StyleContextStack = pdfmakeStyleStack();
  StyleContextStack.prototype.getProperty = getProperty;
  StyleContextStack.prototype.push = push;
  StyleContextStack.prototype.pop = pop;
  StyleContextStack.getStyleProperty = getStyleProperty;
  installed = true;
}

/** For the test that compares them with pdfmake's own. */
export const styleLookups = { getProperty, getStyleProperty, push, pop };
