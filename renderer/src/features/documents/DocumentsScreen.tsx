import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/api/contract';
import { call, isApiCallError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { useAsync } from '../../ui/use-async';
import { DocumentTable } from './DocumentTable';

/**
 * Names for the client column, one `clients.get` per client. A null entry
 * means the client no longer exists.
 */
function useClientNames(clientIds: readonly string[]): ReadonlyMap<string, Client | null> {
  const [names, setNames] = useState<ReadonlyMap<string, Client | null>>(new Map());
  const key = [...new Set(clientIds)].sort().join(',');
  useEffect(() => {
    let current = true;
    const ids = key === '' ? [] : key.split(',');
    void Promise.all(
      ids.map((id) =>
        call('clients.get', { id }).then(
          (client): [string, Client | null] => [id, client],
          (error: unknown): [string, Client | null] | null =>
            isApiCallError(error) && error.code === 'not_found' ? [id, null] : null,
        ),
      ),
    ).then((entries) => {
      if (current) setNames(new Map(entries.filter((entry) => entry !== null)));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}

export function DocumentsScreen() {
  const { t } = useTranslation();
  const [documents, reload] = useAsync(() => call('documents.list', {}), []);
  const items = documents.status === 'ready' ? documents.value.items : [];
  const clients = useClientNames(items.map((document) => document.clientId));

  return (
    <>
      <PageHeading title={t('documents.title')}>{t('documents.title')}</PageHeading>
      <p className="lead">{t('documents.intro')}</p>
      {documents.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {documents.status === 'error' ? <ErrorAlert error={documents.error} onRetry={reload} /> : null}
      {documents.status === 'ready' && items.length === 0 ? <p className="muted">{t('documents.empty')}</p> : null}
      {items.length > 0 ? <DocumentTable documents={items} clients={clients} caption={t('documents.caption')} /> : null}
    </>
  );
}
