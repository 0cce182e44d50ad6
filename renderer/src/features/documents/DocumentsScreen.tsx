import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, REFERRAL_STATUSES, type BatchGroup, type DuplicateResult, type LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { loadDocumentTemplates } from './document-sources';
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
import { BatchReprints, batchLabel, CombinedPreview, SelectionBar, usePrintMany } from './CombinedPrint';
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
    const [templates, partners] = await Promise.all([loadDocumentTemplates(), call('partners.list', { includeArchived: true }).then(({ items }) => items)]);
    return { templates, partners };
  }, []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState<DuplicateResult | null>(null);
  const [batches, setBatches] = useState<BatchGroup[]>([]);
  const printing = usePrintMany();
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

  useEffect(() => {
    call('documents.batches', {}).then(
      ({ items }) => setBatches(items),
      () => setBatches([]),
    );
  }, [attempt]);

  const items = state.status === 'error' ? null : (state.items?.filter((document) => matchesClient(document, filters.client)) ?? null);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  let statusText = '';
  if (state.status === 'loading') statusText = t('documents.searching');
  else if (items)
    statusText = items.length === 0 ? (filtered ? t('documents.noResults') : t('documents.empty')) : t('documents.count', { count: items.length });

  const shownBatch = filters.batchId ? batches.find((batch) => batch.batchId === filters.batchId) : undefined;

  async function printBatch(batch: BatchGroup, [first, last]: [number, number]) {
    // The letters still stored, in the order of the names (as documents.list gives a serial letter's).
    const { items: letters } = await call('documents.list', { batchId: batch.batchId });
    const ids = letters.slice(first - 1, last).map((letter) => letter.id);
    const label = batchLabel(t, batch);
    await printing.print({
      ids,
      heading: label,
      edition: t('workList.batchEdition', { batch: label }),
      fileName: t('workList.batchFileName', { date: batch.finalizedAt.slice(0, 10) }),
    });
  }

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
      <BatchReprints
        batches={batches}
        busy={printing.state.status === 'busy'}
        onShow={(batch) => {
          setFilters({ ...NO_FILTERS, batchId: batch.batchId });
          focusSoon('documents-list-heading');
        }}
        onPrint={(batch, part) => void printBatch(batch, part)}
      />
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
        {shownBatch ? (
          <p className="batch-filter">
            {t('workList.batchFilter', { batch: batchLabel(t, shownBatch) })}{' '}
            <button type="button" className="button button--secondary button--small" onClick={() => setFilters(NO_FILTERS)}>
              {t('workList.batchFilterReset')}
            </button>
          </p>
        ) : null}
        {copied ? (
          <div className="alert alert--info" role="status">
            <p>
              {t('workList.copied', { client: copied.document.clientName })}{' '}
              <a href={routeHref({ name: 'document', id: copied.document.id })}>{t('workList.openCopy')}</a>
            </p>
            {copied.droppedFields.length > 0 ? <p>{t('workList.droppedFields', { fields: copied.droppedFields.join(', ') })}</p> : null}
          </div>
        ) : null}
        {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
        {items && items.length > 0 ? (
          <SelectionBar
            items={items}
            selected={selected}
            busy={printing.state.status === 'busy'}
            onSelectAll={(all) => setSelected(all ? new Set(items.map((document) => document.id)) : new Set())}
            onPrint={(ids) =>
              void printing.print({
                ids,
                heading: t('workList.printHeading'),
                edition: t('workList.printEdition', { count: ids.length }),
                fileName: t('workList.printFileName'),
              })
            }
          />
        ) : null}
        <CombinedPreview state={printing.state} />
        {items && items.length > 0 ? (
          <DocumentTable
            documents={items}
            withClient
            caption={t('documents.caption')}
            selection={{
              selected,
              onChange: (id, checked) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (checked) next.add(id);
                  else next.delete(id);
                  return next;
                }),
            }}
            onCopied={(result) => {
              setCopied(result);
              setMessage('');
              setAttempt((n) => n + 1);
              focusSoon('documents-list-heading');
            }}
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
