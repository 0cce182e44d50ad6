import { useTranslation } from 'react-i18next';
import type { Backup, MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatTimestamp } from '../../ui/format';

interface RestoreDialogProps {
  backup: Backup;
  /** The store is damaged (recovery screen): it is moved aside rather than kept as a backup. */
  damaged: boolean;
  onCancel(): void;
}

/**
 * "Really restore?", saying what happens to the store of now. Once restored,
 * every screen shows other data: Lotse starts afresh on Start with a notice.
 */
export function RestoreDialog({ backup, damaged, onCancel }: RestoreDialogProps) {
  const { t } = useTranslation();
  const { refreshInfo, navigateWithNotice } = useAppContext();
  const date = formatTimestamp(backup.createdAt);

  async function restore() {
    const result: MethodOutput<'backups.restore'> = await call('backups.restore', { id: backup.id });
    refreshInfo();
    const count = result.reappliedErasures;
    navigateWithNotice({ name: 'start' }, count > 0 ? t('backups.restoredErasures', { date, count }) : t('backups.restored', { date }));
  }

  return (
    <ConfirmDialog
      id="restore-backup"
      title={t('backups.restoreTitle', { date })}
      text={t(damaged ? 'backups.restoreDamagedText' : 'backups.restoreText', { date })}
      confirmLabel={t('backups.restoreConfirm')}
      busyLabel={t('backups.restoring')}
      onConfirm={restore}
      onCancel={onCancel}
    />
  );
}
