import { useTranslation } from 'react-i18next';
import { setupIncompleteMessage, type SetupItem } from '../../../shared/domain/setup';
import { wordError } from '../i18n/errors';
import { routeHref } from './routes';

/**
 * Shown above every screen until the first-run setup is done: what is
 * missing, in the words the core uses when it refuses to finalize, and the
 * way to the setup. The app can be looked around in meanwhile.
 */
export function SetupReminder({ missing }: { missing: readonly SetupItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--warning setup-reminder">
      <p>{wordError(setupIncompleteMessage(missing))}</p>
      <p>
        <a className="button button--primary" href={routeHref({ name: 'setup' })}>
          {t('setup.reminderLink')}
        </a>
      </p>
    </div>
  );
}
