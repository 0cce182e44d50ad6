/**
 * Run in a separate Node process (bundled by test/support/child-bundle.ts):
 * opens the core on a data dir as a host would, says on stdout what became
 * of it, and with `--write` keeps writing through the real services until it
 * is killed (or its parent is gone, or it has written 100,000 times).
 *
 *   {"owned":true} | {"owned":false,"code":…,"message":…}   once, after openCore
 *   c <id>        after the transaction creating client <id> committed
 *   x <id>        before erasing client <id> (it may be gone or not if killed now)
 *   e <id>        after the transaction erasing client <id> committed
 *
 * A line is written only after its commit, so every line the parent reads is
 * a write the store has promised to keep.
 */
import type { Core } from '../../../main/core/core';
import { openCore } from '../../../main/core/open-core';
import { DomainError } from '../../../main/core/errors';
import { createClient, eraseClient, similarClients } from '../../../main/core/services/clients';
import { ClientInputSchema } from '../../../shared/api/schemas/client';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: store-owner <dataDir> [--write]');

let core: Core;
try {
  core = openCore({ dataDir, host: 'browser', version: '0.0.0-test' });
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  process.stdout.write(`${JSON.stringify({ owned: false, code: error.code, message: error.message })}\n`);
  process.exit(0);
}
process.stdout.write(`${JSON.stringify({ owned: true })}\n`);

// Never outlive the test: a parent that is gone closes stdin; a runaway writer stops on its own.
process.stdin.on('end', () => process.exit(0)).resume();
setTimeout(() => process.exit(0), 30_000).unref();

async function writeUntilKilled(core: Core): Promise<void> {
  const created: string[] = [];
  for (let n = 0; n < 100_000; n += 1) {
    // Between writes the event loop turns, so the guards above can end an orphaned writer.
    await new Promise((resolve) => setImmediate(resolve));
    // Every fifth write erases an earlier client: an erasure checkpoints the WAL after its commit.
    if (n % 5 === 4 && created.length > 0) {
      const id = created.shift() as string;
      process.stdout.write(`x ${id}\n`);
      eraseClient(core, id);
      process.stdout.write(`e ${id}\n`);
    } else {
      const input = ClientInputSchema.parse({ familyName: `Schreiber${n}`, givenName: 'Kim', notes: 'x'.repeat(n % 2000) });
      // Each run after a kill counts from 0 again: the same names again, look-alikes made on purpose.
      const client = createClient(
        core,
        input,
        similarClients(core, input).map((similar) => similar.client.id),
      );
      created.push(client.id);
      process.stdout.write(`c ${client.id}\n`);
    }
  }
  process.exit(0);
}

if (mode === '--write') void writeUntilKilled(core);
