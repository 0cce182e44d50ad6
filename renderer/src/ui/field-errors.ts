import { isApiCallError } from '../api';

/**
 * Repeated rows are addressed by index in the core's field paths
 * (`languages.1.language`). These helpers keep messages on the row they
 * belong to when rows are left out of a call or removed from the form.
 */

/** The index in the form of each row that was sent, for rows that were left out as empty. */
export type RowMaps = Readonly<Record<string, readonly number[]>>;

/** Rewrites `group.i…` paths of the sent arrays to the form's row numbers. */
export function pathsToFormRows(error: unknown, maps: RowMaps): unknown {
  if (!isApiCallError(error)) return error;
  return error.withPaths((path) => {
    const [group, index, ...rest] = path.split('.');
    const map = group !== undefined ? maps[group] : undefined;
    const formIndex = map && index !== undefined && /^\d+$/.test(index) ? map[Number(index)] : undefined;
    return formIndex !== undefined ? [group, String(formIndex), ...rest].join('.') : path;
  });
}

/** After row `removed` of `group` is taken out: its messages go, the ones below move up. */
export function withoutRow(error: unknown, group: string, removed: number): unknown {
  if (!isApiCallError(error)) return error;
  return error.withPaths((path) => {
    const [first, index, ...rest] = path.split('.');
    if (first !== group || index === undefined || !/^\d+$/.test(index)) return path;
    const row = Number(index);
    if (row === removed) return null;
    return [group, String(row > removed ? row - 1 : row), ...rest].join('.');
  });
}

export const isBlank = (text: string) => text.trim() === '';

/** Rows that were left out of the call: added and never filled in. The map says which form row each sent row is. */
export function keepFilled<T>(rows: readonly T[], isEmpty: (row: T) => boolean): { kept: T[]; map: number[] } {
  const kept: T[] = [];
  const map: number[] = [];
  rows.forEach((row, index) => {
    if (isEmpty(row)) return;
    kept.push(row);
    map.push(index);
  });
  return { kept, map };
}
