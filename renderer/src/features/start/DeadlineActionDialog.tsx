import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../../shared/api/contract';
import { addDaysIso, formatGermanDate, todayIso } from '../../../../shared/domain/iso-date';
import { ApiCallError, call } from '../../api';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { focusSoon } from '../../ui/focus';
import { ModalDialog } from '../../ui/ModalDialog';
import { parseGermanDate } from '../../ui/german-date';

export type DeadlineAction = 'complete' | 'postpone';

interface Props {
  action: DeadlineAction;
  item: Deadline;
  onCancel(): void;
  /** Saved: the sentence the list announces. */
  onDone(message: string): void;
}

/** "Erledigt" or "Verschieben" for one deadline, each with a note; postponing asks for the new date as TT.MM.JJJJ (a week on, to start with). */
export function DeadlineActionDialog({ action, item, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [until, setUntil] = useState(() => formatGermanDate(addDaysIso(todayIso(new Date()), 7)));
  const [note, setNote] = useState(item.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = 'deadline-action';
  const ref = { kind: item.kind, clientId: item.clientId, sourceId: item.sourceId, dueDate: item.dueDate };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const day = action === 'postpone' ? parseGermanDate(until) : null;
    if (action === 'postpone' && day === null) {
      setError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields: { until: t('deadlines.untilInvalid') } }));
      focusSoon(`${id}-until`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (action === 'complete') {
        await call('deadlines.complete', { ...ref, note });
        onDone(t('deadlines.completed', { name: item.clientName }));
      } else {
        await call('deadlines.postpone', { ...ref, until: day ?? '', note });
        onDone(t('deadlines.postponed', { name: item.clientName, date: formatDate(day) }));
      }
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <ModalDialog id={id} className="dialog--neutral" onCancel={() => !busy && onCancel()} initialFocusId={action === 'postpone' ? `${id}-until` : `${id}-note`}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`} className="dialog-heading">
          {action === 'complete' ? t('deadlines.completeTitle', { name: item.clientName }) : t('deadlines.postponeTitle', { name: item.clientName })}
        </h2>
        <p id={`${id}-text`}>
          {t('deadlines.dialogText', { kind: t(`deadlines.kinds.${item.kind}`), date: formatDate(item.dueDate) })} {item.subject}
        </p>
        {error ? <ErrorAlert error={error} shownFields={['until', 'note']} /> : null}
        {action === 'postpone' ? (
          <Field
            id={`${id}-until`}
            size="medium"
            required
            label={t('deadlines.until')}
            hint={t('deadlines.untilHint')}
            value={until}
            onChange={setUntil}
            error={fieldError(error, 'until')}
          />
        ) : null}
        <Field
          id={`${id}-note`}
          multiline
          rows={3}
          maxLength={1000}
          label={t('deadlines.note')}
          hint={t('deadlines.noteHint')}
          value={note}
          onChange={setNote}
          error={fieldError(error, 'note')}
        />
        <DialogActions
          id={id}
          confirmLabel={action === 'complete' ? t('deadlines.completeConfirm') : t('deadlines.postponeConfirm')}
          variant="primary"
          busy={busy}
          busyLabel={t('deadlines.saving')}
          onCancel={onCancel}
        />
      </form>
    </ModalDialog>
  );
}
