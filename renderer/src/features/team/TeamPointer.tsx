import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes';
import { useTeamStatus } from './team-status';

/** Einstellungen: where the team connection is, and whether this desk has one. */
export function TeamPointer() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  return (
    <section className="panel" aria-labelledby="team-pointer-heading">
      <h2 id="team-pointer-heading">{t('team.settingsPointer.heading')}</h2>
      <p>
        {status?.linked
          ? t('team.settingsPointer.linked', { team: status.team?.name ?? '', name: status.displayName ?? status.role ?? '' })
          : t('team.settingsPointer.notLinked')}
      </p>
      <p>
        <a id="team-settings-link" href={routeHref({ name: 'teamSettings' })}>
          {t('team.settingsPointer.open')}
        </a>
      </p>
    </section>
  );
}
