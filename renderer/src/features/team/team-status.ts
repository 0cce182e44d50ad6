import { useEffect, useSyncExternalStore } from 'react';
import type { TeamStatus } from '../../../../shared/api/contract';
import { call } from '../../api';

/**
 * The desk's link to the team store (`team.status`), shared by the header,
 * the settings section, the conflict review and the client page. One
 * question at a time: a refresh asked for while one is under way is folded
 * into it. While the desk is linked, the header asks again every few seconds;
 * an unlinked desk is asked only when something here changes the link.
 */

let status: TeamStatus | null = null;
/** Why the last question failed, for the settings page (the header just stays away). */
let failure: unknown = null;
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: TeamStatus | null, error: unknown = null): void {
  status = next;
  failure = error;
  listeners.forEach((listener) => listener());
}

/** Asks `team.status` again; a failed question keeps what was known (one missed poll does not hide the header). */
export function refreshTeamStatus(): Promise<void> {
  pending ??= call('team.status', {}).then(
    (next) => {
      pending = null;
      publish(next);
    },
    (error: unknown) => {
      pending = null;
      publish(status, error);
    },
  );
  return pending;
}

/** Takes an answer that already carries the status (team.connect, team.disconnect). */
export function setTeamStatus(next: TeamStatus): void {
  publish(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The status as last known, null before the first answer (or when the host has no team mode). */
export function useTeamStatus(): TeamStatus | null {
  return useSyncExternalStore(subscribe, () => status);
}

/** Why the last `team.status` failed, or null. */
export function useTeamStatusFailure(): unknown {
  return useSyncExternalStore(subscribe, () => failure);
}

/** How often the header asks while linked: changes waiting and conflicts stay current without costing much. */
export const POLL_MS = 5000;

/**
 * Keeps the status current: asked once, again on every navigation (after a
 * save, the screen usually changes), and every POLL_MS while linked.
 */
export function useTeamStatusPolling(navigationKey: string): TeamStatus | null {
  const current = useTeamStatus();
  const linked = current?.linked === true;
  useEffect(() => {
    void refreshTeamStatus();
  }, [navigationKey]);
  useEffect(() => {
    if (!linked) return;
    const timer = window.setInterval(() => {
      // A hidden window (minimised, another tab) does not need the figures.
      if (document.visibilityState !== 'hidden') void refreshTeamStatus();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [linked]);
  return current;
}

/** Only for tests: forget what is known. */
export function resetTeamStatusForTests(): void {
  status = null;
  failure = null;
  pending = null;
}
