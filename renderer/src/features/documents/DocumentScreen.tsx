import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, LotseDocument, RenderedPdf } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatTimestamp, listName, localIsoDate, safeFileNamePart } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { routeHref } from '../../ui/router';
import { useAsync } from '../../ui/use-async';
import { documentSubject, useTemplateName } from './DocumentTable';

interface Loaded {
  document: LotseDocument;
  client: Client;
}

/** One document, drawn again from the store (`documents.render`). */
export function DocumentScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const templateName = useTemplateName();
  const [loaded, reload] = useAsync(async (): Promise<Loaded> => {
    const document = await call('documents.get', { id });
    const client = await call('clients.get', { id: document.clientId });
    return { document, client };
  }, [id]);
  const [pdf, setPdf] = useState<RenderedPdf | null>(null);
  const [renderError, setRenderError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (loaded.status !== 'ready') return;
    let current = true;
    setPdf(null);
    setRenderError(null);
    call('documents.render', { id: loaded.value.document.id }).then(
      (rendered) => current && setPdf(rendered),
      (error: unknown) => current && setRenderError(error),
    );
    return () => {
      current = false;
    };
  }, [loaded, attempt]);

  const subject = loaded.status === 'ready' ? documentSubject(loaded.value.document) : '';
  const title = subject || t('documents.documentTitle');

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'documents' })}>{t('documents.backToDocuments')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {loaded.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {loaded.status === 'error' ? <ErrorAlert error={loaded.error} onRetry={reload} /> : null}
      {loaded.status === 'ready' ? (
        <>
          <dl className="facts facts--inline">
            <div>
              <dt>{t('documents.template')}</dt>
              <dd>{templateName(loaded.value.document.templateId)}</dd>
            </div>
            <div>
              <dt>{t('documents.client')}</dt>
              <dd>
                <a href={routeHref({ name: 'client', id: loaded.value.client.id })}>{listName(loaded.value.client)}</a>
              </dd>
            </div>
            <div>
              <dt>{t('documents.created')}</dt>
              <dd>{formatTimestamp(loaded.value.document.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('documents.status')}</dt>
              <dd>
                {loaded.value.document.status === 'final' ? t('documents.statusFinal') : t('documents.statusDraft')}
              </dd>
            </div>
          </dl>
          {renderError ? <ErrorAlert error={renderError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
          <PdfPreview
            busy={pdf === null && renderError === null}
            pdf={pdf}
            fileName={`${t('preview.fileNamePrefix')}-${safeFileNamePart(loaded.value.client.familyName)}-${localIsoDate(loaded.value.document.createdAt)}.pdf`}
          />
        </>
      ) : null}
    </>
  );
}
