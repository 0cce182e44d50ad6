import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/api/contract';
import { call } from '../../api';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';

/** Typed names match whatever the spacing, case or Unicode form. */
function comparable(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

interface EraseDialogProps {
  client: Client;
  /** Escape or "Abbrechen": the caller returns focus to the button that opened the dialog. */
  onCancel(): void;
  onErased(): void;
}

/**
 * Erasing cannot be undone, so the family name must be typed before the
 * button works.
 */
export function EraseDialog({ client, onCancel, onErased }: EraseDialogProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Set once the dialog is on its way out, so cancel, close and the button never report twice.
  const leaving = useRef(false);
  const matches = comparable(typed) !== '' && comparable(typed) === comparable(client.familyName);
  const name = fullName(client) || client.familyName;

  const cancel = () => {
    if (leaving.current || erasing) return;
    leaving.current = true;
    onCancel();
  };

  async function erase(event: FormEvent) {
    event.preventDefault();
    if (!matches || erasing) return;
    setErasing(true);
    setError(null);
    try {
      await call('clients.erase', { id: client.id });
      leaving.current = true;
      onErased();
    } catch (caught) {
      setError(caught);
      setErasing(false);
    }
  }

  return (
    <ModalDialog id="erase-dialog" onCancel={cancel}>
      <form noValidate onSubmit={erase} className="form">
        <h2 id="erase-dialog-heading" className="dialog-heading">
          {t('erase.title', { name })}
        </h2>
        <div id="erase-dialog-text">
          <p>{t('erase.what')}</p>
          <p>{t('erase.log')}</p>
          <p>{t('erase.backups')}</p>
        </div>
        <p className="muted">{t('erase.exportFirst')}</p>
        {error ? <ErrorAlert error={error} /> : null}
        <Field
          id="erase-confirm-name"
          label={t('erase.confirmLabel')}
          hint={t('erase.confirmHint', { familyName: client.familyName })}
          value={typed}
          onChange={setTyped}
          maxLength={200}
          dir="auto"
        />
        <DialogActions
          id="erase-dialog"
          confirmLabel={t('erase.confirm')}
          variant="danger"
          busy={erasing}
          busyLabel={t('erase.erasing')}
          blocked={!matches || erasing}
          onCancel={cancel}
        />
      </form>
    </ModalDialog>
  );
}
