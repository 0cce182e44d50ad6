import { z } from 'zod';
import { refinement } from '../german-messages';
import { text } from './common';

/**
 * Backups of the store (`backups.*`). Each is one SQLite file in the data
 * folder's `backups/`; its name says its kind and when it was taken, so the
 * folder stays readable without Lotse.
 */

/**
 * - `daily`: taken automatically once a day; rotated (settings.backups).
 * - `preMigration`: taken before a newer Lotse changed the store's schema.
 * - `manual`: "Sicherung jetzt erstellen".
 * - `beforeRestore`: the store as it was before a restore replaced it.
 * - `uploaded`: a backup file the counselor chose, to restore from.
 * - `damaged`: a store found damaged at start, moved aside by a restore; never restored from.
 * Only `daily` ones are removed by rotation: the others are kept until someone deletes them by hand.
 */
export const BACKUP_KINDS = ['daily', 'preMigration', 'manual', 'beforeRestore', 'uploaded', 'damaged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** `ok`: PRAGMA integrity_check found nothing; `failed`: it found damage; `unchecked`: not checked yet (e.g. before a migration). */
export const INTEGRITY_RESULTS = ['ok', 'failed', 'unchecked'] as const;

/**
 * A backup's id is its file name: letters, digits and dashes with the
 * `.sqlite` ending, nothing that could name another folder.
 */
export const backupId = z
  .string()
  .max(120)
  .refine((value) => /^[A-Za-z0-9-]+\.sqlite$/.test(value), refinement('backups.badId'));

export const BackupSchema = z.object({
  id: backupId,
  kind: z.enum(BACKUP_KINDS),
  /** When it was taken (ISO 8601), from its name. */
  createdAt: z.string(),
  sizeBytes: z.number().int().min(0),
  /** PRAGMA user_version of the copy; null when the file is no SQLite store. */
  schemaVersion: z.number().int().nullable(),
  integrity: z.enum(INTEGRITY_RESULTS),
});

/** How many automatic daily backups are kept: the newest of each of so many days, and the newest of each of so many weeks. */
export const BackupSettingsSchema = z.object({
  keepDaily: z.number().int().min(1).max(60),
  keepWeekly: z.number().int().min(0).max(52),
});

export const BackupListSchema = z.object({
  /** Newest first. */
  items: z.array(BackupSchema),
  /** The folder the backups are in, to find them without Lotse. */
  folder: z.string(),
});

/** A backup file of at most 22 MB, as base64: the browser host takes requests of at most 32 MB. */
export const MAX_UPLOAD_BASE64 = 30 * 1024 * 1024;

/** A backup file the counselor picked; the core checks that it is a sound Lotse store before keeping it. */
/**
 * The passphrase a downloaded backup is encrypted with, so that another desk
 * (with another key) can restore it (main/core/services/backup.ts).
 */
export const BackupPassphraseSchema = z
  .string()
  .max(500)
  .refine((value) => value.length >= 8, refinement('backups.passphraseTooShort'));

export const BackupUploadSchema = z.object({
  fileName: text(300),
  /** The passphrase the file was downloaded with; none for a copy of this data folder (or a plain one of an older Lotse). */
  passphrase: BackupPassphraseSchema.optional(),
  contentBase64: z
    .string()
    .min(1)
    .refine((value) => value.length <= MAX_UPLOAD_BASE64, refinement('backups.fileTooLarge')),
});

/** Why the store was not opened: Lotse then answers only app.info and the backups methods. */
export const StoreDamageSchema = z.object({
  /** `quickCheck`: PRAGMA quick_check found damage; `corrupt`: SQLite refused it as malformed; `notADatabase`: no SQLite file. */
  reason: z.enum(['quickCheck', 'corrupt', 'notADatabase', 'empty']),
  /** The newest backup that looks good (checked or not yet checked, not newer than this Lotse), to offer first. */
  newestGoodBackup: BackupSchema.nullable(),
});

export type Backup = z.output<typeof BackupSchema>;
export type BackupSettings = z.output<typeof BackupSettingsSchema>;
export type StoreDamage = z.output<typeof StoreDamageSchema>;
