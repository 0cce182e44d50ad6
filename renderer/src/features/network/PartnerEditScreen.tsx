import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { PartnerForm } from './PartnerForm';

/** "Neue Partnerstelle" (no id) and "… bearbeiten": the same form on a screen of its own. */
export function PartnerEditScreen({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const [partner, reload] = useAsync(() => (id === null ? Promise.resolve(null) : call('partners.get', { id })), [id]);
  const name = partner.status === 'ready' && partner.value ? partner.value.name : '';
  const title = id === null ? t('partnerForm.newTitle') : name ? t('partnerForm.editTitle', { name }) : t('partnerForm.editTitleFallback');
  const back = id === null ? { name: 'network' as const } : { name: 'partner' as const, id };

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref(back)}>{name ? t('partnerForm.backToPartner', { name }) : t('partner.backToNetwork')}</a>
      </p>
      <PageHeading title={title}>
        <span dir="auto">{title}</span>
      </PageHeading>
      {id === null ? <p className="muted">{t('partnerForm.newIntro')}</p> : null}
      {partner.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {partner.status === 'error' ? <ErrorAlert error={partner.error} onRetry={reload} /> : null}
      {partner.status === 'ready' ? (
        <PartnerForm
          initial={partner.value}
          onSaved={(saved) =>
            navigateWithNotice(
              { name: 'partner', id: saved.id },
              id === null ? t('partnerForm.created', { name: saved.name }) : t('partnerForm.saved', { name: saved.name }),
            )
          }
          onCancel={() => navigate(back)}
        />
      ) : null}
    </>
  );
}
