import { z } from 'zod';
import { contract, type MethodOutput } from '../../../shared/api/contract';
import type { Core } from '../core';
import { SCHEMA_VERSION } from '../db/open';
import { newestGoodBackup } from './backup';
import { setupStillMissing } from './settings';

export function appInfo(core: Core): MethodOutput<'app.info'> {
  const facts = { version: core.version, schemaVersion: SCHEMA_VERSION, dataDir: core.dataDir, host: core.host, locked: core.locked, keyMode: core.keyMode };
  // Locked (passphrase mode): nothing can be read before the passphrase opened the store.
  if (core.locked) return { ...facts, setupMissing: [], storeDamage: null };
  if (core.storeDamage) {
    // Nothing can be read from a damaged store: the setup is not what matters now.
    return { ...facts, setupMissing: [], storeDamage: { reason: core.storeDamage, newestGoodBackup: newestGoodBackup(core) } };
  }
  return { ...facts, setupMissing: setupStillMissing(core), storeDamage: null };
}

let description: MethodOutput<'app.describe'> | undefined;

/** The contract as JSON Schema, for scripts that talk to Lotse. */
export function describeContract(): MethodOutput<'app.describe'> {
  description ??= {
    methods: Object.fromEntries(
      Object.entries(contract).map(([name, { input, output }]) => [
        name,
        {
          input: z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }),
          output: z.toJSONSchema(output, { unrepresentable: 'any' }),
        },
      ]),
    ),
  };
  return description;
}
