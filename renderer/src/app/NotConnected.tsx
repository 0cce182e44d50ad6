import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown when the page has neither Electron's bridge nor the browser host's token. */
export function NotConnected() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('connection.title') });
  }, [t]);
  return (
    <>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="app-brand">
            <span className="app-brand-name">{t('app.name')}</span>
          </p>
        </div>
      </header>
      <main id="main" className="app-main">
        <h1 className="page-heading">{t('connection.title')}</h1>
        <div className="alert alert--warning" role="alert">
          <p>{t('connection.missing')}</p>
        </div>
        <p>{t('connection.howTo')}</p>
      </main>
    </>
  );
}
