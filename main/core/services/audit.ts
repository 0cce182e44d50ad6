import type { AuditEntry, AuditFilter, MethodOutput, ParsedInput, Settings } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { countAuditEntries, distinctAuditValues, filterAuditEntries, insertAuditEntry, type NewAuditEntry } from '../db/queries/audit';
import { readSettings } from '../db/queries/settings';

/** When and by whom: a request that already read the clock and the settings (a document context) passes them on. */
export interface AuditMoment {
  now: Date;
  settings: Pick<Settings, 'counselor'>;
}

/** The counselor as stored (read straight from the store: services/settings.ts records its own changes here). */
function storedCounselor(core: Core): Pick<Settings, 'counselor'> {
  return { counselor: readSettings(core.db)?.counselor ?? { name: '', title: '', phone: '', email: '' } };
}

/** Writes one line of the audit trail, inside the caller's transaction. */
export function recordAudit(
  core: Core,
  entry: Omit<NewAuditEntry, 'at' | 'actor'>,
  moment: AuditMoment = { now: core.now(), settings: storedCounselor(core) },
): void {
  insertAuditEntry(core.db, { ...entry, at: moment.now.toISOString(), actor: counselorOf(moment.settings) });
}

/** Who is at the desk: the counselor named in the settings. */
export function counselorOf(settings: Pick<Settings, 'counselor'>): string {
  return settings.counselor.name.trim() || 'unbekannt';
}

export function currentCounselor(core: Core): string {
  return counselorOf(storedCounselor(core));
}

/** A page of the filtered trail, newest first, and how many lines match in all. */
export function listAudit(core: Core, input: ParsedInput<'audit.list'>): MethodOutput<'audit.list'> {
  const { limit, offset, ...filter } = input;
  return { items: filterAuditEntries(core.db, filter, { limit, offset }), total: countAuditEntries(core.db, filter) };
}

export function auditFacets(core: Core): MethodOutput<'audit.facets'> {
  return {
    actions: distinctAuditValues(core.db, 'action'),
    subjectTypes: distinctAuditValues(core.db, 'subject_type'),
    actors: distinctAuditValues(core.db, 'actor'),
  };
}

/** The column heads of the CSV export: German, as the desk reads them in Excel. */
const CSV_HEADER = ['Zeitpunkt (UTC)', 'Beraterin/Berater', 'Aktion', 'Bereich', 'Objekt', 'Details'];

/**
 * One CSV cell. A cell that Excel or LibreOffice would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets an apostrophe in
 * front (OWASP "CSV injection"), so a counselor's name or an id can never run
 * as one; a cell with the separator, a quote or a line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV for German Excel: UTF-8 with a byte order mark, `;` between cells, CRLF between lines. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvRow(entry: AuditEntry): string[] {
  return [entry.at, entry.actor, entry.action, entry.subjectType, entry.subjectId ?? '', JSON.stringify(entry.details)];
}

/**
 * `audit.exportCsv`: every line the filter matches (no paging), newest
 * first. The export itself is a line of the trail (which filters were set,
 * how many lines went out; never the values).
 */
export function exportAuditCsv(core: Core, filter: AuditFilter): MethodOutput<'audit.exportCsv'> {
  return core.db.transaction(() => {
    const entries = filterAuditEntries(core.db, filter, null);
    const content = toCsv([CSV_HEADER, ...entries.map(csvRow)]);
    recordAudit(core, {
      action: 'audit.exportCsv',
      subjectType: 'audit',
      subjectId: null,
      clientId: null,
      details: { lines: entries.length, filters: Object.keys(filter).sort() },
    });
    return { fileName: `Protokoll-${todayIso(core.now())}.csv`, content, lines: entries.length };
  })();
}
