import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * better-sqlite3-multiple-ciphers is a native addon built for one ABI (DESIGN.md §3).
 * node_modules holds Node's build (tests, browser host); the unpackaged
 * Electron host loads an Electron-ABI copy kept beside the build output and
 * hands it to better-sqlite3-multiple-ciphers's `nativeBinding` option. A packaged app needs
 * no copy: electron-builder rebuilds node_modules for Electron (npmRebuild).
 *
 * No 'electron' import here: the launcher runs this under plain Node.
 */

export const ADDON_FILE = 'better_sqlite3.node';
/** Beside the addon: the better-sqlite3-multiple-ciphers version it was built from. */
export const STAMP_FILE = 'better-sqlite3-multiple-ciphers.version';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** `<root>/dist/native/electron-<version>/better_sqlite3.node` */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, 'dist', 'native', `electron-${electronVersion}`, ADDON_FILE);
}

export interface NativeBindingContext {
  isPackaged: boolean;
  /** The folder holding package.json and dist/. */
  appRoot: string;
  /** process.versions.electron */
  electronVersion: string;
  exists?: (file: string) => boolean;
}

export class MissingNativeBindingError extends Error {}

/**
 * What the Electron host passes to openCore as `nativeBinding`: undefined
 * when packaged (node_modules already holds the Electron build), else the
 * Electron-ABI copy, which must exist (Node's build would fail to load with
 * a NODE_MODULE_VERSION error that explains nothing to the user).
 */
export function resolveNativeBinding({ isPackaged, appRoot, electronVersion, exists = fs.existsSync }: NativeBindingContext): string | undefined {
  if (isPackaged) return undefined;
  const file = electronNativeBindingPath(appRoot, electronVersion);
  if (!exists(file)) {
    throw new MissingNativeBindingError(
      `Die Electron-Fassung von better-sqlite3-multiple-ciphers fehlt (${file}). Bitte Lotse mit „npm start“ starten; der Starter baut sie.`,
    );
  }
  return file;
}

export interface NodeGypContext {
  env: NodeJS.ProcessEnv;
  /** process.execPath of the Node running the launcher. */
  execPath: string;
  projectDir: string;
  exists?: (file: string) => boolean;
}

