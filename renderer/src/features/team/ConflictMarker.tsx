import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { useTeamStatus } from './team-status';

/**
 * „Konflikt offen“ on a client's page (docs/team-mode.md): until a person
 * decides, the page shows the team store's state, and says so. Asked only
 * while the desk has open conflicts at all.
 */
export function ConflictMarker({ clientId }: { clientId: string }) {
  const status = useTeamStatus();
  const open = status?.linked === true && status.conflicts > 0;
  if (!open) return null;
  return <OpenConflicts clientId={clientId} count={status.conflicts} />;
}

function OpenConflicts({ clientId, count }: { clientId: string; count: number }) {
  const { t } = useTranslation();
  // Asked again when the number of open conflicts changes (one decided elsewhere, a new one pulled).
  const [conflicts] = useAsync(() => call('team.conflicts', {}), [count]);
  if (conflicts.status !== 'ready' || !conflicts.value.items.some((conflict) => conflict.clientId === clientId)) return null;
  return (
    <div className="alert alert--warning" role="note" aria-labelledby="client-conflict-title">
      <p id="client-conflict-title" className="alert-title">
        {t('team.marker.title')}
      </p>
      <p>{t('team.marker.text')}</p>
      <p>
        <a href={routeHref({ name: 'conflicts' })}>{t('team.marker.review')}</a>
      </p>
    </div>
  );
}
