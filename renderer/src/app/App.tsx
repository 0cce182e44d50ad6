import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { MethodOutput } from '../../../shared/api/contract';
import { call, isApiCallError, onStoreDamaged } from '../api';
import { ClientEditScreen } from '../features/clients/ClientEditScreen';
import { ClientScreen } from '../features/clients/ClientScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { DocumentScreen } from '../features/documents/DocumentScreen';
import { DocumentsScreen } from '../features/documents/DocumentsScreen';
import { RecoveryScreen } from '../features/backups/RecoveryScreen';
import { UnlockScreen } from '../features/passphrase/UnlockScreen';
import { RetentionScreen } from '../features/retention/RetentionScreen';
import { NewDocumentScreen } from '../features/documents/NewDocumentScreen';
import { NetworkScreen } from '../features/network/NetworkScreen';
import { SerialLetterScreen } from '../features/serial/SerialLetterScreen';
import { PartnerEditScreen } from '../features/network/PartnerEditScreen';
import { PartnerScreen } from '../features/network/PartnerScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupScreen } from '../features/settings/SetupScreen';
import { StartScreen } from '../features/start/StartScreen';
import { TemplateScreen } from '../features/templates/TemplateScreen';
import { TemplatesScreen } from '../features/templates/TemplatesScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { ConflictsScreen } from '../features/team/ConflictsScreen';
import { TeamHeaderStatus } from '../features/team/TeamHeaderStatus';
import { TeamSettingsScreen } from '../features/team/TeamSettingsScreen';
import { useTeamStatusPolling } from '../features/team/team-status';
import { AppContext, type AppContextValue } from './app-context';
import { Navigation } from './Navigation';
import { NotConnected } from './NotConnected';
import { NotFoundScreen } from './NotFoundScreen';
import { SetupReminder } from './SetupReminder';
import { UnsavedDraftsReminder } from '../ui/UnsavedDraftsReminder';
import { navigate, routeHref, sectionOf, useCurrentRoute, type Route, type RouteName } from './routes';

/** The route table's other half: what each address of routes.ts shows (a name without a screen does not compile). */
const SCREENS: { [N in RouteName]: (route: Extract<Route, { name: N }>) => ReactNode } = {
  start: () => <StartScreen />,
  clients: () => <ClientsScreen focusNew={false} />,
  clientNew: () => <ClientsScreen focusNew />,
  retention: () => <RetentionScreen />,
  client: ({ id }) => <ClientScreen id={id} />,
  clientEdit: ({ id }) => <ClientEditScreen id={id} />,
  documentNew: ({ clientId }) => <NewDocumentScreen clientId={clientId} />,
  documents: () => <DocumentsScreen />,
  serialLetter: () => <SerialLetterScreen />,
  document: ({ id }) => <DocumentScreen id={id} />,
  network: () => <NetworkScreen />,
  partnerNew: () => <PartnerEditScreen id={null} />,
  partner: ({ id }) => <PartnerScreen id={id} />,
  partnerEdit: ({ id }) => <PartnerEditScreen id={id} />,
  templates: () => <TemplatesScreen />,
  template: ({ id }) => <TemplateScreen id={id} />,
  audit: () => <AuditScreen />,
  settings: () => <SettingsScreen />,
  setup: () => <SetupScreen />,
  teamSettings: () => <TeamSettingsScreen />,
  conflicts: () => <ConflictsScreen />,
};

function Screen({ route }: { route: Route | null }) {
  if (route === null) return <NotFoundScreen />;
  // TypeScript cannot tie the entry to the route's own name; the table's type does.
  const screen = SCREENS[route.name] as (route: Route) => ReactNode;
  return screen(route);
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The hash as it stands. Every change of it is a navigation, also one to the
 * same screen: from the empty hash of the launch, "Start" (`#/`) opens the
 * start screen afresh.
 */
function useHash(): string {
  return useSyncExternalStore(subscribeToHash, () => window.location.hash);
}

/** Navigations since the page loaded: a screen's heading takes focus only after one (not on first load). */
function useNavigationCount(hash: string): number {
  const [seen, setSeen] = useState({ hash, count: 0 });
  // Set while rendering: React renders again at once, before any screen sees the old count.
  if (seen.hash !== hash) setSeen({ hash, count: seen.count + 1 });
  return seen.count;
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
    </Router>
  );
}

