import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPlainStoreFile, rawStoreKey, type StoreKey } from '../core/db/cipher';
import { DomainError } from '../core/errors';
import { defaultKeyFile } from '../core/store-key';

/**
 * The Electron host's key of the store (issue 13): 32 random bytes kept by
 * Electron's safeStorage, i.e. the OS keychain (Keychain, DPAPI, libsecret/
 * kwallet). Only the blob safeStorage encrypted lies in the app's userData:
 * a copied folder is of no use without the user's keychain. Where the system
 * has no keychain (safeStorage unavailable, or Linux's plain-text fallback)
 * the key file of the browser host is used instead (core/store-key.ts).
 */

/** What this module needs of Electron's safeStorage; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no keychain, the "encryption" is a fixed key. */
  getSelectedStorageBackend?(): string;
}

export const KEY_BLOB_FILE = 'lotse-schluessel.bin';

const KEY_LINE = /^[0-9a-f]{64}$/;

export interface SafeStorageKeyOptions {
  /** The app's userData (the Electron host's data folder). */
  userData: string;
  /** The store the key is for (…/lotse.sqlite). */
  storeFile: string;
  /** Where a browser host kept the key of this folder before (adopted once into the keychain). */
  keyFile?: string;
}

/** Whether safeStorage is backed by a real keychain. */
export function keychainAvailable(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

/**
 * The store's key from the keychain blob, or null when there is no keychain
 * (the caller then uses the key file). Made on the first start (or adopted
 * from the browser host's key file); a blob the keychain no longer opens, or
 * a missing one for an encrypted store, is refused in German and nothing is
 * changed.
 */
export function loadOrCreateSafeStorageKey(safeStorage: SafeStorageLike, options: SafeStorageKeyOptions): StoreKey | null {
  if (!keychainAvailable(safeStorage)) return null;
  const blobFile = path.join(options.userData, KEY_BLOB_FILE);
  const missing = () => new DomainError('store_key_wrong', { key: 'dataDir.keyMissing', params: { file: options.storeFile, keyFile: blobFile } });
  if (fs.existsSync(blobFile)) {
    let hex: string;
    try {
      hex = safeStorage.decryptString(fs.readFileSync(blobFile)).trim();
    } catch {
      throw missing();
    }
    if (!KEY_LINE.test(hex)) throw missing();
    return rawStoreKey(Buffer.from(hex, 'hex'));
  }
  const keyFile = options.keyFile ?? defaultKeyFile(options.userData);
  let hex: string | undefined;
  try {
    hex = fs.readFileSync(keyFile, 'utf8').trim();
  } catch {
    hex = undefined;
  }
  if (hex === undefined || !KEY_LINE.test(hex)) {
    if (storeIsEncrypted(options.storeFile)) throw missing();
    hex = randomBytes(32).toString('hex');
  }
  writeBlob(blobFile, safeStorage.encryptString(hex));
  return rawStoreKey(Buffer.from(hex, 'hex'));
}

function storeIsEncrypted(storeFile: string): boolean {
  try {
    return fs.statSync(storeFile).size > 0 && !isPlainStoreFile(storeFile);
  } catch {
    return false;
  }
}

/** Written aside (0600), fsynced and renamed: a crash never leaves half a blob. */
function writeBlob(blobFile: string, blob: Buffer): void {
  fs.mkdirSync(path.dirname(blobFile), { recursive: true, mode: 0o700 });
  const temp = `${blobFile}.neu`;
  const descriptor = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(descriptor, blob);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temp, blobFile);
}
