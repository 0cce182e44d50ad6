import type { Core } from '../core';
import type { Erasure } from '../db/queries/erasures';
import { recordAudit } from './audit';
import { eraseFromBackups, type BackupErasure } from './backup';
import { discardBatchesWith } from './batches';
import { eraseClient } from './clients';

/**
 * GDPR Art. 17 everywhere Lotse keeps the person (`clients.erase`): the
 * store and its WAL (eraseClient, one transaction), the serial letters kept
 * in memory, and then every backup. What happens after the erasure committed
 * never undoes it: a backup that could not be rewritten is named in the log
 * and in an audit line of its own (file names only), so someone can delete it.
 */
export async function eraseClientEverywhere(core: Core, id: string): Promise<BackupErasure> {
  const erasure = eraseClient(core, id);
  return finishErasures(core, [erasure]);
}

/**
 * What follows an erasure once it has committed in the store (here, or in a
 * pull of team mode that brought another desk's erasure): the serial letters
 * in memory and every backup.
 */
export async function finishErasures(core: Core, erasures: readonly Erasure[]): Promise<BackupErasure> {
  for (const erasure of erasures) discardBatchesWith(core, erasure.clientId);
  let backups: BackupErasure;
  try {
    backups = await eraseFromBackups(core, erasures);
  } catch (error) {
    // The erasure has committed: the answer must say so. What went wrong goes to the log.
    console.error('[lotse] Die Sicherungen konnten nach dem Löschen nicht bereinigt werden:', error);
    return { rewritten: [], removed: [], failed: [] };
  }
  if (backups.rewritten.length + backups.removed.length + backups.failed.length > 0) {
    try {
      recordAudit(core, { action: 'backups.erase', subjectType: 'backup', subjectId: null, clientId: null, details: { ...backups } });
    } catch (error) {
      console.error('[lotse] Die Bereinigung der Sicherungen konnte nicht im Protokoll vermerkt werden:', backups, error);
    }
  }
  return backups;
}
