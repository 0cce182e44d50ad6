import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { call, isApiCallError } from '../api';
import { ClientEditScreen } from '../features/clients/ClientEditScreen';
import { ClientScreen } from '../features/clients/ClientScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { DocumentScreen } from '../features/documents/DocumentScreen';
import { DocumentsScreen } from '../features/documents/DocumentsScreen';
import { NewDocumentScreen } from '../features/documents/NewDocumentScreen';
import { NetworkScreen } from '../features/network/NetworkScreen';
import { SerialLetterScreen } from '../features/serial/SerialLetterScreen';
import { PartnerEditScreen } from '../features/network/PartnerEditScreen';
import { PartnerScreen } from '../features/network/PartnerScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StartScreen } from '../features/start/StartScreen';
import { TemplateScreen } from '../features/templates/TemplateScreen';
import { TemplatesScreen } from '../features/templates/TemplatesScreen';
import { AppContext, type AppContextValue } from './app-context';
import { Navigation } from './Navigation';
import { NotConnected } from './NotConnected';
import { NotFoundScreen } from './NotFoundScreen';
import { navigate, routeHref, sectionOf, useRoute, type Route } from './routes';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'clients':
      return <ClientsScreen focusNew={route.focusNew} />;
    case 'client':
      return <ClientScreen id={route.id} />;
    case 'clientEdit':
      return <ClientEditScreen id={route.id} />;
    case 'documentNew':
      return <NewDocumentScreen clientId={route.clientId} />;
    case 'documents':
      return <DocumentsScreen />;
    case 'document':
      return <DocumentScreen id={route.id} />;
    case 'serialLetter':
      return <SerialLetterScreen />;
    case 'network':
      return <NetworkScreen />;
    case 'partner':
      return <PartnerScreen id={route.id} />;
    case 'partnerEdit':
      return <PartnerEditScreen id={route.id} />;
    case 'partnerNew':
      return <PartnerEditScreen id={null} />;
    case 'templates':
      return <TemplatesScreen />;
    case 'template':
      return <TemplateScreen id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { route, hash, navigations } = useRoute();
  const [info, setInfo] = useState<MethodOutput<'app.info'> | null>(null);
  const [notice, setNotice] = useState<{ hash: string; text: string } | null>(null);
  // A token from an earlier launch (kept for reloads) is refused: say how to get in, once, not on every screen.
  const [unauthorized, setUnauthorized] = useState(false);

  useEffect(() => {
    call('app.info', {}).then(setInfo, (error: unknown) => {
      setInfo(null);
      if (isApiCallError(error) && error.code === 'unauthorized') setUnauthorized(true);
    });
  }, []);

  // A notice belongs to the screen it was made for; leaving that screen ends it.
  useEffect(() => {
    setNotice((current) => (current && current.hash !== hash ? null : current));
  }, [hash]);

  const navigateWithNotice = useCallback((target: Route, text: string) => {
    setNotice({ hash: routeHref(target), text });
    navigate(target);
  }, []);

  const context = useMemo<AppContextValue>(() => ({ info, navigations, navigateWithNotice }), [info, navigations, navigateWithNotice]);

  // The skip link must not touch the hash: that is where the routes live.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  if (unauthorized) return <NotConnected />;

  return (
    <AppContext.Provider value={context}>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="app-brand">
            <a className="app-brand-name" href={routeHref({ name: 'start' })}>
              {t('app.name')}
            </a>
            <span className="app-brand-tagline">{t('app.tagline')}</span>
          </p>
          <Navigation current={sectionOf(route)} />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <div role="status" className="notice-region">
          {notice && notice.hash === hash ? <p className="notice">{notice.text}</p> : null}
        </div>
        <Screen key={hash} route={route} />
      </main>
    </AppContext.Provider>
  );
}
