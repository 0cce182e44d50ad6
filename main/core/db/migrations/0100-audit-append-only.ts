import type { Migration } from './migration';

/**
 * The audit trail is append-only: the store refuses to change or delete a
 * line, whatever code (or hand with a SQLite shell) tries, short of dropping
 * the triggers.
 *
 * One update is let through, and only that one: an erasure (GDPR Art. 17,
 * services/clients.ts) must keep the fact that things were done but forget
 * whom they concerned, so it sets `client_id`, and `subject_id` where the
 * subject was the client, to NULL (queries/audit.ts pseudonymiseAuditOfClient).
 * The trigger allows an update where every other column keeps its value and
 * `client_id` and `subject_id` each either keep theirs or become NULL. A
 * line cannot be pointed at someone else or reworded that way; it can only
 * forget. `details` never holds personal values (ids and field names only),
 * so nothing else in the line needs forgetting.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'audit-append-only',
  up(db) {
    // The trail outlives erasures from now on: the free text older Lotse kept in it goes first (as queries/audit.ts WITHOUT_FREE_TEXT,
    // spelled out here: a migration must not change with later code). A rerun finds none, and no line changes.
    db.exec(`
      UPDATE audit SET details = json_set(json_remove(details, '$.reason', '$.legalBasis'), '$.otherLegalBasis', json('true'))
      WHERE json_type(details, '$.reason') IS NOT NULL OR json_type(details, '$.legalBasis') IS NOT NULL;
    `);
    // IF NOT EXISTS: a store whose user_version was set back by hand (as tests of older migrations do) still opens.
    db.exec(`
      CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
      BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      CREATE TRIGGER IF NOT EXISTS audit_only_forgets BEFORE UPDATE ON audit
      WHEN NOT (
        NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.action IS OLD.action AND NEW.subject_type IS OLD.subject_type
        AND NEW.actor IS OLD.actor AND NEW.details IS OLD.details
        AND (NEW.client_id IS OLD.client_id OR NEW.client_id IS NULL)
        AND (NEW.subject_id IS OLD.subject_id OR NEW.subject_id IS NULL)
      )
      BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
    `);
  },
};
