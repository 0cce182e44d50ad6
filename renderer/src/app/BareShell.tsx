import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen shown instead of the app, without its navigation: nothing else
 * works (no connection, a damaged store). Its title names the window too.
 */
export function BareShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="app-brand">
            <span className="app-brand-name">{t('app.name')}</span>
          </p>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <h1 className="page-heading">{title}</h1>
        {children}
      </main>
    </>
  );
}
