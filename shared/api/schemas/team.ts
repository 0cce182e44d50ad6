import { z } from 'zod';
import { refinement } from '../german-messages';
import { id, text } from './common';

/**
 * Team mode (`team.*`, docs/team-mode.md): the desk linked to the office's
 * PostgreSQL team store. The desk keeps working offline; what it writes waits
 * in its outbox until the next sync, and an edit made against an older state
 * than the server's becomes a conflict for a person to decide.
 */

/** A postgres:// address without the password (the password is its own field, kept only in the encrypted store). */
export const TeamUrlSchema = z
  .string()
  .max(1000)
  // Host (with port), then an optional database and query: nothing a URL parser would refuse.
  .refine((value) => /^postgres(ql)?:\/\/([^\s/?#@]*@)?[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s?#]*)?(\?[^\s#]*)?$/.test(value), refinement('team.badUrl'));

export const TeamConnectSchema = z.object({
  url: TeamUrlSchema,
  /** The PostgreSQL role `team-admin add-counselor` printed. */
  role: z
    .string()
    .max(63)
    .refine((value) => /^[a-z_][a-z0-9_]*$/.test(value), refinement('team.badRole')),
  password: z.string().min(1).max(500),
});

export const TeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
});

export const TeamStatusSchema = z.object({
  /** Whether this desk is linked to a team store; everything below is empty when not. */
  linked: z.boolean(),
  /** The store's address, without the password. */
  url: z.string().nullable(),
  role: z.string().nullable(),
  /** Whom the team store knows this counselor as (`add-counselor --name`). */
  displayName: z.string().nullable(),
  /** The team new clients of this desk belong to. */
  team: TeamSchema.nullable(),
  /** Whether this counselor may change the shared wording (templates, letterhead, residence statuses). */
  lead: z.boolean(),
  /** Every team of the store, for a hand-over. */
  teams: z.array(TeamSchema),
  /** The last sync reached the server. */
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  /** Local changes not yet on the server. */
  waiting: z.number().int().min(0),
  /** Conflicts waiting for a person. */
  conflicts: z.number().int().min(0),
  /** Why the last sync failed (German, for the header's tooltip and the settings page), or null. */
  lastError: z.string().nullable(),
});

export const TeamSyncResultSchema = z.object({
  pushed: z.number().int().min(0),
  pulled: z.number().int().min(0),
  conflicts: z.number().int().min(0),
});

/** What kind of record a conflict is about, for its heading. */
export const CONFLICT_SUBJECTS = ['client', 'partner', 'document', 'consent', 'template', 'office', 'residenceStatus', 'other'] as const;

export const ConflictSideSchema = z.object({
  /** Who made this state (the counselor's name as the team store or this desk knows it). */
  by: z.string(),
  at: z.string(),
});

export const ConflictFieldSchema = z.object({
  /** The field's path in the record, e.g. `family_name` or `details.phone`. */
  field: z.string(),
  /** The value as text (JSON for anything not a string), null when the field is empty or missing. */
  server: z.string().nullable(),
  desk: z.string().nullable(),
});

export const ConflictSchema = z.object({
  id: z.uuid(),
  subject: z.enum(CONFLICT_SUBJECTS),
  /** The record's name as a person recognises it (the client's name, the partner's name …). */
  label: z.string(),
  clientId: z.string().nullable(),
  server: ConflictSideSchema,
  desk: ConflictSideSchema,
  /** Only the fields where the two states differ. */
  fields: z.array(ConflictFieldSchema),
});

export const ConflictListSchema = z.object({ items: z.array(ConflictSchema) });

export const ConflictResolveSchema = z.object({
  id: z.uuid(),
  /** Per differing field, which state wins; a field not named keeps the server's value. */
  pick: z.record(text(200), z.enum(['server', 'desk'])),
});

export const HandOverSchema = z.object({ clientId: id, teamId: z.uuid() });

export type TeamStatus = z.output<typeof TeamStatusSchema>;
export type Conflict = z.output<typeof ConflictSchema>;
export type ConflictField = z.output<typeof ConflictFieldSchema>;
export type ConflictSubject = (typeof CONFLICT_SUBJECTS)[number];
