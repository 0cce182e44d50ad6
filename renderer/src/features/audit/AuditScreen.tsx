import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditFilter, MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api';
import { downloadBytes } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatTimestamp } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { useAsync } from '../../ui/use-async';

/** Lines per page. */
const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  action: string;
  subjectType: string;
  actor: string;
  subjectId: string;
}

const NO_FILTERS: Filters = { from: '', to: '', action: '', subjectType: '', actor: '', subjectId: '' };

/** What the core takes: fields left empty are left out (they match every line). */
function filterOf(filters: Filters): AuditFilter {
  const trimmed = { ...filters, subjectId: filters.subjectId.trim() };
  return Object.fromEntries(Object.entries(trimmed).filter(([, value]) => value !== '')) as AuditFilter;
}

type PageState =
  { status: 'loading'; page: MethodOutput<'audit.list'> | null } | { status: 'ready'; page: MethodOutput<'audit.list'> } | { status: 'error'; error: unknown };
type ExportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; fileName: string; lines: number } | { status: 'error'; error: unknown };

/** `key: value` pairs of a line's details (ids and field names only), short enough for a table cell. */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
    )
    .join('; ');
}

/**
 * The audit trail (Protokoll): who did what when, newest first, filtered by
 * days, action, area, counselor and id, a page at a time, and the filtered
 * lines as a CSV file for Excel. Labels of actions and areas come from the
 * catalogue; one the catalogue does not know shows as the core names it.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<PageState>({ status: 'loading', page: null });
  const [attempt, setAttempt] = useState(0);
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const latest = useRef(0);
  const [facets] = useAsync(() => call('audit.facets', {}), []);
  const actionLabels: Record<string, string | undefined> = t('audit.actions', { returnObjects: true });
  const areaLabels: Record<string, string | undefined> = t('audit.areas', { returnObjects: true });
  const actionLabel = (action: string) => actionLabels[action] ?? action;
  const areaLabel = (area: string) => areaLabels[area] ?? area;
  const filterKey = JSON.stringify(filterOf(filters));

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ status: 'loading', page: previous.status === 'error' ? null : previous.page }));
    call('audit.list', { ...filterOf(filters), limit: PAGE_SIZE, offset }).then(
      (page) => request === latest.current && setState({ status: 'ready', page }),
      (error: unknown) => request === latest.current && setState({ status: 'error', error }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `filterKey` stands for the filters the core sees.
  }, [filterKey, offset, attempt]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setOffset(0);
    setExportState({ status: 'idle' });
  };

  async function exportCsv() {
    if (exportState.status === 'busy') return;
    setExportState({ status: 'busy' });
    try {
      const { fileName, content, lines } = await call('audit.exportCsv', filterOf(filters));
      downloadBytes(new TextEncoder().encode(content), fileName, 'text/csv;charset=utf-8');
      setExportState({ status: 'done', fileName, lines });
    } catch (error) {
      setExportState({ status: 'error', error });
    }
  }

  const page = state.status === 'error' ? null : state.page;
  const items: readonly AuditEntry[] = page?.items ?? [];
  const total = page?.total ?? 0;
  let statusText = '';
  if (state.status === 'loading' && !page) statusText = t('audit.loading');
  else if (page) statusText = total === 0 ? t('audit.empty') : t('audit.range', { first: offset + 1, last: offset + items.length, total });
  const options = facets.status === 'ready' ? facets.value : { actions: [], subjectTypes: [], actors: [] };
  const filtered = filterKey !== '{}';

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>
      <section className="panel" aria-labelledby="audit-list-heading">
        <h2 id="audit-list-heading" tabIndex={-1}>
          {t('audit.listHeading')}
        </h2>
        <form role="search" aria-label={t('audit.filterHeading')} onSubmit={(event) => event.preventDefault()} className="search-form">
          <div className="filter-row">
            <DateField
              id="audit-filter-from"
              holdUnreadable
              size="full"
              label={t('audit.from')}
              value={filters.from}
              onChange={(from) => setFilter({ from })}
            />
            <DateField id="audit-filter-to" holdUnreadable size="full" label={t('audit.to')} value={filters.to} onChange={(to) => setFilter({ to })} />
            <SelectField
              id="audit-filter-actor"
              label={t('audit.actor')}
              value={filters.actor}
              options={[{ value: '', label: t('audit.all') }, ...options.actors.map((actor) => ({ value: actor, label: actor }))]}
              onChange={(actor) => setFilter({ actor })}
              size="full"
            />
          </div>
          <div className="filter-row">
            <SelectField
              id="audit-filter-action"
              label={t('audit.action')}
              value={filters.action}
              options={[
                { value: '', label: t('audit.all') },
                ...options.actions.map((action) => ({ value: action, label: actionLabel(action) })).sort((a, b) => a.label.localeCompare(b.label, 'de')),
              ]}
              onChange={(action) => setFilter({ action })}
              size="full"
            />
            <SelectField
              id="audit-filter-area"
              label={t('audit.area')}
              value={filters.subjectType}
              options={[
                { value: '', label: t('audit.all') },
                ...options.subjectTypes.map((area) => ({ value: area, label: areaLabel(area) })).sort((a, b) => a.label.localeCompare(b.label, 'de')),
              ]}
              onChange={(subjectType) => setFilter({ subjectType })}
              size="full"
            />
            <Field
              id="audit-filter-subject"
              type="search"
              label={t('audit.subjectId')}
              value={filters.subjectId}
              onChange={(subjectId) => setFilter({ subjectId })}
              maxLength={64}
            />
          </div>
          <div className="toolbar toolbar--wrap">
            <button type="button" className="button button--secondary" onClick={() => void exportCsv()} disabled={exportState.status === 'busy' || total === 0}>
              {exportState.status === 'busy' ? t('audit.exporting') : t('audit.exportCsv')}
            </button>
            {filtered ? (
              <button type="button" className="button button--secondary" onClick={() => setFilter(NO_FILTERS)}>
                {t('audit.reset')}
              </button>
            ) : null}
          </div>
        </form>
        <p role="status" className="search-status">
          {statusText}
          {exportState.status === 'done' ? ` ${t('audit.exported', { fileName: exportState.fileName, count: exportState.lines })}` : ''}
        </p>
        {exportState.status === 'error' ? <ErrorAlert error={exportState.error} /> : null}
        {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table className="table audit-table">
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.area')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="audit-when">{formatTimestamp(entry.at)}</td>
                    <td>
                      <bdi>{entry.actor}</bdi>
                    </td>
                    <td>
                      {actionLabel(entry.action)}
                      {Object.keys(entry.details).length > 0 ? (
                        <span className="line muted audit-details" dir="auto">
                          {detailsText(entry.details)}
                        </span>
                      ) : null}
                    </td>
                    <td>{areaLabel(entry.subjectType)}</td>
                    <td className="audit-id">{entry.subjectId ?? (entry.subjectType === 'client' ? t('audit.erased') : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {total > PAGE_SIZE ? (
          <nav className="toolbar audit-pager" aria-label={t('audit.paging')}>
            <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('audit.newer')}
            </button>
            <button type="button" className="button button--secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('audit.older')}
            </button>
          </nav>
        ) : null}
      </section>
    </>
  );
}
