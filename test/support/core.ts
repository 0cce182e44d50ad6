import { openCore, type Core } from '../../main/core/core';
import { makeTempDir } from './temp-dir';

/** A real core on a real SQLite file in a temp dir, with a fixed clock. */
export function openTestCore(now = new Date('2026-11-25T10:00:00Z')): { core: Core; dataDir: string; dispose(): void } {
  const temp = makeTempDir();
  const core = openCore({ dataDir: temp.dir, host: 'browser', version: '0.0.0-test', now: () => now });
  return {
    core,
    dataDir: temp.dir,
    dispose() {
      core.close();
      temp.cleanup();
    },
  };
}

export const SAMPLE_CLIENT = {
  familyName: 'Müller',
  givenName: 'Ayşe',
  birthDate: '1990-03-12',
  residenceStatus: null,
  residenceValidUntil: null,
  address: { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' },
};
