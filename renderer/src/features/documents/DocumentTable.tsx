import { useTranslation } from 'react-i18next';
import type { Client, LotseDocument } from '../../../../shared/api/contract';
import { formatTimestamp, listName } from '../../ui/format';
import { routeHref } from '../../ui/router';

export function documentSubject(document: LotseDocument): string {
  const subject = document.values.subject;
  return typeof subject === 'string' ? subject.trim() : '';
}

export function useTemplateName(): (templateId: string) => string {
  const { t, i18n } = useTranslation();
  return (templateId) => {
    const key = `templateNames.${templateId}`;
    return i18n.exists(key) ? t(key as 'templateNames.free-letter') : templateId;
  };
}

interface DocumentTableProps {
  documents: readonly LotseDocument[];
  /** Names per client id; without it the client column is left out (a client's own page). */
  clients?: ReadonlyMap<string, Client | null>;
  caption: string;
}

/** Documents with their subject as link to show them again. */
export function DocumentTable({ documents, clients, caption }: DocumentTableProps) {
  const { t } = useTranslation();
  const templateName = useTemplateName();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.subject')}</th>
            <th scope="col">{t('documents.template')}</th>
            {clients ? <th scope="col">{t('documents.client')}</th> : null}
            <th scope="col">{t('documents.created')}</th>
            <th scope="col">{t('documents.status')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const client = clients?.get(document.clientId);
            return (
              <tr key={document.id}>
                <td>
                  <a href={routeHref({ name: 'document', id: document.id })}>
                    {documentSubject(document) || t('documents.untitled')}
                  </a>
                </td>
                <td>{templateName(document.templateId)}</td>
                {clients ? (
                  <td>
                    {client ? (
                      <a href={routeHref({ name: 'client', id: client.id })}>{listName(client)}</a>
                    ) : client === null ? (
                      <span className="muted">{t('documents.unknownClient')}</span>
                    ) : (
                      <span className="muted">{t('common.loading')}</span>
                    )}
                  </td>
                ) : null}
                <td>{formatTimestamp(document.createdAt)}</td>
                <td>
                  <span className={`status status--${document.status}`}>
                    {document.status === 'final' ? t('documents.statusFinal') : t('documents.statusDraft')}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
