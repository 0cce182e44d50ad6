import type { ConflictField, ConflictSubject } from '../../../../shared/api/contract';
import type { Payload } from '../../db/queries/team-replication';

/**
 * A conflict as a person reads it: the two states of one record, field by
 * field. A column that holds a JSON object (a client's details, a partner's
 * record, the letterhead) is opened one level, so "Telefon" differs, not
 * "details". Columns the desk derives itself are not shown.
 */

const DERIVED = new Set(['updated_at', 'sort_name', 'name_key']);

type Flat = Map<string, unknown>;

function asObject(value: unknown): Record<string, unknown> | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return null;
}

function flatten(payload: Payload | null): Flat {
  const flat: Flat = new Map();
  for (const [column, value] of Object.entries(payload ?? {})) {
    if (DERIVED.has(column)) continue;
    const inner = asObject(value);
    if (inner) for (const [key, innerValue] of Object.entries(inner)) flat.set(`${column}.${key}`, innerValue);
    else flat.set(column, value);
  }
  return flat;
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function differingFields(server: Payload | null, desk: Payload | null): ConflictField[] {
  const left = flatten(server);
  const right = flatten(desk);
  const fields = [...new Set([...left.keys(), ...right.keys()])];
  return fields.map((field) => ({ field, server: shown(left.get(field)), desk: shown(right.get(field)) })).filter((field) => field.server !== field.desk);
}

/**
 * The merged state: the server's, with every field picked `desk` taken from this desk's.
 * A record one side deleted stays deleted unless a field of the other side was picked.
 */
export function mergeStates(server: Payload | null, desk: Payload | null, pick: Readonly<Record<string, 'server' | 'desk'>>): Payload | null {
  const fromDesk = Object.entries(pick).filter(([, side]) => side === 'desk');
  if (server === null) return fromDesk.length > 0 ? desk : null;
  if (desk === null) return fromDesk.length > 0 ? null : server;
  const merged: Payload = { ...server };
  const opened = new Map<string, { asText: boolean; value: Record<string, unknown> }>();
  for (const [field] of fromDesk) {
    const dot = field.indexOf('.');
    if (dot < 0 || asObject(server[field.slice(0, dot)]) === null) {
      merged[field] = desk[field];
      continue;
    }
    const column = field.slice(0, dot);
    const key = field.slice(dot + 1);
    const entry = opened.get(column) ?? { asText: typeof server[column] === 'string', value: { ...asObject(server[column])! } };
    const deskInner = asObject(desk[column]) ?? {};
    if (key in deskInner) entry.value[key] = deskInner[key];
    else delete entry.value[key];
    opened.set(column, entry);
  }
  for (const [column, entry] of opened) merged[column] = entry.asText ? JSON.stringify(entry.value) : entry.value;
  return merged;
}

const SUBJECTS: Record<string, ConflictSubject> = {
  clients: 'client',
  partners: 'partner',
  documents: 'document',
  consents: 'consent',
  consent_recipients: 'consent',
  template_versions: 'template',
  office: 'office',
  residence_statuses: 'residenceStatus',
};

export function subjectOf(kind: string): ConflictSubject {
  return SUBJECTS[kind] ?? 'other';
}

/** The record's name as a person knows it; `clientName` for a client's documents and consents. */
export function labelOf(kind: string, payload: Payload | null, clientName: string | null, entityId: string): string {
  const text = (key: string) => (typeof payload?.[key] === 'string' ? (payload[key] as string) : '');
  switch (kind) {
    case 'clients':
      return [text('family_name'), text('given_name')].filter(Boolean).join(', ') || entityId;
    case 'partners':
      return text('name') || entityId;
    case 'template_versions':
      return (asObject(payload?.definition)?.title as string | undefined) ?? entityId;
    case 'residence_statuses':
      return text('label') || entityId;
    case 'office':
      return (asObject(payload?.office)?.name as string | undefined) ?? '';
    default:
      return clientName ?? entityId;
  }
}
