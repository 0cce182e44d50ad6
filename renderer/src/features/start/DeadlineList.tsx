import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';

/** What is due, soonest first: permits and consents running out, follow-ups. */
export function DeadlineList() {
  const { t } = useTranslation();
  const [deadlines, reload] = useAsync(() => call('deadlines.list', {}), []);
  return (
    <section className="panel" aria-labelledby="start-deadlines">
      <h2 id="start-deadlines">{t('deadlines.heading')}</h2>
      <p className="muted">{t('deadlines.intro')}</p>
      {deadlines.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {deadlines.status === 'error' ? <ErrorAlert error={deadlines.error} onRetry={reload} /> : null}
      {deadlines.status === 'ready' && deadlines.value.items.length === 0 ? <p>{t('deadlines.empty')}</p> : null}
      {deadlines.status === 'ready' && deadlines.value.items.length > 0 ? <DeadlineTable items={deadlines.value.items} /> : null}
    </section>
  );
}

function DeadlineTable({ items }: { items: readonly Deadline[] }) {
  const { t } = useTranslation();
  // The core sorts already; a stable sort keeps its order for equal dates.
  const sorted = [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <div className="table-wrap">
      <table className="table deadline-table">
        <caption className="visually-hidden">{t('deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deadlines.date')}</th>
            <th scope="col">{t('deadlines.client')}</th>
            <th scope="col">{t('deadlines.kind')}</th>
            <th scope="col">{t('deadlines.subject')}</th>
            <th scope="col">{t('deadlines.reminder')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((item, index) => (
            <tr key={`${item.clientId}-${item.kind}-${item.sourceId ?? ''}-${index}`} className={item.overdue ? 'deadline--overdue' : undefined}>
              <td className="nowrap">
                {formatDate(item.dueDate)}
                {item.overdue ? <span className="status status--overdue status--block">{t('deadlines.overdue')}</span> : null}
              </td>
              <td>
                <a href={routeHref({ name: 'client', id: item.clientId })} dir="auto">
                  {item.clientName}
                </a>
              </td>
              <td>{t(`deadlines.kinds.${item.kind}`)}</td>
              <td className="long-text">{item.subject}</td>
              <td className="long-text">{item.reminder || t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
