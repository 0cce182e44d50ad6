import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';

/** On Start, only when someone is due: how many closed cases are past the retention period, and the way to review them. */
export function RetentionNotice() {
  const { t } = useTranslation();
  const [due] = useAsync(() => call('clients.retentionDue', {}), []);
  if (due.status !== 'ready' || due.value.items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="start-retention">
      <h2 id="start-retention">{t('retention.title')}</h2>
      <p>{t('retention.startNotice', { count: due.value.items.length })}</p>
      <p>
        <a href={routeHref({ name: 'retention' })}>{t('retention.startLink')}</a>
      </p>
    </section>
  );
}
