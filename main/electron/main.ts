/**
 * The Electron host (DESIGN.md §1, §3): app lifecycle, the one window, the
 * app scheme, the one IPC channel, and the guards on every webContents.
 * Decisions live in the pure modules beside this file; this one wires them
 * to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type MenuItemConstructorOptions, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatch';
import type { Core } from '../core/core';
import { openCore } from '../core/open-core';
import { storageError } from '../core/storage-errors';
import { parseLaunchOptions } from '../launch-options';
import { createAppProtocolHandler } from './app-protocol';
import { createCallHandler } from './ipc';
import { clearPrintFolder, createPdfPrinter, createPrintWindowOptions } from './print';
import { IPC_CALL_CHANNEL } from './ipc-channels';
import { appRootFromMainDir, electronAppArgs, readAppVersion, resolveDataDir } from './launch';
import { resolveNativeBinding } from './native-binding';
import { loadOrCreateSafeStorageKey } from './safe-storage-key';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  isAllowedDownloadUrl,
  isAppBlobUrl,
  isPermissionGranted,
  isTrustedSender,
  senderFacts,
  shouldBlockNavigation,
} from './security';
import { createWindowOptions } from './window-options';

const appRoot = appRootFromMainDir(__dirname);
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist', 'preload', 'preload.cjs');

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let mainWebContentsId: number | undefined;

function fail(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[lotse] ${title}:`, error);
  // Safe before 'ready' too (on Linux it then only goes to stderr).
  dialog.showErrorBox(title, message);
  // app.exit skips 'will-quit', so release the data dir here.
  core?.close();
  core = undefined;
  app.exit(1);
}

// --- Before 'ready': things Electron only accepts this early. ---------------

function dataDirFromArgs(): string | undefined {
  let dir: string | undefined;
  try {
    const options = parseLaunchOptions(electronAppArgs(process.argv, app.isPackaged), { ignoreUnknownSwitches: true });
    dir = resolveDataDir(options.dataDir, app.getPath('appData'));
    // app.setPath refuses a folder that does not exist yet.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  } catch (error) {
    // A folder that cannot be made (read-only, forbidden, full disk) is said in German, as openCore says it.
    fail('Lotse kann nicht starten', (dir !== undefined && storageError(error, { dataDir: dir, atStart: true })) || error);
    return undefined;
  }
}

const dataDir = dataDirFromArgs();
if (dataDir !== undefined) boot(dataDir);

function boot(dataDir: string): void {
  // The single-instance lock (scoped to userData) and Chromium's files follow it, so set it first.
  app.setPath('userData', dataDir);
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  if (!app.requestSingleInstanceLock()) {
    // Another Lotse owns this data dir; it is focused through 'second-instance'.
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    core?.close();
    core = undefined;
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.whenReady().then(
    () => start(dataDir),
    (error: unknown) => fail('Lotse kann nicht starten', error),
  );
}

// --- After 'ready'. ---------------------------------------------------------

function start(dataDir: string): void {
  try {
    // The OS keychain keeps the store's key (safe-storage-key.ts); without one, the key file as in the browser host.
    const key = loadOrCreateSafeStorageKey(safeStorage, { userData: dataDir, storeFile: path.join(dataDir, 'lotse.sqlite') }) ?? undefined;
    if (!key) console.warn('[lotse] Kein Schlüsselbund des Systems verfügbar: der Schlüssel des Datenbestands liegt in einer Schlüsseldatei.');
    core = openCore({
      dataDir,
      host: 'electron',
      key,
      version: readAppVersion(appRoot) ?? app.getVersion(),
      nativeBinding: resolveNativeBinding({ isPackaged: app.isPackaged, appRoot, electronVersion: process.versions.electron }),
      batchWorkerScript: path.join(appRoot, 'dist', 'batch-worker.cjs'),
      importWorkerScript: path.join(appRoot, 'dist', 'partner-import-worker.cjs'),
      checkpointWorkerScript: path.join(appRoot, 'dist', 'checkpoint-worker.cjs'),
      printPdf: createPdfPrinter({
        dataDir,
        createWindow: () => {
          const window = new BrowserWindow({ ...createPrintWindowOptions(), ...(mainWindow ? { parent: mainWindow } : {}) });
          return {
            loadURL: (url) => window.loadURL(url),
            print: (options, callback) => window.webContents.print(options, callback),
            destroy: () => {
              if (!window.isDestroyed()) window.destroy();
            },
          };
        },
      }),
    });
    clearPrintFolder(dataDir);
  } catch (error) {
    fail('Lotse kann nicht starten', error);
    return;
  }
  const openedCore = core;

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownloadUrl(item.getURL())) {
      event.preventDefault();
      return;
    }
    // Chromium shows the save dialog; we only suggest where and as what.
    const filename = item.getFilename();
    item.setSaveDialogOptions({
      title: 'Dokument speichern',
      defaultPath: path.join(app.getPath('documents'), filename),
      filters: filename.toLowerCase().endsWith('.pdf') ? [{ name: 'PDF-Dokument', extensions: ['pdf'] }] : [],
    });
  });

  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir }));

  ipcMain.handle(
    IPC_CALL_CHANNEL,
    createCallHandler({
      dispatch: (method, input) => dispatch(openedCore, method, input),
      isTrusted: (event: Electron.IpcMainInvokeEvent) => isTrustedSender(senderFacts(event, mainWebContentsId)),
    }),
  );

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  createMainWindow();
}

function createMainWindow(): void {
  const window = new BrowserWindow(createWindowOptions(preloadPath, { devTools: !app.isPackaged }));
  mainWindow = window;
  mainWebContentsId = window.webContents.id;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = undefined;
      mainWebContentsId = undefined;
    }
  });
  window.loadURL(APP_START_URL).catch((error: unknown) => fail('Die Oberfläche konnte nicht geladen werden', error));
}

/** Applied to every webContents, including any the page might try to create. */
function guardWebContents(contents: WebContents): void {
  const blockNavigation = (event: Electron.Event<{ url: string }>) => {
    if (!shouldBlockNavigation(event.url)) return;
    event.preventDefault();
    // Should a download of the app's own PDF arrive as a navigation
    // (electron/electron#44375), save it instead of replacing the app.
    if (isAppBlobUrl(event.url)) contents.downloadURL(event.url);
    else console.warn(`[lotse] Navigation nach ${event.url} blockiert.`);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Neu laden' },
    ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Entwicklerwerkzeuge' } as const]),
    { type: 'separator' },
    { role: 'resetZoom', label: 'Originalgröße' },
    { role: 'zoomIn', label: 'Vergrößern' },
    { role: 'zoomOut', label: 'Verkleinern' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Vollbild' },
  ];
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'Datei', submenu: [process.platform === 'darwin' ? { role: 'close', label: 'Fenster schließen' } : { role: 'quit', label: 'Beenden' }] },
    {
      label: 'Bearbeiten',
      submenu: [
        { role: 'undo', label: 'Rückgängig' },
        { role: 'redo', label: 'Wiederholen' },
        { type: 'separator' },
        { role: 'cut', label: 'Ausschneiden' },
        { role: 'copy', label: 'Kopieren' },
        { role: 'paste', label: 'Einfügen' },
        { role: 'selectAll', label: 'Alles auswählen' },
      ],
    },
    { label: 'Ansicht', submenu: view },
  ];
}
