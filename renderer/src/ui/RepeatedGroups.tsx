import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusSoon } from './focus';
import { FieldMessages, messageIds } from './FieldMessages';

interface RepeatedGroupsProps<T> {
  /** Base id: the group is `${id}-group`, its message `${id}-error`, the add button `${id}-add`. */
  id: string;
  legend: string;
  /** Where a section heading right above says the same: the group keeps its name, without a frame or a visible repeat. */
  legendHidden?: boolean;
  hint?: string | undefined;
  /** A message about the whole list (too many rows). */
  groupError?: string | undefined;
  /** "Angebot 2": the name of item n (counted from 1), its legend and part of its remove button's name. */
  itemLabel(n: number): string;
  /** "Angebot hinzufügen" */
  addLabel: string;
  items: readonly T[];
  max: number;
  /** The id of the first control of item `index`: focus goes there after adding and removing. */
  firstControlId(index: number): string;
  onAdd(): void;
  /** Takes item `index` out (and its messages with it). */
  onRemove(index: number): void;
  /** The item's controls; labels carry the item's name as a suffix ("Name (Angebot 2)"). */
  renderItem(item: T, index: number, label: string): ReactNode;
}

/**
 * A list of groups of fields (services, contacts): each group a fieldset
 * named after its item, with a remove button that says which one it takes
 * out. Focus follows: into the new group, or to the group that moved up (or
 * the add button) after a removal.
 */
export function RepeatedGroups<T>({
  id,
  legend,
  legendHidden = false,
  hint,
  groupError,
  itemLabel,
  addLabel,
  items,
  max,
  firstControlId,
  onAdd,
  onRemove,
  renderItem,
}: RepeatedGroupsProps<T>) {
  const { t } = useTranslation();
  const { describedBy } = messageIds(id, hint, groupError);
  const addId = `${id}-add`;
  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset fieldset--rows${legendHidden ? ' fieldset--plain' : ''}${groupError ? ' fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
      tabIndex={-1}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={groupError} />
      {items.map((item, index) => {
        const label = itemLabel(index + 1);
        return (
          <fieldset key={index} className="fieldset fieldset--nested">
            <legend>{label}</legend>
            {renderItem(item, index, label)}
            <button
              type="button"
              className="button button--secondary button--small group-remove"
              onClick={() => {
                onRemove(index);
                const next = index < items.length - 1 ? index : index - 1;
                focusSoon(next >= 0 ? firstControlId(next) : addId, addId);
              }}
            >
              {t('common.removeRow', { item: label })}
            </button>
          </fieldset>
        );
      })}
      {items.length < max ? (
        <button
          id={addId}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onAdd();
            focusSoon(firstControlId(items.length));
          }}
        >
          {addLabel}
        </button>
      ) : (
        <p id={addId} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: max })}
        </p>
      )}
    </fieldset>
  );
}
