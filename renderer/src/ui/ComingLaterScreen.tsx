import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';

/**
 * An area that a later version fills (template editing). It says so
 * plainly instead of showing controls that do nothing.
 */
export function ComingLaterScreen({ area }: { area: 'templates' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t(`${area}.title`)}>{t(`${area}.title`)}</PageHeading>
      <div className="alert alert--info">
        <p>{t(`${area}.later`)}</p>
        <p>{t(`${area}.now`)}</p>
      </div>
    </>
  );
}
