import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSTAL_ADDRESS_STATES, VERIFICATION_STATES, type Partner } from '../../../../shared/api/contract';
import { COUNSELING_FIELDS, type CounselingField } from '../../../../shared/domain/counseling-fields';
import { call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../app/routes';
import { SelectField } from '../../ui/SelectField';
import { NetworkShare } from './NetworkShare';
import { PartnerBadges } from './VerificationBadge';

const DEBOUNCE_MS = 150;

type Verification = (typeof VERIFICATION_STATES)[number];
type PostalAddressState = (typeof POSTAL_ADDRESS_STATES)[number];

interface Filters {
  query: string;
  counselingField: CounselingField | '';
  language: string;
  verification: Verification | '';
  postalAddress: PostalAddressState | '';
  includeArchived: boolean;
}

type ListState =
  { status: 'loading'; items: Partner[] | null } | { status: 'ready'; items: Partner[]; filtered: boolean } | { status: 'error'; error: unknown };

const NO_FILTERS: Filters = { query: '', counselingField: '', language: '', verification: '', postalAddress: '', includeArchived: false };

/** The directory: search and filters, the entries with their badges, and sharing as a file. */
export function NetworkScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [state, setState] = useState<ListState>({ status: 'loading', items: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const setFilter = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ status: 'loading', items: previous.status === 'error' ? null : previous.items }));
    const typed = filters.query !== '' || filters.language !== '';
    const timer = window.setTimeout(
      () => {
        call('partners.list', {
          query: filters.query,
          includeArchived: filters.includeArchived,
          ...(filters.counselingField ? { counselingField: filters.counselingField } : {}),
          ...(filters.language.trim() ? { language: filters.language.trim() } : {}),
          ...(filters.verification ? { verification: filters.verification } : {}),
          ...(filters.postalAddress ? { postalAddress: filters.postalAddress } : {}),
        }).then(
          ({ items }) => {
            if (request !== latest.current) return;
            const filtered =
              filters.query.trim() !== '' ||
              filters.language.trim() !== '' ||
              filters.counselingField !== '' ||
              filters.verification !== '' ||
              filters.postalAddress !== '';
            setState({ status: 'ready', items, filtered });
          },
          (error: unknown) => request === latest.current && setState({ status: 'error', error }),
        );
      },
      typed ? DEBOUNCE_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [filters, attempt]);

  const items = state.status === 'error' ? null : state.items;
  let statusText = '';
  if (state.status === 'loading') statusText = t('network.searching');
  else if (state.status === 'ready') {
    if (state.items.length === 0) statusText = state.filtered || filters.includeArchived ? t('network.noResults') : t('network.empty');
    else statusText = t('network.count', { count: state.items.length });
  }

  return (
    <>
      <PageHeading title={t('network.title')}>{t('network.title')}</PageHeading>
      <p className="lead">{t('network.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'partnerNew' })}>
          {t('network.newButton')}
        </button>
      </div>

      <section className="panel" aria-labelledby="network-list-heading">
        <h2 id="network-list-heading">{t('network.listHeading')}</h2>
        <form role="search" aria-label={t('network.filterHeading')} onSubmit={(event) => event.preventDefault()} className="search-form">
          <Field
            id="network-search"
            type="search"
            label={t('network.searchLabel')}
            hint={t('network.searchHint')}
            value={filters.query}
            onChange={(query) => setFilter({ query })}
            maxLength={200}
            size="medium"
          />
          <div className="filter-row filter-row--four">
            <SelectField
              id="network-filter-field"
              label={t('network.fieldFilter')}
              value={filters.counselingField}
              options={[
                { value: '', label: t('network.allFields') },
                ...COUNSELING_FIELDS.map((field) => ({ value: field, label: t(`counselingFieldsShort.${field}`) })),
              ]}
              onChange={(counselingField) => setFilter({ counselingField })}
              size="full"
            />
            <Field
              id="network-filter-language"
              label={t('network.languageFilter')}
              value={filters.language}
              onChange={(language) => setFilter({ language })}
              maxLength={100}
            />
            <SelectField
              id="network-filter-verification"
              label={t('network.verificationFilter')}
              value={filters.verification}
              options={[
                { value: '', label: t('network.verificationAll') },
                ...VERIFICATION_STATES.map((verification) => ({ value: verification, label: t(`verificationFilter.${verification}`) })),
              ]}
              onChange={(verification) => setFilter({ verification })}
              size="full"
            />
            <SelectField
              id="network-filter-address"
              label={t('network.addressFilter')}
              value={filters.postalAddress}
              options={[
                { value: '', label: t('network.addressAll') },
                ...POSTAL_ADDRESS_STATES.map((state) => ({ value: state, label: t(`postalAddressStates.${state}`) })),
              ]}
              onChange={(postalAddress) => setFilter({ postalAddress })}
              size="full"
            />
          </div>
          <Checkbox
            id="network-filter-archived"
            label={t('network.showArchived')}
            checked={filters.includeArchived}
            onChange={(includeArchived) => setFilter({ includeArchived })}
          />
        </form>
        <p role="status" className="search-status">
          {statusText}
        </p>
        {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
        {items && items.length > 0 ? (
          <ul className="result-list partner-list" aria-labelledby="network-list-heading">
            {items.map((partner) => (
              <PartnerItem key={partner.id} partner={partner} />
            ))}
          </ul>
        ) : null}
      </section>

      <NetworkShare onImported={() => setAttempt((n) => n + 1)} />
    </>
  );
}

function PartnerItem({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const meta = [partner.department, partner.address.city || partner.postbox?.city || ''].filter((part) => part.trim() !== '');
  return (
    <li className="result-item partner-item">
      <div className="partner-item-main">
        <a href={routeHref({ name: 'partner', id: partner.id })} className="result-link" dir="auto">
          {partner.name}
        </a>
        <PartnerBadges partner={partner} />
        {meta.length > 0 ? (
          <span className="line result-meta">
            {meta.map((part, index) => (
              <span key={index}>
                {index > 0 ? ' · ' : null}
                <bdi>{part}</bdi>
              </span>
            ))}
          </span>
        ) : null}
      </div>
      {partner.counselingFields.length > 0 ? (
        <ul className="tag-list" aria-label={t('partnerFields.counselingFields')}>
          {partner.counselingFields.map((field) => (
            <li key={field} className="tag">
              {t(`counselingFieldsShort.${field}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
