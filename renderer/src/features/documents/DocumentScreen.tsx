import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { loadDocumentSources, type DocumentSources } from './document-sources';
import { documentTitle } from './document-labels';
import { DocumentEditor } from './DocumentEditor';
import { FinalDocument } from './FinalDocument';

interface Loaded {
  document: LotseDocument;
  sources: DocumentSources;
}

/** `#/documents/<id>`: a draft as its editor, a final document as it was finalized. */
export function DocumentScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, reload] = useAsync(async (): Promise<Loaded> => {
    const document = await call('documents.get', { id });
    return { document, sources: await loadDocumentSources(document) };
  }, [id]);
  // Finalizing turns the editor into the final view on the same address.
  const [finalized, setFinalized] = useState<LotseDocument | null>(null);
  const document = finalized ?? (loaded.status === 'ready' ? loaded.value.document : null);
  const title = document ? t('documentEditor.title', { title: documentTitle(document), client: document.clientName }) : t('documents.documentTitle');

  return (
    <>
      <p className="breadcrumb">
        {document ? (
          <a href={routeHref({ name: 'client', id: document.clientId })}>{t('documentEditor.backToClient', { name: document.clientName })}</a>
        ) : (
          <a href={routeHref({ name: 'documents' })}>{t('documents.backToDocuments')}</a>
        )}
      </p>
      <PageHeading title={title}>
        <span dir="auto">{title}</span>
      </PageHeading>
      {loaded.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {loaded.status === 'error' ? <ErrorAlert error={loaded.error} onRetry={reload} /> : null}
      {loaded.status === 'ready' && document ? (
        document.status === 'draft' ? (
          <DocumentEditor document={document} sources={loaded.value.sources} onFinalized={setFinalized} />
        ) : (
          <FinalDocument document={document} sources={loaded.value.sources} justFinalized={finalized !== null} onChanged={setFinalized} />
        )
      ) : null}
    </>
  );
}
