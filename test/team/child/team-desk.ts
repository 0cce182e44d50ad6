/**
 * Run in a separate Node process (bundled by test/support/child-bundle.ts):
 * a desk already linked to a team store, writing clients through the real
 * services and syncing them through the real protocol until it is killed.
 *
 *   c <id>   after the transaction creating client <id> (and its outbox entry) committed
 *   p        before a sync round starts (push, then pull)
 *   s        after it ended
 */
import { openCore } from '../../../main/core/open-core';
import { createClient } from '../../../main/core/services/clients';
import { syncTeam } from '../../../main/core/services/team';
import { ClientInputSchema } from '../../../shared/api/schemas/client';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: team-desk <dataDir> <run>');

const core = openCore({ dataDir, host: 'browser', version: '0.0.0-test', dailyBackups: false, teamAutoSync: false });
// Never outlive the test: a parent that is gone closes stdin; a runaway desk stops on its own.
process.stdin.on('end', () => process.exit(0)).resume();
setTimeout(() => process.exit(0), 30_000).unref();

async function writeAndSync(): Promise<void> {
  for (let round = 0; round < 1000; round += 1) {
    for (let n = 0; n < 25; n += 1) {
      // Unique names: the duplicate check has nothing to ask.
      const client = createClient(core, ClientInputSchema.parse({ familyName: `Abgleich${run}x${round}x${n}`, givenName: 'Kim', notes: 'n'.repeat(200) }), []);
      process.stdout.write(`c ${client.id}\n`);
    }
    process.stdout.write('p\n');
    await syncTeam(core);
    process.stdout.write('s\n');
  }
  process.exit(0);
}

void writeAndSync();
