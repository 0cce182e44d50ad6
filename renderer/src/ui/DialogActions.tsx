import { useTranslation } from 'react-i18next';

interface DialogActionsProps {
  /** Base id: the buttons are `${id}-confirm` and `${id}-cancel`. */
  id: string;
  confirmLabel: string;
  /** Without it the confirm button submits the dialog's form. */
  onConfirm?: () => void;
  variant: 'primary' | 'danger';
  /** While the action runs: confirm stays focusable (aria-disabled), cancel is off, the status says what happens. */
  busy: boolean;
  busyLabel: string;
  /** Not yet possible (e.g. the confirmation is not typed): the button is off. */
  blocked?: boolean;
  onCancel(): void;
}

/** The end of a dialog: the action, "Abbrechen", and a live status while the action runs. */
export function DialogActions({ id, confirmLabel, onConfirm, variant, busy, busyLabel, blocked = false, onCancel }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button
        id={`${id}-confirm`}
        type={onConfirm ? 'button' : 'submit'}
        className={`button button--${variant}`}
        onClick={onConfirm}
        disabled={blocked}
        aria-disabled={busy || undefined}
      >
        {confirmLabel}
      </button>
      <button id={`${id}-cancel`} type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <span role="status" className="busy">
        {busy ? busyLabel : ''}
      </span>
    </div>
  );
}
