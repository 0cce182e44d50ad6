import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotseDocument, RenderedPdf } from '../../../../shared/api/contract';
import { inputFieldsOf } from '../../../../shared/forms/definition';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Fact } from '../../ui/Facts';
import { languageLabel } from './TranslationChoice';
import { focusSoon } from '../../ui/focus';
import { formatDate, formatTimestamp } from '../../ui/format';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { navigate, routeHref } from '../../app/routes';
import { partnerNamer, type DocumentSources } from './document-sources';
import { editorValues } from './document-form';
import { pdfFileName, shortHash } from './document-labels';
import { DocumentValues } from './DocumentValues';
import { ReferralStatusForm } from './ReferralStatusForm';

interface FinalDocumentProps {
  document: LotseDocument;
  sources: DocumentSources;
  /** Just finalized on this screen: say so and move focus here. */
  justFinalized: boolean;
  onChanged(document: LotseDocument): void;
}

/** A final document: what it says, how it was made final, its referral status, its PDF, and "Korrektur anlegen". */
export function FinalDocument({ document, sources, justFinalized, onChanged }: FinalDocumentProps) {
  const { t } = useTranslation();
  const form = sources.template.definition;
  const [pdf, setPdf] = useState<RenderedPdf | null>(null);
  const [renderError, setRenderError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [correcting, setCorrecting] = useState(false);
  const [correctError, setCorrectError] = useState<unknown>(null);

  useEffect(() => {
    if (justFinalized) focusSoon('final-heading');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the final document first shows.
  }, []);

  useEffect(() => {
    let current = true;
    setPdf(null);
    setRenderError(null);
    call('documents.render', { id: document.id }).then(
      (rendered) => current && setPdf(rendered),
      (error: unknown) => current && setRenderError(error),
    );
    return () => {
      current = false;
    };
  }, [document.id, attempt]);

  async function createCorrection() {
    if (correcting) return;
    setCorrecting(true);
    setCorrectError(null);
    try {
      const correction = await call('documents.create', {
        templateId: document.templateId,
        clientId: document.clientId,
        partnerId: document.partnerId,
        correctsId: document.id,
      });
      navigate({ name: 'document', id: correction.id });
    } catch (caught) {
      setCorrectError(caught);
      setCorrecting(false);
    }
  }

  const labels = new Map(inputFieldsOf(form).map((field) => [field.id, field.label]));
  // Just finalized, the document has no sha256 yet (the core renders the PDF after the commit): the PDF shown here is that PDF, so its sha256 is the one kept.
  const sha256 = document.sha256 ?? pdf?.sha256 ?? null;
  const basis = document.legalBasis;

  return (
    <>
      <section className="panel" aria-labelledby="final-heading">
        <h2 id="final-heading" tabIndex={-1}>
          {t('finalDocument.heading')}
        </h2>
        <p role="status" className="form-status">
          {justFinalized ? t('finalDocument.justFinalized') : ''}
        </p>
        {document.correctedById ? (
          <p className="alert alert--warning">
            {t('finalDocument.correctedBy')} <a href={routeHref({ name: 'document', id: document.correctedById })}>{t('finalDocument.openCorrection')}</a>
          </p>
        ) : null}
        <dl className="facts">
          <Fact term={t('finalDocument.template')}>
            {t('finalDocument.templateVersion', { title: document.templateTitle, version: document.templateVersion })}
          </Fact>
          <Fact term={t('documents.client')}>
            <a href={routeHref({ name: 'client', id: document.clientId })}>
              <bdi>{document.clientName}</bdi>
            </a>
          </Fact>
          <Fact term={t('finalDocument.recipient')}>{document.partnerName || (form.recipient === 'none' ? '' : document.clientName)}</Fact>
          {document.translationLanguage ? (
            <Fact term={t('translations.language')}>
              {languageLabel(t, document.translationLanguage)}
              <span className="line muted">
                {document.translationReview
                  ? t('translations.checkedBy', { name: document.translationReview.checkedBy, date: formatDate(document.translationReview.checkedOn) })
                  : t('translations.uncheckedShort')}
              </span>
            </Fact>
          ) : null}
          <Fact term={t('documents.created')}>{formatTimestamp(document.createdAt)}</Fact>
          <Fact term={t('finalDocument.finalizedAt')}>{document.finalizedAt ? formatTimestamp(document.finalizedAt) : ''}</Fact>
          <Fact term={t('finalDocument.sha256')}>
            {sha256 ? (
              <code className="hash" title={sha256}>
                {shortHash(sha256)}
                <span className="visually-hidden"> ({t('finalDocument.sha256Short')})</span>
              </code>
            ) : null}
          </Fact>
          {basis ? (
            <Fact term={t('finalDocument.legalBasis')} wide>
              {basis.kind === 'consent' ? (
                t('finalDocument.basisConsent', { date: formatDate(basis.signedOn) })
              ) : (
                <span className="long-text">{t('finalDocument.basisOther', { basis: basis.basis, reason: basis.reason })}</span>
              )}
            </Fact>
          ) : null}
          {document.omittedFields.length > 0 ? (
            <Fact term={t('finalDocument.omittedFields')} wide>
              {document.omittedFields.map((id) => labels.get(id) ?? id).join(', ')}
            </Fact>
          ) : null}
          {document.correctsId ? (
            <Fact term={t('finalDocument.corrects')}>
              <a href={routeHref({ name: 'document', id: document.correctsId })}>{t('finalDocument.openCorrected')}</a>
            </Fact>
          ) : null}
        </dl>
        {document.consentId ? <p className="alert alert--info">{t('finalDocument.consentRecord', { name: document.clientName })}</p> : null}
        {correctError ? <ErrorAlert error={correctError} /> : null}
        <div className="toolbar toolbar--wrap">
          {document.correctedById ? null : (
            <button type="button" className="button button--secondary" onClick={createCorrection} aria-disabled={correcting}>
              {t('finalDocument.correct')}
            </button>
          )}
          {document.consentId ? (
            <a className="button button--secondary" href={routeHref({ name: 'client', id: document.clientId })}>
              {t('finalDocument.toConsents')}
            </a>
          ) : null}
        </div>
      </section>
      {form.tracksReferral ? <ReferralStatusForm document={document} onChanged={onChanged} /> : null}
      <DocumentValues form={form} values={editorValues(form, document.values)} omitted={document.omittedFields} partnerName={partnerNamer(sources.partners)} />
      {renderError ? <ErrorAlert error={renderError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      <PdfPreview
        busy={pdf === null && renderError === null}
        pdf={pdf}
        fileName={pdfFileName(document)}
        edition={{ text: t('finalDocument.previewEdition', { date: document.finalizedAt ? formatTimestamp(document.finalizedAt) : '' }), draft: false }}
      />
    </>
  );
}
