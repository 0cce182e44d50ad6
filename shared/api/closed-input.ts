import { z } from 'zod';

/**
 * The contract's inputs with every object closed: a key the contract does not
 * know is refused (`unrecognized_keys`, worded by german-messages.ts) instead
 * of being dropped without a word, so a misspelled `strasse` is not saved as
 * an empty street. Closed here rather than in the schemas themselves: the same
 * schemas describe answers (ClientSchema extends ClientInputSchema, settings
 * go in and come out alike), and an answer must stay readable when a stored
 * record carries a key an older Lotse wrote.
 *
 * Each input is closed when it is first read, not when the contract loads:
 * closing all of them costs a start tens of milliseconds (DESIGN.md §8).
 */
export function closedInputs<Methods extends Record<string, { input: z.ZodType; output: z.ZodType }>>(methods: Methods): Methods {
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => {
      let input: z.ZodType | undefined;
      return [name, Object.defineProperty({ ...method }, 'input', { get: () => (input ??= closed(method.input)), enumerable: true })];
    }),
  ) as Methods;
}

/** Schemas already closed, so that a shared part (`id`, an address) is closed once and reads as one in JSON Schema. */
const closedSchemas = new WeakMap<z.ZodType, z.ZodType>();

export function closed<T extends z.ZodType>(schema: T): T {
  let result = closedSchemas.get(schema);
  if (!result) {
    result = rebuilt(schema);
    closedSchemas.set(schema, result);
  }
  return result as T;
}

/**
 * The schema again with its parts closed. Refinements, defaults and messages
 * stay: they are part of each definition, which is copied with its getters.
 * A kind of schema not named here is kept as it is; test/db/strict-input.test.ts
 * finds any object it leaves open in the contract's JSON Schema.
 */
function rebuilt(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const changed = (parts: Record<string, unknown>) => schema.clone(z.core.util.mergeDefs(def, parts) as typeof schema._zod.def);
  const part = (name: string) => closed(def[name] as z.ZodType);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([key, value]) => [key, closed(value)]));
      // A catchall the schema names itself (`.loose()`, a schema for the other keys) is its own decision.
      return changed({ shape, catchall: def.catchall === undefined ? z.never() : part('catchall') });
    }
    case 'array':
      return changed({ element: part('element') });
    case 'record':
      return changed({ valueType: part('valueType') });
    case 'union':
      return changed({ options: (def.options as z.ZodType[]).map((option) => closed(option)) });
    case 'pipe':
      return changed({ in: part('in'), out: part('out') });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return changed({ innerType: part('innerType') });
    default:
      return schema;
  }
}

/**
 * Where the input carries an own `__proto__` key (JSON.parse makes one): a
 * record (a document's `values`, a template's `labels`) drops it without a
 * word, so it is looked for before parsing. Iterative: a deeply nested input
 * must not overflow the stack.
 */
export function prototypeKeyPaths(input: unknown): string[] {
  type Step = { value: unknown; key: string; parent: Step | undefined };
  const pathOf = (step: Step): string[] => {
    const path: string[] = [];
    for (let at: Step | undefined = step; at?.parent; at = at.parent) path.unshift(at.key);
    return path;
  };
  const found: string[] = [];
  const pending: Step[] = [{ value: input, key: '', parent: undefined }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    if (step.value === null || typeof step.value !== 'object') continue;
    if (Object.hasOwn(step.value, '__proto__')) found.push([...pathOf(step), '__proto__'].join('.'));
    for (const [key, value] of Object.entries(step.value)) pending.push({ value, key, parent: step });
  }
  return found;
}
