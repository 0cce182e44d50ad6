import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { useAsync } from '../../ui/use-async';
import { LetterheadForm } from './LetterheadForm';

/**
 * The first-run setup: office, letterhead and counselor, what every letter
 * prints. A fresh install lands here; until it is saved, letters stay
 * drafts (shared/domain/setup.ts) and the app shows a reminder.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const [settings, reload] = useAsync(() => call('settings.get', {}), []);
  return (
    <>
      <PageHeading title={t('setup.title')}>{t('setup.title')}</PageHeading>
      <p className="lead">{t('setup.intro')}</p>
      <div className="panel">
        {settings.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
        {settings.status === 'error' ? <ErrorAlert error={settings.error} onRetry={reload} /> : null}
        {settings.status === 'ready' ? <LetterheadForm initial={settings.value} variant="setup" /> : null}
      </div>
    </>
  );
}