function Shell() {
  const { t } = useTranslation();
  const route = useCurrentRoute();
  const hash = useHash();
  const navigations = useNavigationCount(hash);
  const [info, setInfo] = useState<MethodOutput<'app.info'> | null>(null);
  // Asked again on every navigation: a save usually changes the screen, and the header's figures follow.
  const teamStatus = useTeamStatusPolling(hash);
  const [notice, setNotice] = useState<{ href: string; text: string } | null>(null);
  // A token from an earlier launch (kept for reloads) is refused: say how to get in, once, not on every screen.
  const [unauthorized, setUnauthorized] = useState(false);

  const refreshInfo = useCallback(() => {
    call('app.info', {}).then(setInfo, (error: unknown) => {
      setInfo(null);
      if (isApiCallError(error) && error.code === 'unauthorized') setUnauthorized(true);
    });
  }, []);
  useEffect(refreshInfo, [refreshInfo]);
  // A store that goes bad during work: app.info then names the damage, and the recovery screen takes over.
  useEffect(() => onStoreDamaged(refreshInfo), [refreshInfo]);

  // A first start (nothing set up yet) opens on the setup rather than on Start. Only the launch's
  // own answer decides, and only while nobody has gone elsewhere: later, Start stays Start.
  const setupPending = info !== null && info.setupMissing.length > 0;
  const launchChecked = useRef(false);
  const routeName = route?.name;
  useEffect(() => {
    if (info === null || launchChecked.current) return;
    launchChecked.current = true;
    if (setupPending && navigations === 0 && routeName === 'start') navigate({ name: 'setup' }, { replace: true });
  }, [info, setupPending, navigations, routeName]);

  // A notice belongs to the screen it was made for; leaving that screen ends it.
  const here = route ? routeHref(route) : null;
  useEffect(() => {
    setNotice((current) => (current && current.href !== here ? null : current));
  }, [here]);

  const navigateWithNotice = useCallback((target: Route, text: string) => {
    setNotice({ href: routeHref(target), text });
    navigate(target);
  }, []);

  const context = useMemo<AppContextValue>(
    () => ({ info, refreshInfo, navigations, navigateWithNotice }),
    [info, refreshInfo, navigations, navigateWithNotice],
  );

  // The skip link must not touch the hash: that is where the routes live.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  if (unauthorized) return <NotConnected />;
  // A locked store (passphrase mode) answers nothing until the passphrase opens it.
  if (info?.locked) return <UnlockScreen onUnlocked={refreshInfo} />;
  // A damaged store answers nothing but the backups: the restore is all there is to show.
  if (info?.storeDamage) {
    return (
      <AppContext.Provider value={context}>
        <RecoveryScreen damage={info.storeDamage} />
      </AppContext.Provider>
    );
  }

  return (
    <AppContext.Provider value={context}>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="app-header-top">
            <p className="app-brand">
              <a className="app-brand-name" href={routeHref({ name: 'start' })}>
                {t('app.name')}
              </a>
              <span className="app-brand-tagline">{t('app.tagline')}</span>
            </p>
            <TeamHeaderStatus status={teamStatus} />
          </div>
          <Navigation current={route ? sectionOf(route) : null} />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <div role="status" className="notice-region">
          {notice && notice.href === here ? <p className="notice">{notice.text}</p> : null}
        </div>
        {setupPending && route?.name !== 'setup' ? <SetupReminder missing={info.setupMissing} /> : null}
        <UnsavedDraftsReminder />
        <Screen key={hash} route={route} />
      </main>
    </AppContext.Provider>
  );
}
