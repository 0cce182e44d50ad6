import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/api/contract';
import { call } from '../../api';
import { currentLanguage } from '../../i18n';
import { base64ToBytes, downloadBytes } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { formatTimestamp } from '../../ui/format';
import { RestoreDialog } from './RestoreDialog';

/** "1,4 MB", in the interface's language. */
export function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  const format = new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: megabytes < 10 ? 1 : 0 });
  return megabytes < 0.1 ? `${format.format(bytes / 1024)} KB` : `${format.format(megabytes)} MB`;
}

/** A backup that can be offered for restore: not found damaged, and not the damaged store moved aside. */
export function restorable(backup: Backup): boolean {
  return backup.kind !== 'damaged' && backup.integrity !== 'failed';
}

/** Saves a backup file where the counselor chooses (Electron: its save dialog; browser: its downloads). */
async function download(backup: Backup, passphrase: string): Promise<void> {
  // With a passphrase, the copy is encrypted with it (for another desk); without, with this desk's key.
  const file = await call('backups.download', { id: backup.id, ...(passphrase !== '' ? { passphrase } : {}) });
  downloadBytes(base64ToBytes(file.contentBase64), file.fileName, 'application/vnd.sqlite3');
}

/** Every backup with its facts, a download and a restore (with its confirmation). */
export function BackupTable({ items, damaged }: { items: readonly Backup[]; damaged: boolean }) {
  const { t } = useTranslation();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [passphrase, setPassphrase] = useState('');
  const buttonId = (backup: Backup, action: string) => `backup-${action}-${backup.id.replace(/\.sqlite$/, '')}`;

  if (items.length === 0) return <p>{t('backups.empty')}</p>;
  return (
    <>
      <div className="field backups-passphrase">
        <label htmlFor="backup-download-passphrase" className="field-label">
          {t('backups.downloadPassphrase')}
        </label>
        <p id="backup-download-passphrase-hint" className="field-hint">
          {t('backups.downloadPassphraseHint')}
        </p>
        <input
          id="backup-download-passphrase"
          type="password"
          autoComplete="new-password"
          className="field-control"
          aria-describedby="backup-download-passphrase-hint"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="table-wrap backups-table-wrap">
        <table className="table backups-table">
          <caption className="visually-hidden">{t('backups.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.columns.createdAt')}</th>
              <th scope="col">{t('backups.columns.kind')}</th>
              <th scope="col" className="numeric">
                {t('backups.columns.size')}
              </th>
              <th scope="col">{t('backups.columns.integrity')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((backup) => {
              const date = formatTimestamp(backup.createdAt);
              return (
                <tr key={backup.id}>
                  <th scope="row" className="backups-date">
                    {date}
                  </th>
                  <td>{t(`backups.kinds.${backup.kind}`)}</td>
                  <td className="numeric">{formatSize(backup.sizeBytes)}</td>
                  <td className={backup.integrity === 'failed' ? 'backups-failed' : undefined}>{t(`backups.integrity.${backup.integrity}`)}</td>
                  <td>
                    <div className="table-actions">
                      <button
                        type="button"
                        id={buttonId(backup, 'download')}
                        className="button button--secondary button--small"
                        aria-label={t('backups.downloadLabel', { date })}
                        onClick={() => {
                          setError(null);
                          download(backup, passphrase).catch(setError);
                        }}
                      >
                        {t('backups.download')}
                      </button>
                      {restorable(backup) ? (
                        <button
                          type="button"
                          id={buttonId(backup, 'restore')}
                          className="button button--secondary button--small"
                          aria-label={t('backups.restoreLabel', { date })}
                          onClick={() => setRestoring(backup)}
                        >
                          {t('backups.restore')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          damaged={damaged}
          onCancel={() => {
            setRestoring(null);
            focusSoon(buttonId(restoring, 'restore'));
          }}
        />
      ) : null}
    </>
  );
}
