import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ModalDialog } from '../../ui/ModalDialog';

interface DeletePartnerDialogProps {
  partner: Partner;
  /** Escape or "Abbrechen": the caller returns focus to the button that opened the dialog. */
  onCancel(): void;
  onDeleted(): void;
}

/**
 * Asks once before a directory entry goes. The core refuses (`conflict`)
 * when documents or consents name the partner; its message says to archive
 * instead and stands in the dialog.
 */
export function DeletePartnerDialog({ partner, onCancel, onDeleted }: DeletePartnerDialogProps) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Set once the dialog is on its way out, so cancel, close and the button never report twice.
  const leaving = useRef(false);

  const cancel = () => {
    if (leaving.current || deleting) return;
    leaving.current = true;
    onCancel();
  };

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await call('partners.delete', { id: partner.id });
      leaving.current = true;
      onDeleted();
    } catch (caught) {
      setError(caught);
      setDeleting(false);
    }
  }

  return (
    <ModalDialog id="partner-delete-dialog" onCancel={cancel} initialFocusId="partner-delete-cancel">
      <form noValidate onSubmit={remove} className="form">
        <h2 id="partner-delete-dialog-heading" className="dialog-heading">
          {t('partnerDelete.title', { name: partner.name })}
        </h2>
        <div id="partner-delete-dialog-text">
          <p>{t('partnerDelete.what')}</p>
          <p className="muted">{t('partnerDelete.archiveInstead')}</p>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--danger" aria-disabled={deleting}>
            {t('partnerDelete.confirm')}
          </button>
          <button id="partner-delete-cancel" type="button" className="button button--secondary" onClick={cancel} disabled={deleting}>
            {t('common.cancel')}
          </button>
          <span role="status" className="busy">
            {deleting ? t('partnerDelete.deleting') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
