import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { navigate, routeHref } from '../../app/routes';

/** The printed consent form (DOMAIN.md, form 3). */
export const CONSENT_FORM_TEMPLATE = 'consent-data-transfer';

interface ConsentMissingChoicesProps {
  /** Why the core refused, worded in the interface's language. */
  message: string;
  document: LotseDocument;
  otherBasis: boolean;
  onOtherBasis(chosen: boolean): void;
}

/**
 * No valid consent covers the recipient: record one first (on the client's
 * page, or print the consent form to have it signed), or name another
 * legal basis.
 */
export function ConsentMissingChoices({ message, document, otherBasis, onOtherBasis }: ConsentMissingChoicesProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function createConsentForm() {
    if (creating) return;
    setCreating(true);
    setError(null);
    try {
      // The consent form is handed to the client, not sent: the core fills in this letter's recipient, purpose and kinds of data.
      const form = await call('documents.create', { templateId: CONSENT_FORM_TEMPLATE, clientId: document.clientId, fromDocumentId: document.id });
      navigate({ name: 'document', id: form.id });
    } catch (caught) {
      setError(caught);
      setCreating(false);
    }
  }

  return (
    <div className="alert alert--warning consent-missing" role="alert">
      <p className="alert-title alert-title--warning">{t('finalize.consentMissingTitle')}</p>
      <p>{message}</p>
      <ul className="choice-list">
        <li>
          <a href={routeHref({ name: 'client', id: document.clientId })}>{t('finalize.recordConsent', { name: document.clientName })}</a>
        </li>
        <li>
          <button type="button" className="button button--secondary button--small" onClick={createConsentForm} aria-disabled={creating}>
            {t('finalize.printConsentForm')}
          </button>
        </li>
        <li>
          <Checkbox id="finalize-other-basis" label={t('finalize.otherBasis')} checked={otherBasis} onChange={onOtherBasis} />
        </li>
      </ul>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
