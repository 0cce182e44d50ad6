import { randomUUID } from 'node:crypto';
import type { ConflictSubject, MethodOutput, ParsedInput } from '../../../../shared/api/contract';
import type { Core } from '../../core';
import { getClient } from '../../db/queries/clients';
import * as team from '../../db/queries/team';
import {
  dropOutboxTriggers,
  installOutboxTriggers,
  OFFICE_KIND,
  queueEverything,
  readEntity,
  setApplying,
  writeEntity,
  deleteEntity,
} from '../../db/queries/team-replication';
import type { Payload } from '../../db/queries/team-replication';
import { DomainError, notFound } from '../../errors';
import { currentCounselor, recordAudit } from '../audit';
import { removeClient } from '../clients';
import { differingFields, labelOf, mergeStates, subjectOf } from './conflicts';
import { checkAddress, openTeamClient, teamError, withoutCredentials } from './connection';
import { TeamEngine } from './engine';
import { assertMayChangeShared } from './lead';

/** `team.*` (docs/team-mode.md): linking a desk to the team store, its status, sync, conflicts and hand-over. */

const engines = new WeakMap<Core, TeamEngine>();

/** The audit trail's area (shared/i18n/record-labels) of each kind of conflict. */
const AUDIT_AREAS: Record<ConflictSubject, string> = {
  client: 'client',
  partner: 'partner',
  document: 'document',
  consent: 'consent',
  template: 'template',
  office: 'settings',
  residenceStatus: 'residence-status',
  other: 'store',
};

function engineOf(core: Core): TeamEngine {
  let engine = engines.get(core);
  if (!engine) {
    engine = new TeamEngine(core);
    engines.set(core, engine);
    const started = engine;
    core.onClose(() => started.stop());
  }
  return engine;
}

function requireLink(core: Core): team.TeamLink {
  const link = team.readLink(core.db);
  if (!link) throw new DomainError('conflict', { key: 'team.notLinked' });
  return link;
}

/** At every start of a linked desk: the triggers made anew (a migration may have added a column), and the automatic sync. */
export function resumeTeamSync(core: Core): void {
  if (!team.readLink(core.db)) return;
  core.db.transaction(() => installOutboxTriggers(core.db))();
  if (core.teamAutoSync) engineOf(core).startAutomatic();
}

export function teamStatus(core: Core): MethodOutput<'team.status'> {
  const link = team.readLink(core.db);
  const engine = engines.get(core);
  if (!link) {
    return {
      linked: false,
      url: null,
      role: null,
      displayName: null,
      team: null,
      lead: false,
      teams: [],
      online: false,
      lastSyncAt: null,
      waiting: 0,
      conflicts: 0,
      lastError: null,
    };
  }
  const teams = team.readTeams(core.db);
  const own = teams.find((row) => row.id === link.teamId);
  return {
    linked: true,
    url: link.url,
    role: link.role,
    displayName: link.displayName,
    team: own ? { id: own.id, name: own.name } : null,
    lead: link.lead,
    teams: teams.map((row) => ({ id: row.id, name: row.name })),
    online: engine?.online ?? false,
    lastSyncAt: link.lastSyncAt,
    waiting: team.outboxCount(core.db),
    conflicts: team.openConflictCount(core.db),
    lastError: engine?.lastError?.message ?? null,
  };
}

