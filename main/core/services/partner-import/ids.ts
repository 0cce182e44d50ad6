import { randomUUID } from 'node:crypto';
import { id as idSchema } from '../../../../shared/api/schemas/common';
import type { ImportIdKind } from '../../db/migrations/0090-import-ids';
import type { ImportId } from '../../db/queries/import-ids';

/**
 * The ids of an import file as they are here. A file's own id is kept where
 * it fits the contract's `id` (so that the next exchange matches by it);
 * one that does not fit (too long, say) gets the id an earlier import gave
 * it (table import_ids), else a new one, and what is new is remembered in
 * `added`, to be stored with the import.
 */
export interface IdResolver {
  /** The id here, or undefined where one that does not fit has none yet. */
  lookup(kind: ImportIdKind, sourceId: string): string | undefined;
  /** The id here, given now if it has none yet. */
  local(kind: ImportIdKind, sourceId: string): string;
  /** Notes that a source id that does not fit stands for `localId` from now on. */
  remember(kind: ImportIdKind, sourceId: string, localId: string): void;
  readonly added: ImportId[];
}

export const fitsId = (value: string): boolean => idSchema.safeParse(value).success;

export function idResolver(known: readonly ImportId[]): IdResolver {
  const keyOf = (kind: ImportIdKind, sourceId: string) => `${kind}\u0000${sourceId}`;
  const mapped = new Map(known.map((entry) => [keyOf(entry.kind, entry.sourceId), entry.localId]));
  const added: ImportId[] = [];
  const resolver: IdResolver = {
    added,
    lookup: (kind, sourceId) => (fitsId(sourceId) ? sourceId : mapped.get(keyOf(kind, sourceId))),
    local(kind, sourceId) {
      const localId = resolver.lookup(kind, sourceId);
      if (localId !== undefined) return localId;
      const given = randomUUID();
      resolver.remember(kind, sourceId, given);
      return given;
    },
    remember(kind, sourceId, localId) {
      if (fitsId(sourceId) || mapped.get(keyOf(kind, sourceId)) === localId) return;
      mapped.set(keyOf(kind, sourceId), localId);
      added.push({ kind, sourceId, localId });
    },
  };
  return resolver;
}
