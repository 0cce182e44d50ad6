import { spawn } from 'node:child_process';
import path from 'node:path';
import { version } from '../package.json';
import { findElectronBinary } from './electron-binary';
import { ensureElectronNativeBinding } from './electron/native-binding';
import { launchOptionsToArgs, LaunchOptionsError, parseLaunchOptions, type LaunchOptions } from './launch-options';
import { runBrowserHost } from './web/browser-host';

/**
 * `npm start` (after the build): the Electron app where its binary can be
 * had, otherwise the browser host, with one line saying why (DESIGN.md §1).
 */
const projectDir = path.resolve(__dirname, '..');

async function runElectron(binary: string, options: LaunchOptions): Promise<void> {
  await ensureElectronNativeBinding({ projectDir, log: (line) => console.log(line) });
  const child = spawn(binary, [path.join(projectDir, 'dist', 'electron', 'main.cjs'), ...launchOptionsToArgs(options)], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  let options: LaunchOptions;
  try {
    options = parseLaunchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof LaunchOptionsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (!options.browser) {
    const electron = findElectronBinary(projectDir);
    if (electron.found) return runElectron(electron.path, options);
    console.log(`Electron ist hier nicht verfügbar (${electron.reason}); Lotse startet im Browser-Modus.`);
  }
  await runBrowserHost(options, { version, staticDir: path.join(projectDir, 'dist', 'renderer') });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
