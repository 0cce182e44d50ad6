import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api';
import { routeHref } from '../../app/routes';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

const MONTHS_PATH = 'retention.closedCaseMonths';

/** Einstellungen → Aufbewahrung: how many months closed cases are kept before they are listed for review. */
export function RetentionSettings({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="retention-settings-heading">
      <h2 id="retention-settings-heading">{t('retention.settingsHeading')}</h2>
      <p className="muted">{t('retention.settingsIntro')}</p>
      <p>
        <a href={routeHref({ name: 'retention' })}>{t('retention.listLink')}</a>
      </p>
      {settings?.retention ? <MonthsForm initial={settings.retention.closedCaseMonths} /> : null}
    </section>
  );
}

/** Saved into the settings as they stand now, so what another form saved meanwhile stays. */
function MonthsForm({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState(String(initial));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    const typed = months.trim();
    // A number the contract can judge goes to the core, which answers in German; anything else is caught here.
    if (!/^\d{1,4}$/.test(typed)) {
      const message = t('retention.monthsInvalid');
      setError(new ApiCallError({ code: 'invalid_input', message, fields: { [MONTHS_PATH]: message } }));
      document.getElementById('retention-months')?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const current = await call('settings.get', {});
      const next = await call('settings.update', { ...current, retention: { closedCaseMonths: Number(typed) } });
      if (next.retention) setMonths(String(next.retention.closedCaseMonths));
      setSaved(true);
    } catch (caught) {
      setError(caught);
      document.getElementById('retention-months')?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Field
        id="retention-months"
        label={t('retention.monthsLabel')}
        hint={t('retention.monthsHint')}
        value={months}
        onChange={(value) => {
          setSaved(false);
          setMonths(value);
        }}
        inputMode="numeric"
        size="short"
        error={fieldError(error, MONTHS_PATH)}
      />
      {error ? <ErrorAlert error={error} shownFields={[MONTHS_PATH]} /> : null}
      <FormActions submitLabel={t('retention.save')} saving={saving} doneMessage={saved && t('retention.saved')} variant="secondary" />
    </form>
  );
}
