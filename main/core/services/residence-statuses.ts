import type { ResidenceStatus } from '../../../shared/api/contract';
import type { Core } from '../core';
import { assertMayChangeShared } from './team/lead';
import * as queries from '../db/queries/residence-statuses';
import { notFound } from '../errors';
import { recordAudit } from './audit';

export function listResidenceStatuses(core: Core): ResidenceStatus[] {
  return queries.listResidenceStatuses(core.db);
}

/** Labels, expiry rules and reminder texts are legal data: an office edits them, the code keeps its meaning. */
export function updateResidenceStatus(core: Core, status: ResidenceStatus): ResidenceStatus {
  assertMayChangeShared(core);
  return core.db.transaction(() => {
    const updated = queries.updateResidenceStatus(core.db, status);
    if (!updated) throw notFound('residenceStatus', { code: status.code });
    recordAudit(core, {
      action: 'residenceStatuses.update',
      subjectType: 'residence-status',
      subjectId: status.code,
      clientId: null,
      details: { stand: status.stand },
    });
    return updated;
  })();
}
