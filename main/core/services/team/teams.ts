import type { Client } from 'pg';
import type { Core } from '../../core';
import { writeTeams } from '../../db/queries/team';

/** The store's teams and this counselor's memberships, as the server has them now (IT may have added a team or a member since). */
export async function refreshTeams(core: Core, client: Client): Promise<void> {
  const teams = (await client.query<{ id: string; name: string }>('SELECT id, name FROM lotse.teams ORDER BY name')).rows;
  const memberships = (await client.query<{ team_id: string; lead: boolean }>('SELECT team_id, lead FROM lotse.memberships WHERE role_name = session_user'))
    .rows;
  const mine = new Map(memberships.map((row) => [row.team_id, row.lead]));
  core.db.transaction(() =>
    writeTeams(
      core.db,
      teams.map((row) => ({ id: row.id, name: row.name, mine: mine.has(row.id), lead: mine.get(row.id) === true })),
    ),
  )();
}
