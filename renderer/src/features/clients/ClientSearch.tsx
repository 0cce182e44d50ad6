import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { formatDate, listName } from '../../ui/format';
import { routeHref } from '../../app/routes';

const DEBOUNCE_MS = 150;
const LIMIT = 50;

type SearchState =
  | { status: 'searching'; query: string; items: Client[] | null }
  | { status: 'ready'; query: string; items: Client[] }
  | { status: 'error'; query: string; error: unknown };

/** Results while typing. An empty query lists the clients edited last. */
export function ClientSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'searching', query: '', items: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({
      status: 'searching',
      query,
      items: previous.status === 'error' ? null : previous.items,
    }));
    const timer = window.setTimeout(
      () => {
        call('clients.search', { query, limit: LIMIT }).then(
          ({ items }) => request === latest.current && setState({ status: 'ready', query, items }),
          (error: unknown) => request === latest.current && setState({ status: 'error', query, error }),
        );
      },
      query === '' ? 0 : DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [query, attempt]);

  const items = state.status === 'error' ? null : state.items;
  const listHeading = query.trim() === '' ? t('clients.recent') : t('clients.results');

  let statusText = '';
  if (state.status === 'searching') statusText = t('clients.searching');
  else if (state.status === 'ready') {
    if (state.items.length === 0) statusText = state.query.trim() === '' ? t('clients.empty') : t('clients.noResults');
    else if (state.query.trim() !== '') statusText = t('clients.count', { count: state.items.length });
  }

  return (
    <section className="panel">
      <h2 id="client-search-heading">{t('clients.searchHeading')}</h2>
      <form role="search" onSubmit={(event) => event.preventDefault()} className="search-form">
        <Field
          id="client-search"
          type="search"
          label={t('clients.searchLabel')}
          hint={t('clients.searchHint')}
          value={query}
          onChange={setQuery}
          maxLength={200}
        />
      </form>
      <p role="status" className="search-status">
        {statusText}
      </p>
      {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {items && items.length > 0 ? (
        <>
          <h3 className="list-heading">{listHeading}</h3>
          <ul className="result-list">
            {items.map((client) => (
              <li key={client.id} className="result-item">
                <a href={routeHref({ name: 'client', id: client.id })} className="result-link" dir="auto">
                  {listName(client)}
                </a>
                {client.closedOn !== null ? (
                  <span className="status status--revoked status--inline" title={t('retention.stateClosed', { date: formatDate(client.closedOn) })}>
                    {t('retention.closedBadge')}
                  </span>
                ) : null}
                <span className="result-meta">
                  {[
                    client.birthDate ? t('clients.born', { date: formatDate(client.birthDate) }) : '',
                    client.address.city,
                    client.fileNumber ? t('clients.fileNumber', { number: client.fileNumber }) : '',
                  ]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