export async function connectTeam(core: Core, input: ParsedInput<'team.connect'>): Promise<MethodOutput<'team.status'>> {
  if (team.readLink(core.db)) throw new DomainError('conflict', { key: 'team.alreadyLinked' });
  checkAddress(input.url);
  const url = withoutCredentials(input.url);
  const client = await openTeamClient({ ...input, url });
  let memberships: Array<{ team_id: string; name: string; lead: boolean; display_name: string }>;
  let teams: Array<{ id: string; name: string }>;
  let present: Set<string>;
  let sharedRows: Array<{ kind: string; id: string }>;
  try {
    memberships = (
      await client.query(
        `SELECT m.team_id, t.name, m.lead, m.display_name FROM lotse.memberships m JOIN lotse.teams t ON t.id = m.team_id
         WHERE m.role_name = session_user ORDER BY t.name`,
      )
    ).rows;
    teams = (await client.query('SELECT id, name FROM lotse.teams ORDER BY name')).rows;
    // What the team has already (a letterhead, residence statuses, templates): a joining desk takes the team's instead of sending its own.
    present = new Set(
      (
        await client.query<{ kind: string }>(`SELECT DISTINCT kind FROM lotse.entities WHERE kind IN ('office', 'residence_statuses', 'template_versions')`)
      ).rows.map((row) => row.kind),
    );
    sharedRows = (await client.query<{ kind: string; id: string }>('SELECT kind, id FROM lotse.entities WHERE team_id IS NULL')).rows;
  } catch (error) {
    throw teamError(error, input.role);
  } finally {
    void client.end().catch(() => undefined);
  }
  const first = memberships[0];
  if (!first) throw new DomainError('team_unreachable', { key: 'team.noTeam', params: { role: input.role } });
  const mine = new Map(memberships.map((row) => [row.team_id, row.lead]));
  core.db.transaction(() => {
    team.writeLink(
      core.db,
      {
        url,
        role: input.role,
        password: input.password,
        displayName: first.display_name,
        deskId: randomUUID(),
        teamId: first.team_id,
        lead: memberships.some((row) => row.lead),
      },
      core.now().toISOString(),
    );
    team.writeTeams(
      core.db,
      teams.map((row) => ({ id: row.id, name: row.name, mine: mine.has(row.id), lead: mine.get(row.id) === true })),
    );
    installOutboxTriggers(core.db);
    queueEverything(core.db, present, sharedRows);
    recordAudit(core, {
      action: 'team.connect',
      subjectType: 'team',
      subjectId: first.team_id,
      clientId: null,
      details: { url, role: input.role, team: first.name },
    });
  })();
  const engine = engineOf(core);
  if (core.teamAutoSync) engine.startAutomatic();
  else await engine.sync().catch(() => undefined);
  return teamStatus(core);
}

export function disconnectTeam(core: Core, discardWaiting: boolean): MethodOutput<'team.status'> {
  const link = requireLink(core);
  const waiting = team.outboxCount(core.db);
  if (waiting > 0 && !discardWaiting) throw new DomainError('conflict', { key: 'team.waiting', params: { count: waiting } });
  engines.get(core)?.stop();
  engines.delete(core);
  core.db.transaction(() => {
    dropOutboxTriggers(core.db);
    team.forgetTeam(core.db);
    recordAudit(core, {
      action: 'team.disconnect',
      subjectType: 'team',
      subjectId: link.teamId,
      clientId: null,
      details: { url: link.url, discarded: waiting },
    });
  })();
  return teamStatus(core);
}

export async function syncTeam(core: Core): Promise<MethodOutput<'team.sync'>> {
  requireLink(core);
  return engineOf(core).sync();
}

export function listConflicts(core: Core): MethodOutput<'team.conflicts'> {
  requireLink(core);
  const desk = currentCounselor(core);
  return {
    items: team.openConflicts(core.db).map((conflict) => {
      const server = conflict.serverPayload === null ? null : (JSON.parse(conflict.serverPayload) as Payload);
      const mine = conflict.deskPayload === null ? null : (JSON.parse(conflict.deskPayload) as Payload);
      const client = conflict.clientId ? getClient(core.db, conflict.clientId) : undefined;
      return {
        id: conflict.id,
        subject: subjectOf(conflict.kind),
        label: labelOf(conflict.kind, server ?? mine, client ? `${client.familyName}, ${client.givenName}` : null, conflict.entityId),
        clientId: conflict.clientId,
        server: { by: conflict.serverAuthor, at: conflict.serverAt },
        desk: { by: desk, at: conflict.deskAt },
        fields: differingFields(server, mine),
      };
    }),
  };
}

