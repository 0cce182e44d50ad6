import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { addressLines, formatDate, fullName } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../ui/router';
import { useAsync } from '../../ui/use-async';
import { DocumentTable } from '../documents/DocumentTable';

export function ClientScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [client, reloadClient] = useAsync(() => call('clients.get', { id }), [id]);
  const [documents, reloadDocuments] = useAsync(() => call('documents.list', { clientId: id }), [id]);
  const name = client.status === 'ready' ? fullName(client.value) || client.value.familyName : t('client.title');

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'clients', focusNew: false })}>{t('client.backToClients')}</a>
      </p>
      <PageHeading title={name}>{name}</PageHeading>
      {client.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {client.status === 'error' ? <ErrorAlert error={client.error} onRetry={reloadClient} /> : null}
      {client.status === 'ready' ? (
        <>
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ name: 'letter', clientId: id })}
            >
              {t('client.writeLetter')}
            </button>
          </div>
          <section className="panel">
            <h2 id="client-data-heading">{t('client.dataHeading')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('clientFields.familyName')}</dt>
                <dd>{client.value.familyName}</dd>
              </div>
              <div>
                <dt>{t('clientFields.givenName')}</dt>
                <dd>{client.value.givenName || t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('clientFields.birthDate')}</dt>
                <dd>{formatDate(client.value.birthDate) || t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('clientFields.address')}</dt>
                <dd>
                  {addressLines(client.value).length > 0
                    ? addressLines(client.value).map((line, index) => (
                        <span key={index} className="line">
                          {line}
                        </span>
                      ))
                    : t('common.none')}
                </dd>
              </div>
              {client.value.residenceStatus ? (
                <div>
                  <dt>{t('clientFields.residenceStatus')}</dt>
                  <dd>{t(`residenceStatus.${client.value.residenceStatus}`)}</dd>
                </div>
              ) : null}
              {client.value.residenceValidUntil ? (
                <div>
                  <dt>{t('clientFields.residenceValidUntil')}</dt>
                  <dd>{formatDate(client.value.residenceValidUntil)}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          <section className="panel">
            <h2 id="client-documents-heading">{t('client.documentsHeading')}</h2>
            {documents.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
            {documents.status === 'error' ? <ErrorAlert error={documents.error} onRetry={reloadDocuments} /> : null}
            {documents.status === 'ready' && documents.value.items.length === 0 ? (
              <p className="muted">{t('client.noDocuments')}</p>
            ) : null}
            {documents.status === 'ready' && documents.value.items.length > 0 ? (
              <DocumentTable documents={documents.value.items} caption={t('client.documentsHeading')} />
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
