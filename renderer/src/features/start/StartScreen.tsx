import { useTranslation } from 'react-i18next';
import { AppInfo } from '../../app/AppInfo';
import { PageHeading } from '../../ui/PageHeading';
import { routeHref, type Route } from '../../app/routes';
import { RetentionNotice } from '../retention/RetentionNotice';
import { useTeamStatus } from '../team/team-status';
import { DeadlineList } from './DeadlineList';

const ACTIONS: ReadonlyArray<{ route: Route; label: 'newClient' | 'findClient' | 'documents' | 'settings' }> = [
  { route: { name: 'clientNew' }, label: 'newClient' },
  { route: { name: 'clients' }, label: 'findClient' },
  { route: { name: 'documents' }, label: 'documents' },
  { route: { name: 'settings' }, label: 'settings' },
];

export function StartScreen() {
  const { t } = useTranslation();
  const team = useTeamStatus();
  return (
    <>
      <PageHeading title={t('nav.start')}>{t('start.title')}</PageHeading>

      {/* The work list first: on a laptop the deadlines are in view without scrolling. */}
      <DeadlineList />
      <RetentionNotice />
      {/* Linked to a team store, "the data never leave this computer" would no longer be true. */}
      <p className="lead">{team?.linked && team.team ? t('start.introTeam', { team: team.team.name }) : t('start.intro')}</p>

      <section>
        <h2 id="start-actions">{t('start.actionsHeading')}</h2>
        <ul className="action-cards">
          {ACTIONS.map(({ route, label }) => (
            <li key={label} className="action-card">
              <a href={routeHref(route)} className="action-card-link" aria-describedby={`start-${label}-hint`}>
                {t(`start.${label}`)}
              </a>
              <p id={`start-${label}-hint`} className="action-card-hint">
                {t(`start.${label}Hint`)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2 id="start-how">{t('start.howHeading')}</h2>
        <ol className="steps">
          <li>{t('start.how1')}</li>
          <li>{t('start.how2')}</li>
          <li>{t('start.how3')}</li>
        </ol>
      </section>

      <footer className="screen-footer">
        <AppInfo headingLevel={2} />
      </footer>
    </>
  );
}
