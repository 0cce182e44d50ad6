import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../api';

interface ErrorAlertProps {
  error: unknown;
  /** Field paths whose messages are shown next to their inputs and need not be repeated here. */
  shownFields?: readonly string[];
  onRetry?: () => void;
  /** What the person can do about it, e.g. a link to the record to fix. */
  children?: ReactNode;
}

/**
 * Shows a failed call: its message in the interface's language (ApiCallError
 * words it when read, so this re-renders in a new language), plus field
 * messages that have no input on this screen (e.g. `client.name` when the
 * client's name cannot be printed).
 */
export function ErrorAlert({ error, shownFields = [], onRetry, children }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = isApiCallError(error) ? error.message : t('common.unexpected');
  // A field message that only repeats the main message (a refused file as a whole) is said once.
  const otherFields = isApiCallError(error)
    ? Object.entries(error.fields).filter(([path, fieldMessage]) => !shownFields.includes(path) && fieldMessage !== message)
    : [];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert-title">{t('common.errorHeading')}</p>
      <p>{message}</p>
      {otherFields.length > 0 ? (
        <ul className="alert-list">
          {otherFields.map(([path, fieldMessage]) => (
            <li key={path}>{fieldMessage}</li>
          ))}
        </ul>
      ) : null}
      {children}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** The first field (in form order) that has a message, so focus can go there. */
export function firstErrorField(error: unknown, order: readonly string[]): string | undefined {
  if (!isApiCallError(error)) return undefined;
  return order.find((path) => error.fields[path] !== undefined);
}

export function fieldError(error: unknown, path: string): string | undefined {
  return isApiCallError(error) ? error.fields[path] : undefined;
}
