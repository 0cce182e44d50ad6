import { useTranslation } from 'react-i18next';
import { useAppContext } from './app-context';

/** Version, mode and data folder of this launch, small, for support questions. */
export function AppInfo({ headingLevel }: { headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const { info } = useAppContext();
  if (!info) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="app-info">
      <Heading id="app-info-heading" className="app-info-heading">
        {t('about.heading')}
      </Heading>
      <dl className="facts facts--small">
        <div>
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
        </div>
        <div>
          <dt>{t('about.schemaVersion')}</dt>
          <dd>{info.schemaVersion}</dd>
        </div>
        <div>
          <dt>{t('about.host')}</dt>
          <dd>{info.host === 'electron' ? t('about.hostElectron') : t('about.hostBrowser')}</dd>
        </div>
        <div>
          <dt>{t('about.dataDir')}</dt>
          <dd className="path">{info.dataDir}</dd>
        </div>
      </dl>
    </section>
  );
}
