import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type LotseDocument, type ReferralStatus } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';

/** erstellt → übergeben → Rückmeldung erhalten → abgeschlossen, with the day to look at it again. */
export function ReferralStatusForm({ document, onChanged }: { document: LotseDocument; onChanged(document: LotseDocument): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReferralStatus>(document.referralStatus ?? 'created');
  const [followUp, setFollowUp] = useState(document.followUpDate ?? '');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = REFERRAL_STATUSES.indexOf(document.referralStatus ?? 'created');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const changed = await call('documents.setStatus', { id: document.id, referralStatus: status, followUpDate: followUp || null });
      setSaved(true);
      onChanged(changed);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="referral-heading">
      <h2 id="referral-heading">{t('referral.heading')}</h2>
      <ol className="referral-steps" aria-label={t('referral.stepsLabel')}>
        {REFERRAL_STATUSES.map((step, index) => (
          <li
            key={step}
            className={`referral-step${index < current ? ' referral-step--done' : ''}${index === current ? ' referral-step--current' : ''}`}
            aria-current={index === current ? 'step' : undefined}
          >
            {t(`referralStatuses.${step}`)}
          </li>
        ))}
      </ol>
      <form noValidate onSubmit={submit} className="form referral-form">
        {error ? <ErrorAlert error={error} shownFields={['referralStatus', 'followUpDate']} /> : null}
        <div className="form-row">
          <SelectField<ReferralStatus>
            id="referral-status"
            label={t('referral.status')}
            value={status}
            options={REFERRAL_STATUSES.map((value) => ({ value, label: t(`referralStatuses.${value}`) }))}
            onChange={setStatus}
            error={fieldError(error, 'referralStatus')}
          />
          <DateField
            id="referral-follow-up"
            size="short"
            label={t('referral.followUp')}
            hint={t('referral.followUpHint')}
            value={followUp}
            onChange={setFollowUp}
            error={fieldError(error, 'followUpDate')}
          />
        </div>
        <FormActions submitLabel={t('referral.save')} saving={saving} doneMessage={saved && t('referral.saved')} />
      </form>
    </section>
  );
}
