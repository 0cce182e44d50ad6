import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disclosure, LanguageCode, LotseDocument } from '../../../../shared/api/contract';
import type { TranslationReview } from '../../../../shared/forms/definition';
import type { FieldErrors } from '../../../../shared/api/errors';
import { undeliverableMessage } from '../../../../shared/domain/postal-address';
import { ApiCallError, call, isApiCallError } from '../../api';
import { routeHref } from '../../app/routes';
import { Checkbox } from '../../ui/Checkbox';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { focusSoon } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { ModalDialog } from '../../ui/ModalDialog';
import { wordCatalogueError } from '../../i18n/errors';
import { serviceAges } from '../network/partner-choices';
import { ConsentMissingChoices } from './ConsentMissingChoices';
import { languageLabel, TranslationState } from './TranslationChoice';

const DIALOG_ID = 'finalize-dialog';
const BASIS_ID = 'finalize-basis';
const REASON_ID = 'finalize-reason';
const BASIS_PATHS = ['otherLegalBasis.basis', 'otherLegalBasis.reason', 'otherLegalBasis'];

interface FinalizeDialogProps {
  document: LotseDocument;
  /** Stores what was typed before the disclosure is asked for. */
  saveDraft(): Promise<void>;
  /** The language printed beside the German and its review; null: German only. */
  translation?: { language: LanguageCode; review: TranslationReview } | null;
  onFinalized(document: LotseDocument): void;
  /** The core refused values of the form: the editor shows them at the fields. */
  onFieldErrors(errors: FieldErrors): void;
  onCancel(): void;
}

type Loading = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; disclosure: Disclosure };

/**
 * "Fertigstellen": which personal fields reach the recipient (each can be
 * left out; those the consent does not cover start unticked), and, where no
 * consent covers the recipient, recording one first or naming another legal
 * basis with a reason.
 */
