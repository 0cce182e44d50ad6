import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, RenderedPdf } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { freeLetter } from '../../../../shared/forms/free-letter';
import { call } from '../../api';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { addressLines, fullName, safeFileNamePart } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { loadPdfJs } from '../../ui/pdf/pdfjs';
import { routeHref } from '../../ui/router';
import { useAsync } from '../../ui/use-async';

const SUBJECT_PATH = 'values.subject';
const BODY_PATH = 'values.body';
const FIELD_IDS: Record<string, string> = { [SUBJECT_PATH]: 'letter-subject', [BODY_PATH]: 'letter-body' };

function maxOf(fieldId: string): number | undefined {
  return freeLetter.sections.flatMap((section) => section.fields).find((field) => field.id === fieldId)?.max;
}

export function LetterScreen({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [client, reloadClient] = useAsync(() => call('clients.get', { id: clientId }), [clientId]);
  const name = client.status === 'ready' ? fullName(client.value) : '';
  const title = name ? t('letter.titleFor', { name }) : t('letter.title');

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'client', id: clientId })}>
          {name ? t('letter.backToClient', { name }) : t('client.backToClients')}
        </a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {client.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {client.status === 'error' ? <ErrorAlert error={client.error} onRetry={reloadClient} /> : null}
      {client.status === 'ready' ? <LetterForm client={client.value} /> : null}
    </>
  );
}

function LetterForm({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pdf, setPdf] = useState<RenderedPdf | null>(null);
  // The draft made from this form: later changes update it rather than leaving a trail of drafts.
  const [draftId, setDraftId] = useState<string | null>(null);
  // The text the preview shows, to say when the form has moved on from it.
  const [previewed, setPreviewed] = useState<{ subject: string; body: string } | null>(null);
  const [fileName, setFileName] = useState('');

  // Fetch the viewer's code while the letter is being written, not after "PDF erstellen".
  useEffect(() => {
    void loadPdfJs();
  }, []);

  const recipient = [fullName(client), ...addressLines(client)];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setPdf(null);
    try {
      const values = { subject, body };
      const document =
        draftId === null
          ? await call('documents.create', { templateId: freeLetter.id, clientId: client.id, values })
          : await call('documents.update', { id: draftId, values });
      setDraftId(document.id);
      const rendered = await call('documents.render', { id: document.id });
      setPreviewed(values);
      setFileName(`${t('preview.fileNamePrefix')}-${safeFileNamePart(client.familyName)}-${todayIso()}.pdf`);
      setPdf(rendered);
    } catch (caught) {
      setError(caught);
      const first = firstErrorField(caught, [SUBJECT_PATH, BODY_PATH]);
      if (first) window.setTimeout(() => document.getElementById(FIELD_IDS[first] ?? '')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="letter-layout">
      <section className="panel">
        <h2 id="letter-form-heading" className="visually-hidden">
          {t('letter.title')}
        </h2>
        <p className="muted">{t('letter.intro')}</p>
        <div className="recipient">
          <p className="recipient-label">{t('letter.recipient')}</p>
          <p className="recipient-address">
            {recipient.map((line, index) => (
              <span key={index} className="line">
                {line}
              </span>
            ))}
          </p>
          {addressLines(client).length === 0 ? <p className="muted">{t('letter.noAddress')}</p> : null}
        </div>
        <p className="muted">{t('common.requiredNote')}</p>
        <form noValidate onSubmit={submit} className="form">
          {error ? <ErrorAlert error={error} shownFields={[SUBJECT_PATH, BODY_PATH]} /> : null}
          <Field
            id="letter-subject"
            label={t('letter.subject')}
            value={subject}
            onChange={setSubject}
            error={fieldError(error, SUBJECT_PATH)}
            required
            maxLength={maxOf('subject')}
          />
          <Field
            id="letter-body"
            label={t('letter.body')}
            value={body}
            onChange={setBody}
            error={fieldError(error, BODY_PATH)}
            required
            multiline
            rows={14}
            maxLength={maxOf('body')}
          />
          {pdf && previewed && (previewed.subject !== subject || previewed.body !== body) ? <p className="muted">{t('letter.edited')}</p> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('letter.create')}
            </button>
          </div>
        </form>
      </section>
      <PdfPreview busy={busy} pdf={pdf} fileName={fileName} />
    </div>
  );
}
