import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { focusSoon } from '../../ui/focus';

const MIN_LENGTH = 10;

/**
 * Einstellungen → Verschlüsselung: the browser host's store keyed by a key
 * file or by a passphrase asked for at each start (app.setPassphrase,
 * app.removePassphrase). Where the host keeps the key (Electron), there is
 * nothing to choose and the section says so.
 */
export function PassphraseSection() {
  const { t } = useTranslation();
  const { info, refreshInfo } = useAppContext();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string }>({});
  const [confirming, setConfirming] = useState<'set' | 'remove' | null>(null);
  const [done, setDone] = useState('');
  if (!info) return null;
  const mode = info.keyMode;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    const found: { passphrase?: string; repeat?: string } = {};
    if (passphrase.length < MIN_LENGTH) found.passphrase = t('passphrase.tooShort', { minimum: MIN_LENGTH });
    else if (repeat !== passphrase) found.repeat = t('passphrase.mismatch');
    setErrors(found);
    if (found.passphrase) focusSoon('passphrase-new');
    else if (found.repeat) focusSoon('passphrase-repeat');
    else setConfirming('set');
  }

  return (
    <section className="panel" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('passphrase.heading')}</h2>
      <p>{t(`passphrase.modes.${mode}`)}</p>
      {mode !== 'host' ? (
        <form noValidate onSubmit={submit}>
          <p className="muted">{t('passphrase.intro', { minimum: MIN_LENGTH })}</p>
          <div className="field">
            <label htmlFor="passphrase-new" className="field-label">
              {t(mode === 'passphrase' ? 'passphrase.newChanged' : 'passphrase.new')}
            </label>
            <input
              id="passphrase-new"
              type="password"
              autoComplete="new-password"
              className="field-control"
              aria-invalid={errors.passphrase ? true : undefined}
              aria-describedby={errors.passphrase ? 'passphrase-new-error' : undefined}
              value={passphrase}
              onChange={(event) => {
                setPassphrase(event.target.value);
                setErrors({});
              }}
            />
            {errors.passphrase ? (
              <p id="passphrase-new-error" className="field-error">
                {errors.passphrase}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="passphrase-repeat" className="field-label">
              {t('passphrase.repeat')}
            </label>
            <input
              id="passphrase-repeat"
              type="password"
              autoComplete="new-password"
              className="field-control"
              aria-invalid={errors.repeat ? true : undefined}
              aria-describedby={errors.repeat ? 'passphrase-repeat-error' : undefined}
              value={repeat}
              onChange={(event) => {
                setRepeat(event.target.value);
                setErrors({});
              }}
            />
            {errors.repeat ? (
              <p id="passphrase-repeat-error" className="field-error">
                {errors.repeat}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button id="passphrase-set" type="submit" className="button button--primary">
              {t(mode === 'passphrase' ? 'passphrase.change' : 'passphrase.set')}
            </button>
            {mode === 'passphrase' ? (
              <button id="passphrase-remove" type="button" className="button button--secondary" onClick={() => setConfirming('remove')}>
                {t('passphrase.remove')}
              </button>
            ) : null}
          </div>
          <p role="status" className="form-status">
            {done}
          </p>
        </form>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          id="passphrase-confirm"
          title={t(confirming === 'set' ? 'passphrase.confirmSetTitle' : 'passphrase.confirmRemoveTitle')}
          text={t(confirming === 'set' ? 'passphrase.confirmSetText' : 'passphrase.confirmRemoveText')}
          confirmLabel={t(confirming === 'set' ? 'passphrase.confirmSet' : 'passphrase.confirmRemove')}
          busyLabel={t('passphrase.busy')}
          onConfirm={async () => {
            if (confirming === 'set') await call('app.setPassphrase', { passphrase });
            else await call('app.removePassphrase', {});
            setDone(t(confirming === 'set' ? 'passphrase.doneSet' : 'passphrase.doneRemove'));
            setPassphrase('');
            setRepeat('');
            setConfirming(null);
            refreshInfo();
            focusSoon('passphrase-set');
          }}
          onCancel={() => {
            setConfirming(null);
            focusSoon(confirming === 'set' ? 'passphrase-set' : 'passphrase-remove');
          }}
        />
      ) : null}
    </section>
  );
}
