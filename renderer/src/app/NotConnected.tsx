import { useTranslation } from 'react-i18next';
import { BareShell } from './BareShell';

/** Shown when the page has neither Electron's bridge nor the browser host's token. */
export function NotConnected() {
  const { t } = useTranslation();
  return (
    <BareShell title={t('connection.title')}>
      <div className="alert alert--warning" role="alert">
        <p>{t('connection.missing')}</p>
      </div>
      <p>{t('connection.howTo')}</p>
    </BareShell>
  );
}
