import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline, DeadlineGroup, MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api';
import { navigate, routeHref } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { formatDate, localIsoDate } from '../../ui/format';
import { DeadlineActionDialog, type DeadlineAction } from './DeadlineActionDialog';
import { relativeDay, useToday } from './relative-day';

/** Rows per page: a laptop screen shows several, the host never builds more than this many. */
const PAGE_SIZE = 25;

type Shown = 'open' | DeadlineGroup;
const GROUPS: readonly Shown[] = ['open', 'overdue', 'week', 'month', 'later', 'done'];

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: MethodOutput<'deadlines.list'> };

/**
 * What is due, soonest first, in groups (overdue, this week, this month,
 * later, done) and pages: each row with its date and how far off it is, a
 * short hint, the next step and "done" / "postpone"; the legal note of
 * each residence status once, below the list.
 */
export function DeadlineList() {
  const { t } = useTranslation();
  const today = useToday();
  const [shown, setShown] = useState<Shown>('open');
  const [offset, setOffset] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [action, setAction] = useState<{ action: DeadlineAction; item: Deadline; opener: string } | null>(null);
  const [message, setMessage] = useState('');
  const [rowError, setRowError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    call('deadlines.list', { ...(shown === 'open' ? {} : { group: shown }), limit: PAGE_SIZE, offset }).then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [shown, offset, attempt]);

  const reload = () => setAttempt((n) => n + 1);
  const data = state.status === 'ready' ? state.value : null;

  function choose(group: Shown) {
    setShown(group);
    setOffset(0);
    setMessage('');
  }

  async function reopen(item: Deadline) {
    setRowError(null);
    try {
      await call('deadlines.reopen', { kind: item.kind, clientId: item.clientId, sourceId: item.sourceId, dueDate: item.dueDate });
      setMessage(t('deadlines.reopened', { name: item.clientName }));
      reload();
      focusSoon('start-deadlines');
    } catch (error) {
      setRowError(error);
    }
  }

  return (
    <section className="panel" aria-labelledby="start-deadlines">
      <h2 id="start-deadlines" tabIndex={-1}>
        {t('deadlines.heading')}
      </h2>
      <p className="muted">{t('deadlines.intro')}</p>
      {data ? (
        <div className="toolbar toolbar--wrap deadline-groups" role="group" aria-label={t('deadlines.groupsLabel')}>
          {GROUPS.map((group) => (
            <button key={group} type="button" className="button button--secondary button--small" aria-pressed={shown === group} onClick={() => choose(group)}>
              {t(`deadlines.groups.${group}`, {
                count: group === 'open' ? data.counts.overdue + data.counts.week + data.counts.month + data.counts.later : data.counts[group],
              })}
            </button>
          ))}
        </div>
      ) : null}
      <p role="status" className="form-status deadline-status">
        {message}
      </p>
      {rowError ? <ErrorAlert error={rowError} /> : null}
      {state.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p>{shown === 'open' ? t('deadlines.empty') : t('deadlines.emptyGroup')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <DeadlineTable
            items={data.items}
            today={today}
            done={shown === 'done'}
            onAction={(next, item, opener) => setAction({ action: next, item, opener })}
            onReopen={reopen}
          />
          <Pager offset={offset} count={data.items.length} total={data.total} onOffset={setOffset} />
          <StatusNotes items={data.items} />
          <p className="muted">
            {t('deadlines.leadTimes')} {t('deadlines.followUpLead', { count: data.followUpLeadDays })}
          </p>
        </>
      ) : null}
      {action ? (
        <DeadlineActionDialog
          action={action.action}
          item={action.item}
          onCancel={() => {
            focusSoon(action.opener);
            setAction(null);
          }}
          onDone={(text) => {
            setAction(null);
            setMessage(text);
            reload();
            focusSoon('start-deadlines');
          }}
        />
      ) : null}
    </section>
  );
}

interface TableProps {
  items: readonly Deadline[];
  today: string;
  done: boolean;
  onAction(action: DeadlineAction, item: Deadline, opener: string): void;
  onReopen(item: Deadline): void;
}

function rowId(item: Deadline): string {
  return `deadline-${item.kind}-${item.clientId}-${item.sourceId ?? 'own'}-${item.dueDate}`;
}

