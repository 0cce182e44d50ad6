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