export function resolveConflict(core: Core, input: ParsedInput<'team.resolve'>): MethodOutput<'team.resolve'> {
  requireLink(core);
  const conflict = team.openConflicts(core.db).find((row) => row.id === input.id);
  if (!conflict) throw new DomainError('not_found', { key: 'team.conflictGone' });
  const server = conflict.serverPayload === null ? null : (JSON.parse(conflict.serverPayload) as Payload);
  const desk = conflict.deskPayload === null ? null : (JSON.parse(conflict.deskPayload) as Payload);
  const fields = new Set(differingFields(server, desk).map((field) => field.field));
  const unknown = Object.keys(input.pick).find((field) => !fields.has(field));
  if (unknown !== undefined) throw new DomainError('invalid_input', { key: 'team.unknownField', params: { field: unknown } });
  if (conflict.kind === OFFICE_KIND || conflict.kind === 'template_versions' || conflict.kind === 'residence_statuses') assertMayChangeShared(core);
  const merged = mergeStates(server, desk, input.pick);
  core.db.transaction(() => {
    // Edits of this record that still wait were made on the refused state: the decision replaces them.
    team.dropOutboxOf(core.db, conflict.kind, conflict.entityId);
    if (merged) writeEntity(core.db, conflict.kind, conflict.entityId, merged);
    else if (readEntity(core.db, conflict.kind, conflict.entityId)) deleteEntity(core.db, conflict.kind, conflict.entityId);
    const resolution = team.newestOutboxChange(core.db, conflict.kind, conflict.entityId);
    // The decision travels as a change on top of the server's state, which marks the conflict decided there too.
    if (resolution) team.markResolved(core.db, conflict.id, resolution);
    else team.dropResolvedConflict(core.db, conflict.id);
    recordAudit(core, {
      action: 'team.resolve',
      subjectType: AUDIT_AREAS[subjectOf(conflict.kind)],
      subjectId: conflict.entityId,
      clientId: conflict.clientId,
      details: { fromDesk: Object.keys(input.pick).filter((field) => input.pick[field] === 'desk') },
    });
  })();
  engines.get(core)?.requestRound();
  return { resolved: true };
}

export async function handOver(core: Core, input: ParsedInput<'team.handOver'>): Promise<MethodOutput<'team.handOver'>> {
  const link = requireLink(core);
  if (!getClient(core.db, input.clientId)) throw notFound('client');
  const target = team.readTeams(core.db).find((row) => row.id === input.teamId);
  if (!target) throw new DomainError('invalid_input', { key: 'common.checkInput' }, { teamId: { key: 'team.unknownTeam' } });
  if ((team.clientTeam(core.db, input.clientId) ?? link.teamId) === input.teamId) {
    throw new DomainError('invalid_input', { key: 'common.checkInput' }, { teamId: { key: 'team.sameTeam' } });
  }
  const engine = engineOf(core);
  // What waits of the person goes up first, in their old team.
  await engine.sync();
  const client = await openTeamClient(link);
  try {
    await client.query('SELECT lotse.hand_over($1, $2, $3, $4)', [input.clientId, input.teamId, randomUUID(), link.deskId]);
  } catch (error) {
    if ((error as { code?: string }).code === '42501') throw new DomainError('forbidden', { key: 'team.notYourClient' });
    throw teamError(error, link.role);
  } finally {
    void client.end().catch(() => undefined);
  }
  const kept = target.mine;
  core.db.transaction(() => {
    if (kept) team.setClientTeam(core.db, input.clientId, input.teamId);
    else {
      // This desk is not in the new team: it keeps nothing of the person.
      setApplying(core.db, true);
      removeClient(core.db, input.clientId);
      team.forgetClient(core.db, input.clientId);
      setApplying(core.db, false);
    }
    recordAudit(core, {
      action: 'clients.handOver',
      subjectType: 'client',
      subjectId: kept ? input.clientId : null,
      clientId: kept ? input.clientId : null,
      details: { toTeam: target.name },
    });
  })();
  engine.requestRound();
  return { handedOver: true, kept };
}

/** For tests and the host's shutdown: waits for a sync round still running. */
export async function teamSettled(core: Core): Promise<void> {
  await engines.get(core)?.settled();
}
