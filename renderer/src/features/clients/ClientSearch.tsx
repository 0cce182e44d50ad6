import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_SORTS, type ClientListFilter, type ClientSort, type MethodOutput } from '../../../../shared/api/contract';
import { COUNSELING_FIELDS, type CounselingField } from '../../../../shared/domain/counseling-fields';
import { addDaysIso, addMonthsIso, todayIso } from '../../../../shared/domain/iso-date';
import { call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { formatDate, listName, ownScriptNames } from '../../ui/format';
import { SelectField } from '../../ui/SelectField';
import { routeHref } from '../../app/routes';
import { useResidenceStatuses } from './residence-statuses';

type ListItem = MethodOutput<'clients.search'>['items'][number];

const VALID_UNTIL_OPTIONS = ['any', 'expired', 'days30', 'days90', 'days180'] as const;
const LAST_CONTACT_OPTIONS = ['any', 'months3', 'months6', 'months12'] as const;

/** What the counselor chose above the list: '' for "as before" (best matches, or the last edited). */
interface ListSettings {
  sort: ClientSort | '';
  residenceStatus: string;
  counselingField: CounselingField | '';
  validUntil: (typeof VALID_UNTIL_OPTIONS)[number];
  lastContact: (typeof LAST_CONTACT_OPTIONS)[number];
  openOnly: boolean;
}

const NO_SETTINGS: ListSettings = { sort: '', residenceStatus: '', counselingField: '', validUntil: 'any', lastContact: 'any', openOnly: false };
/** Kept while Lotse is open: coming back to the list finds it as it was left. */
let lastSettings: ListSettings = NO_SETTINGS;

/** The filter of clients.search for the settings, with the ranges counted from `today`. */
export function listFilter(settings: ListSettings, today: string): ClientListFilter | undefined {
  const filter: ClientListFilter = {};
  if (settings.residenceStatus !== '') filter.residenceStatus = settings.residenceStatus;
  if (settings.counselingField !== '') filter.counselingField = settings.counselingField;
  if (settings.validUntil === 'expired') filter.validUntilTo = addDaysIso(today, -1);
  else if (settings.validUntil !== 'any') {
    filter.validUntilFrom = today;
    filter.validUntilTo = addDaysIso(today, Number(settings.validUntil.replace('days', '')));
  }
  if (settings.lastContact !== 'any') filter.lastContactBefore = addMonthsIso(today, -Number(settings.lastContact.replace('months', '')));
  if (settings.openOnly) filter.openOnly = true;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

const DEBOUNCE_MS = 150;
const LIMIT = 50;

type SearchState =
  | { status: 'searching'; query: string; items: ListItem[] | null }
  | { status: 'ready'; query: string; items: ListItem[] }
  | { status: 'error'; query: string; error: unknown };

/**
 * Results while typing. An empty query lists the clients edited last; sort
 * and filters make it the client list (clients.search with sort and filter).
 */
export function ClientSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [settings, setSettingsState] = useState<ListSettings>(lastSettings);
  const setSettings = (change: Partial<ListSettings>) =>
    setSettingsState((current) => {
      lastSettings = { ...current, ...change };
      return lastSettings;
    });
  const [statuses] = useResidenceStatuses();
  const [state, setState] = useState<SearchState>({ status: 'searching', query: '', items: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const filter = listFilter(settings, todayIso());
  const listed = settings.sort !== '' || filter !== undefined;
  const listRequest = JSON.stringify({ sort: settings.sort || (listed ? 'name' : undefined), filter });

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({
      status: 'searching',
      query,
      items: previous.status === 'error' ? null : previous.items,
    }));
    const timer = window.setTimeout(
      () => {
        const { sort, filter } = JSON.parse(listRequest) as { sort?: ClientSort; filter?: ClientListFilter };
        call('clients.search', { query, limit: LIMIT, ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) }).then(
          ({ items }) => request === latest.current && setState({ status: 'ready', query, items }),
          (error: unknown) => request === latest.current && setState({ status: 'error', query, error }),
        );
      },
      query === '' ? 0 : DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [query, attempt, listRequest]);

  const items = state.status === 'error' ? null : state.items;
  const listHeading = listed ? t('clientList.listHeading') : query.trim() === '' ? t('clients.recent') : t('clients.results');

  let statusText = '';
  if (state.status === 'searching') statusText = t('clients.searching');
  else if (state.status === 'ready') {
    if (state.items.length === 0) statusText = state.query.trim() === '' && !listed ? t('clients.empty') : t('clients.noResults');
    else if (state.query.trim() !== '' || listed) statusText = t('clients.count', { count: state.items.length });
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
        <fieldset className="fieldset client-list-settings">
          <legend>{t('clientList.heading')}</legend>
          <div className="form-grid form-grid--three">
            <SelectField
              id="client-list-sort"
              label={t('clientList.sort')}
              value={settings.sort}
              options={[
                { value: '' as const, label: query.trim() === '' ? t('clients.recent') : t('clients.results') },
                ...CLIENT_SORTS.filter((sort) => sort !== 'recent').map((sort) => ({ value: sort, label: t(`clientList.sorts.${sort}`) })),
              ]}
              onChange={(sort) => setSettings({ sort })}
              size="full"
            />
            <SelectField
              id="client-list-status"
              label={t('clientList.residenceStatus')}
              value={settings.residenceStatus}
              options={[
                { value: '', label: t('clientList.any') },
                ...(statuses.status === 'ready' ? statuses.value.map((status) => ({ value: status.code, label: status.label })) : []),
              ]}
              onChange={(residenceStatus) => setSettings({ residenceStatus })}
              size="full"
            />
            <SelectField
              id="client-list-valid-until"
              label={t('clientList.validUntil')}
              value={settings.validUntil}
              options={VALID_UNTIL_OPTIONS.map((option) => ({ value: option, label: t(`clientList.validUntilOptions.${option}`) }))}
              onChange={(validUntil) => setSettings({ validUntil })}
              size="full"
            />
            <SelectField
              id="client-list-field"
              label={t('clientList.counselingField')}
              value={settings.counselingField}
              options={[
                { value: '' as const, label: t('clientList.any') },
                ...COUNSELING_FIELDS.map((field) => ({ value: field, label: t(`counselingFields.${field}`) })),
              ]}
              onChange={(counselingField) => setSettings({ counselingField })}
              size="full"
            />
            <SelectField
              id="client-list-contact"
              label={t('clientList.lastContact')}
              hint={t('clientList.lastContactHint')}
              value={settings.lastContact}
              options={LAST_CONTACT_OPTIONS.map((option) => ({ value: option, label: t(`clientList.lastContactOptions.${option}`) }))}
              onChange={(lastContact) => setSettings({ lastContact })}
              size="full"
            />
            <div className="client-list-open">
              <Checkbox id="client-list-open" label={t('clientList.openOnly')} checked={settings.openOnly} onChange={(openOnly) => setSettings({ openOnly })} />
            </div>
          </div>
          {listed ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setSettings(NO_SETTINGS)}>
              {t('clientList.reset')}
            </button>
          ) : null}
        </fieldset>
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
                <a href={routeHref({ name: 'client', id: client.id })} className="result-link">
                  <bdi>{listName(client)}</bdi>
                  {ownScriptNames(client.otherNames).map((other, index) => (
                    <span key={index} className="own-script-name" dir="auto">
                      {other}
                    </span>
                  ))}
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
                    listed && client.residenceValidUntil ? t('clientList.validUntilMeta', { date: formatDate(client.residenceValidUntil) }) : '',
                    client.lastContact ? t('clientList.lastContactMeta', { date: formatDate(client.lastContact.slice(0, 10)) }) : '',
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
