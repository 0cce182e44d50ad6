import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds social data (§ 35 SGB I) with a health category:
 * only the user may enter it (0700) or read its files (0600), whatever modes
 * an older Lotse or the system's umask left there. SQLite gives the -wal and
 * -shm files the mode of their database file, so a store made private once
 * keeps its journal private too. On Windows chmod only toggles the read-only
 * flag; the profile folder's ACL is what protects the data there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Disks whose file system has no modes (FAT on a USB stick: EPERM) or that are
 * read-only refuse chmod; Lotse still starts there (a read-only disk is then
 * refused by the lock, in German), with a warning that the modes are not set.
 */
const UNSUPPORTED = new Set(['EPERM', 'EROFS', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL']);
/** Once per process: such a disk refuses it for every file. */
let warned = false;

/** One file (or folder) Lotse just created, made the user's alone; a file that is gone by now is no error. */
export function makePrivate(file: string): void {
  try {
    fs.chmodSync(file, fs.statSync(file).isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return;
    if (typeof code === 'string' && UNSUPPORTED.has(code)) {
      if (warned) return;
      warned = true;
      console.warn(`[lotse] Die Zugriffsrechte von ${file} konnten nicht auf „nur für diese Person“ gesetzt werden (${code}).`);
      return;
    }
    throw error;
  }
}

/** The folder and everything below it (symbolic links are left alone: they may point out of the folder). */
export function makeTreePrivate(dir: string): void {
  makePrivate(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) makeTreePrivate(child);
    else if (entry.isFile()) makePrivate(child);
  }
}
