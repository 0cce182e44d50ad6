import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';

/** A placeholder that says so: the partner directory comes with a later version. */
export function NetworkScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('network.title')}>{t('network.title')}</PageHeading>
      <div className="alert alert--info">
        <p>{t('network.later')}</p>
        <p>{t('network.now')}</p>
      </div>
    </>
  );
}
