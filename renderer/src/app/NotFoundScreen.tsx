import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading';
import { routeHref } from './routes';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={routeHref({ name: 'start' })}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
