import type { LotseDocument } from '../../../../shared/api/contract';
import type { Db } from '../open';

interface DocumentRow {
  id: string;
  template_id: string;
  template_version: number;
  client_id: string;
  partner_id: string | null;
  field_values: string;
  status: LotseDocument['status'];
  created_at: string;
  updated_at: string;
}

function toDocument(row: DocumentRow): LotseDocument {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    clientId: row.client_id,
    partnerId: row.partner_id,
    values: JSON.parse(row.field_values) as Record<string, unknown>,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewDocument = Pick<LotseDocument, 'id' | 'templateId' | 'templateVersion' | 'clientId' | 'partnerId' | 'values'>;

export function insertDocument(db: Db, document: NewDocument, now: string): LotseDocument {
  const row = db
    .prepare(
      `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, field_values, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)
       RETURNING *`,
    )
    .get(
      document.id,
      document.templateId,
      document.templateVersion,
      document.clientId,
      document.partnerId,
      JSON.stringify(document.values),
      now,
      now,
    ) as DocumentRow;
  return toDocument(row);
}

/** Changes a draft's values; a final document is never changed (returns undefined). */
export function updateDraftValues(db: Db, id: string, values: Record<string, unknown>, now: string): LotseDocument | undefined {
  const row = db
    .prepare(`UPDATE documents SET field_values = ?, updated_at = ? WHERE id = ? AND status = 'draft' RETURNING *`)
    .get(JSON.stringify(values), now, id) as DocumentRow | undefined;
  return row && toDocument(row);
}

export function getDocument(db: Db, id: string): LotseDocument | undefined {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  return row && toDocument(row);
}

export function listDocuments(db: Db, clientId?: string): LotseDocument[] {
  const rows = (
    clientId === undefined
      ? db.prepare('SELECT * FROM documents ORDER BY created_at DESC').all()
      : db.prepare('SELECT * FROM documents WHERE client_id = ? ORDER BY created_at DESC').all(clientId)
  ) as DocumentRow[];
  return rows.map(toDocument);
}
