import { useTranslation } from 'react-i18next';

/** A legend or checkbox label with the marks a FieldFrame puts beside its label: required, prefilled. */
export function LegendText({ label, required, badge }: { label: string; required: boolean; badge?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {required ? (
        <span className="field-required" aria-hidden="true">
          {' '}
          {t('common.requiredMark')}
        </span>
      ) : null}
      {badge ? <span className="status status--inline status--prefilled">{badge}</span> : null}
    </>
  );
}
