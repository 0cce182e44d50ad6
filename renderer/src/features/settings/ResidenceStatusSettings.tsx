import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidenceStatus } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { FormActions } from '../../ui/FormActions';

const FIELD_ORDER = ['label', 'stand', 'expires', 'reminderLeadDays', 'reminderText'];

/**
 * Residence statuses are data (DOMAIN.md): labels, whether they run out,
 * lead time and reminder text change with the law, so the office edits them
 * here, each row on its own.
 */
export function ResidenceStatusSettings() {
  const { t } = useTranslation();
  const [statuses, reload] = useAsync(() => call('residenceStatuses.list', {}), []);
  return (
    <section className="panel">
      <h2 id="statuses-heading">{t('statuses.heading')}</h2>
      <p className="muted">{t('statuses.intro')}</p>
      {statuses.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {statuses.status === 'error' ? <ErrorAlert error={statuses.error} onRetry={reload} /> : null}
      {statuses.status === 'ready' ? (
        <ul className="status-list">
          {statuses.value.items.map((status) => (
            <li key={status.code}>
              <StatusRow initial={status} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function StatusRow({ initial }: { initial: ResidenceStatus }) {
  const { t } = useTranslation();
  // Names of the inputs use the saved label, so they stay put while it is edited.
  const [saved, setSaved] = useState(initial);
  const [label, setLabel] = useState(initial.label);
  const [expires, setExpires] = useState(initial.expires);
  const [leadDays, setLeadDays] = useState(String(initial.reminderLeadDays));
  const [reminderText, setReminderText] = useState(initial.reminderText);
  const [stand, setStand] = useState(initial.stand);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [open, setOpen] = useState(false);
  const idOf = (field: string) => `status-${initial.code}-${field}`;
  const suffix = `– ${saved.label}`;
  const changed = () => setDone(false);

  function showError(caught: unknown) {
    setError(caught);
    const first = firstErrorField(caught, FIELD_ORDER);
    if (first) focusSoon(idOf(first));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setDone(false);
    if (!/^\d{1,3}$/.test(leadDays.trim())) {
      showError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields: { reminderLeadDays: t('statuses.leadDaysInvalid') } }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const next = await call('residenceStatuses.update', {
        code: initial.code,
        label,
        expires,
        reminderLeadDays: Number(leadDays.trim()),
        reminderText,
        stand,
      });
      setSaved(next);
      setLabel(next.label);
      setExpires(next.expires);
      setLeadDays(String(next.reminderLeadDays));
      setReminderText(next.reminderText);
      setStand(next.stand);
      setDone(true);
    } catch (caught) {
      showError(caught);
    } finally {
      setSaving(false);
    }
  }

  const facts = [
    saved.expires ? t('statuses.expiresFact', { count: saved.reminderLeadDays }) : t('statuses.notExpiresFact'),
    t('statuses.standFact', { date: formatDate(saved.stand) }),
  ].join(' · ');

  // A closed row shows what matters at a glance; opening it (Enter or Space on the summary) shows the fields.
  return (
    <details className="status-card" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="status-summary">
        <span className="status-summary-label">{saved.label}</span>
        <span className="status-summary-facts">
          {facts} · {t('statuses.code', { code: saved.code })}
        </span>
      </summary>
      <form noValidate onSubmit={submit} className="form status-form">
        {error ? <ErrorAlert error={error} shownFields={FIELD_ORDER} /> : null}
        <div className="status-grid">
          <Field
            id={idOf('label')}
            label={t('statuses.label')}
            labelSuffix={suffix}
            value={label}
            onChange={(value) => {
              changed();
              setLabel(value);
            }}
            error={fieldError(error, 'label')}
            required
            maxLength={200}
            className="status-grid-label"
          />
          <DateField
            id={idOf('stand')}
            label={t('statuses.stand')}
            labelSuffix={suffix}
            value={stand}
            onChange={(value) => {
              changed();
              setStand(value);
            }}
            error={fieldError(error, 'stand')}
            required
          />
          <Field
            id={idOf('reminderLeadDays')}
            label={t('statuses.leadDays')}
            labelSuffix={suffix}
            value={leadDays}
            onChange={(value) => {
              changed();
              setLeadDays(value);
            }}
            error={fieldError(error, 'reminderLeadDays')}
            inputMode="numeric"
            maxLength={3}
            size="short"
          />
          <div className="status-grid-expires">
            <Checkbox
              id={idOf('expires')}
              label={t('statuses.expires')}
              labelSuffix={suffix}
              checked={expires}
              onChange={(value) => {
                changed();
                setExpires(value);
              }}
              error={fieldError(error, 'expires')}
            />
          </div>
        </div>
        <Field
          id={idOf('reminderText')}
          label={t('statuses.reminderText')}
          labelSuffix={suffix}
          value={reminderText}
          onChange={(value) => {
            changed();
            setReminderText(value);
          }}
          error={fieldError(error, 'reminderText')}
          multiline
          rows={3}
          maxLength={1000}
        />
        <FormActions
          submitLabel={t('common.save')}
          submitAccessibleName={t('statuses.save', { label: saved.label })}
          saving={saving}
          doneMessage={done && t('statuses.saved')}
          variant="secondary"
          small
        />
      </form>
    </details>
  );
}
