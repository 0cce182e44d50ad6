import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from './errors';

/**
 * The browser host's data folder when no --data-dir is given (DESIGN.md §3);
 * the Electron host uses its `userData` instead.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lotse');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Lotse');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'lotse');
}

export interface DataDirLock {
  release(): void;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process owns a data dir at a time: two writers on one SQLite file from
 * two app windows would each believe their view is current. A lock left by a
 * crashed process (its pid is gone) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = path.join(dataDir, 'lotse.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return {
        release() {
          if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processIsAlive(owner)) {
        throw new DomainError('data_dir_locked', { key: 'dataDir.inUse', params: { dataDir, pid: owner } });
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DomainError('data_dir_locked', { key: 'dataDir.notLockable', params: { dataDir } });
}
