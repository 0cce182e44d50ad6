import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode, Template } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Fact } from '../../ui/Facts';
import { focusSoon } from '../../ui/focus';
import { formatDate, formatTimestamp } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { SourceBadge } from './SourceBadge';
import { TemplateForm } from './TemplateForm';
import { TranslationEditor } from './TranslationEditor';

/** `#/templates/<id>`: the template's wording to edit, its versions, and the way back to the shipped text. */
export function TemplateScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, reload] = useAsync(() => call('templates.get', { id }), [id]);
  // A save or restore answers with the new version; it replaces what was loaded.
  const [saved, setSaved] = useState<Template | null>(null);
  const [message, setMessage] = useState('');
  const [restoring, setRestoring] = useState(false);
  const restoreButton = useRef<HTMLButtonElement>(null);
  // The language the translation editor shows; it stays when a save brings a new version. Null: the first the template has.
  const [translationLanguage, setTranslationLanguage] = useState<LanguageCode | null>(null);
  const template = saved ?? (loaded.status === 'ready' ? loaded.value : null);
  const title = template?.title ?? t('templates.title');

  const replaced = (next: Template, text: string) => {
    setSaved(next);
    setMessage(text);
    focusSoon('template-status');
  };

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'templates' })}>{t('templateEditor.backToTemplates')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p id="template-status" role="status" className="form-status" tabIndex={-1}>
        {message}
      </p>
      {loaded.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {loaded.status === 'error' ? <ErrorAlert error={loaded.error} onRetry={reload} /> : null}
      {template ? (
        <>
          <section className="panel" aria-labelledby="template-facts-heading">
            <h2 id="template-facts-heading">{t('templateEditor.factsHeading')}</h2>
            <p>{template.description}</p>
            <dl className="facts">
              <Fact term={t('templates.version')}>{template.version}</Fact>
              <Fact term={t('templates.source')}>
                <SourceBadge source={template.source} />
              </Fact>
              <Fact term={t('templates.stand')}>{template.oldestStand ? formatDate(template.oldestStand) : ''}</Fact>
              <Fact term={t('templateEditor.savedAt')}>{formatTimestamp(template.savedAt)}</Fact>
            </dl>
          </section>
          <TemplateForm
            key={template.version}
            template={template}
            onSaved={(next) => replaced(next, t('templateEditor.saved', { version: next.version }))}
            onReload={() => {
              setSaved(null);
              setMessage('');
              reload();
            }}
          />
          <TranslationEditor
            // Not the wording form's key: two siblings with one key confuse React (the form then keeps an old version's text).
            key={`translations-${template.version}`}
            template={template}
            language={translationLanguage ?? template.translations[0]?.language ?? 'ar'}
            onLanguage={setTranslationLanguage}
            onSaved={(next) => replaced(next, t('translations.saved', { version: next.version }))}
          />
          <section className="panel" aria-labelledby="template-versions-heading">
            <h2 id="template-versions-heading">{t('templateEditor.versionsHeading')}</h2>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('templateEditor.versionsHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('templates.version')}</th>
                    <th scope="col">{t('templates.source')}</th>
                    <th scope="col">{t('templateEditor.savedAt')}</th>
                    <th scope="col">{t('templateEditor.savedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...template.versions].reverse().map((version) => (
                    <tr key={version.version} aria-current={version.version === template.version ? 'true' : undefined}>
                      <td>
                        {version.version}
                        {version.version === template.version ? <span className="status status--inline">{t('templateEditor.current')}</span> : null}
                      </td>
                      <td>
                        <SourceBadge source={version.source} />
                      </td>
                      <td>{formatTimestamp(version.savedAt)}</td>
                      <td>{version.savedBy || t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{t('templateEditor.restoreIntro')}</p>
            <button ref={restoreButton} type="button" className="button button--danger-outline" onClick={() => setRestoring(true)}>
              {t('templateEditor.restore')}
            </button>
          </section>
          {restoring ? (
            <ConfirmDialog
              id="restore-dialog"
              title={t('templateEditor.restoreTitle', { title: template.title })}
              text={t('templateEditor.restoreText')}
              confirmLabel={t('templateEditor.restoreConfirm')}
              busyLabel={t('templateEditor.restoring')}
              onConfirm={async () => {
                const restored = await call('templates.restore', { id: template.id });
                setRestoring(false);
                replaced(restored, t('templateEditor.restored', { version: restored.version }));
              }}
              onCancel={() => {
                setRestoring(false);
                window.setTimeout(() => restoreButton.current?.focus(), 0);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
