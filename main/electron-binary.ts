import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Where the electron npm package keeps its binary. Read without
 * `require('electron')`, which would try a download and throw on failure.
 */
export function installedElectronBinary(projectDir: string): string | null {
  const packageDir = path.join(projectDir, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Electron 45's package downloads its binary on first use. Try that once,
 * bounded in time; on a machine without access to the download host it fails
 * within a second and the launcher falls back to the browser host.
 */
export function findElectronBinary(projectDir: string, { downloadTimeoutMs = 120_000 } = {}): ElectronBinary {
  const installed = installedElectronBinary(projectDir);
  if (installed) return { found: true, path: installed };
  const installer = path.join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return { found: false, reason: 'das Paket „electron“ ist nicht installiert' };
  const attempt = spawnSync(process.execPath, [installer], { cwd: projectDir, stdio: 'ignore', timeout: downloadTimeoutMs });
  const downloaded = installedElectronBinary(projectDir);
  if (downloaded) return { found: true, path: downloaded };
  return {
    found: false,
    reason: attempt.error ? 'der Download des Electron-Programms dauerte zu lange' : 'das Electron-Programm kann von hier aus nicht heruntergeladen werden',
  };
}
