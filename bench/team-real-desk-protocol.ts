/** What the bench (team.ts) and a real desk's worker thread (team-real-desk.ts) say to each other. */

/** How often a real desk's thread looks at its store for the other desk's edits and its pull cursor. */
export const REAL_DESK_POLL_MS = 10;

export type RealDeskRequest =
  | { type: 'connect'; url: string; role: string; password: string }
  | { type: 'createClients'; names: Array<{ familyName: string; givenName: string }> }
  | { type: 'hasClients'; ids: string[] }
  | { type: 'edit'; clientId: string; street: string }
  | { type: 'watch'; clientId: string; street: string }
  | { type: 'stop' };

export type RealDeskEvent =
  | { type: 'answer'; id: number; value?: unknown; error?: string }
  | { type: 'cursor'; tx: string; seq: number; at: number }
  | { type: 'arrived'; clientId: string; street: string; at: number };
