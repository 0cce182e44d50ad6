import type { Core } from '../../main/core/core';
import { openCore, type CoreOptions } from '../../main/core/open-core';
import type { Client, ClientInput, MethodInput, MethodOutput, Partner } from '../../shared/api/contract';
import { ClientInputSchema } from '../../shared/api/schemas/client';
import { updateSettings } from '../../main/core/services/settings';
import { checkpointWorkerScript } from './batch-worker';
import { callOk } from './results';
import { TEST_SETTINGS } from './settings';
import { makeTempDir } from './temp-dir';

interface TestCoreOptions extends Partial<
  Pick<CoreOptions, 'batchWorkerScript' | 'importWorkerScript' | 'checkpointWorkerScript' | 'printPdf' | 'dailyBackups' | 'key' | 'teamAutoSync'>
> {
  /** Leaves the store as a fresh install has it: no office, no counselor, setup not done. */
  freshInstall?: boolean;
}

/**
 * A real core on a real SQLite file in a temp dir, with a fixed clock, set
 * up with TEST_SETTINGS (so letters can be finalized) unless `freshInstall`.
 */
export function openTestCore(now = new Date('2026-11-25T10:00:00Z'), options: TestCoreOptions = {}): { core: Core; dataDir: string; dispose(): void } {
  const { freshInstall = false, ...given } = options;
  // A core that runs serial letters checkpoints in the background while they write (main/core/db/checkpoints.ts).
  const coreOptions = given.batchWorkerScript && !given.checkpointWorkerScript ? { ...given, checkpointWorkerScript: checkpointWorkerScript() } : given;
  const temp = makeTempDir();
  // The daily backup's timer is off: a test takes the backups it means to, at the moments it means to.
  const core = openCore({ dataDir: temp.dir, host: 'browser', version: '0.0.0-test', now: () => now, dailyBackups: false, ...coreOptions });
  if (!freshInstall) updateSettings(core, TEST_SETTINGS);
  return {
    core,
    dataDir: temp.dir,
    dispose() {
      core.close();
      temp.cleanup();
    },
  };
}

/** What a caller might send to clients.create: only some fields, the rest default. */
export const SAMPLE_CLIENT: MethodInput<'clients.create'> = {
  familyName: 'Müller',
  givenName: 'Ayşe',
  birthDate: '1990-03-12',
  residenceStatus: null,
  residenceValidUntil: null,
  address: { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' },
};

/** A complete client record as services take it, with the schema's defaults filled in. */
export function clientInput(overrides: MethodInput<'clients.create'> | Partial<MethodInput<'clients.create'>> = {}): ClientInput {
  return ClientInputSchema.parse({ ...SAMPLE_CLIENT, ...overrides });
}

/**
 * A clients.create input that confirms every likely duplicate clients.similar names, as a counselor who checked
 * them does with "Keine dieser Personen – trotzdem speichern". For tests that make look-alike people on purpose
 * (SAMPLE_CLIENT's birth date and given name with numbered family names, or the same person twice); the check
 * itself is tested in test/db/client-duplicates.test.ts.
 */
export async function confirmedAsOthers(core: Core, input: MethodInput<'clients.create'>): Promise<MethodInput<'clients.create'>> {
  const { familyName, givenName = '', otherNames = [], birthDate = null, customerNumber = '', fileNumber = '' } = input;
  const { items } = await callOk<MethodOutput<'clients.similar'>>(core, 'clients.similar', {
    familyName,
    givenName,
    otherNames,
    birthDate,
    customerNumber,
    fileNumber,
  });
  return { ...input, confirmedNotDuplicateOf: items.map((item) => item.client.id) };
}

/** clients.create through dispatch for a look-alike made on purpose (see confirmedAsOthers). */
export async function createLookAlike(core: Core, input: MethodInput<'clients.create'>): Promise<Client> {
  return callOk<Client>(core, 'clients.create', await confirmedAsOthers(core, input));
}

/**
 * Opens a core again on a data dir a test core used before (close that one
 * first: the dir is locked while it is open), with the same fixed clock as
 * openTestCore by default. The caller closes it; the test core's dispose
 * still removes the dir.
 */
export function reopenCore(dataDir: string, now: Date | (() => Date) = new Date('2026-11-25T10:00:00Z')): Core {
  return openCore({ dataDir, host: 'browser', version: '0.0.0-test', now: typeof now === 'function' ? now : () => now, dailyBackups: false });
}

/**
 * Most seeded directory entries have no address (DOMAIN.md: fill only what
 * is known), and a letter is finalized only to an address it can reach:
 * gives the partner a street address, as an office would before writing.
 */
export async function givePartnerAddress(core: Core, id: string, address = { street: 'Kölnstraße 10', postalCode: '52351', city: 'Düren' }): Promise<Partner> {
  const partner = await callOk<Partner>(core, 'partners.get', { id });
  return callOk<Partner>(core, 'partners.update', { ...partnerToInput(partner), address: { ...partner.address, ...address } });
}

// Kept apart so that specs of the end-to-end suite can use it without the core.
export { clientToInput } from './client-input';

/** A stored partner as partners.update takes it, without what the core derives or keeps (archived, verification, times). */
export function partnerToInput({
  archived: _archived,
  verification: _verification,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...partner
}: Partner): MethodInput<'partners.update'> {
  return partner;
}
