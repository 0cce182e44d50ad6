/**
 * The command-line flags of `npm start` (DESIGN.md §3), shared by the
 * launcher, the browser host and the Electron host.
 */
export interface LaunchOptions {
  /** Use the browser host even where Electron could run. */
  browser: boolean;
  /** Do not open the default browser (browser host). */
  open: boolean;
  /** Port of the browser host; 0 picks any free port. */
  port: number;
  /** Overrides the data folder. */
  dataDir: string | undefined;
  /** The browser host's key file of the store (default: LOTSE_KEY_FILE, else one per data folder in the user's config folder). */
  keyFile: string | undefined;
}

export class LaunchOptionsError extends Error {}

const USAGE = 'Aufruf: npm start -- [--browser] [--no-open] [--port N] [--data-dir ORDNER] [--key-file DATEI]';

/**
 * `ignoreUnknownSwitches` is for the Electron host, whose argv also carries
 * Chromium's own switches (e.g. --remote-debugging-port from a test driver).
 */
export function parseLaunchOptions(argv: readonly string[], { ignoreUnknownSwitches = false } = {}): LaunchOptions {
  const options: LaunchOptions = { browser: false, open: true, port: 0, dataDir: undefined, keyFile: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inlineValue ?? argv[++index];
      if (next === undefined || next === '') throw new LaunchOptionsError(`${flag} braucht einen Wert. ${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--browser':
        options.browser = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LaunchOptionsError(`--port braucht eine Zahl von 0 bis 65535. ${USAGE}`);
        options.port = port;
        break;
      }
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--key-file':
        options.keyFile = value();
        break;
      default:
        if (!(ignoreUnknownSwitches && flag.startsWith('-'))) throw new LaunchOptionsError(`Unbekannte Angabe „${arg}“. ${USAGE}`);
    }
  }
  return options;
}

/** The flags back as arguments, to hand them on to the Electron process. */
export function launchOptionsToArgs(options: LaunchOptions): string[] {
  return [
    ...(options.browser ? ['--browser'] : []),
    ...(options.open ? [] : ['--no-open']),
    ...(options.port !== 0 ? ['--port', String(options.port)] : []),
    ...(options.dataDir !== undefined ? ['--data-dir', options.dataDir] : []),
    ...(options.keyFile !== undefined ? ['--key-file', options.keyFile] : []),
  ];
}
