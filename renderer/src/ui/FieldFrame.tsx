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
  /** Where a table's column head already shows the label (cells of repeated rows): said, not shown. */
  labelHidden?: boolean;
  /** A short mark beside the label ("vorbelegt"), also said with the control. */
  badge?: string | undefined;
  /** Ids of further text that describes the control (the German beside a translation). */
  describedBy?: string | undefined;
  /** Renders the control, given what ties it to the label, hint and error. */
  children(control: FieldControlProps): ReactNode;
}

/** The frame's part of a labelled control's props (Field, SelectField …). */
export type FrameProps = Omit<FieldFrameProps, 'children'>;

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
export function FieldFrame({
  id,
  label,
  labelSuffix,
  error,
  hint,
  required = false,
  className,
  labelHidden = false,
  badge,
  describedBy: extra,
  children,
}: FieldFrameProps) {
  const { t } = useTranslation();
  const { describedBy } = messageIds(id, hint, error);
  const badgeId = badge ? `${id}-badge` : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className={labelHidden ? 'visually-hidden' : 'field-label-row'}>
        <label htmlFor={id} className="field-label">
          {label}
          {labelSuffix ? <span className="visually-hidden"> {labelSuffix}</span> : null}
        </label>
        {required ? (
          <span className="field-required" aria-hidden="true">
            {t('common.requiredMark')}
          </span>
        ) : null}
        {badge ? (
          <span id={badgeId} className="status status--inline status--prefilled">
            {badge}
          </span>
        ) : null}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({
        id,
        name: id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [extra, describedBy, badgeId].filter(Boolean).join(' ') || undefined,
        className: `field-control${error ? ' field-control--invalid' : ''}`,
      })}
    </div>
  );
}
