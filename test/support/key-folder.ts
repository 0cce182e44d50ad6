import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest setup: the browser host's default key files (main/core/store-key.ts)
 * land in a temp folder per test file, which child processes inherit, never
 * in the user's ~/.config.
 */
process.env.XDG_CONFIG_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-test-keys-'));
delete process.env.LOTSE_KEY_FILE;
