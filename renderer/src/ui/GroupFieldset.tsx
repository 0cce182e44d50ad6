import type { ReactNode } from 'react';
import { FieldMessages, messageIds } from './FieldMessages';

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
  const { describedBy } = messageIds(id, hint, error);
  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset${error ? ' fieldset--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
