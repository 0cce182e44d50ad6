import type { ResidenceStatus } from '../../../../shared/api/contract';
import type { Db } from '../open';

interface StatusRow {
  code: string;
  label: string;
  expires: number;
  reminder_lead_days: number;
  reminder_text: string;
  stand: string;
}

function toStatus(row: StatusRow): ResidenceStatus {
  return {
    code: row.code,
    label: row.label,
    expires: row.expires === 1,
    reminderLeadDays: row.reminder_lead_days,
    reminderText: row.reminder_text,
    stand: row.stand,
  };
}

export function listResidenceStatuses(db: Db): ResidenceStatus[] {
  return (db.prepare('SELECT * FROM residence_statuses ORDER BY position').all() as StatusRow[]).map(toStatus);
}

export function getResidenceStatus(db: Db, code: string): ResidenceStatus | undefined {
  const row = db.prepare('SELECT * FROM residence_statuses WHERE code = ?').get(code) as StatusRow | undefined;
  return row && toStatus(row);
}

export function updateResidenceStatus(db: Db, status: ResidenceStatus): ResidenceStatus | undefined {
  const row = db
    .prepare(
      `UPDATE residence_statuses SET label = ?, expires = ?, reminder_lead_days = ?, reminder_text = ?, stand = ?
       WHERE code = ? RETURNING *`,
    )
    .get(status.label, status.expires ? 1 : 0, status.reminderLeadDays, status.reminderText, status.stand, status.code) as StatusRow | undefined;
  return row && toStatus(row);
}
