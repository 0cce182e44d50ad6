import type { Db } from '../open';

export interface TemplateVersionRow {
  template_id: string;
  version: number;
  source: 'built-in' | 'office';
  definition: string;
  saved_at: string;
  saved_by: string;
}

export function latestTemplateVersions(db: Db): TemplateVersionRow[] {
  return db
    .prepare(
      `SELECT * FROM template_versions AS t
       WHERE version = (SELECT max(version) FROM template_versions WHERE template_id = t.template_id)
       ORDER BY template_id`,
    )
    .all() as TemplateVersionRow[];
}

export function templateVersion(db: Db, templateId: string, version?: number): TemplateVersionRow | undefined {
  return (
    version === undefined
      ? db.prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1').get(templateId)
      : db.prepare('SELECT * FROM template_versions WHERE template_id = ? AND version = ?').get(templateId, version)
  ) as TemplateVersionRow | undefined;
}

export function templateVersionList(db: Db, templateId: string): Array<Omit<TemplateVersionRow, 'definition' | 'template_id'>> {
  return db.prepare('SELECT version, source, saved_at, saved_by FROM template_versions WHERE template_id = ? ORDER BY version DESC').all(templateId) as Array<
    Omit<TemplateVersionRow, 'definition' | 'template_id'>
  >;
}

/** The newest version the app shipped (not an office edit), to see whether the code brings newer wording. */
export function latestBuiltInVersion(db: Db, templateId: string): TemplateVersionRow | undefined {
  return db.prepare(`SELECT * FROM template_versions WHERE template_id = ? AND source = 'built-in' ORDER BY version DESC LIMIT 1`).get(templateId) as
    TemplateVersionRow | undefined;
}

export function insertTemplateVersion(db: Db, row: TemplateVersionRow): void {
  db.prepare(
    `INSERT INTO template_versions (template_id, version, source, definition, saved_at, saved_by)
     VALUES (@template_id, @version, @source, @definition, @saved_at, @saved_by)`,
  ).run(row);
}
