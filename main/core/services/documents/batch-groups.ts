import type { BatchGroup } from '../../../../shared/api/contract';
import type { Core } from '../../core';
import { listBatchGroups as queryBatchGroups } from '../../db/queries/documents';

/** The serial letters the documents list can show as groups and print again (their letters still stored, newest first). */
export function listBatchGroups(core: Core): BatchGroup[] {
  return queryBatchGroups(core.db);
}
