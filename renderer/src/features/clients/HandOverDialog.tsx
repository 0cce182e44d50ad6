import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, TeamStatus } from '../../../../shared/api/contract';
import { call } from '../../api';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { fullName } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { SelectField } from '../../ui/SelectField';

interface HandOverDialogProps {
  client: Client;
  status: TeamStatus;
  /** Escape or "Abbrechen": the caller returns focus to the button that opened the dialog. */
  onCancel(): void;
  /** `kept`: this desk belongs to the new team too and still shows the person. */
  onHandedOver(team: { id: string; name: string }, kept: boolean): void;
}

/** Einen Fall an ein anderes Team übergeben (team.handOver): the person with everything of theirs moves. */
export function HandOverDialog({ client, status, onCancel, onHandedOver }: HandOverDialogProps) {
  const { t } = useTranslation();
  const teams = status.teams.filter((team) => team.id !== status.team?.id);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const leaving = useRef(false);
  const name = fullName(client) || client.familyName;

  const cancel = () => {
    if (leaving.current || busy) return;
    leaving.current = true;
    onCancel();
  };

  async function handOver(event: FormEvent) {
    event.preventDefault();
    const team = teams.find((candidate) => candidate.id === teamId);
    if (!team || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { kept } = await call('team.handOver', { clientId: client.id, teamId: team.id });
      leaving.current = true;
      onHandedOver(team, kept);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <ModalDialog id="hand-over" onCancel={cancel} className="dialog--neutral">
      <form noValidate onSubmit={(event) => void handOver(event)} className="form">
        <h2 id="hand-over-heading" className="dialog-heading">
          {t('team.handOver.title', { name })}
        </h2>
        <div id="hand-over-text">
          <p>{t('team.handOver.what')}</p>
          <p>{t('team.handOver.keep')}</p>
        </div>
        {!status.online ? <p className="muted">{t('team.handOver.online')}</p> : null}
        {teams.length > 0 ? (
          <SelectField
            id="hand-over-team"
            label={t('team.handOver.team')}
            value={teamId}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={setTeamId}
            error={fieldError(error, 'teamId')}
          />
        ) : (
          <p className="muted">{t('team.handOver.noOtherTeam')}</p>
        )}
        {error ? <ErrorAlert error={error} shownFields={['teamId']} /> : null}
        <DialogActions
          id="hand-over"
          confirmLabel={t('team.handOver.confirm')}
          variant="primary"
          busy={busy}
          busyLabel={t('team.handOver.busy')}
          blocked={teams.length === 0}
          onCancel={cancel}
        />
      </form>
    </ModalDialog>
  );
}
