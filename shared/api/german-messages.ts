import type { z } from 'zod';

/**
 * German wording for schema violations. zod's own German locale speaks of
 * "string" and "Zeichen <=3"; a counselor reads the field's message next to
 * the field, so it has to be plain German.
 */
export function germanIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'Bitte ausfüllen.' : 'Dieser Wert hat nicht die erwartete Art.';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Bitte ausfüllen.' : `Bitte mindestens ${issue.minimum} Zeichen eingeben.`;
      }
      if (issue.origin === 'array')
        return Number(issue.minimum) === 1 ? 'Bitte mindestens einen Eintrag angeben.' : `Bitte mindestens ${issue.minimum} Einträge angeben.`;
      return `Der Wert muss mindestens ${issue.minimum} sein.`;
    case 'too_big':
      if (issue.origin === 'string') return `Höchstens ${issue.maximum} Zeichen erlaubt.`;
      if (issue.origin === 'array') return `Höchstens ${issue.maximum} Einträge erlaubt.`;
      return `Der Wert darf höchstens ${issue.maximum} sein.`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Bitte ein gültiges Datum angeben (JJJJ-MM-TT).';
      if (issue.format === 'email') return 'Bitte eine gültige E-Mail-Adresse angeben.';
      if (issue.format === 'regex' && issue.pattern?.includes('\\d{5}')) return 'Bitte eine fünfstellige Postleitzahl angeben.';
      return 'Das Format stimmt nicht.';
    case 'invalid_value':
      return 'Bitte einen der vorgesehenen Werte wählen.';
    case 'unrecognized_keys':
      return `Unbekannte Angabe: ${issue.keys.join(', ')}.`;
    case 'custom':
      return issue.message ?? 'Dieser Wert ist nicht zulässig.';
    default:
      return 'Dieser Wert ist nicht zulässig.';
  }
}
