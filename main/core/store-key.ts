import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPlainStoreFile, rawStoreKey, type StoreKey } from './db/cipher';
import { DomainError } from './errors';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';

/**
 * Where the browser host keeps the key of a data folder's store: a file
 * only the user may read (0600, in a 0700 folder), outside the data folder,
 * so that a copied data folder does not carry its key. One file per data
 * folder, named after the folder's path. `--key-file` (or LOTSE_KEY_FILE)
 * names another one.
 */
export function defaultKeyFile(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const configDir =
    platform === 'win32'
      ? path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lotse-Schluessel')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Lotse-Schluessel')
        : path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'lotse', 'schluessel');
  const folder = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 32);
  return path.join(configDir, `${folder}.key`);
}

/** The key file an environment names (LOTSE_KEY_FILE), if any. */
export function keyFileFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LOTSE_KEY_FILE || undefined;
}

const KEY_LINE = /^[0-9a-f]{64}$/;

/** Whether a store file exists with content that only a key opens (an encrypted one). */
function encryptedStoreExists(storeFile: string): boolean {
  try {
    return fs.statSync(storeFile).size > 0 && !isPlainStoreFile(storeFile);
  } catch {
    return false;
  }
}

/**
 * The store's key from `keyFile`; made (32 random bytes) when there is none
 * and no encrypted store that would need the old one. A missing key for an
 * encrypted store is refused in German: a new key would not open it.
 */
export function loadOrCreateKeyFile(keyFile: string, storeFile: string): StoreKey {
  let text: string | undefined;
  try {
    text = fs.readFileSync(keyFile, 'utf8').trim();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    if (!KEY_LINE.test(text)) throw new DomainError('store_key_wrong', { key: 'dataDir.keyWrong', params: { file: storeFile } });
    return rawStoreKey(Buffer.from(text, 'hex'));
  }
  if (encryptedStoreExists(storeFile)) throw new DomainError('store_key_wrong', { key: 'dataDir.keyMissing', params: { file: storeFile, keyFile } });
  const bytes = randomBytes(32);
  writeKeyFile(keyFile, bytes);
  return rawStoreKey(bytes);
}

/** Written aside (0600) and renamed, fsynced: a crash never leaves half a key, and no other user can read it. */
export function writeKeyFile(keyFile: string, bytes: Buffer): void {
  const dir = path.dirname(keyFile);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch {
    // A disk without modes (private-files.ts): the folder's ACL protects it.
  }
  const temp = `${keyFile}.${process.pid}.neu`;
  const descriptor = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeSync(descriptor, `${bytes.toString('hex')}\n`);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temp, keyFile);
}

/**
 * Passphrase mode (issue 13): the store's key is derived from a passphrase
 * the counselor types at start (SQLite3MC's own KDF, PBKDF2-SHA256, as for a
 * downloaded backup). Whether a store is in passphrase mode must be known
 * before anyone typed it, so the data folder holds a small plain marker file
 * beside the store: it says only that a passphrase is needed, never anything
 * derived from it. No marker: the key file (or the host's key) opens the
 * store, as before.
 *
 * Switching either way writes the new mode's marker or key file before the
 * re-encrypted store is renamed into place, and removes the old one after.
 * A crash between leaves both; the next start tells which one holds by
 * trying the key file: it opens the store → key file mode (the marker goes);
 * it does not → passphrase mode (the stale key file goes once the
 * passphrase opened the store).
 */
export const PASSPHRASE_MARKER = 'lotse.passphrase';

export const PASSPHRASE_MIN_LENGTH = 10;

const MARKER_TEXT = 'Dieser Lotse-Datenbestand ist mit einer Passphrase verschlüsselt: Lotse fragt beim Start danach. Diese Datei enthält kein Geheimnis.\n';

export function passphraseMarker(dataDir: string): string {
  return path.join(dataDir, PASSPHRASE_MARKER);
}

export function inPassphraseMode(dataDir: string): boolean {
  return fs.existsSync(passphraseMarker(dataDir));
}

/** Written aside and renamed, fsynced, like the key file. */
export function writePassphraseMarker(dataDir: string): void {
  const marker = passphraseMarker(dataDir);
  const temp = `${marker}.${process.pid}.neu`;
  const descriptor = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeSync(descriptor, MARKER_TEXT);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temp, marker);
}

/** The key in a key file, or null when there is none or it is not one. */
export function readKeyFile(keyFile: string): StoreKey | null {
  try {
    const text = fs.readFileSync(keyFile, 'utf8').trim();
    return KEY_LINE.test(text) ? rawStoreKey(Buffer.from(text, 'hex')) : null;
  } catch {
    return null;
  }
}
