import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, RetentionDue } from '../../../../shared/api/contract';
import { call } from '../../api';
import { routeHref } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { formatDate, fullName } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useAsync } from '../../ui/use-async';
import { EraseDialog } from '../clients/EraseDialog';

type EraseState = { status: 'none' } | { status: 'loading'; clientId: string } | { status: 'open'; client: Client } | { status: 'error'; error: unknown };

/**
 * Aufbewahrung: the people whose case has been closed longer than the office
 * keeps closed cases (clients.retentionDue), for review. Each row opens the
 * person or erases them through the same confirmation as the client screen;
 * nothing here is erased without it.
 */
export function RetentionScreen() {
  const { t } = useTranslation();
  const [due, reload] = useAsync(() => call('clients.retentionDue', {}), []);
  const [erase, setErase] = useState<EraseState>({ status: 'none' });
  const [erasedNotice, setErasedNotice] = useState('');
  const opener = useRef<HTMLButtonElement | null>(null);

  async function openErase(item: RetentionDue, button: HTMLButtonElement) {
    opener.current = button;
    setErasedNotice('');
    setErase({ status: 'loading', clientId: item.clientId });
    try {
      // The dialog asks for the family name as it is stored: the record is read afresh.
      setErase({ status: 'open', client: await call('clients.get', { id: item.clientId }) });
    } catch (caught) {
      setErase({ status: 'error', error: caught });
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'clients' })}>{t('client.backToClients')}</a>
      </p>
      <PageHeading title={t('retention.title')}>{t('retention.title')}</PageHeading>
      <section className="panel" aria-labelledby="retention-list-heading">
        <h2 id="retention-list-heading" tabIndex={-1}>
          {t('retention.tableCaption')}
        </h2>
        {due.status === 'ready' ? <p>{t('retention.intro', { months: due.value.months })}</p> : null}
        <p>
          <a href={routeHref({ name: 'settings' })}>{t('retention.periodLink')}</a>
        </p>
        <div role="status" className="toolbar-status">
          {erasedNotice ? <p className="notice">{erasedNotice}</p> : null}
          {erase.status === 'loading' ? <p className="busy">{t('retention.loadingPerson')}</p> : null}
        </div>
        {erase.status === 'error' ? <ErrorAlert error={erase.error} /> : null}
        {due.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
        {due.status === 'error' ? <ErrorAlert error={due.error} onRetry={reload} /> : null}
        {due.status === 'ready' && due.value.items.length === 0 ? <p className="muted">{t('retention.empty')}</p> : null}
        {due.status === 'ready' && due.value.items.length > 0 ? (
          <>
            <p className="muted">{t('retention.count', { count: due.value.items.length })}</p>
            <div className="table-wrap">
              <table className="table retention-table">
                <caption className="visually-hidden">{t('retention.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.name')}</th>
                    <th scope="col">{t('retention.closedOn')}</th>
                    <th scope="col">{t('retention.dueSince')}</th>
                    <th scope="col">{t('retention.documents')}</th>
                    <th scope="col">{t('retention.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {due.value.items.map((item) => (
                    <tr key={item.clientId}>
                      <td>
                        <a href={routeHref({ name: 'client', id: item.clientId })}>
                          <bdi>{item.name}</bdi>
                        </a>
                      </td>
                      <td className="nowrap">{formatDate(item.closedOn)}</td>
                      <td className="nowrap">{formatDate(item.dueSince)}</td>
                      <td>{item.documents}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          aria-label={t('retention.eraseLabel', { name: item.name })}
                          aria-disabled={erase.status === 'loading' || undefined}
                          onClick={(event) => {
                            if (erase.status !== 'loading') void openErase(item, event.currentTarget);
                          }}
                        >
                          {t('retention.erase')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
      {erase.status === 'open' ? (
        <EraseDialog
          client={erase.client}
          onCancel={() => {
            setErase({ status: 'none' });
            window.setTimeout(() => opener.current?.focus(), 0);
          }}
          onErased={() => {
            setErase({ status: 'none' });
            setErasedNotice(t('erase.done', { name: fullName(erase.client) || erase.client.familyName }));
            reload();
            // The row and its button are gone: continue from the list.
            focusSoon('retention-list-heading');
          }}
        />
      ) : null}
    </>
  );
}
