import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../../shared/api/contract';
import { routeHref } from '../../app/routes';
import { formatTimestamp, localIsoDate } from '../../ui/format';
import { todayIso } from '../../../../shared/domain/iso-date';

/** Today's syncs by the clock alone ("14:02"), older ones with their date. */
export function syncTime(iso: string): string {
  if (localIsoDate(iso) !== todayIso()) return formatTimestamp(iso);
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The header's line about the team store, shown only while this desk is
 * linked: online or offline (why, as the link's description and tooltip),
 * the changes waiting, the open conflicts (a link to their review) and the
 * last sync. Not a live region: it changes every few seconds.
 */
export function TeamHeaderStatus({ status }: { status: TeamStatus | null }) {
  const { t } = useTranslation();
  if (!status?.linked) return null;
  const error = !status.online && status.lastError ? status.lastError : null;
  return (
    <ul className="team-status" aria-label={t('team.header.label')}>
      <li>
        <a
          id="team-status-state"
          className={`team-status-state team-status-state--${status.online ? 'online' : 'offline'}`}
          href={routeHref({ name: 'teamSettings' })}
          aria-describedby={error ? 'team-status-error' : undefined}
          title={error ?? undefined}
        >
          <span className="team-status-dot" aria-hidden="true" />
          {t(status.online ? 'team.header.online' : 'team.header.offline')}
        </a>
        {error ? (
          <span id="team-status-error" className="visually-hidden">
            {error}
          </span>
        ) : null}
      </li>
      <li id="team-status-waiting" className="team-status-item">
        {t('team.header.waiting', { count: status.waiting })}
      </li>
      <li id="team-status-conflicts" className="team-status-item">
        {status.conflicts > 0 ? (
          <a className="team-status-conflicts" href={routeHref({ name: 'conflicts' })}>
            {t('team.header.conflicts', { count: status.conflicts })}
          </a>
        ) : (
          t('team.header.conflicts', { count: 0 })
        )}
      </li>
      <li id="team-status-sync" className="team-status-item">
        {status.lastSyncAt ? t('team.header.lastSync', { time: syncTime(status.lastSyncAt) }) : t('team.header.neverSynced')}
      </li>
    </ul>
  );
}
