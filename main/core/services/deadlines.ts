import type { Deadline, DeadlineNext, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import { deadlineBounds } from '../../../shared/domain/deadline-dates';
import { addDaysIso, todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/deadlines';
import { invalid, notFound } from '../errors';
import { currentCounselor, recordAudit } from './audit';
import { getSettings } from './settings';
import { listTemplates, templateDefinition } from './templates';

/** Expired consents stay on the list this long: time to renew one that is still needed. */
const EXPIRED_CONSENT_DAYS_SHOWN = 30;

/**
 * Referrals' follow-up and "Rückmeldung erbeten bis" dates appear this many
 * days ahead, counting down ("in 5 Tagen"): time to call before the date,
 * not after. The list says so (followUpLeadDays).
 */
export const FOLLOW_UP_LEAD_DAYS = 7;

function windowOf(core: Core, today: string): queries.DueWindow {
  const lead = getSettings(core).deadlines.consentLeadDays;
  const { weekEnd, monthEnd } = deadlineBounds(today);
  return {
    today,
    consentFrom: addDaysIso(today, -EXPIRED_CONSENT_DAYS_SHOWN),
    consentTo: addDaysIso(today, lead),
    followUpUntil: addDaysIso(today, FOLLOW_UP_LEAD_DAYS),
    weekEnd,
    monthEnd,
  };
}

/**
 * The checklist for a residence status is data: a template whose definition
 * names the status in `residenceStatuses` (the § 104c → § 25a / § 25b
 * checklist names `p104c`). Read once per page, not per row.
 */
function checklistsByStatus(core: Core): Map<string, { templateId: string; templateTitle: string }> {
  const byStatus = new Map<string, { templateId: string; templateTitle: string }>();
  for (const summary of listTemplates(core)) {
    for (const code of templateDefinition(core, summary.id).residenceStatuses ?? []) {
      if (!byStatus.has(code)) byStatus.set(code, { templateId: summary.id, templateTitle: summary.title });
    }
  }
  return byStatus;
}

function nextOf(row: queries.DeadlineRow, checklists: Map<string, { templateId: string; templateTitle: string }>): DeadlineNext {
  switch (row.kind) {
    case 'residence-expiry': {
      const checklist = row.status_code ? checklists.get(row.status_code) : undefined;
      return checklist ? { type: 'template', ...checklist } : { type: 'client' };
    }
    case 'consent-expiry':
      return { type: 'consents' };
    default:
      return { type: 'document', documentId: row.source_id };
  }
}

function toDeadline(row: queries.DeadlineRow, today: string, checklists: Map<string, { templateId: string; templateTitle: string }>): Deadline {
  const shown = row.postponed_to ?? row.due_date;
  return {
    clientId: row.client_id,
    clientName: row.client_name,
    kind: row.kind as Deadline['kind'],
    dueDate: row.due_date,
    overdue: row.action !== 'done' && shown < today,
    subject: row.subject,
    reminder: row.reminder,
    statusCode: row.kind === 'residence-expiry' ? row.status_code : null,
    sourceId: row.source_id === '' ? null : row.source_id,
    state: row.action === 'done' ? 'done' : row.action === 'postponed' ? 'postponed' : 'open',
    postponedTo: row.postponed_to,
    note: row.note ?? '',
    actedAt: row.acted_at,
    next: nextOf(row, checklists),
  };
}

/** One page of the list (open ones by date; done ones latest first), the total for the filter and the count of every group. */
export function listDeadlines(core: Core, input: ParsedInput<'deadlines.list'>): MethodOutput<'deadlines.list'> {
  const today = input.date ?? todayIso(core.now());
  const window = windowOf(core, today);
  const kind = input.kind ?? null;
  const paging = { limit: input.limit, offset: input.offset };
  const rows =
    input.group === 'done'
      ? queries.doneDeadlinePage(core.db, kind, paging)
      : queries.openDeadlinePage(core.db, window, { group: input.group ?? null, kind }, paging);
  const counts = queries.deadlineCounts(core.db, window, kind);
  const total = input.group ? counts[input.group] : counts.overdue + counts.week + counts.month + counts.later;
  const checklists = rows.some((row) => row.kind === 'residence-expiry') ? checklistsByStatus(core) : new Map();
  return { items: rows.map((row) => toDeadline(row, today, checklists)), total, counts, followUpLeadDays: FOLLOW_UP_LEAD_DAYS };
}

function keyOf(ref: ParsedInput<'deadlines.reopen'>): queries.DeadlineKey {
  return { kind: ref.kind, clientId: ref.clientId, sourceId: ref.sourceId ?? '', dueDate: ref.dueDate };
}

function requireDeadline(core: Core, key: queries.DeadlineKey): void {
  if (!queries.deadlineExists(core.db, key)) throw notFound('deadline');
}

/**
 * The audit line names the deadline by ids and dates only: the note may name
 * the person and stays in deadline_actions. The client is named by client_id
 * alone (subject: the consent or document, none for the permit), so that an
 * erasure makes the line forget whom it concerned.
 */
function auditDetails(key: queries.DeadlineKey, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: key.kind, sourceId: key.sourceId || null, dueDate: key.dueDate, ...extra };
}

export function completeDeadline(core: Core, input: ParsedInput<'deadlines.complete'>): { done: true } {
  const key = keyOf(input);
  core.db.transaction(() => {
    requireDeadline(core, key);
    queries.saveDeadlineAction(core.db, key, {
      action: 'done',
      postponedTo: null,
      note: input.note.trim(),
      actedAt: core.now().toISOString(),
      actedBy: currentCounselor(core),
    });
    recordAudit(core, {
      action: 'deadlines.complete',
      subjectType: 'deadline',
      subjectId: key.sourceId || null,
      clientId: key.clientId,
      details: auditDetails(key),
    });
  })();
  return { done: true };
}

export function postponeDeadline(core: Core, input: ParsedInput<'deadlines.postpone'>): { postponed: true } {
  const key = keyOf(input);
  const today = todayIso(core.now());
  if (input.until < today) throw invalid({ until: { key: 'deadlines.postponeInPast' } });
  core.db.transaction(() => {
    requireDeadline(core, key);
    queries.saveDeadlineAction(core.db, key, {
      action: 'postponed',
      postponedTo: input.until,
      note: input.note.trim(),
      actedAt: core.now().toISOString(),
      actedBy: currentCounselor(core),
    });
    recordAudit(core, {
      action: 'deadlines.postpone',
      subjectType: 'deadline',
      subjectId: key.sourceId || null,
      clientId: key.clientId,
      details: auditDetails(key, { until: input.until }),
    });
  })();
  return { postponed: true };
}

export function reopenDeadline(core: Core, input: ParsedInput<'deadlines.reopen'>): { reopened: true } {
  const key = keyOf(input);
  core.db.transaction(() => {
    if (!queries.deleteDeadlineAction(core.db, key)) throw notFound('deadline');
    recordAudit(core, {
      action: 'deadlines.reopen',
      subjectType: 'deadline',
      subjectId: key.sourceId || null,
      clientId: key.clientId,
      details: auditDetails(key),
    });
  })();
  return { reopened: true };
}
