import { z } from 'zod';
import { contract, type MethodOutput } from '../../../shared/api/contract';
import type { Core } from '../core';
import { SCHEMA_VERSION } from '../db/open';
import { setupStillMissing } from './settings';

export function appInfo(core: Core): MethodOutput<'app.info'> {
  return { version: core.version, schemaVersion: SCHEMA_VERSION, dataDir: core.dataDir, host: core.host, setupMissing: setupStillMissing(core) };
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
