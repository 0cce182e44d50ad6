/** `{{client.fullName}}`: a prefill path or a field id of the same form, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9.]+)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Replaces every placeholder by what `resolve` gives for its name; the result is plain text (never markup). */
export function fillPlaceholders(text: string, resolve: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => resolve(name));
}
