import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/api/contract';
import { MAX_UPLOAD_BASE64 } from '../../../../shared/api/schemas/backup';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { RestoreDialog } from './RestoreDialog';

/** The file's bytes as base64, read by the browser (a data: URL without its prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * A backup file from elsewhere (a USB stick, a network drive): handed to the
 * core, which keeps it among the backups only if it is a sound Lotse store,
 * then restored after the same confirmation as any backup.
 */
export function BackupFromFile({ damaged, onUploaded }: { damaged: boolean; onUploaded(): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [uploaded, setUploaded] = useState<Backup | null>(null);
  const [passphrase, setPassphrase] = useState('');

  async function picked(file: File | undefined) {
    setError(null);
    setTooLarge(false);
    if (!file) return;
    // base64 is 4/3 of the bytes: refuse before reading a file the core could not take.
    if (Math.ceil(file.size / 3) * 4 > MAX_UPLOAD_BASE64) {
      setTooLarge(true);
      return;
    }
    setBusy(true);
    try {
      const backup = await call('backups.upload', {
        fileName: file.name,
        contentBase64: await readBase64(file),
        ...(passphrase !== '' ? { passphrase } : {}),
      });
      onUploaded();
      setUploaded(backup);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <fieldset className="fieldset backups-file">
      <legend>{t('backups.fromFileLegend')}</legend>
      <div className="field">
        <label htmlFor="backup-upload-passphrase" className="field-label">
          {t('backups.uploadPassphrase')}
        </label>
        <p id="backup-upload-passphrase-hint" className="field-hint">
          {t('backups.uploadPassphraseHint')}
        </p>
        <input
          id="backup-upload-passphrase"
          type="password"
          autoComplete="off"
          className="field-control"
          aria-describedby="backup-upload-passphrase-hint"
          value={passphrase}
          disabled={busy}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="backup-file" className="field-label">
          {t('backups.fromFile')}
        </label>
        <p id="backup-file-hint" className="field-hint">
          {t('backups.fromFileHint')}
        </p>
        <input
          ref={input}
          id="backup-file"
          type="file"
          accept=".sqlite,application/vnd.sqlite3,application/x-sqlite3"
          className="field-control field-control--file"
          aria-describedby={tooLarge ? 'backup-file-hint backup-file-error' : 'backup-file-hint'}
          aria-invalid={tooLarge || undefined}
          disabled={busy}
          onChange={(event) => void picked(event.target.files?.[0])}
        />
        {tooLarge ? (
          <p id="backup-file-error" className="field-error">
            {t('backups.fileTooLarge')}
          </p>
        ) : null}
        <p role="status" className="form-status">
          {busy ? t('backups.reading') : ''}
        </p>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {uploaded ? (
        <RestoreDialog
          backup={uploaded}
          damaged={damaged}
          onCancel={() => {
            setUploaded(null);
            focusSoon('backup-file');
          }}
        />
      ) : null}
    </fieldset>
  );
}
