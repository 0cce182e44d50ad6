import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { call } from '../../api';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { DateField } from '../../ui/DateField';
import { formatDate, formatTimestamp } from '../../ui/format';
import { focusSoon } from '../../ui/focus';
import { routeHref } from '../../app/routes';
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
      <h2 id="client-consents-heading" tabIndex={-1}>
        {t('client.consentsHeading')}
      </h2>
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
                onChanged={(done) => {
                  setMessage(done);
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
  const text = consent.state === 'revoked' ? t('consentStates.revokedOn', { date: formatDate(consent.revokedOn) }) : t(`consentStates.${consent.state}`);
  return <span className={`status status--${consent.state}`}>{text}</span>;
}

function ConsentItem({ consent, onChanged }: { consent: Consent; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const actionButton = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setEditing(false);
    window.setTimeout(() => actionButton.current?.focus(), 0);
  };
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
          <dd>{consent.explainedIn ? <bdi>{consent.explainedIn}</bdi> : none}</dd>
        </div>
        <div>
          <dt>{t('consents.interpreter')}</dt>
          <dd>{consent.interpreter ? <bdi>{consent.interpreter}</bdi> : none}</dd>
        </div>
        <div>
          <dt>{t('consents.recordedBy')}</dt>
          <dd>{t('consents.recordedByValue', { name: consent.recordedBy || none, date: formatTimestamp(consent.createdAt) })}</dd>
        </div>
        {consent.documentId ? (
          <div>
            <dt>{t('consents.form')}</dt>
            <dd>
              <a href={routeHref({ name: 'document', id: consent.documentId })}>{t('consents.openForm')}</a>
            </dd>
          </div>
        ) : null}
        {consent.notes.trim() !== '' ? (
          <div>
            <dt>{t('consents.notes')}</dt>
            <dd className="long-text" dir="auto">
              {consent.notes}
            </dd>
          </div>
        ) : null}
      </dl>
      {consent.state === 'valid' || consent.state === 'unsigned' ? (
        editing ? (
          consent.state === 'valid' ? (
            <ConsentDateForm
              inputId={`consent-${consent.id}-revokedOn`}
              heading={heading}
              label={t('consents.revokedOnLabel')}
              hint={t('consents.revokedOnHint')}
              path="revokedOn"
              submitLabel={t('consents.revokeSave')}
              submit={(revokedOn) => call('consents.revoke', { id: consent.id, ...(revokedOn ? { revokedOn } : {}) })}
              onDone={() => onChanged(t('consents.revoked'))}
              onCancel={stopEditing}
            />
          ) : (
            <ConsentDateForm
              inputId={`consent-${consent.id}-signedOn`}
              heading={heading}
              label={t('consents.signedOn')}
              hint={t('consents.signHint')}
              path="signedOn"
              submitLabel={t('consents.signSave')}
              submit={(signedOn) => call('consents.sign', { id: consent.id, signedOn })}
              onDone={() => onChanged(t('consents.signed'))}
              onCancel={stopEditing}
            />
          )
        ) : (
          <button
            ref={actionButton}
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setEditing(true);
              focusSoon(`consent-${consent.id}-${consent.state === 'valid' ? 'revokedOn' : 'signedOn'}`);
            }}
          >
            {consent.state === 'valid' ? t('consents.revoke') : t('consents.markSigned')}
            <span className="visually-hidden"> ({heading})</span>
          </button>
        )
      ) : null}
    </article>
  );
}

interface ConsentDateFormProps {
  inputId: string;
  /** The consent's heading, said after the label to tell the consents apart. */
  heading: string;
  label: string;
  hint: string;
  /** The path of the date in the core's messages (`revokedOn`, `signedOn`). */
  path: string;
  submitLabel: string;
  submit(date: string): Promise<unknown>;
  onDone(): void;
  onCancel(): void;
}

/** One date and a save button: the day a consent was revoked, or signed. */
function ConsentDateForm({ inputId, heading, label, hint, path, submitLabel, submit, onDone, onCancel }: ConsentDateFormProps) {
  const [date, setDate] = useState(todayIso());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await submit(date);
      onDone();
    } catch (caught) {
      setError(caught);
      setSaving(false);
      focusSoon(inputId);
    }
  }

  return (
    <form noValidate onSubmit={save} className="form revoke-form">
      {error ? <ErrorAlert error={error} shownFields={[path]} /> : null}
      <DateField
        id={inputId}
        label={label}
        labelSuffix={`(${heading})`}
        hint={hint}
        value={date}
        onChange={setDate}
        error={fieldError(error, path)}
        size="short"
      />
      <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} small />
    </form>
  );
}
