import { useState } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';
import { ModalDialog } from './ModalDialog';

interface ConfirmDialogProps {
  /** Base id: heading `${id}-heading`, text `${id}-text`, buttons `${id}-confirm` and `${id}-cancel`. */
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  /** Said while the action runs ("Wird verworfen …"). */
  busyLabel: string;
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm(): Promise<void>;
  /** Escape or "Abbrechen": the caller puts focus back on the button that opened it. */
  onCancel(): void;
}

/** "Really?" before an action that cannot be undone. Focus starts on "Abbrechen". */
export function ConfirmDialog({ id, title, text, confirmLabel, busyLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <ModalDialog id={id} onCancel={() => !busy && onCancel()} initialFocusId={`${id}-cancel`}>
      <h2 id={`${id}-heading`} className="dialog-heading">
        {title}
      </h2>
      <p id={`${id}-text`}>{text}</p>
      {error ? <ErrorAlert error={error} /> : null}
      <DialogActions id={id} confirmLabel={confirmLabel} onConfirm={confirm} variant="danger" busy={busy} busyLabel={busyLabel} onCancel={onCancel} />
    </ModalDialog>
  );
}
