import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateResult, LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate, formatTimestamp } from '../../ui/format';
import { routeHref } from '../../app/routes';
import { CopyDocumentDialog } from './CopyDocumentDialog';
import { documentSubject, documentTitle } from './document-labels';

interface DocumentTableProps {
  documents: readonly LotseDocument[];
  /** Leaves out the client column (a client's own page). */
  withClient: boolean;
  caption: string;
  /** A draft was discarded: the list is out of date. */
  onDiscarded(): void;
  /** With it, each row has a checkbox to select the document (the documents list's combined print). */
  selection?: { selected: ReadonlySet<string>; onChange(id: string, selected: boolean): void } | undefined;
  /** With it, each row can be copied (as a new draft, for the same or another person); called with the new draft. */
  onCopied?: ((result: DuplicateResult) => void) | undefined;
}

/** Documents with their form, recipient, status and date; drafts can be discarded here. */
export function DocumentTable({ documents, withClient, caption, onDiscarded, selection, onCopied }: DocumentTableProps) {
  const { t } = useTranslation();
  const [discarding, setDiscarding] = useState<LotseDocument | null>(null);
  const [copying, setCopying] = useState<LotseDocument | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  return (
    <div className="table-wrap">
      <table className="table documents-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="select-cell">
                <span className="visually-hidden">{t('workList.select')}</span>
              </th>
            ) : null}
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
              <tr key={document.id} className={selection?.selected.has(document.id) ? 'row--selected' : undefined}>
                {selection ? (
                  <td className="select-cell">
                    <input
                      id={`select-${document.id}`}
                      type="checkbox"
                      checked={selection.selected.has(document.id)}
                      onChange={(event) => selection.onChange(document.id, event.target.checked)}
                      aria-label={t('workList.selectRow', { title, client: document.clientName })}
                    />
                  </td>
                ) : null}
                <td className="document-cell">
                  <a href={routeHref({ name: 'document', id: document.id })}>
                    <bdi>{document.templateTitle}</bdi>
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
                  <div className="row-actions">
                    {onCopied ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={(event) => {
                          opener.current = event.currentTarget;
                          setCopying(document);
                        }}
                      >
                        {t('workList.copy')}
                        <span className="visually-hidden"> ({title})</span>
                      </button>
                    ) : null}
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
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {copying && onCopied ? (
        <CopyDocumentDialog
          document={copying}
          onDone={(result) => {
            setCopying(null);
            onCopied(result);
          }}
          onCancel={() => {
            setCopying(null);
            window.setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
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
