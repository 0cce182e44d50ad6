import type { Core } from '../../core';
import { readLink } from '../../db/queries/team';
import { DomainError } from '../../errors';

/**
 * Templates, the letterhead and the residence statuses are the office's
 * wording: in a team only a lead changes them. The server refuses such a
 * change from anyone else (lotse.push); the desk refuses it before it is made,
 * so nobody sees an edit that will not hold.
 */
export function assertMayChangeShared(core: Core): void {
  const link = readLink(core.db);
  if (link && !link.lead) throw new DomainError('forbidden', { key: 'team.notLead' });
}
