import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';

/** A placeholder that says so: editing templates comes with a later version. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('templates.title')}>{t('templates.title')}</PageHeading>
      <div className="alert alert--info">
        <p>{t('templates.later')}</p>
        <p>{t('templates.now')}</p>
      </div>
    </>
  );
}
