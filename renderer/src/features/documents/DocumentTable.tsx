import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate, formatTimestamp } from '../../ui/format';
import { routeHref } from '../../app/routes';
import { documentSubject, documentTitle } from './document-labels';

interface DocumentTableProps {
  documents: readonly LotseDocument[];
  /** Leaves out the client column (a client's own page). */
  withClient: boolean;
  caption: string;
  /** A draft was discarded: the list is out of date. */
  onDiscarded(): void;
}

/** Documents with their form, recipient, status and date; drafts can be discarded here. */
export function DocumentTable({ documents, withClient, caption, onDiscarded }: DocumentTableProps) {
  const { t } = useTranslation();
  const [discarding, setDiscarding] = useState<LotseDocument | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  return (
    <div className="table-wrap">
      <table className="table documents-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.document')}</th>
            {withClient ? <th scope="col">{t('documents.client')}</th> : null}
            <th scope="col">{t('documents.recipient')}</th>
            <th scope="col">{t('documents.status')}</th>
            <th scope="col">{t('documents.date')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('documents.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const title = documentTitle(document);
            const subject = documentSubject(document);
            return (
              <tr key={document.id}>
                <td className="document-cell">
                  <a href={routeHref({ name: 'document', id: document.id })}>
                    {document.templateTitle}
                    {subject ? (
                      <span className="line document-subject" dir="auto">
                        {subject}
                      </span>
                    ) : null}
                  </a>
                </td>
                {withClient ? (
                  <td>
                    <a href={routeHref({ name: 'client', id: document.clientId })}>
                      <bdi>{document.clientName}</bdi>
                    </a>
                  </td>
                ) : null}
                <td>{document.partnerName ? <bdi>{document.partnerName}</bdi> : t('common.none')}</td>
                <td>
                  <span className={`status status--${document.status}`}>
                    {document.status === 'final' ? t('documents.statusFinal') : t('documents.statusDraft')}
                  </span>
                  {document.referralStatus ? (
                    <span className="status status--block status--referral">{t(`referralStatuses.${document.referralStatus}`)}</span>
                  ) : null}
                  {document.followUpDate ? <span className="line muted">{t('documents.followUpOn', { date: formatDate(document.followUpDate) })}</span> : null}
                </td>
                <td className="nowrap">{formatTimestamp(document.finalizedAt ?? document.updatedAt)}</td>
                <td>
                  {document.status === 'draft' ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        setDiscarding(document);
                      }}
                    >
                      {t('documents.discard')}
                      <span className="visually-hidden"> ({title})</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {discarding ? (
        <ConfirmDialog
          id="discard-dialog"
          title={t('discard.title')}
          text={t('discard.textNamed', { title: documentTitle(discarding), client: discarding.clientName })}
          confirmLabel={t('discard.confirm')}
          busyLabel={t('discard.busy')}
          onConfirm={async () => {
            await call('documents.discard', { id: discarding.id });
            setDiscarding(null);
            onDiscarded();
          }}
          onCancel={() => {
            setDiscarding(null);
            window.setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
    </div>
  );
}
