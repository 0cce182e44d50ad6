import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openCore } from '../core/open-core';
import { defaultDataDir } from '../core/data-dir';
import { portError } from '../core/storage-errors';
import type { LaunchOptions } from '../launch-options';
import { startWebHost } from './server';

/** Opens the URL in the desk's default browser; a failure only costs a hint. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('Der Browser konnte nicht geöffnet werden: bitte die Adresse oben im Browser öffnen.'));
  child.unref();
}

/**
 * Runs Lotse as a local web app: the same core behind a loopback HTTP
 * server, with a fresh 256-bit token for this launch.
 */
export async function runBrowserHost(options: LaunchOptions, { version, staticDir }: { version: string; staticDir: string }): Promise<void> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const core = openCore({ dataDir, host: 'browser', version, keyFile: options.keyFile ? path.resolve(options.keyFile) : undefined });
  const token = randomBytes(32).toString('hex');
  let host;
  try {
    host = await startWebHost({ core, port: options.port, token, staticDir });
  } catch (error) {
    core.close();
    throw portError(error, options.port) ?? error;
  }
  console.log(`Lotse läuft im Browser-Modus. Datenordner: ${dataDir}`);
  if (core.storeDamage)
    console.log('Der Datenbestand ist beschädigt und wurde nicht verändert; Lotse bietet im Browser an, eine Sicherung wiederherzustellen.');
  console.log(host.url);
  console.log('Beenden mit Strg+C.');
  if (options.open) openInBrowser(host.url);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Lotse wird beendet (${signal}).`);
    void host.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
