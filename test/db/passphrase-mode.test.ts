import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { isPlainStoreFile, rawStoreKey } from '../../main/core/db/cipher';
import { defaultKeyFile, PASSPHRASE_MARKER } from '../../main/core/store-key';
import type { AuditEntry, Backup, Client } from '../../shared/api/contract';
import { openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';

/*
 * Issue 13 item 1, passphrase mode: the browser host's store keyed by a
 * passphrase the counselor types at start instead of a key file, settable
 * both ways (app.setPassphrase, app.removePassphrase); the core starts locked
 * and app.unlock opens it. The bytes are looked at raw, never through Lotse.
 */

const FAMILY_NAME = 'Zwörnitzky';
const PASSPHRASE = 'Rurufer am Morgen 7';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && !entry.name.startsWith('lotse.lock') ? [file] : [];
  });
}

function hashes(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    filesBelow(dataDir).map((file) => [path.relative(dataDir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')]),
  );
}

/** Files of the folder whose raw bytes hold the client's family name (UTF-8 or UTF-16). */
function nameIn(dataDir: string): string[] {
  return filesBelow(dataDir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return bytes.indexOf(Buffer.from(FAMILY_NAME, 'utf8')) !== -1 || bytes.indexOf(Buffer.from(FAMILY_NAME, 'utf16le')) !== -1;
  });
}

function freshCore(): { core: Core; dataDir: string; reopen(): Core } {
  const test = openTestCore();
  let current = test.core;
  cleanups.push(() => {
    current.close();
    test.dispose();
  });
  return {
    core: test.core,
    dataDir: test.dataDir,
    reopen() {
      current.close();
      current = reopenCore(test.dataDir);
      return current;
    },
  };
}

describe('passphrase mode', () => {
  it('re-keys store and backups to the passphrase, starts locked, refuses a wrong one unchanged, opens with the right one, and goes back to a key file', async () => {
    const { core, dataDir, reopen } = freshCore();
    const keyFile = defaultKeyFile(dataDir);
    const client = await callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: FAMILY_NAME });
    const before = await callOk<Backup>(core, 'backups.create', {});
    expect(fs.existsSync(keyFile)).toBe(true);

    expect(errorOf(await dispatch(core, 'app.setPassphrase', { passphrase: 'zu kurz' })).code).toBe('invalid_input');
    expect(await callOk(core, 'app.setPassphrase', { passphrase: PASSPHRASE })).toEqual({ keyMode: 'passphrase' });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, PASSPHRASE_MARKER), 'utf8')).not.toContain(PASSPHRASE);
    const after = await callOk<Backup>(core, 'backups.create', {});
    // The switch is in the trail, without the passphrase.
    const trail = await callOk<{ items: AuditEntry[] }>(core, 'audit.list', { action: 'app.setPassphrase' });
    expect(trail.items).toHaveLength(1);
    expect(JSON.stringify(trail.items)).not.toContain(PASSPHRASE);
    expect(trail.items[0]?.details).toEqual({ backups: 1 });

    // A fresh core on the folder: locked, answers only app.info / app.describe / app.unlock.
    let locked = reopen();
    expect(isPlainStoreFile(path.join(dataDir, 'lotse.sqlite'))).toBe(false);
    expect(nameIn(dataDir)).toEqual([]);
    expect(await callOk(locked, 'app.info', {})).toMatchObject({ locked: true, keyMode: 'passphrase', storeDamage: null });
    expect(errorOf(await dispatch(locked, 'clients.get', { id: client.id })).code).toBe('store_locked');
    expect(errorOf(await dispatch(locked, 'backups.list', {})).code).toBe('store_locked');
    const untouched = hashes(dataDir);
    const wrong = errorOf(await dispatch(locked, 'app.unlock', { passphrase: 'Rurufer am Abend 7' }));
    expect(wrong.code).toBe('store_key_wrong');
    expect(wrong.message).toContain('Passphrase ist falsch');
    expect(hashes(dataDir)).toEqual(untouched);
    expect(locked.locked).toBe(true);

    expect(await callOk(locked, 'app.unlock', { passphrase: PASSPHRASE })).toEqual({ unlocked: true });
    expect(await callOk(locked, 'app.info', {})).toMatchObject({ locked: false, keyMode: 'passphrase' });
    expect((await callOk<Client>(locked, 'clients.get', { id: client.id })).familyName).toBe(FAMILY_NAME);
    expect(errorOf(await dispatch(locked, 'app.unlock', { passphrase: PASSPHRASE })).code).toBe('conflict');

    // Backups taken before and after the switch both restore.
    for (const backup of [before, after]) {
      expect(await callOk(locked, 'backups.restore', { id: backup.id })).toMatchObject({ restored: { id: backup.id } });
      expect((await callOk<Client>(locked, 'clients.get', { id: client.id })).familyName).toBe(FAMILY_NAME);
    }

    // Back to a key file: a new one, the marker gone, and the next start opens without asking.
    expect(await callOk(locked, 'app.removePassphrase', {})).toEqual({ keyMode: 'keyFile' });
    expect(fs.existsSync(keyFile)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, PASSPHRASE_MARKER))).toBe(false);
    expect(errorOf(await dispatch(locked, 'app.removePassphrase', {})).code).toBe('conflict');
    locked = reopen();
    expect(locked.locked).toBe(false);
    expect((await callOk<Client>(locked, 'clients.get', { id: client.id })).familyName).toBe(FAMILY_NAME);
    expect(nameIn(dataDir)).toEqual([]);
    const backups = (await callOk<{ items: Backup[] }>(locked, 'backups.list', {})).items;
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const backup of [before, after]) expect(await callOk(locked, 'backups.restore', { id: backup.id })).toMatchObject({ restored: { id: backup.id } });
  });

  it('after a switch cut short, a start finding marker and key file takes whichever opens the store', async () => {
    const { core, dataDir, reopen } = freshCore();
    const keyFile = defaultKeyFile(dataDir);
    const marker = path.join(dataDir, PASSPHRASE_MARKER);
    const client = await callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: FAMILY_NAME });
    // Cut short before the store's rename: the marker is there, but the key file still opens the store.
    fs.writeFileSync(marker, 'x');
    let next = reopen();
    expect(next.locked).toBe(false);
    expect(fs.existsSync(marker)).toBe(false);
    expect((await callOk<Client>(next, 'clients.get', { id: client.id })).familyName).toBe(FAMILY_NAME);
    // Cut short after the rename: the old key file is still there, but no longer opens the store.
    await callOk(next, 'app.setPassphrase', { passphrase: PASSPHRASE });
    fs.writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    next = reopen();
    expect(next.locked).toBe(true);
    await callOk(next, 'app.unlock', { passphrase: PASSPHRASE });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect((await callOk<Client>(next, 'clients.get', { id: client.id })).familyName).toBe(FAMILY_NAME);
  });

  it('is not offered where the host keeps the key (Electron)', async () => {
    const { core, dispose } = openTestCore(undefined, { key: rawStoreKey(randomBytes(32)) });
    cleanups.push(dispose);
    expect(await callOk(core, 'app.info', {})).toMatchObject({ locked: false, keyMode: 'host' });
    expect(errorOf(await dispatch(core, 'app.setPassphrase', { passphrase: PASSPHRASE })).code).toBe('not_supported');
  });

  it('answers typed errors out of place and for junk', async () => {
    const { core } = freshCore();
    expect(errorOf(await dispatch(core, 'app.unlock', { passphrase: PASSPHRASE })).code).toBe('conflict');
    expect(errorOf(await dispatch(core, 'app.removePassphrase', {})).code).toBe('conflict');
    expect(errorOf(await dispatch(core, 'app.setPassphrase', { passphrase: 12 })).code).toBe('invalid_input');
    expect(errorOf(await dispatch(core, 'app.setPassphrase', { passphrase: PASSPHRASE, extra: 1 })).code).toBe('invalid_input');
  });
});
