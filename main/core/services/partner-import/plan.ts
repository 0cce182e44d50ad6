import { randomUUID } from 'node:crypto';
import type { PartnerImportResult } from '../../../../shared/api/contract';
import { PartnerImportResultSchema } from '../../../../shared/api/schemas/partner';
import { looseKey } from '../../../../shared/domain/fold';
import { partnerMatchKey } from '../../../../shared/domain/partner-key';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { ImportId } from '../../db/queries/import-ids';
import { parseStoredRecord, type StoredPartnerRecord, type StoredPartnerRow } from '../../db/queries/partners';
import { withIds } from '../partner-record';
import { fitsId, idResolver } from './ids';
import { parseHsds } from './hsds-map';
import { decodeFiles, type ImportFileInput } from './hsds-read';
import { parseCsv, refuse, type Incoming } from './parse';

/**
 * The CPU part of an import: the file read and checked, every entry matched
 * to the directory, and what to write worked out, without the store (the
 * worker runs it on a copy of the directory). Linear in file and directory:
 * the directory is indexed once (by id, by name with department and
 * postcode, by loose name), and each entry looks up its keys.
 */

export type ImportFormat = 'hsds' | 'csv';

/** What `partners.import` takes (PartnerImportInputSchema, defaults applied). */
export interface ImportInput {
  content: string;
  encoding: 'utf8' | 'base64';
  files: ImportFileInput[];
  format: ImportFormat;
  apply: boolean;
}

/** The files of an import: `files`, else `content` as the one file. */
function filesOf(input: ImportInput): ImportFileInput[] {
  return input.files.length > 0
    ? input.files
    : [{ name: input.encoding === 'base64' ? 'import.zip' : 'import', content: input.content, encoding: input.encoding }];
}

/** A spreadsheet list is one file. */
function csvText(input: ImportInput): string {
  const files = filesOf(input);
  if (files.length > 1) refuse({ key: 'partnerImport.csvOneFile' });
  return decodeFiles(files)[0]?.text ?? '';
}

/** What the planner reads: the directory and the id mapping as they were when the import began. */
export interface ImportSource {
  partners: StoredPartnerRow[];
  ids: ImportId[];
}

export interface ImportPlan {
  result: PartnerImportResult;
  inserts: Array<{ id: string; record: StoredPartnerRecord; archived: boolean }>;
  /** `before`: the entry as the plan read it; it is written only if it is still so. `archived`: the flag it gets, where that changes. */
  updates: Array<{ id: string; record: StoredPartnerRecord; archived: boolean | null; before: StoredPartnerRow }>;
  ids: ImportId[];
  /** The size of directory and mapping it was planned against: an entry added meanwhile could have been a match. */
  partnerCount: number;
  idCount: number;
}

/** How often the planner reports progress, in entries. */
const PROGRESS_EVERY = 250;

interface Known {
  row: StoredPartnerRow;
  record: StoredPartnerRecord;
  postalCode: string;
  looseDepartment: string;
}

/** The directory indexed once for matching. Name matches keep the directory's order (oldest first). */
function indexDirectory(rows: StoredPartnerRow[]) {
  const byId = new Map<string, Known>();
  const byName = new Map<string, Known[]>();
  const byLooseName = new Map<string, Known[]>();
  const add = (map: Map<string, Known[]>, key: string, known: Known) => {
    const list = map.get(key);
    if (list) list.push(known);
    else map.set(key, [known]);
  };
  for (const row of rows) {
    const record = parseStoredRecord(row.record);
    const known: Known = { row, record, postalCode: record.address.postalCode, looseDepartment: looseKey(record.department) };
    byId.set(row.id, known);
    add(byName, nameKey(record.name, record.department, known.postalCode), known);
    add(byLooseName, looseKey(record.name), known);
  }
  return { byId, byName, byLooseName };
}

const nameKey = (name: string, department: string, postalCode: string) => `${partnerMatchKey(name, department)}\u0000${postalCode}`;

/** JSON with object keys sorted, so that two records compare by content, not by key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stored and incoming compared as the records they would store: ids of
 * services and contacts included. Both come out of the same schema, so
 * their keys are mostly in the same order and plain JSON settles it; an
 * older record (a field added since) is compared key by key.
 */
const sameRecord = (a: StoredPartnerRecord, b: StoredPartnerRecord): boolean =>
  JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);

/**
 * The entry as `partners.list` will answer it must pass the contract's
 * output schema (PartnerSchema), or the import would break the list. Its
 * record passed PartnerInputSchema already; what PartnerSchema adds are the
 * ids, so they are checked here (cheaper than a second parse of the whole
 * record, which doubled the time of a large import).
 */
