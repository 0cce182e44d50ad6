import type { Migration } from './migration';

/**
 * Deadlines a counselor works off (deadlines.complete / .postpone): what was
 * done about one deadline, keyed by its kind, source, client and due date —
 * a permit renewed to a new date is a new deadline and shows up again. The
 * note may name the person: the row goes with the client (ON DELETE
 * CASCADE, clients.erase). Indexes for the paged list at 100,000 clients:
 * the "Rückmeldung erbeten bis" of a final referral (its `feedbackBy` value).
 */
export const migration0120: Migration = {
  version: 120,
  name: 'deadline-actions',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS deadline_actions (
        kind         TEXT NOT NULL,
        client_id    TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        source_id    TEXT NOT NULL,
        due_date     TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('done', 'postponed')),
        postponed_to TEXT CHECK ((action = 'postponed') = (postponed_to IS NOT NULL)),
        note         TEXT NOT NULL,
        acted_at     TEXT NOT NULL,
        acted_by     TEXT NOT NULL,
        PRIMARY KEY (kind, client_id, source_id, due_date)
      ) STRICT;
      CREATE INDEX IF NOT EXISTS deadline_actions_by_client ON deadline_actions(client_id);
      CREATE INDEX IF NOT EXISTS deadline_actions_done ON deadline_actions(acted_at) WHERE action = 'done';
      CREATE INDEX IF NOT EXISTS documents_feedback_by ON documents(json_extract(field_values, '$.feedbackBy'))
        WHERE status = 'final' AND referral_status IN ('created', 'handed-over');
    `);
  },
};