export function FinalizeDialog({ document, saveDraft, translation = null, onFinalized, onFieldErrors, onCancel }: FinalizeDialogProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [send, setSend] = useState<Record<string, boolean>>({});
  const [consentMissing, setConsentMissing] = useState<string | null>(null);
  const [otherBasis, setOtherBasis] = useState(false);
  const [basis, setBasis] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setLoading({ status: 'loading' });
    saveDraft()
      .then(() => call('documents.disclosure', { id: document.id }))
      .then(
        (disclosure) => {
          if (!current) return;
          // With a consent, what it does not cover starts left out; with another legal basis the counselor decides.
          setSend(Object.fromEntries(disclosure.items.map((item) => [item.fieldId, disclosure.consent ? item.covered : true])));
          if (disclosure.consentGate && disclosure.consent === null) setConsentMissing(t('finalize.consentMissing'));
          setLoading({ status: 'ready', disclosure });
        },
        (caught: unknown) => current && setLoading({ status: 'error', error: caught }),
      );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per document and retry, not on every new `saveDraft`.
  }, [document.id, attempt]);

  async function finalize() {
    if (busy || loading.status !== 'ready') return;
    if (consentMissing !== null && !otherBasis) {
      setError(new ApiCallError({ code: 'invalid_input', message: t('finalize.chooseBasis') }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const omitFields = loading.disclosure.items.filter((item) => !send[item.fieldId]).map((item) => item.fieldId);
      const finalized = await call('documents.finalize', {
        id: document.id,
        omitFields,
        ...(consentMissing !== null && otherBasis ? { otherLegalBasis: { basis, reason } } : {}),
      });
      onFinalized(finalized);
    } catch (caught) {
      setBusy(false);
      if (isApiCallError(caught) && caught.code === 'consent_missing') {
        setConsentMissing(caught.message);
        return;
      }
      const valueErrors = isApiCallError(caught) ? Object.entries(caught.fields).filter(([path]) => path.startsWith('values.') || path === 'partnerId') : [];
      if (valueErrors.length > 0) {
        onFieldErrors(Object.fromEntries(valueErrors));
        return;
      }
      setError(caught);
      const first = BASIS_PATHS.find((path) => fieldError(caught, path));
      if (first) focusSoon(first === 'otherLegalBasis.reason' ? REASON_ID : BASIS_ID);
    }
  }

  const disclosure = loading.status === 'ready' ? loading.disclosure : null;
  const recipient = document.partnerName || document.clientName;
  // The address is fixed where it is kept: the partner's entry, or the client's record for a letter to the client.
  const fixAddress = (
    <a href={routeHref(document.partnerId ? { name: 'partnerEdit', id: document.partnerId } : { name: 'clientEdit', id: document.clientId })}>
      {t('finalize.fixAddress', { name: recipient })}
    </a>
  );

  return (
    <ModalDialog id={DIALOG_ID} onCancel={() => !busy && onCancel()} className="dialog--wide dialog--neutral" initialFocusId={`${DIALOG_ID}-cancel`}>
      <h2 id={`${DIALOG_ID}-heading`} className="dialog-heading">
        {t('finalize.title')}
      </h2>
      <p id={`${DIALOG_ID}-text`}>{t('finalize.text')}</p>
      {translation ? (
        <div className="finalize-translation">
          <p>
            {t('translations.language')}: {languageLabel(t, translation.language)}
          </p>
          <TranslationState id={`${DIALOG_ID}-translation`} review={translation.review} />
        </div>
      ) : null}
      {loading.status === 'loading' ? <p className="busy">{t('finalize.checking')}</p> : null}
      {loading.status === 'error' ? <ErrorAlert error={loading.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {disclosure ? (
        <>
          {disclosure.undeliverable ? (
            // Said at once, before a legal basis is asked for: finalizing would refuse it anyway.
            <div className="alert alert--error">
              <p>{wordCatalogueError(undeliverableMessage(disclosure.undeliverable))}</p>
              <p>{fixAddress}</p>
            </div>
          ) : null}
          {disclosure.ageMismatch ? <AgeMismatchWarning mismatch={disclosure.ageMismatch} clientName={document.clientName} partnerName={recipient} /> : null}
          {disclosure.consent ? (
            <p className="alert alert--info">
              {t('finalize.consentCovers', {
                date: formatDate(disclosure.consent.signedOn),
                categories: disclosure.consent.dataCategories.map((category) => kindLabel(t, category)).join(', '),
              })}
            </p>
          ) : null}
          {consentMissing !== null ? (
            <ConsentMissingChoices
              message={consentMissing}
              document={document}
              otherBasis={otherBasis}
              onOtherBasis={(chosen) => {
                setOtherBasis(chosen);
                setError(null);
                if (chosen) focusSoon(BASIS_ID);
              }}
            />
          ) : null}
          {consentMissing !== null && otherBasis ? (
            <GroupFieldset id="finalize-basis-group" legend={t('finalize.otherBasisLegend')}>
              <Field
                id={BASIS_ID}
                label={t('finalize.basis')}
                hint={t('finalize.basisHint')}
                value={basis}
                onChange={setBasis}
                error={fieldError(error, 'otherLegalBasis.basis')}
                required
                maxLength={300}
              />
              <Field
                id={REASON_ID}
                label={t('finalize.reason')}
                hint={t('finalize.reasonHint')}
                value={reason}
                onChange={setReason}
                error={fieldError(error, 'otherLegalBasis.reason')}
                required
                multiline
                rows={3}
                maxLength={2000}
              />
            </GroupFieldset>
          ) : null}
          {disclosure.addressShortened.length > 0 ? (
            <div className="alert alert--warning">
              <p>{t('finalize.addressShortened')}</p>
              <ul className="alert-list">
                {disclosure.addressShortened.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
              <p>
                {t('finalize.addressShortenedHint')} {fixAddress}
              </p>
            </div>
          ) : null}
          {disclosure.items.length > 0 ? (
            <GroupFieldset id="finalize-items" legend={t('finalize.itemsLegend', { recipient })} hint={t('finalize.itemsHint')}>
              <ul className="plain-list disclosure-list">
                {disclosure.items.map((item) => (
                  <li key={item.fieldId} className={item.covered || !disclosure.consent ? undefined : 'disclosure-item--uncovered'}>
                    <Checkbox
                      id={`finalize-send-${item.fieldId}`}
                      label={
                        <>
                          <span className="disclosure-label">{item.label}</span>: <bdi>{item.value}</bdi>
                        </>
                      }
                      checked={send[item.fieldId] ?? false}
                      onChange={(checked) => setSend((current) => ({ ...current, [item.fieldId]: checked }))}
                      describedBy={!item.covered && disclosure.consent ? `finalize-send-${item.fieldId}-why` : undefined}
                    />
                    {!item.covered && disclosure.consent ? (
                      <p id={`finalize-send-${item.fieldId}-why`} className="field-hint checkbox-hint">
                        {t('finalize.notCovered', { kind: kindLabel(t, item.kind) })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </GroupFieldset>
          ) : (
            <p className="muted">{t('finalize.noPersonalData')}</p>
          )}
        </>
      ) : null}
      {error ? (
        <ErrorAlert error={error} shownFields={BASIS_PATHS.slice(0, 2)}>
          {fieldError(error, 'recipientAddress') ? <p>{fixAddress}</p> : null}
        </ErrorAlert>
      ) : null}
      <DialogActions
        id={DIALOG_ID}
        confirmLabel={t('finalize.confirm')}
        onConfirm={finalize}
        variant="primary"
        busy={busy}
        busyLabel={t('finalize.finalizing')}
        onCancel={onCancel}
      />
    </ModalDialog>
  );
}

/** A consent category or `health`, as the consent form names it. */
function kindLabel(t: TFunction<'translation'>, kind: string): string {
  if (kind === 'health') return t('finalize.health');
  const key = `dataCategories.${kind}` as const;
  return t(key as 'dataCategories.identity', { defaultValue: kind });
}

/** The recipient's services are for other ages than the client's: a warning to read, the counselor may still go on. */
function AgeMismatchWarning({
  mismatch,
  clientName,
  partnerName,
}: {
  mismatch: NonNullable<Disclosure['ageMismatch']>;
  clientName: string;
  partnerName: string;
}) {
  const { t } = useTranslation();
  const services = mismatch.services.map((service) => `${service.name} (${serviceAges(t, service.minimumAge, service.maximumAge)})`).join('; ');
  return (
    <div className="alert alert--warning" id={`${DIALOG_ID}-age`}>
      <p className="alert-title alert-title--warning">{t('finalize.ageMismatchTitle')}</p>
      <p>{t('finalize.ageMismatch', { name: clientName, age: mismatch.age, partner: partnerName, services })}</p>
    </div>
  );
}
