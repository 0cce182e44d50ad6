import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  /** A fuller name for the submit button where several forms share one screen. */
  submitAccessibleName?: string;
  /** While saving: the button stays focusable (aria-disabled) and the status says so. */
  saving: boolean;
  /** Said in the status region once saving is done, e.g. "Gespeichert.". */
  doneMessage?: string | false;
  onCancel?: () => void;
  variant?: 'primary' | 'secondary';
  small?: boolean;
}

/** Submit, optional cancel, and a live status: the end of every edit form. */
export function FormActions({ submitLabel, submitAccessibleName, saving, doneMessage, onCancel, variant = 'primary', small = false }: FormActionsProps) {
  const { t } = useTranslation();
  const size = small ? ' button--small' : '';
  return (
    <div className="form-actions">
      <button type="submit" className={`button button--${variant}${size}`} aria-disabled={saving} aria-label={submitAccessibleName}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className={`button button--secondary${size}`} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
      <span role="status" className="form-status">
        {saving ? t('common.saving') : doneMessage || ''}
      </span>
    </div>
  );
}
