import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import type { z } from 'zod';
import type { PartnerInput } from '../../../../shared/api/contract';
import { issueMessage } from '../../../../shared/api/german-messages';
import { PartnerInputSchema } from '../../../../shared/api/schemas/partner';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import type { StoredPartnerRecord } from '../../db/queries/partners';
import { DomainError } from '../../errors';

/**
 * Reading an import file (a CSV list here, HSDS in hsds-map.ts) into entries, each
 * checked with the contract's own schema (PartnerInputSchema), as the
 * network screen's form is. Runs in the import worker: no store here.
 * Whole-file problems (not JSON, no header, an organization id twice) are
 * found at once; each entry is checked when the import reaches it, so that
 * the check counts as progress.
 */

/** One entry of an import: how to find it, and what it makes of the matching entry (or of nothing). */
export interface Incoming {
  /** The id in the file (HSDS); the planner finds the one it has here (IdResolver). */
  sourceId: string | null;
  /** Further ids in the file to look for where `sourceId` finds nothing (HSDS: the file's id, where `x_lotse_id` names the Lotse one). */
  alternateIds: string[];
  name: string;
  department: string;
  postalCode: string;
  archived: boolean | null;
  /** What the file says of this entry that Lotse cannot keep (HSDS), for the preview. */
  notKept: ErrorMessage[];
  merge(existing: StoredPartnerRecord | null): PartnerInput;
}

/** An entry of the file, checked when called. */
export type PendingEntry = () => Incoming;

export function refuse(message: ErrorMessage): never {
  throw new DomainError('invalid_input', message, { content: message });
}

/** The entry's first problem (a failed parse has at least one). */
function fieldsMessage(where: ErrorMessage, issues: readonly z.core.$ZodIssue[]): ErrorMessage {
  const [first] = issues as [z.core.$ZodIssue, ...z.core.$ZodIssue[]];
  const problem = issueMessage(first);
  const path = first.path.join('.');
  return path ? { key: 'partnerImport.fieldInvalid', params: { where, path, problem } } : { key: 'partnerImport.entryInvalid', params: { where, problem } };
}

/** Checks a record read from a file with the contract's rules; the message names the entry. */
export function validated(where: ErrorMessage, raw: unknown): PartnerInput {
  const parsed = PartnerInputSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) refuse(fieldsMessage(where, parsed.error.issues));
  return parsed.data;
}

/** One record of a CSV file and the line of the file it starts on, for messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** What csv-parse returns for a record with `info: true`. */
type ParsedRecord = { record: string[]; info: Pick<InfoRecord, 'lines'> };

/** Where a record starts: csv-parse reports the line it ends on; the line breaks inside its quoted cells lie between. */
function startLine({ record, info }: ParsedRecord): number {
  return info.lines - record.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0);
}

/** RFC 4180 fields, with `;` (German spreadsheets) or `,` as separator, as the header line uses; blank records are skipped. */
export function parseCsvRows(content: string): CsvRecord[] {
  // One kind of line break, so that csv-parse counts lines as an editor does (it counts a CRLF inside quotes twice).
  const text = content.replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n', 1)[0] ?? '';
  try {
    const records = parse(text, {
      delimiter: firstLine.includes(';') ? ';' : ',',
      bom: true,
      info: true,
      // A spreadsheet's stray quote inside a cell, or a row with fewer cells, is read as it stands.
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_empty_values: true,
    }) as unknown as ParsedRecord[];
    return records.map((record) => ({ line: startLine(record), cells: record.record }));
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') refuse({ key: 'partnerImport.csvOpenQuote' });
    throw error;
  }
}

/** By the file's header cells: a Map, so that a header such as `constructor` names no column. */
const CSV_COLUMNS = new Map<string, 'name' | 'street' | 'postalCode' | 'city' | 'phone' | 'email'>(
  Object.entries({
    name: 'name',
    organisation: 'name',
    organization: 'name',
    einrichtung: 'name',
    traeger: 'name',
    träger: 'name',
    strasse: 'street',
    straße: 'street',
    street: 'street',
    adresse: 'street',
    plz: 'postalCode',
    postleitzahl: 'postalCode',
    postcode: 'postalCode',
    postal_code: 'postalCode',
    ort: 'city',
    stadt: 'city',
    city: 'city',
    telefon: 'phone',
    phone: 'phone',
    tel: 'phone',
    'e-mail': 'email',
    email: 'email',
    mail: 'email',
  } as const),
);

/** A CSV row carries only name, address, phone and e-mail: it updates those and leaves the rest of an entry alone. */
export function parseCsv(content: string): PendingEntry[] {
  const [header, ...rows] = parseCsvRows(content);
  if (!header) refuse({ key: 'partnerImport.csvEmpty' });
  const columns = header.cells.map((cell) => CSV_COLUMNS.get(cell.trim().toLocaleLowerCase('de-DE')));
  if (!columns.includes('name')) {
    refuse({ key: 'partnerImport.csvNoHeader' });
  }
  return rows.map(({ cells, line }) => () => {
    const value = (column: string) => (cells[columns.indexOf(column as never)] ?? '').trim();
    const fields = {
      name: value('name'),
      address: { street: value('street'), postalCode: value('postalCode'), city: value('city') },
      phone: value('phone'),
      email: value('email'),
    };
    const where: ErrorMessage = { key: 'partnerImport.csvLine', params: { line } };
    const checked = validated(where, fields);
    return {
      sourceId: null,
      alternateIds: [],
      notKept: [],
      name: checked.name,
      department: '',
      postalCode: checked.address.postalCode,
      archived: null,
      // The list has no column for the addition: an entry keeps its own.
      merge: (existing) => validated(where, { ...(existing ?? {}), ...fields, address: { ...existing?.address, ...fields.address } }),
    };
  });
}
