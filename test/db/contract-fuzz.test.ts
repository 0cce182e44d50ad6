import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { contract, type Client, type LotseDocument, type MethodName, type Partner } from '../../shared/api/contract';
import { ERROR_CODES, type ApiResult } from '../../shared/api/errors';
import { batchWorkerScript, importWorkerScript } from '../support/batch-worker';
import { givePartnerAddress, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';

/**
 * Every contract method gets random and malformed input through `dispatch`,
 * as a host would pass it on: wrong types, huge strings, deep nesting,
 * prototype keys, impossible dates, lone surrogates, and input shaped like
 * the contract's own JSON Schema with hostile values at its leaves, so that
 * much of it passes validation and reaches the handlers with ids of real
 * records. Whatever comes, the answer is a result with a known error code
 * (never `internal`: that is the 500), a refusal leaves every row as it was,
 * and no prototype is polluted.
 *
 * The counts are fixed (`RUNS` per kind of input and method) and so is the
 * seed, so a CI run is bounded and repeatable; FUZZ_SEED and FUZZ_RUNS explore
 * further by hand.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const LONE_SURROGATES = ['\uD800', 'a\uDC00b', '\uDBFF\uDBFF', 'Ay\uD83Dşe'];
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '<script>alert(1)</script>',
  '"; DROP TABLE clients; --',
  "' OR '1'='1",
  '\u0000',
  '\u0007\u001b[31m',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'ትግርኛ',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01T25:61:61Z',
  'NaN',
  '-1',
  '1e309',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '%s%n%x',
  'x'.repeat(10_000),
  'ü'.repeat(100_001),
  ...LONE_SURROGATES,
];

function deeplyNested(depth: number): unknown {
  let value: unknown = 'Grund';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

/** Any value of the wrong kind: what a broken or hostile caller sends where something else belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE),
  fc.constantFrom(null, undefined, true, false, [], {}),
  fc.constant(deeplyNested(2_000)),
  fc.constant(new Array(20_000).fill('x')),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "ja"}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: 'ja' } } }),
  fc.constant(new Date('invalid')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Anything at all, with the keys that reach Object.prototype when code is careless. */
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.anything({
    maxDepth: 4,
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'clientId', 'values')),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withBoxedValues: true,
  }),
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
};

/**
 * How input shaped like the schema goes wrong: `hostile` puts values of the
 * wrong kind at some leaves (refused at the boundary, or it is a bug), `typed`
 * keeps every kind right and sends hostile content, so it passes validation
 * and reaches the handler.
 */
type Leaves = 'hostile' | 'typed';

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
const isoDay = isoDate.map((date) => date.toISOString().slice(0, 10));
/** The contract's dates are refined strings, without a JSON Schema format: their names tell them. */
const DATE_NAME = /(Date|On|Until)$|^(from|to|before|after)$/;

const ID_NAME = /^id$|Ids?$/;
/** Characters the contract refuses in any text (controls, broken UTF-16), with a German message: typed input leaves them out. */
const REFUSED_IN_TEXT = /(?!\u200D)[\p{C}]/u;

/** A string for a string's place: in `typed` leaves one the contract takes, so the handler runs on it. */
function stringFor(schema: JsonSchema, key: string, ids: readonly string[], leaves: Leaves): fc.Arbitrary<unknown> {
  const minLength = Math.max(schema.minLength ?? 0, leaves === 'typed' ? 1 : 0);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 80, 80));
  const fits = (text: string) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity);
  const text = fc.string({ unit: 'grapheme', minLength, maxLength });
  const typed = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern))
    : schema.format === 'date-time'
      ? isoDate.map((date) => date.toISOString())
      : schema.format === 'email' || /email/i.test(key)
        ? fc.constantFrom('beratung@example.org', 'x@b.de', "o'brien+lotse@xn--dren-kva.de")
        : /phone/i.test(key)
          ? fc.constantFrom('+49 2421 22-0', '02421 123456', '(0)171 / 555 12 12')
          : DATE_NAME.test(key)
            ? isoDay
            : leaves === 'typed'
              ? text.filter((value) => !REFUSED_IN_TEXT.test(value))
              : text;
  const hostile = fc.constantFrom(...HOSTILE_STRINGS.filter((value) => leaves === 'hostile' || (fits(value) && !REFUSED_IN_TEXT.test(value))));
  const existing = fc.constantFrom(...ids);
  if (ID_NAME.test(key)) return fc.oneof({ weight: 5, arbitrary: existing }, { weight: 1, arbitrary: hostile });
  return leaves === 'typed' ? fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: hostile }) : fc.oneof(typed, hostile, existing);
}

/** Input shaped like the schema, so much of it passes validation, with hostile values at some leaves. */
function shapedLike(schema: JsonSchema, ids: readonly string[], leaves: Leaves, key = '', depth = 0): fc.Arbitrary<unknown> {
  const typed = typedLike(schema, ids, leaves, key, depth);
  return leaves === 'typed' || depth > 8 ? typed : fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
}

