import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/api/contract';
import { call } from '../../api';
import { routeHref } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatTimestamp } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useAsync } from '../../ui/use-async';
import { fieldLabel } from './field-names';
import { refreshTeamStatus } from './team-status';

type Side = 'server' | 'desk';

/**
 * Einstellungen → Im Team arbeiten → Konflikte prüfen: every edit this desk
 * made against an older state than the team store's, field by field, the
 * store's value beside this desk's, with who and when. The person picks per
 * field; the store's value is the default, as it is what applies until then.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  const [conflicts, reload] = useAsync(() => call('team.conflicts', {}), []);
  const [done, setDone] = useState('');
  // Decided here: taken off the list at once (asking the list again would blank it and lose the focus).
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const open = conflicts.status === 'ready' ? conflicts.value.items.filter((conflict) => !decided.has(conflict.id)) : [];
  // Where focus goes once the decided conflict is off the screen (the next one, or the word that none is left).
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    const target = focusNext ? document.getElementById(focusNext) : null;
    if (!target) return;
    target.focus();
    setFocusNext(null);
  }, [focusNext, open.length]);
  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'teamSettings' })}>{t('team.conflicts.back')}</a>
      </p>
      <PageHeading title={t('team.conflicts.title')}>{t('team.conflicts.title')}</PageHeading>
      <p className="lead">{t('team.conflicts.explanation')}</p>
      <div role="status" className="notice-region">
        {done ? <p className="notice">{done}</p> : null}
      </div>
      {conflicts.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {conflicts.status === 'error' ? <ErrorAlert error={conflicts.error} onRetry={reload} /> : null}
      {conflicts.status === 'ready' && open.length === 0 ? (
        <p id="conflicts-none" className="muted" tabIndex={-1}>
          {t('team.conflicts.none')}
        </p>
      ) : null}
      {conflicts.status === 'ready'
        ? open.map((conflict, index) => (
            <ConflictReview
              key={conflict.id}
              conflict={conflict}
              onResolved={() => {
                setDone(t('team.conflicts.resolved', { label: conflict.label }));
                setDecided((current) => new Set([...current, conflict.id]));
                void refreshTeamStatus();
                // Onwards to the next conflict, or to the word that none is left.
                const next = open[index + 1] ?? open[index - 1];
                setFocusNext(next ? `conflict-${next.id}-heading` : 'conflicts-none');
              }}
            />
          ))
        : null}
    </>
  );
}

function ConflictReview({ conflict, onResolved }: { conflict: Conflict; onResolved(): void }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<Record<string, Side>>(() => Object.fromEntries(conflict.fields.map((field) => [field.field, 'server'])));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const base = `conflict-${conflict.id}`;
  const subject = t(`team.conflicts.subjects.${conflict.subject}`);
  const sides: ReadonlyArray<{ side: Side; heading: string; short: string }> = [
    {
      side: 'server',
      heading: t('team.conflicts.server', { by: conflict.server.by, at: formatTimestamp(conflict.server.at) }),
      short: t('team.conflicts.serverShort'),
    },
    { side: 'desk', heading: t('team.conflicts.desk', { by: conflict.desk.by, at: formatTimestamp(conflict.desk.at) }), short: t('team.conflicts.deskShort') },
  ];

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await call('team.resolve', { id: conflict.id, pick });
      onResolved();
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  }

  return (
    <section className="panel conflict" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`} tabIndex={-1}>
        {t('team.conflicts.heading', { subject, label: conflict.label })}
      </h2>
      {conflict.subject === 'client' && conflict.clientId ? (
        <p>
          <a href={routeHref({ name: 'client', id: conflict.clientId })}>{t('team.conflicts.openClient')}</a>
        </p>
      ) : null}
      <form noValidate onSubmit={(event) => void save(event)}>
        <div className="table-wrap">
          <table className="table conflict-table">
            <caption className="visually-hidden">{t('team.conflicts.caption', { label: conflict.label })}</caption>
            <thead>
              <tr>
                <th scope="col" className="conflict-field">
                  {t('team.conflicts.field')}
                </th>
                {sides.map(({ side, heading }) => (
                  <th key={side} scope="col" id={`${base}-${side}-head`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map((field, row) => {
                const label = fieldLabel(t, conflict.subject, field.field);
                return (
                  <tr key={field.field}>
                    <th scope="row" className="conflict-field">
                      {label}
                    </th>
                    {sides.map(({ side, short }) => {
                      const value = field[side];
                      const id = `${base}-${row}-${side}`;
                      return (
                        <td key={side} className={pick[field.field] === side ? 'conflict-value conflict-value--picked' : 'conflict-value'}>
                          <div className="radio">
                            <input
                              id={id}
                              type="radio"
                              name={`${base}-${row}`}
                              value={side}
                              checked={pick[field.field] === side}
                              onChange={() => setPick((current) => ({ ...current, [field.field]: side }))}
                            />
                            <label htmlFor={id} className="conflict-value-text">
                              <span className="visually-hidden">{t('team.conflicts.choice', { field: label, side: short })} </span>
                              {value === null || value === '' ? <span className="muted">{t('team.conflicts.empty')}</span> : <bdi>{value}</bdi>}
                            </label>
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="form-actions">
          <button id={`${base}-save`} type="submit" className="button button--primary" aria-disabled={saving} aria-describedby={`${base}-heading`}>
            {t('team.conflicts.save')}
          </button>
          <span role="status" className="form-status">
            {saving ? t('common.saving') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
