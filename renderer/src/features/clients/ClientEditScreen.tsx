import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fullName } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { ClientForm } from './ClientForm';

export function ClientEditScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const [client, reload] = useAsync(() => call('clients.get', { id }), [id]);
  const name = client.status === 'ready' ? fullName(client.value) || client.value.familyName : '';
  const title = name ? t('clientForm.editTitle', { name }) : t('clientForm.editTitleFallback');

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'client', id })}>{name ? t('clientForm.backToClient', { name }) : t('client.backToClients')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {client.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {client.status === 'error' ? <ErrorAlert error={client.error} onRetry={reload} /> : null}
      {client.status === 'ready' ? (
        <ClientForm
          initial={client.value}
          headingLevel={2}
          onSaved={(saved) => navigateWithNotice({ name: 'client', id: saved.id }, t('clientForm.saved', { name: fullName(saved) }))}
          onCancel={() => navigate({ name: 'client', id })}
        />
      ) : null}
    </>
  );
}
