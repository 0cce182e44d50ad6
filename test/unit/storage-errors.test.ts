import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../main/core/errors';
import { openCore } from '../../main/core/open-core';
import { portError, storageError } from '../../main/core/storage-errors';
import { runBrowserHost } from '../../main/web/browser-host';
import { makeTempDir } from '../support/temp-dir';

// A healthy folder: writable, with space, so SQLite's vague codes are not blamed on it.
const temp = makeTempDir();
afterAll(() => temp.cleanup());
const dataDir = temp.dir;

function coded(code: string): Error {
  return Object.assign(new Error(`raw ${code}`), { code });
}

function mapped(code: string, atStart = false): { code: string; key: string } | undefined {
  const error = storageError(coded(code), { dataDir, atStart });
  return error && { code: error.code, key: error.wording.key };
}

describe('storage errors in words', () => {
  it.each([
    ['ENOSPC', 'storage_full', 'storage.full'],
    ['EDQUOT', 'storage_full', 'storage.full'],
    ['EROFS', 'storage_readonly', 'storage.readonly'],
    ['EACCES', 'storage_denied', 'storage.denied'],
    ['EPERM', 'storage_denied', 'storage.denied'],
    ['SQLITE_FULL', 'storage_full', 'storage.full'],
    ['SQLITE_READONLY', 'storage_readonly', 'storage.readonly'],
    ['SQLITE_READONLY_DBMOVED', 'storage_readonly', 'storage.readonly'],
    ['SQLITE_PERM', 'storage_denied', 'storage.denied'],
    ['SQLITE_CORRUPT', 'store_damaged', 'storage.damaged'],
    ['SQLITE_CORRUPT_INDEX', 'store_damaged', 'storage.damaged'],
    ['SQLITE_NOTADB', 'store_damaged', 'storage.damaged'],
  ])('%s → %s (%s)', (code, errorCode, key) => {
    expect(mapped(code)).toEqual({ code: errorCode, key });
    expect(mapped(code, true)).toEqual({ code: errorCode, key: `${key}AtStart` });
  });

  it('leaves I/O errors of a healthy folder, busy stores, plain and domain errors to the caller', () => {
    for (const code of ['SQLITE_IOERR_WRITE', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', 'ENOENT', 'EADDRINUSE']) {
      expect(mapped(code), code).toBeUndefined();
    }
    expect(storageError(new Error('boom'), { dataDir })).toBeUndefined();
    expect(storageError('not even an error', { dataDir })).toBeUndefined();
    expect(storageError(new DomainError('data_dir_locked', { key: 'dataDir.inUseOwnerUnknown', params: { dataDir } }), { dataDir })).toBeUndefined();
  });

  it('does not guess about SQLite I/O errors when the folder cannot be probed', () => {
    // A full or read-only folder is probed in test/db/disk-full.test.ts; a missing one explains nothing.
    expect(storageError(coded('SQLITE_IOERR_WRITE'), { dataDir: path.join(dataDir, 'gone') })).toBeUndefined();
  });

  it('words the message in German with the data folder and what to do', () => {
    expect(storageError(coded('ENOSPC'), { dataDir })?.message).toBe(
      `Der Datenträger ist voll: Lotse konnte nicht speichern, es wurde nichts gespeichert. Bitte Platz schaffen (z. B. alte Dateien löschen) und es noch einmal versuchen. Datenordner: ${dataDir}`,
    );
    expect(storageError(coded('ENOSPC'), { dataDir, atStart: true })?.message).toBe(
      `Lotse kann nicht starten: Der Datenträger mit dem Datenordner ${dataDir} ist voll. Bitte Platz schaffen (z. B. alte Dateien löschen) und Lotse neu starten.`,
    );
    const apiError = storageError(coded('SQLITE_READONLY'), { dataDir })?.toApiError();
    expect(apiError).toMatchObject({ code: 'storage_readonly', key: 'storage.readonly', params: { dataDir } });
    expect(apiError?.message).toContain('schreibgeschützt');
  });

  it('maps a real SQLite refusal: a file that is no database', () => {
    const file = path.join(dataDir, 'not-a-db.sqlite');
    fs.writeFileSync(file, 'x'.repeat(4096));
    let thrown: unknown;
    try {
      new Database(file).pragma('user_version');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_NOTADB');
    expect(storageError(thrown, { dataDir })?.code).toBe('store_damaged');
  });

  it('says which port is taken', () => {
    const error = portError(coded('EADDRINUSE'), 4711);
    expect(error?.code).toBe('port_in_use');
    expect(error?.message).toBe(
      'Lotse kann nicht starten: Der Port 4711 ist schon belegt (läuft Lotse schon, oder nutzt ein anderes Programm ihn?). Bitte das andere Programm beenden oder Lotse mit einem anderen Port starten (--port).',
    );
    expect(portError(coded('EACCES'), 80)).toBeUndefined();
  });

  it('refuses to start the browser host on a taken port in German, and lets go of the data folder', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    const folder = path.join(dataDir, 'host');
    try {
      await expect(
        runBrowserHost({ browser: true, open: false, port, dataDir: folder, keyFile: undefined }, { version: 't', staticDir: dataDir }),
      ).rejects.toThrow(`Lotse kann nicht starten: Der Port ${port} ist schon belegt`);
    } finally {
      squatter.close();
    }
    openCore({ dataDir: folder, host: 'browser', version: 't' }).close();
  });
});
