import fs from 'node:fs';
import path from 'node:path';

/**
 * The app's own arguments out of Electron's process.argv. Unpackaged it is
 * `electron [chromium switches…] <app path> [app args…]` (Playwright puts
 * `--inspect=0 --remote-debugging-port=0` before the app path); packaged it
 * is `lotse [args…]`.
 */
export function electronAppArgs(argv: readonly string[], isPackaged: boolean): string[] {
  const rest = argv.slice(1);
  if (isPackaged) return rest;
  const appPathIndex = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPathIndex === -1 ? [] : rest.slice(appPathIndex + 1);
}

/**
 * The data dir, which is also Electron's userData (DESIGN.md §3). Set
 * explicitly: run as `electron dist/electron/main.cjs` the app would
 * otherwise be named "Electron" and share that folder with every such app.
 * With --data-dir, Chromium's own files and its single-instance lock move
 * there too, so two launches with two data dirs do not block each other.
 */
export function resolveDataDir(dataDirFlag: string | undefined, appDataDir: string, cwd: string = process.cwd()): string {
  return dataDirFlag !== undefined ? path.resolve(cwd, dataDirFlag) : path.join(appDataDir, 'Lotse');
}

/**
 * dist/electron/main.cjs sits two levels below the app root, in the project
 * folder as in the packaged app.asar.
 */
export function appRootFromMainDir(mainDir: string): string {
  return path.resolve(mainDir, '..', '..');
}

/** Lotse's version from package.json (Electron's app.getVersion() says Electron's own when unpackaged). */
export function readAppVersion(appRoot: string): string | undefined {
  try {
    const version = (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
