import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { DomainError } from '../../main/core/errors';
import { writeKeyFile } from '../../main/core/store-key';
import { KEY_BLOB_FILE, loadOrCreateSafeStorageKey, type SafeStorageLike } from '../../main/electron/safe-storage-key';
import { makeTempDir } from '../support/temp-dir';

/** A keychain: "encrypts" by XOR with its own secret, and refuses a blob it did not make. */
function fakeKeychain(secret = 0x5a, backend = 'gnome_libsecret'): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([secret]), Buffer.from(text, 'utf8').map((byte) => byte ^ secret)]);
    },
    decryptString(blob) {
      calls.push('decrypt');
      if (blob[0] !== secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(blob.subarray(1).map((byte) => byte ^ secret)).toString('utf8');
    },
  };
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function folder(): { userData: string; storeFile: string } {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return { userData: temp.dir, storeFile: path.join(temp.dir, 'lotse.sqlite') };
}

describe('the Electron host keeps the store key in the OS keychain (safeStorage)', () => {
  it('makes a random key once, keeps only the keychain’s blob (0600) in userData, and gives the same key again', () => {
    const dir = folder();
    const keychain = fakeKeychain();
    const key = loadOrCreateSafeStorageKey(keychain, dir)!;
    expect(key.secret).toMatch(/^x'[0-9a-f]{64}'$/);
    const blob = fs.readFileSync(path.join(dir.userData, KEY_BLOB_FILE));
    expect(blob.includes(Buffer.from(key.secret.slice(2, -1)))).toBe(false);
    expect(fs.statSync(path.join(dir.userData, KEY_BLOB_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSafeStorageKey(keychain, dir)).toEqual(key);
    expect(keychain.calls).toEqual(['encrypt', 'decrypt']);
    // The key opens the store it made.
    openDatabase(dir.storeFile, { backupDir: null, key }).close();
    expect(loadOrCreateSafeStorageKey(keychain, dir)).toEqual(key);
  });

  it('refuses in German, changing nothing, when another keychain (a copied folder) cannot open the blob, or the blob is gone', () => {
    const dir = folder();
    const key = loadOrCreateSafeStorageKey(fakeKeychain(), dir)!;
    openDatabase(dir.storeFile, { backupDir: null, key }).close();
    const store = fs.readFileSync(dir.storeFile);
    expect(() => loadOrCreateSafeStorageKey(fakeKeychain(0x33), dir)).toThrow(DomainError);
    expect(() => loadOrCreateSafeStorageKey(fakeKeychain(0x33), dir)).toThrow('Der Schlüssel zum verschlüsselten Datenbestand');
    fs.rmSync(path.join(dir.userData, KEY_BLOB_FILE));
    expect(() => loadOrCreateSafeStorageKey(fakeKeychain(), dir)).toThrow('Der Schlüssel zum verschlüsselten Datenbestand');
    expect(fs.existsSync(path.join(dir.userData, KEY_BLOB_FILE))).toBe(false);
    expect(fs.readFileSync(dir.storeFile).equals(store)).toBe(true);
  });

  it('adopts the key file a browser host kept for the folder, and leaves it to the key file where there is no real keychain', () => {
    const dir = folder();
    const keyFile = path.join(dir.userData, '..', `${path.basename(dir.userData)}.key`);
    cleanups.push(() => fs.rmSync(keyFile, { force: true }));
    writeKeyFile(keyFile, Buffer.alloc(32, 7));
    expect(loadOrCreateSafeStorageKey(fakeKeychain(), { ...dir, keyFile })?.secret).toBe(`x'${'07'.repeat(32)}'`);
    expect(loadOrCreateSafeStorageKey(fakeKeychain(0x5a, 'basic_text'), { ...folder(), keyFile })).toBeNull();
    expect(loadOrCreateSafeStorageKey({ ...fakeKeychain(), isEncryptionAvailable: () => false }, folder())).toBeNull();
  });
});