function DeadlineTable({ items, today, done, onAction, onReopen }: TableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table deadline-table">
        <caption className="visually-hidden">{done ? t('deadlines.captionDone') : t('deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deadlines.date')}</th>
            <th scope="col">{t('deadlines.client')}</th>
            <th scope="col">{t('deadlines.subject')}</th>
            <th scope="col">{t('deadlines.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const id = rowId(item);
            const shownDate = item.postponedTo ?? item.dueDate;
            return (
              <tr key={id} className={item.overdue ? 'deadline--overdue' : undefined}>
                <td className="deadline-date">
                  <span className="nowrap">{formatDate(shownDate)}</span>
                  {item.state === 'done' ? (
                    <span className="deadline-relative">{t('deadlines.doneOn', { date: formatDate(localIsoDate(item.actedAt ?? '')) })}</span>
                  ) : (
                    <span className={item.overdue ? 'deadline-relative status--overdue' : 'deadline-relative'}>{relativeDay(t, today, shownDate)}</span>
                  )}
                  {item.state === 'postponed' ? (
                    <span className="deadline-relative muted">{t('deadlines.postponedFrom', { date: formatDate(item.dueDate) })}</span>
                  ) : null}
                </td>
                <td>
                  <a href={routeHref({ name: 'client', id: item.clientId })} dir="auto">
                    {item.clientName}
                  </a>
                </td>
                <td className="long-text">
                  <strong>{t(`deadlines.kinds.${item.kind}`)}</strong>
                  {item.subject ? <span dir="auto"> · {item.subject}</span> : null}
                  <span className="deadline-hint">{t(`deadlines.hints.${item.kind}`)}</span>
                  {item.note ? (
                    <span className="deadline-note" dir="auto">
                      {t('deadlines.note')}: {item.note}
                    </span>
                  ) : null}
                </td>
                <td>
                  <span id={`${id}-label`} className="visually-hidden">
                    {t('deadlines.rowActions', { name: item.clientName, kind: t(`deadlines.kinds.${item.kind}`), date: formatDate(shownDate) })}
                  </span>
                  <NextStep item={item} describedBy={`${id}-label`} />
                  <div className="deadline-actions">
                    {item.state === 'done' ? (
                      <button type="button" className="button button--secondary button--small" aria-describedby={`${id}-label`} onClick={() => onReopen(item)}>
                        {t('deadlines.reopen')}
                      </button>
                    ) : (
                      <>
                        <button
                          id={`${id}-done`}
                          type="button"
                          className="button button--secondary button--small"
                          aria-describedby={`${id}-label`}
                          onClick={() => onAction('complete', item, `${id}-done`)}
                        >
                          {t('deadlines.complete')}
                        </button>
                        <button
                          id={`${id}-later`}
                          type="button"
                          className="button button--secondary button--small"
                          aria-describedby={`${id}-label`}
                          onClick={() => onAction('postpone', item, `${id}-later`)}
                        >
                          {t('deadlines.postpone')}
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The next step: a checklist the status names (created as a draft), the consents, the referral, or the client. */
function NextStep({ item, describedBy }: { item: Deadline; describedBy: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clientHref = routeHref({ name: 'client', id: item.clientId });
  const next = item.next;
  switch (next.type) {
    case 'template':
      return (
        <>
          <button
            type="button"
            className="deadline-next"
            aria-label={t('deadlines.next.templateName', { title: next.templateTitle })}
            aria-describedby={describedBy}
            aria-disabled={busy || undefined}
            onClick={async () => {
              if (busy) return;
              setBusy(true);
              setError(null);
              try {
                const created = await call('documents.create', { templateId: next.templateId, clientId: item.clientId, partnerId: null });
                navigate({ name: 'document', id: created.id });
              } catch (caught) {
                setError(caught);
                setBusy(false);
              }
            }}
          >
            {busy ? t('deadlines.creatingChecklist') : t('deadlines.next.template')}
          </button>
          {error ? <ErrorAlert error={error} /> : null}
        </>
      );
    case 'consents':
      return (
        <a href={clientHref} className="deadline-next" aria-describedby={describedBy} onClick={() => focusWhenShown('client-consents-heading')}>
          {t('deadlines.next.consents')}
        </a>
      );
    case 'document':
      return (
        <a href={routeHref({ name: 'document', id: next.documentId })} className="deadline-next" aria-describedby={describedBy}>
          {t('deadlines.next.document')}
        </a>
      );
    default:
      return (
        <a href={clientHref} className="deadline-next" aria-describedby={describedBy}>
          {t('deadlines.next.client')}
        </a>
      );
  }
}

/** After a navigation: brings the element into view and focus once the new screen has drawn it (for up to 3 s). */
function focusWhenShown(id: string): void {
  const until = Date.now() + 3000;
  const look = () => {
    const target = document.getElementById(id);
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    } else if (Date.now() < until) {
      window.setTimeout(look, 50);
    }
  };
  window.setTimeout(look, 50);
}

function Pager({ offset, count, total, onOffset }: { offset: number; count: number; total: number; onOffset(offset: number): void }) {
  const { t } = useTranslation();
  if (total <= PAGE_SIZE) return null;
  return (
    <nav className="toolbar deadline-pager" aria-label={t('deadlines.paging')}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
      >
        {t('deadlines.previous')}
      </button>
      <span>{t('deadlines.range', { first: offset + 1, last: offset + count, total })}</span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset + PAGE_SIZE >= total}
        onClick={() => onOffset(offset + PAGE_SIZE)}
      >
        {t('deadlines.nextPage')}
      </button>
    </nav>
  );
}

/** The reminder of each residence status on the page, once, folded: legal text from the data (residence_statuses), not from here. */
function StatusNotes({ items }: { items: readonly Deadline[] }) {
  const { t } = useTranslation();
  const seen = new Map<string, Deadline>();
  for (const item of items) if (item.statusCode && item.reminder.trim() !== '' && !seen.has(item.statusCode)) seen.set(item.statusCode, item);
  if (seen.size === 0) return null;
  return (
    <div className="deadline-notes">
      <h3 id="deadline-notes-heading">{t('deadlines.notesHeading')}</h3>
      <p className="muted">{t('deadlines.notesIntro')}</p>
      {[...seen.values()].map((item) => (
        <details key={item.statusCode} className="deadline-note-details">
          <summary>{item.subject}</summary>
          <p className="long-text">{item.reminder}</p>
        </details>
      ))}
    </div>
  );
}
