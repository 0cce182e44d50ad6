import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, REFERRAL_STATUSES, type LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { PageHeading } from '../../ui/PageHeading';
import { routeHref } from '../../app/routes';
import { SelectField } from '../../ui/SelectField';
import { useAsync } from '../../ui/use-async';
import { partnerOptionLabel } from '../network/partner-choices';
import { listFilter, matchesClient, NO_FILTERS, type DocumentFilters } from './document-filters';
import { DocumentTable } from './DocumentTable';

type ListState = { status: 'loading'; items: LotseDocument[] | null } | { status: 'ready'; items: LotseDocument[] } | { status: 'error'; error: unknown };

/** All documents, filtered by form, client, partner, status, referral status and date. */
export function DocumentsScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DocumentFilters>(NO_FILTERS);
  const [state, setState] = useState<ListState>({ status: 'loading', items: null });
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');
  const latest = useRef(0);
  const [options] = useAsync(async () => {
    const [templates, partners] = await Promise.all([
      call('templates.list', {}).then(({ items }) => items),
      call('partners.list', { includeArchived: true }).then(({ items }) => items),
    ]);
    return { templates, partners };
  }, []);
  const setFilter = (patch: Partial<DocumentFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const { client: _typed, ...serverFilters } = filters;
  const serverKey = JSON.stringify(serverFilters);

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ status: 'loading', items: previous.status === 'error' ? null : previous.items }));
    call('documents.list', listFilter(filters)).then(
      ({ items }) => request === latest.current && setState({ status: 'ready', items }),
      (error: unknown) => request === latest.current && setState({ status: 'error', error }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `serverKey` stands for the filters the server sees; typing a client name filters locally.
  }, [serverKey, attempt]);

  const items = state.status === 'error' ? null : (state.items?.filter((document) => matchesClient(document, filters.client)) ?? null);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  let statusText = '';
  if (state.status === 'loading') statusText = t('documents.searching');
  else if (items)
    statusText = items.length === 0 ? (filtered ? t('documents.noResults') : t('documents.empty')) : t('documents.count', { count: items.length });

  const templates = options.status === 'ready' ? options.value.templates : [];
  const partners = options.status === 'ready' ? options.value.partners : [];

  return (
    <>
      <PageHeading title={t('documents.title')}>{t('documents.title')}</PageHeading>
      <p className="lead">{t('documents.intro')}</p>
      <p className="documents-serial">
        <a className="button button--secondary" href={routeHref({ name: 'serialLetter' })} aria-describedby="documents-serial-hint">
          {t('documents.serialLink')}
        </a>
        <span id="documents-serial-hint" className="muted">
          {t('documents.serialHint')}
        </span>
      </p>
      <section className="panel" aria-labelledby="documents-list-heading">
        <h2 id="documents-list-heading" tabIndex={-1}>
          {t('documents.listHeading')}
        </h2>
        <form role="search" aria-label={t('documents.filterHeading')} onSubmit={(event) => event.preventDefault()} className="search-form">
          <div className="filter-row">
            <Field
              id="documents-filter-client"
              type="search"
              label={t('documents.filterClient')}
              value={filters.client}
              onChange={(client) => setFilter({ client })}
              maxLength={200}
            />
            <SelectField
              id="documents-filter-template"
              label={t('documents.filterTemplate')}
              value={filters.templateId}
              options={[{ value: '', label: t('documents.all') }, ...templates.map((template) => ({ value: template.id, label: template.title }))]}
              onChange={(templateId) => setFilter({ templateId })}
              size="full"
            />
            <SelectField
              id="documents-filter-partner"
              label={t('documents.filterPartner')}
              value={filters.partnerId}
              options={[{ value: '', label: t('documents.all') }, ...partners.map((partner) => ({ value: partner.id, label: partnerOptionLabel(partner) }))]}
              onChange={(partnerId) => setFilter({ partnerId })}
              size="full"
            />
          </div>
          <div className="filter-row filter-row--four">
            <SelectField
              id="documents-filter-status"
              label={t('documents.filterStatus')}
              value={filters.status ?? ''}
              options={[
                { value: '', label: t('documents.all') },
                ...DOCUMENT_STATUSES.map((status) => ({ value: status, label: status === 'final' ? t('documents.statusFinal') : t('documents.statusDraft') })),
              ]}
              onChange={(status) => setFilter({ status })}
              size="full"
            />
            <SelectField
              id="documents-filter-referral"
              label={t('documents.filterReferral')}
              value={filters.referralStatus ?? ''}
              options={[
                { value: '', label: t('documents.all') },
                ...REFERRAL_STATUSES.map((status) => ({ value: status, label: t(`referralStatuses.${status}`) })),
              ]}
              onChange={(referralStatus) => setFilter({ referralStatus })}
              size="full"
            />
            <DateField
              id="documents-filter-from"
              holdUnreadable
              size="short"
              label={t('documents.filterFrom')}
              value={filters.from}
              onChange={(from) => setFilter({ from })}
            />
            <DateField
              id="documents-filter-to"
              holdUnreadable
              size="short"
              label={t('documents.filterTo')}
              value={filters.to}
              onChange={(to) => setFilter({ to })}
            />
          </div>
          {filtered ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setFilters(NO_FILTERS)}>
              {t('documents.resetFilters')}
            </button>
          ) : null}
        </form>
        <p role="status" className="search-status">
          {message ? `${message} ` : ''}
          {statusText}
        </p>
        {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
        {items && items.length > 0 ? (
          <DocumentTable
            documents={items}
            withClient
            caption={t('documents.caption')}
            onDiscarded={() => {
              setMessage(t('discard.done'));
              setAttempt((n) => n + 1);
              focusSoon('documents-list-heading');
            }}
          />
        ) : null}
      </section>
    </>
  );
}
