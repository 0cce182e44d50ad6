import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, CloseReason } from '../../../../shared/api/contract';
import { CLOSE_REASONS } from '../../../../shared/api/contract';
import { isIsoDate, todayIso } from '../../../../shared/domain/iso-date';
import { ApiCallError, call } from '../../api';
import { routeHref } from '../../app/routes';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { formatDate, fullName } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { SelectField } from '../../ui/SelectField';

/**
 * The client screen's "Fallstatus": open, or closed since a day (with the
 * reason, if one was given), "Fall abschließen" and "Fall wieder öffnen".
 * It keeps the record the core answered itself: the rest of the screen
 * stays as it is, and so does the focus.
 */
export function CaseState({ client: loaded }: { client: Client }) {
  const { t } = useTranslation();
  const [client, setClient] = useState(loaded);
  const [closeOpen, setCloseOpen] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const closeButton = useRef<HTMLButtonElement>(null);
  // The button that takes the place of the one just used: focused once the new state is on screen and the dialog has closed.
  const focusNext = useRef<string | null>(null);
  const name = fullName(client) || client.familyName;

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [client.closedOn]);

  async function reopen() {
    if (reopening) return;
    setReopening(true);
    setError(null);
    setDone('');
    try {
      const reopened = await call('clients.reopen', { id: client.id });
      focusNext.current = 'case-close';
      setClient(reopened);
      setDone(t('retention.reopened'));
    } catch (caught) {
      setError(caught);
    } finally {
      setReopening(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="case-state-heading">
      <h2 id="case-state-heading" tabIndex={-1}>
        {t('retention.stateHeading')}
      </h2>
      {client.closedOn === null ? (
        <p>{t('retention.stateOpen')}</p>
      ) : (
        <p>
          <span className="status status--revoked">{t('retention.closedBadge')}</span> {t('retention.stateClosed', { date: formatDate(client.closedOn) })}
          {client.closedReason ? ` ${t('retention.stateReason', { reason: t(`closeReasons.${client.closedReason}`) })}` : null}
        </p>
      )}
      <div className="toolbar toolbar--wrap">
        {client.closedOn === null ? (
          <button ref={closeButton} id="case-close" type="button" className="button button--secondary" onClick={() => setCloseOpen(true)}>
            {t('retention.close')}
          </button>
        ) : (
          <>
            <button id="case-reopen" type="button" className="button button--secondary" aria-disabled={reopening || undefined} onClick={() => void reopen()}>
              {t('retention.reopen')}
            </button>
            <a href={routeHref({ name: 'retention' })}>{t('retention.listLink')}</a>
          </>
        )}
      </div>
      <div role="status" className="toolbar-status">
        {reopening ? <p className="busy">{t('retention.reopening')}</p> : null}
        {done ? <p className="form-status">{done}</p> : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {closeOpen ? (
        <CloseCaseDialog
          client={client}
          name={name}
          onCancel={() => {
            setCloseOpen(false);
            window.setTimeout(() => closeButton.current?.focus(), 0);
          }}
          onClosed={(closed) => {
            setCloseOpen(false);
            setError(null);
            setDone(t('retention.closed'));
            focusNext.current = 'case-reopen';
            setClient(closed);
          }}
        />
      ) : null}
    </section>
  );
}

interface CloseCaseDialogProps {
  client: Client;
  name: string;
  onCancel(): void;
  onClosed(client: Client): void;
}

/**
 * The closing day (today unless changed) and, if wanted, a reason code. The
 * day is typed as German dates are written (TT.MM.JJJJ), whatever language
 * the browser's own date field would use.
 */
function CloseCaseDialog({ client, name, onCancel, onClosed }: CloseCaseDialogProps) {
  const { t } = useTranslation();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const leaving = useRef(false);

  const cancel = () => {
    if (leaving.current || saving) return;
    leaving.current = true;
    onCancel();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const day = isIsoDate(closedOn) ? closedOn : null;
    if (day === null) {
      const message = t('retention.closedOnInvalid');
      setError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields: { closedOn: message } }));
      focusSoon('case-close-date');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const closed = await call('clients.close', { id: client.id, closedOn: day, reason: reason === '' ? null : reason });
      leaving.current = true;
      onClosed(closed);
    } catch (caught) {
      setError(caught);
      setSaving(false);
      focusSoon('case-close-date');
    }
  }

  const options: Array<{ value: CloseReason | ''; label: string }> = [
    { value: '', label: t('retention.reasonNone') },
    ...CLOSE_REASONS.map((code) => ({ value: code, label: t(`closeReasons.${code}`) })),
  ];
  return (
    <ModalDialog id="case-close-dialog" className="dialog--neutral" onCancel={cancel}>
      <form noValidate onSubmit={(event) => void submit(event)} className="form">
        <h2 id="case-close-dialog-heading" className="dialog-heading">
          {t('retention.closeTitle', { name })}
        </h2>
        <p id="case-close-dialog-text">{t('retention.closeText')}</p>
        {error ? <ErrorAlert error={error} shownFields={['closedOn']} /> : null}
        <DateField
          id="case-close-date"
          label={t('retention.closedOnLabel')}
          hint={t('retention.closedOnHint')}
          value={closedOn}
          onChange={setClosedOn}
          error={fieldError(error, 'closedOn')}
          size="short"
          required
        />
        <SelectField<CloseReason | ''> id="case-close-reason" label={t('retention.reasonLabel')} value={reason} options={options} onChange={setReason} />
        <DialogActions
          id="case-close-dialog"
          confirmLabel={t('retention.close')}
          variant="primary"
          busy={saving}
          busyLabel={t('retention.closing')}
          onCancel={cancel}
        />
      </form>
    </ModalDialog>
  );
}
