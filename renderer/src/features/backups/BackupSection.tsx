import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, BackupSettings, Settings } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { formatTimestamp } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { BackupFromFile } from './BackupFromFile';
import { BackupTable } from './BackupTable';

/** Settings → Sicherungen: the last backup and where they are, "Sicherung jetzt erstellen", the list, restore, rotation. */
export function BackupSection({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  const [backups, reload] = useAsync(() => call('backups.list', {}), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Backup | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function create() {
    if (creating) return;
    setCreating(true);
    setError(null);
    setCreated(null);
    try {
      setCreated(await call('backups.create', {}));
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setCreating(false);
    }
  }

  const newest = backups.status === 'ready' ? backups.value.items.find((backup) => backup.kind !== 'damaged') : undefined;
  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('backups.heading')}</h2>
      <p className="muted">{t('backups.intro')}</p>
      {backups.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {backups.status === 'error' ? <ErrorAlert error={backups.error} onRetry={reload} /> : null}
      {backups.status === 'ready' ? (
        <dl className="facts">
          <div>
            <dt>{t('backups.lastBackup')}</dt>
            <dd>{newest ? `${formatTimestamp(newest.createdAt)} · ${t(`backups.kinds.${newest.kind}`)}` : t('backups.noBackup')}</dd>
          </div>
          <div>
            <dt>{t('backups.folder')}</dt>
            <dd className="path">{backups.value.folder}</dd>
          </div>
        </dl>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" aria-disabled={creating} onClick={() => void create()}>
          {t('backups.create')}
        </button>
        <span role="status" className="form-status">
          {creating ? t('backups.creating') : created ? t('backups.created', { date: formatTimestamp(created.createdAt) }) : ''}
        </span>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {backups.status === 'ready' ? <BackupTable items={backups.value.items} damaged={false} /> : null}
      <BackupFromFile damaged={false} onUploaded={reload} />
      {settings?.backups ? <RotationForm initial={settings.backups} /> : null}
    </section>
  );
}

const ROTATION_LIMITS = { keepDaily: [1, 60], keepWeekly: [0, 52] } as const;

/** The rotation counts; saved into the settings as they stand now, so the letterhead saved meanwhile stays. */
function RotationForm({ initial }: { initial: BackupSettings }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ keepDaily: String(initial.keepDaily), keepWeekly: String(initial.keepWeekly) });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function parsed(): BackupSettings | null {
    const numbers = { keepDaily: Number(values.keepDaily.trim()), keepWeekly: Number(values.keepWeekly.trim()) };
    const fits = (Object.keys(ROTATION_LIMITS) as Array<keyof BackupSettings>).every((key) => {
      const [min, max] = ROTATION_LIMITS[key];
      return /^\d{1,2}$/.test(values[key].trim()) && numbers[key] >= min && numbers[key] <= max;
    });
    return fits ? numbers : null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    const rotation = parsed();
    if (!rotation) {
      const message = t('backups.rotationInvalid');
      setError(new ApiCallError({ code: 'invalid_input', message, fields: { 'backups.keepDaily': message } }));
      document.getElementById('backups-keep-daily')?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const current = await call('settings.get', {});
      await call('settings.update', { ...current, backups: rotation });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="backups-rotation" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="fieldset">
        <legend>{t('backups.rotationLegend')}</legend>
        <p className="field-hint">{t('backups.rotationHint')}</p>
        <Field
          id="backups-keep-daily"
          label={t('backups.keepDaily')}
          value={values.keepDaily}
          onChange={(keepDaily) => setValues((current) => ({ ...current, keepDaily }))}
          inputMode="numeric"
          size="short"
          error={fieldError(error, 'backups.keepDaily')}
        />
        <Field
          id="backups-keep-weekly"
          label={t('backups.keepWeekly')}
          value={values.keepWeekly}
          onChange={(keepWeekly) => setValues((current) => ({ ...current, keepWeekly }))}
          inputMode="numeric"
          size="short"
          error={fieldError(error, 'backups.keepWeekly')}
        />
      </fieldset>
      {error ? <ErrorAlert error={error} shownFields={['backups.keepDaily', 'backups.keepWeekly']} /> : null}
      <FormActions submitLabel={t('backups.rotationSave')} saving={saving} doneMessage={saved && t('backups.rotationSaved')} variant="secondary" />
    </form>
  );
}