/** Where node-gyp's JS entry point may be, in the order tried. */
export function nodeGypCandidates({ env, execPath, projectDir }: NodeGypContext): string[] {
  const nodeDir = path.dirname(execPath);
  const npmNodeGyp = path.join('npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return [
    // Set by npm for every script it runs.
    ...(env.npm_config_node_gyp ? [env.npm_config_node_gyp] : []),
    // The copy npm ships: <prefix>/bin/node → <prefix>/lib/node_modules/npm (Unix layout) …
    path.join(nodeDir, '..', 'lib', 'node_modules', npmNodeGyp),
    // … or <prefix>\node.exe → <prefix>\node_modules\npm (Windows layout).
    path.join(nodeDir, 'node_modules', npmNodeGyp),
    // A project-local one (electron-builder's @electron/rebuild brings it).
    path.join(projectDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
}

export function resolveNodeGyp(context: NodeGypContext): string {
  const exists = context.exists ?? fs.existsSync;
  const candidates = nodeGypCandidates(context);
  const found = candidates.find((candidate) => exists(candidate));
  if (found === undefined) throw new Error(`node-gyp nicht gefunden; gesucht: ${candidates.join(', ')}`);
  return found;
}

/** node-gyp's arguments for an Electron build (what @electron/rebuild passes, too). */
export function nodeGypArgs(electronVersion: string, arch: string = process.arch, devDir: string = path.join(os.homedir(), '.electron-gyp')): string[] {
  return [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    '--runtime=electron',
    // Electron's headers apart from Node's, as Electron's docs advise.
    `--devdir=${devDir}`,
  ];
}

export function installedElectronVersion(projectDir: string): string {
  return readPackageVersion(path.join(projectDir, 'node_modules', 'electron'));
}

function readPackageVersion(packageDir: string): string {
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error(`${packageDir}/package.json hat keine Version.`);
  return version;
}

export interface BuildOptions {
  projectDir: string;
  electronVersion: string;
  log: (line: string) => void;
  /** Defaults to resolveNodeGyp(); tests pass a stand-in. */
  nodeGyp?: string;
  arch?: string;
}

/**
 * Builds better-sqlite3-multiple-ciphers for Electron and stores the addon at
 * electronNativeBindingPath(projectDir, electronVersion). It builds in a
 * copy of the package, so node_modules keeps Node's build. Needs Python 3, a
 * C++ compiler and access to electronjs.org/headers (once; node-gyp caches
 * the headers). Returns the addon's path.
 */
export async function buildElectronNativeBinding({ projectDir, electronVersion, log, nodeGyp, arch }: BuildOptions): Promise<string> {
  // realpath: with pnpm or `npm link` the package folder is a symlink, and cpSync would copy the link.
  const sourceDir = fs.realpathSync(path.join(projectDir, 'node_modules', 'better-sqlite3-multiple-ciphers'));
  const target = electronNativeBindingPath(projectDir, electronVersion);
  const packageVersion = readPackageVersion(sourceDir);
  const gyp = nodeGyp ?? resolveNodeGyp({ env: process.env, execPath: process.execPath, projectDir });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-better-sqlite3-multiple-ciphers-'));
  try {
    const buildDir = path.join(workDir, 'better-sqlite3-multiple-ciphers');
    // Without build/: Node's objects must not leak into the Electron build.
    fs.cpSync(sourceDir, buildDir, {
      recursive: true,
      filter: (source) => path.relative(sourceDir, source).split(path.sep)[0] !== 'build',
    });
    log(`better-sqlite3-multiple-ciphers ${packageVersion} wird für Electron ${electronVersion} gebaut (einmalig, dauert etwa eine Minute) …`);
    await run(process.execPath, [gyp, ...nodeGypArgs(electronVersion, arch)], buildDir, log);
    const built = path.join(buildDir, 'build', 'Release', ADDON_FILE);
    if (!fs.existsSync(built)) throw new Error(`node-gyp lief durch, aber ${built} fehlt.`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Copy, then rename: a half-written addon must never be found by the app.
    fs.copyFileSync(built, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    fs.writeFileSync(path.join(path.dirname(target), STAMP_FILE), packageVersion);
    log(`Electron-Fassung von better-sqlite3-multiple-ciphers liegt in ${target}`);
    return target;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** True when the copy exists and was built from the installed better-sqlite3-multiple-ciphers. */
export function isElectronNativeBindingCurrent(projectDir: string, electronVersion: string): boolean {
  const target = electronNativeBindingPath(projectDir, electronVersion);
  const stamp = path.join(path.dirname(target), STAMP_FILE);
  if (!fs.existsSync(target) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, 'utf8').trim() === readPackageVersion(path.join(projectDir, 'node_modules', 'better-sqlite3-multiple-ciphers'));
}

/**
 * For the launcher, before it spawns Electron: builds the copy when it is
 * missing or stale (better-sqlite3-multiple-ciphers upgraded) and returns its path.
 */
export async function ensureElectronNativeBinding(options: Omit<BuildOptions, 'electronVersion'> & { electronVersion?: string }): Promise<string> {
  const electronVersion = options.electronVersion ?? installedElectronVersion(options.projectDir);
  if (isElectronNativeBindingCurrent(options.projectDir, electronVersion)) return electronNativeBindingPath(options.projectDir, electronVersion);
  return buildElectronNativeBinding({ ...options, electronVersion });
}

function run(command: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const emit = (line: string) => {
      if (line.trim() === '') return;
      log(`  ${line}`);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    };
    const lines = () => {
      let pending = '';
      return {
        data: (chunk: Buffer) => {
          const parts = (pending + chunk.toString('utf8')).split(/\r?\n/);
          pending = parts.pop() ?? '';
          parts.forEach(emit);
        },
        end: () => emit(pending),
      };
    };
    const out = lines();
    const err = lines();
    child.stdout.on('data', out.data);
    child.stderr.on('data', err.data);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Die Electron-Fassung von better-sqlite3-multiple-ciphers konnte nicht gebaut werden (node-gyp: ${signal ?? `Exit-Code ${code}`}). ` +
              `Es braucht Python 3, einen C++-Compiler und Zugang zu ${ELECTRON_HEADERS_URL}. Letzte Ausgabe:\n${tail.join('\n')}`,
          ),
        );
    });
  });
}
