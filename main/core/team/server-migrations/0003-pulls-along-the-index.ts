import type { ServerMigration } from '../server-schema';

/**
 * A pull reads only the rows it returns (docs/team-mode.md, "How a change
 * travels"). Each of its branches asks for the next rows in (tx, seq) order
 * with a LIMIT, but PostgreSQL could walk an index in that order for neither:
 * `team_id IS NULL` and `team_id = ANY (…)` are no equality to it, so it read
 * every row after the desk's cursor and sorted them. A desk a day behind, or
 * new to a team with a year of changes, read its whole backlog again for each
 * batch of 1,000 (300,000 changes on the server: 0.28 s a batch, growing with
 * the backlog).
 *
 * - The shared rows get an index of their own in (tx, seq) order, which a
 *   pull of `team_id IS NULL` walks from its cursor.
 * - The pull takes the teams one by one (a LATERAL join on my_teams(), each
 *   with `team_id =`), so each walks changes_by_team_tx from the cursor.
 * - my_teams() says it returns a few rows, not PostgreSQL's 1,000 for a set
 *   function: planned for 1,000 teams, that pull looked costly enough to be
 *   compiled (JIT), 0.3 s for a pull of 2 ms.
 */
export const migration0003: ServerMigration = {
  version: 3,
  name: 'pulls-along-the-index',
  sql: String.raw`
CREATE INDEX IF NOT EXISTS changes_shared_by_tx ON lotse.changes (tx, seq) WHERE team_id IS NULL;
ALTER FUNCTION lotse.my_teams() ROWS 3;
`,
};
