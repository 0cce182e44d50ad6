import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { isPlainStoreFile, keyOpens, openKeyed, type StoreKey } from '../../main/core/db/cipher';
import { defaultKeyFile, loadOrCreateKeyFile } from '../../main/core/store-key';

/**
 * The key of the store `file` (…/lotse.sqlite) as the browser host finds it:
 * the key file of its data folder (in the temp config folder of
 * test/support/key-folder.ts), made on first use. Tests that open a store
 * file directly use it, so that a core opened on the folder later agrees.
 */
export function keyFor(file: string): StoreKey {
  const dataDir = path.dirname(file);
  return loadOrCreateKeyFile(defaultKeyFile(dataDir), path.join(dataDir, 'lotse.sqlite'));
}

/** A connection to a store file (or a backup of it, given the store's file) with the store's key. */
export function openWithKey(file: string, flags: { readonly?: boolean; fileMustExist?: boolean } = {}, storeFile = file): Database.Database {
  return openKeyed(file, { key: keyFor(storeFile) }, flags);
}

/**
 * The bytes of a store file (with its WAL, checkpointed) as they would lie on
 * disk unencrypted: a copy opened with the store's key and decrypted in place (PRAGMA rekey to no
 * key rewrites every page, free ones too). A file the key does not open
 * (a -wal, a lock, a plain file) is given as it is.
 */
export function decryptedBytes(file: string, storeFile: string): Buffer {
  const raw = fs.readFileSync(file);
  if (isPlainStoreFile(file) || !keyOpens(file, { key: keyFor(storeFile) })) return raw;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-decrypted-'));
  try {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    // A store's WAL comes along: what is only there yet is part of the store.
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = openKeyed(copy, { key: keyFor(storeFile) }, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      db.rekey(Buffer.alloc(0));
    } finally {
      db.close();
    }
    return fs.readFileSync(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
