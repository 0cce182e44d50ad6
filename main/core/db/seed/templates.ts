import { BUILT_IN_FORMS, type FormDefinition } from '../../../../shared/forms';
import type { Db } from '../open';
import * as queries from '../queries/templates';

/** The shipped definition with a stored version number, as JSON: equal texts give equal strings. */
function shippedJson(form: FormDefinition, version: number): string {
  return JSON.stringify({ ...form, version });
}

/**
 * Writes each shipped definition the store lacks as version 1, and a new
 * version when an update of the app ships new wording for a template the
 * office has not edited since (an office edit stays; "restore" brings the
 * shipped text).
 */
export function seedBuiltInTemplates(db: Db, now: string): void {
  for (const form of Object.values(BUILT_IN_FORMS)) {
    const latest = queries.templateVersion(db, form.id);
    if (latest !== undefined) {
      if (latest.source !== 'built-in') continue;
      const shippedAgain = queries.latestBuiltInVersion(db, form.id);
      if (shippedAgain && shippedAgain.definition === shippedJson(form, shippedAgain.version)) continue;
    }
    const version = (latest?.version ?? 0) + 1;
    queries.insertTemplateVersion(db, {
      template_id: form.id,
      version,
      source: 'built-in',
      definition: shippedJson(form, version),
      saved_at: now,
      saved_by: '',
    });
  }
}
