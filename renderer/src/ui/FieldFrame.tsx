import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessages, messageIds } from './FieldMessages';

export interface FieldFrameProps {
  id: string;
  label: string;
  /**
   * Said after the visible label but not shown, to tell repeated rows apart
   * ("Titel (deutsch)" in "Abschluss 2").
   */
  labelSuffix?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Extra class for the wrapper, e.g. to place it in a row. */
  className?: string | undefined;
  /** Renders the control, given what ties it to the label, hint and error. */
  children(control: FieldControlProps): ReactNode;
}

/** What every control inside a FieldFrame carries. */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

/**
 * Label, hint and error around one control. The label text is the
 * control's whole accessible name (the * for required fields stays outside
 * it), and hint and error are tied to it with aria-describedby.
 */
export function FieldFrame({ id, label, labelSuffix, error, hint, required = false, className, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const { describedBy } = messageIds(id, hint, error);
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
          {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
        </label>
        {required ? (
          <span className="field-required" aria-hidden="true">
            {t('common.requiredMark')}
          </span>
        ) : null}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({
        id,
        name: id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className: `field-control${error ? ' field-control--invalid' : ''}`,
      })}
    </div>
  );
}
