import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatTimestamp } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { SourceBadge } from './SourceBadge';
import { LANGUAGES } from '../../../../shared/api/contract';
import { useReviewState } from './TranslationEditor';

/** The form catalogue: each template with its version, how current its legal wording is, and who wrote it. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const reviewState = useReviewState();
  const [templates, reload] = useAsync(() => call('templates.list', {}).then(({ items }) => items), []);
  return (
    <>
      <PageHeading title={t('templates.title')}>{t('templates.title')}</PageHeading>
      <p className="lead">{t('templates.intro')}</p>
      {templates.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {templates.status === 'error' ? <ErrorAlert error={templates.error} onRetry={reload} /> : null}
      {templates.status === 'ready' ? (
        <div className="table-wrap panel">
          <table className="table">
            <caption className="visually-hidden">{t('templates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('templates.name')}</th>
                <th scope="col">{t('templates.version')}</th>
                <th scope="col">{t('templates.stand')}</th>
                <th scope="col">{t('templates.source')}</th>
                <th scope="col">{t('translations.listColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {templates.value.map((template) => (
                <tr key={template.id}>
                  <td>
                    <a href={routeHref({ name: 'template', id: template.id })}>{template.title}</a>
                    <span className="line muted">{template.description}</span>
                  </td>
                  <td>{template.version}</td>
                  <td className="nowrap">{template.oldestStand ? formatDate(template.oldestStand) : t('common.none')}</td>
                  <td>
                    <SourceBadge source={template.source} />
                    <span className="line muted">{formatTimestamp(template.savedAt)}</span>
                  </td>
                  <td className="template-translations">
                    {template.translations.length === 0 ? (
                      <span className="muted">{t('translations.listNone')}</span>
                    ) : (
                      <ul className="plain-list">
                        {/* Checked ones each with who and when; the unchecked in one line, so six shipped translations stay short. */}
                        {template.translations.map(({ language, review }) =>
                          review ? (
                            <li key={language}>{t('translations.listItem', { language: LANGUAGES[language].german, state: reviewState(review) })}</li>
                          ) : null,
                        )}
                        {template.translations.some(({ review }) => review === null) ? (
                          <li className="translation-unchecked">
                            {t('translations.listUnchecked', {
                              languages: template.translations
                                .filter(({ review }) => review === null)
                                .map(({ language }) => LANGUAGES[language].german)
                                .join(', '),
                            })}
                          </li>
                        ) : null}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
