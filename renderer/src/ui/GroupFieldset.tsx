import type { ReactNode } from 'react';

interface GroupFieldsetProps {
  /** Base id: the fieldset is `${id}-group` (focus goes there for a message about the whole group), the message `${id}-error`. */
  id: string;
  legend: ReactNode;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** A nested group with its own legend; messages about the group as a whole stand under the legend. */
export function GroupFieldset({ id, legend, error, hint, className, children }: GroupFieldsetProps) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset${error ? ' fieldset--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
