import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useAppContext } from '../../ui/app-context';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';

const EMPTY = { familyName: '', givenName: '', birthDate: '', street: '', postalCode: '', city: '' };
type Values = typeof EMPTY;

/** Field paths as the contract names them, in form order, with the id of their input. */
const FIELDS: ReadonlyArray<{ path: string; key: keyof Values; id: string }> = [
  { path: 'familyName', key: 'familyName', id: 'client-family-name' },
  { path: 'givenName', key: 'givenName', id: 'client-given-name' },
  { path: 'birthDate', key: 'birthDate', id: 'client-birth-date' },
  { path: 'address.street', key: 'street', id: 'client-street' },
  { path: 'address.postalCode', key: 'postalCode', id: 'client-postal-code' },
  { path: 'address.city', key: 'city', id: 'client-city' },
];

export function NewClientForm({ focusRequest, onCancel }: { focusRequest: number; onCancel(): void }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const [values, setValues] = useState<Values>(EMPTY);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      formRef.current?.scrollIntoView({ block: 'nearest' });
      document.getElementById('client-family-name')?.focus();
    }
  }, [focusRequest]);

  const set = (key: keyof Values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const client = await call('clients.create', {
        familyName: values.familyName,
        givenName: values.givenName,
        birthDate: values.birthDate || null,
        residenceStatus: null,
        residenceValidUntil: null,
        address: { street: values.street, postalCode: values.postalCode.trim(), city: values.city },
      });
      navigateWithNotice({ name: 'client', id: client.id }, t('clients.created', { name: fullName(client) }));
    } catch (caught) {
      setError(caught);
      setSaving(false);
      const first = firstErrorField(caught, FIELDS.map((field) => field.path));
      const target = FIELDS.find((field) => field.path === first);
      if (target) window.setTimeout(() => document.getElementById(target.id)?.focus(), 0);
    }
  }

  const errorOf = (path: string) => fieldError(error, path);

  return (
    <section className="panel">
      <h2 id="new-client-heading">{t('clients.newHeading')}</h2>
      <p className="muted">{t('clients.newIntro')}</p>
      <p className="muted">{t('common.requiredNote')}</p>
      <form ref={formRef} noValidate onSubmit={submit} className="form">
        {error ? <ErrorAlert error={error} shownFields={FIELDS.map((field) => field.path)} /> : null}
        <div className="form-row">
          <Field
            id="client-family-name"
            label={t('clientFields.familyName')}
            value={values.familyName}
            onChange={set('familyName')}
            error={errorOf('familyName')}
            required
            maxLength={200}
            size="medium"
          />
          <Field
            id="client-given-name"
            label={t('clientFields.givenName')}
            value={values.givenName}
            onChange={set('givenName')}
            error={errorOf('givenName')}
            maxLength={200}
            size="medium"
          />
        </div>
        <Field
          id="client-birth-date"
          type="date"
          label={t('clientFields.birthDate')}
          value={values.birthDate}
          onChange={set('birthDate')}
          error={errorOf('birthDate')}
          size="short"
        />
        <Field
          id="client-street"
          label={t('clientFields.street')}
          value={values.street}
          onChange={set('street')}
          error={errorOf('address.street')}
          maxLength={200}
          size="medium"
        />
        <div className="form-row">
          <Field
            id="client-postal-code"
            label={t('clientFields.postalCode')}
            value={values.postalCode}
            onChange={set('postalCode')}
            error={errorOf('address.postalCode')}
            inputMode="numeric"
            maxLength={5}
            size="short"
          />
          <Field
            id="client-city"
            label={t('clientFields.city')}
            value={values.city}
            onChange={set('city')}
            error={errorOf('address.city')}
            maxLength={100}
            size="medium"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={saving}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('clients.cancel')}
          </button>
          {saving ? (
            <span className="busy" role="status">
              {t('common.saving')}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
