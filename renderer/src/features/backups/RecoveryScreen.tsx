import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreDamage } from '../../../../shared/api/contract';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { BareShell } from '../../app/BareShell';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { formatTimestamp } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { BackupFromFile } from './BackupFromFile';
import { BackupTable, formatSize } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';

/**
 * What Lotse shows instead of everything else when its store failed the
 * check at start (app.info `storeDamage`): the store is left as it is, and
 * the one way on is a restore, the newest good backup offered first.
 */
export function RecoveryScreen({ damage }: { damage: StoreDamage }) {
  const { t } = useTranslation();
  const { info } = useAppContext();
  const [backups, reload] = useAsync(() => call('backups.list', {}), []);
  const [confirming, setConfirming] = useState(false);
  const newest = damage.newestGoodBackup;

  return (
    <BareShell title={t('recovery.title')}>
      <div className="alert alert--warning" role="alert">
        <p>{t('recovery.lead')}</p>
        <p>{t(`recovery.reasons.${damage.reason}`)}</p>
      </div>
      <section className="panel" aria-labelledby="recovery-newest-heading">
        <h2 id="recovery-newest-heading">{t('recovery.newest')}</h2>
        {newest ? (
          <>
            <p>{t('recovery.offer')}</p>
            <dl className="facts">
              <div>
                <dt>{t('backups.columns.createdAt')}</dt>
                <dd>{formatTimestamp(newest.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('backups.columns.kind')}</dt>
                <dd>{t(`backups.kinds.${newest.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('backups.columns.size')}</dt>
                <dd>{formatSize(newest.sizeBytes)}</dd>
              </div>
              <div>
                <dt>{t('backups.columns.integrity')}</dt>
                <dd>{t(`backups.integrity.${newest.integrity}`)}</dd>
              </div>
            </dl>
            <div className="form-actions">
              <button id="recovery-restore-newest" type="button" className="button button--primary" onClick={() => setConfirming(true)}>
                {t('recovery.restoreNewest')}
              </button>
            </div>
          </>
        ) : (
          <p>{t('recovery.noBackup')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="recovery-others-heading">
        <h2 id="recovery-others-heading">{t('recovery.othersHeading')}</h2>
        {backups.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
        {backups.status === 'error' ? <ErrorAlert error={backups.error} onRetry={reload} /> : null}
        {backups.status === 'ready' ? (
          <>
            <dl className="facts">
              <div>
                <dt>{t('backups.folder')}</dt>
                <dd className="path">{backups.value.folder}</dd>
              </div>
              {info ? (
                <div>
                  <dt>{t('recovery.dataDir')}</dt>
                  <dd className="path">{info.dataDir}</dd>
                </div>
              ) : null}
            </dl>
            <BackupTable items={backups.value.items} damaged />
          </>
        ) : null}
        <BackupFromFile damaged onUploaded={reload} />
      </section>
      {confirming && newest ? (
        <RestoreDialog
          backup={newest}
          damaged
          onCancel={() => {
            setConfirming(false);
            focusSoon('recovery-restore-newest');
          }}
        />
      ) : null}
    </BareShell>
  );
}
