import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiCallError } from '../../api';
import { BareShell } from '../../app/BareShell';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';

/**
 * What Lotse shows instead of everything else while its store is locked
 * (passphrase mode, app.info `locked`): one password field; a wrong
 * passphrase is said at the field, and the counselor may try again.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => field.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    setError(null);
    if (passphrase === '') {
      setFieldError(t('unlock.empty'));
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await call('app.unlock', { passphrase });
      onUnlocked();
    } catch (caught) {
      if (isApiCallError(caught) && caught.code === 'store_key_wrong') setFieldError(caught.message);
      else setError(caught);
      setPassphrase('');
      setBusy(false);
      // Focus stays in the field (read-only, not disabled, while the call ran), ready for the next try.
      focusSoon('unlock-passphrase');
    }
  }

  return (
    <BareShell title={t('unlock.title')}>
      <p>{t('unlock.lead')}</p>
      <form className="panel" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="unlock-passphrase" className="field-label">
            {t('unlock.passphrase')}
          </label>
          <input
            ref={field}
            id="unlock-passphrase"
            type="password"
            autoComplete="current-password"
            className="field-control"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'unlock-passphrase-error' : undefined}
            value={passphrase}
            readOnly={busy}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          {fieldError ? (
            <p id="unlock-passphrase-error" className="field-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('unlock.busy') : t('unlock.submit')}
          </button>
        </div>
        <p role="status" className="form-status">
          {busy ? t('unlock.busy') : ''}
        </p>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
    </BareShell>
  );
}
