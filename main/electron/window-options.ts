import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The DESIGN.md §3 settings every Lotse window gets, spelled out even where
 * they equal Electron's defaults, so that a changed default cannot silently
 * loosen them.
 */
export const LOCKED_DOWN_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  // A middle click on a link would otherwise ask for a new window; setWindowOpenHandler denies it, this stops it earlier.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

/**
 * The app window. The webPreferences are the DESIGN.md §3 settings, spelled
 * out even where they equal Electron's defaults, so that a changed default
 * cannot silently loosen them.
 */
export function createWindowOptions(preloadPath: string, { devTools = true }: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Lotse',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show', so the window does not flash empty.
    show: false,
    webPreferences: { ...LOCKED_DOWN_WEB_PREFERENCES, preload: preloadPath, devTools },
  };
}
