import type { z } from 'zod';
import { germanText, type ErrorKey, type ErrorMessage } from '../i18n/error-message';
import { errorsDe } from '../i18n/errors.de';
import { textAt } from '../i18n/format-message';

/**
 * Plain wording for schema violations. zod's own German locale speaks of
 * "string" and "Zeichen <=3"; a counselor reads the field's message next to
 * the field, so it has to be plain, in German or English (the catalogue's
 * `input.*`). Works on raw issues (an error map) and on parsed ones when
 * parsed with `reportInput: true` (an empty field is told by its input).
 */
export function issueMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): ErrorMessage {
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === null ? 'input.required' : 'input.wrongType' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { key: 'input.required' } : { key: 'input.minLength', params: { minimum } };
      if (issue.origin === 'array') return minimum === 1 ? { key: 'input.minOneEntry' } : { key: 'input.minEntries', params: { minimum } };
      return { key: 'input.minValue', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'input.maxLength', params: { maximum } };
      if (issue.origin === 'array') return { key: 'input.maxEntries', params: { maximum } };
      return { key: 'input.maxValue', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'date') return { key: 'input.date' };
      if (issue.format === 'email') return { key: 'input.email' };
      if (issue.format === 'regex' && issue.pattern?.includes('\\d{5}')) return { key: 'input.postalCode' };
      return { key: 'input.format' };
    case 'invalid_value':
      return { key: 'input.choice' };
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? { key: 'input.unknownKey', params: { key: issue.keys[0]! } }
        : { key: 'input.unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'custom':
      return refinementMessage(issue.params) ?? { key: 'input.notAllowed' };
    default:
      return { key: 'input.notAllowed' };
  }
}

/**
 * The messages of an issue by field path. A key the schema does not know is
 * told at its own path (`address.strasse`), one message per key, so each
 * names the key a caller sent.
 */
export function issueFields(issue: z.core.$ZodIssue): Array<[path: string, message: ErrorMessage]> {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [[...path, key].join('.'), { key: 'input.unknownKey', params: { key } }]);
  return [[path.join('.'), issueMessage(issue)]];
}

/** A zod error map with the German wording (for checks whose findings are German text, e.g. shared/forms/load.ts). */
export function germanIssueMessage(issue: z.core.$ZodRawIssue): string {
  return germanText(issueMessage(issue));
}

/** Keys whose text has no placeholders: what a schema's own rule can say. */
type PlainErrorKey = Extract<ErrorMessage, { params?: undefined }>['key'];

/**
 * The options of a schema's own rule (`.refine(check, refinement('input.phone'))`):
 * zod keeps the German text as the issue's message and the key in its params.
 */
export function refinement(key: PlainErrorKey): { message: string; params: { messageKey: PlainErrorKey } } {
  return { message: germanText({ key } as ErrorMessage), params: { messageKey: key } };
}

function refinementMessage(params: Record<string, unknown> | undefined): ErrorMessage | undefined {
  const key = params?.messageKey;
  return typeof key === 'string' && textAt(errorsDe, key) !== undefined ? ({ key: key as ErrorKey } as ErrorMessage) : undefined;
}
