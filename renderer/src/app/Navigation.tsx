import { useTranslation } from 'react-i18next';
import { routeHref, type Route, type Section } from './routes';

const ITEMS: ReadonlyArray<{ section: Section; route: Route }> = [
  { section: 'start', route: { name: 'start' } },
  { section: 'clients', route: { name: 'clients' } },
  { section: 'documents', route: { name: 'documents' } },
  { section: 'network', route: { name: 'network' } },
  { section: 'templates', route: { name: 'templates' } },
  { section: 'audit', route: { name: 'audit' } },
  { section: 'settings', route: { name: 'settings' } },
];

/** Plain links: Tab reaches each one, Enter follows it, the current area carries aria-current. */
export function Navigation({ current }: { current: Section | null }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav-list">
        {ITEMS.map(({ section, route }) => (
          <li key={section}>
            <a className="app-nav-link" href={routeHref(route)} aria-current={section === current ? 'page' : undefined}>
              {t(`nav.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
