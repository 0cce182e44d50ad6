import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * Edits of the client and partner forms that are not saved yet, kept while
 * the counselor is elsewhere in Lotse (a nav link, another client) and put
 * back when the form opens again. They live in the renderer's memory only:
 * social data do not go to the browser's storage, which Lotse's encryption
 * does not cover; a reload or closing the window ends them.
 */
export interface UnsavedDraft {
  /** `client:new`, `client:<id>`, `partner:new`, `partner:<id>`. */
  key: string;
  /** What the form is about, for the reminder ("Neue Klient*in", "Olena Kovalenko"). */
  label: string;
  /** Where the form is. */
  href: string;
  draft: unknown;
  /** The form has messages, or would have them on saving. */
  hasErrors: boolean;
  /** The form is on screen now: no reminder needed. */
  shown: boolean;
}

const drafts = new Map<string, UnsavedDraft>();
const listeners = new Set<() => void>();
let snapshot: readonly UnsavedDraft[] = [];

function changed(): void {
  snapshot = [...drafts.values()];
  for (const listener of listeners) listener();
}

export function unsavedDraft<Draft>(key: string): Draft | undefined {
  return drafts.get(key)?.draft as Draft | undefined;
}

export function forgetUnsavedDraft(key: string): void {
  if (drafts.delete(key)) changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every unsaved draft, for the reminder. */
export function useUnsavedDrafts(): readonly UnsavedDraft[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

interface KeepOptions<Draft> {
  key: string;
  label: string;
  href: string;
  /** What the form holds now. */
  draft: Draft;
  /** What it held when it opened: a draft equal to it is nothing to keep. */
  pristine: Draft;
  hasErrors: boolean;
}

/**
 * Keeps the form's draft whenever it differs from what the form opened with,
 * and marks it shown while the form is on screen. The form calls
 * forgetUnsavedDraft when it saves or the counselor cancels.
 */
export function useKeepUnsavedDraft<Draft>({ key, label, href, draft, pristine, hasErrors }: KeepOptions<Draft>): void {
  const [pristineText] = useState(() => JSON.stringify(pristine));
  const draftText = JSON.stringify(draft);
  useEffect(() => {
    if (draftText === pristineText) {
      forgetUnsavedDraft(key);
      return;
    }
    drafts.set(key, { key, label, href, draft: JSON.parse(draftText) as unknown, hasErrors, shown: true });
    changed();
  }, [key, label, href, draftText, pristineText, hasErrors]);
  useEffect(() => {
    const mark = (shown: boolean) => {
      const entry = drafts.get(key);
      if (entry && entry.shown !== shown) {
        drafts.set(key, { ...entry, shown });
        changed();
      }
    };
    mark(true);
    return () => mark(false);
  }, [key]);
}
