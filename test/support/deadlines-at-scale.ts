import type { Core } from '../../main/core/core';
import { addDaysIso } from '../../shared/domain/iso-date';

/**
 * A store of many clients with the deadlines an office of that size has
 * (DESIGN.md §8: the Start screen's deadlines at 100,000 clients), as
 * test/db/deadlines-scale.test.ts and `npm run bench` both measure them:
 * 2,700 permits under § 104c due (from 30 days overdue to 89 days ahead),
 * 300 consents running out, 100 deadlines marked done; the first 60 % of the
 * clients have a permit (the others none), all but the due ones running out
 * in one to three years.
 */
export const SCALE_TODAY = '2026-11-25';
export const PERMITS_DUE = 2_700;
export const CONSENTS_DUE = 300;
export const DONE = 100;

export interface Residence {
  residenceStatus: string | null;
  residenceValidUntil: string | null;
}

/**
 * Writes `clients` clients in one transaction: `insertClient(index, residence, now)`
 * writes client `index` with the residence given and returns its id; the
 * consents and the deadlines marked done are written beside them.
 */
export function writeClientsWithDeadlines(core: Core, clients: number, insertClient: (index: number, residence: Residence, now: string) => string): void {
  const insertConsent = core.db.prepare(
    `INSERT INTO consents (id, client_id, purposes, data_categories, health_data, exchange, signed_on, valid_until, explained_in, interpreter, notes, recorded_by, created_at)
     VALUES (?, ?, '[]', '[]', 0, 'both', '2026-01-01', ?, '', '', '', '', ?)`,
  );
  const insertDone = core.db.prepare(
    `INSERT INTO deadline_actions (kind, client_id, source_id, due_date, action, postponed_to, note, acted_at, acted_by)
     VALUES ('residence-expiry', ?, '', ?, 'done', NULL, '', ?, 'Test')`,
  );
  core.db.transaction(() => {
    const now = `${SCALE_TODAY}T10:00:00.000Z`;
    for (let index = 0; index < clients; index += 1) {
      const residence: Residence = { residenceStatus: null, residenceValidUntil: null };
      if (index < PERMITS_DUE) {
        residence.residenceStatus = 'p104c';
        residence.residenceValidUntil = addDaysIso(SCALE_TODAY, (index % 120) - 30);
      } else if (index < clients * 0.6) {
        residence.residenceStatus = 'aufenthaltserlaubnis';
        residence.residenceValidUntil = addDaysIso(SCALE_TODAY, 400 + (index % 700));
      }
      const id = insertClient(index, residence, now);
      if (index >= PERMITS_DUE && index < PERMITS_DUE + CONSENTS_DUE) insertConsent.run(`consent-${index}`, id, addDaysIso(SCALE_TODAY, index % 30), now);
      if (index < DONE) insertDone.run(id, residence.residenceValidUntil, now);
    }
  })();
}
