/**
 * A message as data: a catalogue key and the values of its placeholders. A
 * value may itself be a message, e.g. the reason inside "Das Logo kann nicht
 * verwendet werden: {{reason}}"; it is worded first.
 */
export interface MessageData {
  key: string;
  params?: { [name: string]: MessageParam } | undefined;
}

export type MessageParam = string | number | MessageData;

/** Words one key with plain params; undefined when the key is unknown (then the caller falls back). */
export type Translate = (key: string, params: Record<string, string | number>) => string | undefined;

/**
 * Words a message with its nested messages. The core translates with the
 * catalogue itself (formatMessage), the renderer with i18next: both read the
 * same catalogues, so the German the core sends is what i18next would say.
 */
export function wordMessage(message: MessageData, translate: Translate): string | undefined {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    const worded = typeof value === 'object' ? wordMessage(value, translate) : value;
    if (worded === undefined) return undefined;
    params[name] = worded;
  }
  return translate(message.key, params);
}

/** The text at a dotted key (`consents.alreadySigned`) of a nested catalogue. */
export function textAt(catalogue: object, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** `{{name}}` and `{{name, number}}`, as i18next reads them. */
const PLACEHOLDER = /\{\{(\w+)(, *number)?\}\}/g;

/** The placeholder names of a text, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Fills the placeholders in; one left without a value stays visible as it is, so the omission shows. */
export function interpolate(text: string, params: Record<string, string | number>, locale: string): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string, asNumber: string | undefined) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return asNumber && typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
  });
}

/** A message worded from a catalogue, without i18next (the core has none). */
export function formatMessage(message: MessageData, catalogue: object, locale: string): string | undefined {
  return wordMessage(message, (key, params) => {
    const text = textAt(catalogue, key);
    return text === undefined ? undefined : interpolate(text, params, locale);
  });
}
