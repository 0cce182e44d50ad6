import type { Migration } from './migration';

/**
 * Whom in the recipient a letter speaks to: the partner's contact person
 * (the address block names them, the greeting is theirs) and the greeting
 * the counselor wrote instead of the computed one. Columns beside
 * `partner_id`, not keys in `field_values`: they belong to the recipient,
 * not to the form, so they must not be checked against the form's fields,
 * carried into serial letters with the shared values, or shown as fields.
 * A final document freezes them like the rest of what it printed.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'letter-addressing',
  up(db) {
    db.exec(`
      -- A contact of the partner (an id inside its record); NULL: the organization.
      ALTER TABLE documents ADD COLUMN contact_id TEXT;
      -- The counselor's own greeting; NULL: the one computed from the recipient.
      ALTER TABLE documents ADD COLUMN salutation_override TEXT;

      CREATE TRIGGER documents_final_addressing_is_frozen
      BEFORE UPDATE OF contact_id, salutation_override
      ON documents
      WHEN OLD.status = 'final'
      BEGIN
        SELECT RAISE(ABORT, 'final documents are immutable');
      END;
    `);
  },
};
