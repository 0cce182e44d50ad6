import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { call } from '../../api';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { formatDate, formatTimestamp } from '../../ui/format';
import { focusSoon } from '../../ui/focus';
import { useAsync } from '../../ui/use-async';
import { ConsentForm } from './ConsentForm';
import { FormActions } from '../../ui/FormActions';

/** The client's consents, "Einwilligung erfassen" and "Widerrufen" for those that are valid. */
export function ConsentSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [consents, reload] = useAsync(() => call('consents.list', { clientId }), [clientId]);
  const [formOpen, setFormOpen] = useState(false);
  const [message, setMessage] = useState('');
  const newButton = useRef<HTMLButtonElement>(null);

  return (
    <section className="panel">
      <h2 id="client-consents-heading">{t('client.consentsHeading')}</h2>
      <p className="muted">{t('consents.intro')}</p>
      <p role="status" className="form-status">
        {message}
      </p>
      {consents.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {consents.status === 'error' ? <ErrorAlert error={consents.error} onRetry={reload} /> : null}
      {consents.status === 'ready' && consents.value.items.length === 0 ? <p className="muted">{t('consents.empty')}</p> : null}
      {consents.status === 'ready' && consents.value.items.length > 0 ? (
        <ul className="consent-list">
          {consents.value.items.map((consent) => (
            <li key={consent.id}>
              <ConsentItem
                consent={consent}
                onRevoked={() => {
                  setMessage(t('consents.revoked'));
                  reload();
                  focusSoon(`consent-${consent.id}-heading`);
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {formOpen ? (
        <ConsentForm
          clientId={clientId}
          onCreated={() => {
            setFormOpen(false);
            setMessage(t('consents.created'));
            reload();
            window.setTimeout(() => newButton.current?.focus(), 0);
          }}
          onCancel={() => {
            setFormOpen(false);
            window.setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      ) : (
        <button
          ref={newButton}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setMessage('');
            setFormOpen(true);
            focusSoon('consent-recipients-0');
          }}
        >
          {t('consents.newButton')}
        </button>
      )}
    </section>
  );
}

export function recipientNames(consent: Consent): string {
  return consent.recipients.map((recipient) => recipient.name).join(', ');
}

function StateBadge({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const text =
    consent.state === 'revoked'
      ? t('consentStates.revokedOn', { date: formatDate(consent.revokedOn) })
      : t(`consentStates.${consent.state}`);
  return <span className={`status status--${consent.state}`}>{text}</span>;
}

function ConsentItem({ consent, onRevoked }: { consent: Consent; onRevoked(): void }) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const heading = t('consents.itemHeading', { recipients: recipientNames(consent) });
  const none = t('common.none');
  return (
    <article className="consent" aria-labelledby={`consent-${consent.id}-heading`}>
      <div className="consent-head">
        <h3 id={`consent-${consent.id}-heading`} tabIndex={-1} className="consent-heading">
          {heading}
        </h3>
        <StateBadge consent={consent} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('consents.recipients')}</dt>
          <dd>
            <ul className="plain-list">
              {consent.recipients.map((recipient, index) => (
                <li key={index}>
                  <bdi>{recipient.name}</bdi>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('consents.purposes')}</dt>
          <dd>
            <ul className="plain-list">
              {consent.purposes.map((purpose, index) => (
                <li key={index} className="long-text">
                  <bdi>{purpose}</bdi>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('consents.dataCategories')}</dt>
          <dd>
            <ul className="plain-list">
              {consent.dataCategories.map((category) => (
                <li key={category}>{t(`dataCategories.${category}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('consents.healthLegend')}</dt>
          <dd>{consent.healthData ? t('consents.healthIncluded') : t('consents.healthExcluded')}</dd>
        </div>
        <div>
          <dt>{t('consents.exchangeLegend')}</dt>
          <dd>{t(`exchange.${consent.exchange}`)}</dd>
        </div>
        <div>
          <dt>{t('consents.signedOn')}</dt>
          <dd>{consent.signedOn ? formatDate(consent.signedOn) : t('consentStates.unsigned')}</dd>
        </div>
        <div>
          <dt>{t('consents.validUntil')}</dt>
          <dd>{consent.validUntil ? formatDate(consent.validUntil) : t('consents.untilRevoked')}</dd>
        </div>
        <div>
          <dt>{t('consents.explainedIn')}</dt>
          <dd>{consent.explainedIn || none}</dd>
        </div>
        <div>
          <dt>{t('consents.interpreter')}</dt>
          <dd>{consent.interpreter || none}</dd>
        </div>
        <div>
          <dt>{t('consents.recordedBy')}</dt>
          <dd>{t('consents.recordedByValue', { name: consent.recordedBy || none, date: formatTimestamp(consent.createdAt) })}</dd>
        </div>
        {consent.notes.trim() !== '' ? (
          <div>
            <dt>{t('consents.notes')}</dt>
            <dd className="long-text" dir="auto">
              {consent.notes}
            </dd>
          </div>
        ) : null}
      </dl>
      {consent.state === 'valid' ? (
        revoking ? (
          <RevokeForm
            consent={consent}
            heading={heading}
            onRevoked={onRevoked}
            onCancel={() => {
              setRevoking(false);
              window.setTimeout(() => revokeButton.current?.focus(), 0);
            }}
          />
        ) : (
          <button
            ref={revokeButton}
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setRevoking(true);
              focusSoon(`consent-${consent.id}-revokedOn`);
            }}
          >
            {t('consents.revoke')}
            <span className="visually-hidden"> ({heading})</span>
          </button>
        )
      ) : null}
    </article>
  );
}

function RevokeForm({ consent, heading, onRevoked, onCancel }: { consent: Consent; heading: string; onRevoked(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [revokedOn, setRevokedOn] = useState(todayIso());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputId = `consent-${consent.id}-revokedOn`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await call('consents.revoke', { id: consent.id, ...(revokedOn ? { revokedOn } : {}) });
      onRevoked();
    } catch (caught) {
      setError(caught);
      setSaving(false);
      focusSoon(inputId);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="form revoke-form">
      {error ? <ErrorAlert error={error} shownFields={['revokedOn']} /> : null}
      <Field
        id={inputId}
        type="date"
        label={t('consents.revokedOnLabel')}
        labelSuffix={`(${heading})`}
        hint={t('consents.revokedOnHint')}
        value={revokedOn}
        onChange={setRevokedOn}
        error={fieldError(error, 'revokedOn')}
        size="short"
      />
      <FormActions submitLabel={t('consents.revokeSave')} saving={saving} onCancel={onCancel} small />
    </form>
  );
}