function assertReadable(id: string, record: StoredPartnerRecord, where: ErrorMessage): void {
  const wrong = [
    ...(fitsId(id) ? [] : ['id']),
    ...(record.services as Array<{ id: string }>).flatMap((service, index) => (fitsId(service.id) ? [] : [`services.${index}.id`])),
    ...(record.contacts as Array<{ id: string }>).flatMap((contact, index) => (fitsId(contact.id) ? [] : [`contacts.${index}.id`])),
  ];
  if (wrong.length > 0)
    refuse({ key: 'partnerImport.fieldInvalid', params: { where, path: wrong[0]!, problem: { key: 'input.maxLength', params: { maximum: 64 } } } });
}

/**
 * Matches each incoming entry to the directory (by id, else by name with
 * department and postcode, else by the one entry it can only mean), says
 * what is new, changed or unchanged, and what `apply` would write. A file
 * with any invalid entry is refused whole, naming the entry.
 */
export function planImport(source: ImportSource, input: ImportInput, onProgress: (done: number, total: number) => void = () => {}): ImportPlan {
  const ids = idResolver(source.ids);
  const pending = input.format === 'csv' ? parseCsv(csvText(input)) : parseHsds(filesOf(input), ids);
  const total = pending.length;
  onProgress(0, total);
  const directory = indexDirectory(source.partners);
  const claimed = new Set<string>();
  const plan: ImportPlan = {
    result: { applied: input.apply, items: [], counts: { new: 0, changed: 0, unchanged: 0 }, notKept: [] },
    inserts: [],
    updates: [],
    ids: ids.added,
    partnerCount: source.partners.length,
    idCount: source.ids.length,
  };

  /**
   * The one entry an incoming one can only mean, where name, department and
   * postcode do not match exactly: the same name (spelling variants allowed),
   * the same department unless the file has none (a CSV list), and the same
   * postcode unless the entry has none yet (the seeds). Ambiguous: none.
   */
  const soleLooseMatch = (entry: Incoming): Known | undefined => {
    const department = looseKey(entry.department);
    const candidates = (directory.byLooseName.get(looseKey(entry.name)) ?? []).filter(
      (known) =>
        !claimed.has(known.row.id) &&
        (entry.department === '' || known.looseDepartment === department) &&
        (known.postalCode === '' || known.postalCode === entry.postalCode),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  pending.forEach((check, index) => {
    const entry = check();
    const where: ErrorMessage = { key: 'partnerImport.organization', params: { name: entry.name } };
    // By the Lotse id first (`x_lotse_id`), then by the file's own id.
    let knownId: string | undefined;
    let byId: Known | undefined;
    for (const sourceId of entry.sourceId === null ? [] : [entry.sourceId, ...entry.alternateIds]) {
      const candidate = ids.lookup('organization', sourceId);
      knownId ??= candidate;
      byId = candidate === undefined ? undefined : directory.byId.get(candidate);
      if (byId) {
        knownId = candidate;
        break;
      }
    }
    const existing =
      byId ??
      directory.byName.get(nameKey(entry.name, entry.department, entry.postalCode))?.find((known) => !claimed.has(known.row.id)) ??
      soleLooseMatch(entry);
    const next = withIds(entry.merge(existing?.record ?? null));
    if (existing) {
      const id = existing.row.id;
      claimed.add(id);
      if (entry.sourceId !== null) ids.remember('organization', entry.sourceId, id);
      const archivedChanges = entry.archived !== null && entry.archived !== existing.row.archived;
      const unchanged = sameRecord(existing.record, next) && !archivedChanges;
      plan.result.items.push({
        action: unchanged ? 'unchanged' : 'changed',
        name: next.name,
        department: next.department,
        partnerId: id,
        matchedBy: byId ? 'id' : 'name-postcode',
      });
      if (!unchanged) {
        assertReadable(id, next, where);
        plan.updates.push({ id, record: next, archived: archivedChanges ? entry.archived : null, before: existing.row });
      }
    } else {
      // Keep the other desk's id where it fits, so the next exchange matches by it.
      const id = knownId ?? (entry.sourceId === null ? randomUUID() : ids.local('organization', entry.sourceId));
      claimed.add(id);
      assertReadable(id, next, where);
      plan.inserts.push({ id, record: next, archived: entry.archived ?? false });
      plan.result.items.push({ action: 'new', name: next.name, department: next.department, partnerId: input.apply ? id : null, matchedBy: null });
    }
    for (const what of entry.notKept) plan.result.notKept.push({ partner: next.name, what });
    if ((index + 1) % PROGRESS_EVERY === 0) onProgress(index + 1, total);
  });
  for (const item of plan.result.items) plan.result.counts[item.action] += 1;
  onProgress(total, total);
  // What the caller will be answered is checked before anything is written: an answer that fails after the write would say "nothing saved" wrongly.
  PartnerImportResultSchema.parse(plan.result);
  return plan;
}
