import { useTranslation } from 'react-i18next';
import type { BatchPreview } from '../../../../shared/api/contract';
import { routeHref } from '../../app/routes';
import { mergeNameKey } from './serial-letter';

/**
 * Everyone the selection holds, each with a tick: unticked, the person gets
 * no letter (the batch is started with the ticked ids only). A person whose
 * record leaves a merge field of the text empty says so beside the name,
 * with a link to the record.
 */
export function RecipientList({
  clients,
  unticked,
  onToggle,
  onTickAll,
}: {
  clients: BatchPreview['clients'];
  unticked: ReadonlySet<string>;
  onToggle(id: string, ticked: boolean): void;
  onTickAll(): void;
}) {
  const { t } = useTranslation();
  const ticked = clients.length - clients.filter((client) => unticked.has(client.id)).length;
  return (
    <fieldset className="serial-recipients">
      <legend>{t('serial.recipientsLegend')}</legend>
      <div className="serial-recipients-bar">
        <p className="serial-ticked">{t('serial.ticked', { ticked, total: clients.length })}</p>
        {unticked.size > 0 ? (
          <button type="button" className="button button--secondary button--small" onClick={onTickAll}>
            {t('serial.tickAll')}
          </button>
        ) : null}
      </div>
      <ul className="plain-list serial-recipient-list">
        {clients.map((client) => {
          const id = `serial-recipient-${client.id}`;
          const missing = client.unfilled.map((entry) => {
            const key = mergeNameKey(entry.name);
            return key ? t(`serial.mergeNames.${key}`) : entry.label;
          });
          return (
            <li key={client.id} className={missing.length > 0 ? 'serial-recipient serial-recipient--unfilled' : 'serial-recipient'}>
              <input
                id={id}
                type="checkbox"
                checked={!unticked.has(client.id)}
                onChange={(event) => onToggle(client.id, event.target.checked)}
                aria-describedby={missing.length > 0 ? `${id}-missing` : undefined}
              />
              <label htmlFor={id} dir="auto">
                {client.name}
              </label>
              {missing.length > 0 ? (
                <span id={`${id}-missing`} className="serial-recipient-missing">
                  {t('serial.unfilledHint', { fields: missing.join(', ') })} ·{' '}
                  <a href={routeHref({ name: 'client', id: client.id })}>{t('serial.openRecord')}</a>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