function typedLike(schema: JsonSchema, ids: readonly string[], leaves: Leaves, key: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => shapedLike(option, ids, leaves, key, depth + 1)));
  if (schema.allOf?.length) return shapedLike(Object.assign({}, ...schema.allOf) as JsonSchema, ids, leaves, key, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => typedLike({ ...schema, type }, ids, leaves, key, depth)));
  switch (types[0]) {
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, value]) => [name, shapedLike(value, ids, leaves, name, depth + 1)]),
      );
      const complete = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
      if (typeof schema.additionalProperties === 'object') {
        const values = shapedLike(schema.additionalProperties, ids, leaves, key, depth + 1);
        return fc.oneof(complete, fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...ids)), values, { maxKeys: 3 }));
      }
      return leaves === 'typed'
        ? complete
        : fc.oneof({ weight: 4, arbitrary: complete }, { weight: 1, arbitrary: fc.record(properties, { requiredKeys: [] }) });
    }
    case 'array': {
      const items = shapedLike(schema.items ?? {}, ids, leaves, key, depth + 1);
      // Lists of codes take each code once.
      const minLength = leaves === 'typed' ? (schema.minItems ?? 0) : 0;
      return leaves === 'typed'
        ? fc.uniqueArray(items, { minLength, maxLength: Math.max(minLength, 3), selector: (item) => JSON.stringify(item) })
        : fc.array(items, { maxLength: 4 });
    }
    case 'string':
      return stringFor(schema, key, ids, leaves);
    case 'integer':
    case 'number': {
      const minimum = schema.minimum ?? -10;
      const maximum = schema.maximum ?? 1_000;
      const edges = leaves === 'typed' ? fc.constantFrom(minimum, maximum) : fc.constantFrom(0, -1, 2 ** 31, 1.5);
      return fc.oneof(fc.integer({ min: minimum, max: maximum }), edges);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return leaves === 'typed' ? fc.constantFrom(...HOSTILE_STRINGS) : hostileValue;
  }
}

/** Every row of every table, hashed: a refusal must leave it as it was. */
function storeFingerprint(core: Core): string {
  const hash = createHash('sha256');
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(table);
    for (const row of core.db.prepare(`SELECT * FROM "${table}"`).raw().iterate())
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
  }
  return hash.digest('hex');
}

/** A store with one of everything a method might be asked about: a client, a partner with an address, a draft and a final letter. */
async function seededCore() {
  const opened = openTestCore(undefined, { batchWorkerScript: batchWorkerScript(), importWorkerScript: importWorkerScript() });
  const { core } = opened;
  const client = await callOk<Client>(core, 'clients.create', SAMPLE_CLIENT);
  const {
    items: [partner],
  } = await callOk<{ items: Partner[] }>(core, 'partners.list', {});
  await givePartnerAddress(core, partner!.id);
  await callOk<LotseDocument>(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { subject: 'Termin', body: 'Text' } });
  const final = await callOk<LotseDocument>(core, 'documents.create', {
    templateId: 'free-letter',
    clientId: client.id,
    values: { subject: 'Final', body: 'Text' },
  });
  await callOk(core, 'documents.finalize', { id: final.id });
  const ids = core.db
    .prepare(
      'SELECT id FROM clients UNION ALL SELECT id FROM partners UNION ALL SELECT id FROM documents UNION ALL SELECT template_id FROM template_versions UNION ALL SELECT id FROM consents',
    )
    .pluck()
    .all() as string[];
  return { ...opened, ids: [...new Set(ids)] };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES.filter((code) => code !== 'internal'));
const outcomes = new Map<MethodName, Map<string, number>>();

function expectTypedAnswer(method: MethodName, result: ApiResult<unknown>): void {
  const outcome = result.ok ? 'ok' : result.error.code;
  const counts = outcomes.get(method) ?? new Map<string, number>();
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  outcomes.set(method, counts);
  if (result.ok) return;
  expect(KNOWN_CODES.has(result.error.code), `${method} answered ${JSON.stringify(result.error).slice(0, 500)}`).toBe(true);
  expect(result.error.message).toMatch(/\S/);
}

afterAll(() => {
  // The closing note's table: how often each method was called, and how it answered.
  const lines = [...outcomes].map(([method, counts]) => {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return `${method.padEnd(28)} ${String(total).padStart(4)}  ${[...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`;
  });
  console.log(`contract fuzz (seed ${SEED}, ${RUNS} runs per kind of input):\n${lines.join('\n')}`);
});

const methods = Object.keys(contract) as MethodName[];

describe('every contract method under random and malformed input', () => {
  it.each(methods)('%s answers with a typed result and changes nothing when it refuses', { timeout: 180_000 }, async (method) => {
    const { core, dispose, ids } = await seededCore();
    const logged = vi.spyOn(console, 'error');
    try {
      const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      for (const [index, input] of [anyInput, shapedLike(schema, ids, 'hostile'), shapedLike(schema, ids, 'typed')].entries()) {
        await fc.assert(
          fc.asyncProperty(input, async (value) => {
            const before = storeFingerprint(core);
            const result = await dispatch(core, method, value);
            expectTypedAnswer(method, result);
            if (!result.ok) expect(storeFingerprint(core), `${method} refused ${result.error.code} but changed a row`).toBe(before);
            expect(Object.prototype).not.toHaveProperty('polluted');
            expect(logged).not.toHaveBeenCalled();
          }),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
        );
      }
      // Each hostile string as each id at the top level, with the rest of the input well formed: whatever the id
      // (`constructor`, `__proto__`, 100,000 characters), a lookup ends in a typed answer, never in Object.prototype.
      const [base] = fc.sample(shapedLike(schema, ids, 'typed'), { numRuns: 1, seed: SEED });
      for (const key of Object.keys(schema.properties ?? {}).filter((name) => ID_NAME.test(name))) {
        for (const hostile of HOSTILE_STRINGS) {
          const before = storeFingerprint(core);
          const result = await dispatch(core, method, { ...(base as object), [key]: hostile });
          expectTypedAnswer(method, result);
          if (!result.ok) expect(storeFingerprint(core), `${method} refused ${key} ${JSON.stringify(hostile.slice(0, 30))} but changed a row`).toBe(before);
        }
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      dispose();
    }
  });
});
