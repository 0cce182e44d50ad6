import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { createCallHandler, FORBIDDEN_RESULT } from '../../main/electron/ipc';
import {
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  isAllowedDownloadUrl,
  isAppBlobUrl,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  senderFacts,
  shouldBlockNavigation,
  type SenderEventLike,
  type SenderFacts,
} from '../../main/electron/security';
import { createWindowOptions } from '../../main/electron/window-options';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

describe('window options (DESIGN.md §3)', () => {
  const options = createWindowOptions('/app/dist/preload/preload.cjs');

  it('has every required webPreference', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('titles and sizes the window', () => {
    expect(options.title).toBe('Lotse');
    expect(options.width).toBe(1280);
    expect(options.height).toBe(860);
    expect(options.backgroundColor).toBe('#ffffff');
    expect(options.show).toBe(false);
  });

  it('turns dev tools off on request', () => {
    expect(createWindowOptions('/p', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(options.webPreferences?.devTools).toBe(true);
  });
});

describe('app scheme', () => {
  it('is standard and secure, without CSP bypass or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_START_URL).toBe('lotse://app/index.html');
  });

  it('recognises only lotse://app URLs', () => {
    expect(isAppUrl('lotse://app/index.html')).toBe(true);
    expect(isAppUrl('lotse://app/')).toBe(true);
    expect(isAppUrl('lotse://app/assets/index-abc.js?x=1#y')).toBe(true);
    expect(isAppUrl('lotse://other/index.html')).toBe(false);
    expect(isAppUrl('lotse://app.evil.example/index.html')).toBe(false);
    expect(isAppUrl('lotse://user@app/index.html')).toBe(false);
    expect(isAppUrl('lotse://app:8080/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('recognises blob URLs of the app origin', () => {
    expect(isAppBlobUrl('blob:lotse://app/0b5c4c1e-7e65-4a39-9d3c-0e0b7e0c1d2f')).toBe(true);
    expect(isAppBlobUrl('blob:https://evil.example/0b5c4c1e')).toBe(false);
    expect(isAppBlobUrl('lotse://app/index.html')).toBe(false);
  });
});

describe('sender check', () => {
  const trusted: SenderFacts = { frameUrl: 'lotse://app/index.html', isMainFrame: true, senderId: 7, mainWebContentsId: 7 };

  it("accepts the app window's main frame", () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'lotse://app/index.html#/klienten/3' })).toBe(true);
  });

  it('refuses a subframe', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses another webContents', () => {
    expect(isTrustedSender({ ...trusted, senderId: 8 })).toBe(false);
  });

  it('refuses everything while there is no app window', () => {
    expect(isTrustedSender({ ...trusted, mainWebContentsId: undefined })).toBe(false);
  });

  it('refuses a foreign URL', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: 'https://evil.example/' })).toBe(false);
  });

  it('refuses a file:// URL', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: 'file:///home/user/dist/renderer/index.html' })).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: undefined })).toBe(false);
  });

  it('reads the facts from an IPC event', () => {
    const mainFrame = { url: 'lotse://app/index.html', parent: null };
    expect(senderFacts({ sender: { id: 7 }, senderFrame: mainFrame }, 7)).toEqual(trusted);
    expect(senderFacts({ sender: { id: 7 }, senderFrame: { url: 'lotse://app/index.html', parent: mainFrame } }, 7)).toEqual({
      ...trusted,
      isMainFrame: false,
    });
    expect(senderFacts({ sender: { id: 7 }, senderFrame: null }, 7)).toEqual({ ...trusted, frameUrl: undefined, isMainFrame: false });
  });

  it('treats a frame that throws on access as missing', () => {
    const event = {
      sender: { id: 7 },
      get senderFrame(): SenderEventLike['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(senderFacts(event, 7))).toBe(false);
  });
});

describe('navigation, downloads, permissions', () => {
  it('blocks every navigation', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'lotse://app/index.html', 'blob:lotse://app/1234', 'about:blank']) {
      expect(shouldBlockNavigation(url), url).toBe(true);
    }
  });

  it('allows downloads of local content only', () => {
    expect(isAllowedDownloadUrl('blob:lotse://app/0b5c4c1e-7e65-4a39-9d3c-0e0b7e0c1d2f')).toBe(true);
    expect(isAllowedDownloadUrl('data:application/pdf;base64,JVBERi0=')).toBe(true);
    expect(isAllowedDownloadUrl('https://evil.example/payload.exe')).toBe(false);
    expect(isAllowedDownloadUrl('blob:https://evil.example/1234')).toBe(false);
    expect(isAllowedDownloadUrl('file:///etc/passwd')).toBe(false);
  });

  it('denies every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });
});

describe('IPC call handler', () => {
  const ok: ApiResult<unknown> = { ok: true, value: { host: 'electron' } };

  function setup(trusted: boolean) {
    const dispatch = vi.fn(async (_method: string, _input: unknown) => ok);
    const warn = vi.fn();
    const handler = createCallHandler<{ trusted: boolean }>({ dispatch, isTrusted: (event) => event.trusted, warn });
    return { dispatch, warn, handler, event: { trusted } };
  }

  it('dispatches a call from a trusted sender', async () => {
    const { dispatch, handler, event } = setup(true);
    await expect(handler(event, 'app.info', { a: 1 })).resolves.toEqual(ok);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('app.info', { a: 1 });
  });

  it('refuses an untrusted sender without dispatching', async () => {
    const { dispatch, warn, handler, event } = setup(false);
    const result = await handler(event, 'clients.erase', { id: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Diese Anfrage kommt nicht aus dem Lotse-Fenster und wurde abgelehnt.' } });
    expect(result).toBe(FORBIDDEN_RESULT);
    expect(dispatch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('clients.erase');
  });

  it('refuses a method that is not a string without dispatching', async () => {
    const { dispatch, handler, event } = setup(true);
    const result = await handler(event, { toString: () => 'app.info' }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unknown_method');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createCallHandler<null>({ dispatch: () => Promise.reject(new Error('boom')), isTrusted: () => true });
    const result = await handler(null, 'app.info', {});
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('boom');
    error.mockRestore();
  });

  it('wired as in main.ts, dispatches only for the main frame of the app window', async () => {
    const dispatch = vi.fn(async () => ok);
    const mainWebContentsId = 3;
    const handler = createCallHandler<SenderEventLike>({
      dispatch,
      isTrusted: (event) => isTrustedSender(senderFacts(event, mainWebContentsId)),
      warn: () => {},
    });
    const appFrame = { url: 'lotse://app/index.html', parent: null };
    const refused = [
      { sender: { id: 3 }, senderFrame: { url: 'lotse://app/index.html', parent: appFrame } },
      { sender: { id: 4 }, senderFrame: appFrame },
      { sender: { id: 3 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 3 }, senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { sender: { id: 3 }, senderFrame: null },
    ];
    for (const event of refused) expect((await handler(event, 'app.info', {})).ok, JSON.stringify(event)).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
    await expect(handler({ sender: { id: 3 }, senderFrame: appFrame }, 'app.info', {})).resolves.toEqual(ok);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('layering of main/electron', () => {
  // Everything but main.ts must load without the Electron binary (tests, launcher).
  it("imports 'electron' at runtime only in main.ts", () => {
    const dir = path.join(projectDir, 'main', 'electron');
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.ts'));
    expect(files).toContain('main.ts');
    const runtimeImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/m;
    const offenders = files.filter((file) => file !== 'main.ts' && runtimeImport.test(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(offenders).toEqual([]);
    expect(runtimeImport.test(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8'))).toBe(true);
  });
});
