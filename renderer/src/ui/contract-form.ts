import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, type DefaultValues, type FieldPathByValue, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import { z } from 'zod';
import { issueMessage } from '../../../shared/api/german-messages';
import { germanFields, type FieldIssues } from '../../../shared/i18n/error-message';
import { ApiCallError, isApiCallError } from '../api';
import { fieldError, firstErrorField } from './ErrorAlert';
import { pathsToFormRows, withoutRow, type RowMaps } from './field-errors';
import { focusSoon } from './focus';

interface JsonSchema {
  type?: string;
  maxLength?: number;
  maxItems?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** A nullable value's schema is `anyOf: [the value, null]`: its limits are the value's. */
const nonNull = (node: JsonSchema) => node.anyOf?.find((branch) => branch.type !== 'null') ?? node;

/**
 * The limits the contract sets, by form path (`qualifications.0.year`), read
 * from the schema's JSON Schema: the form says them (maxLength, the number
 * of rows), the same schema makes the core keep them.
 */
export function schemaLimits(schema: z.ZodType) {
  const root = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  const at = (path: string) =>
    path.split('.').reduce((node, step) => {
      const value = nonNull(node);
      return (value.type === 'array' ? value.items : value.properties?.[step]) ?? {};
    }, root);
  return {
    /** Characters of a text; for a whole number typed as text, the digits of its maximum (a year: 4). */
    maxLength(path: string): number | undefined {
      const node = nonNull(at(path));
      return node.maxLength ?? (node.type === 'integer' && node.maximum !== undefined ? String(node.maximum).length : undefined);
    },
    /** Rows of a list. Every list of the contract has a maximum. */
    maxItems(path: string): number {
      const max = nonNull(at(path)).maxItems;
      if (max === undefined) throw new Error(`The contract sets no maximum for ${path}`);
      return max;
    },
  };
}

/** What a form's draft module makes of the draft for the call that saves it (see client-draft.ts). */
export interface DraftInput<Input> {
  input: Input;
  /** For each list whose empty rows were left out: the form row of each row sent. */
  rowMaps: RowMaps;
  /** Form paths of numbers typed that are not whole numbers: they cannot be sent. */
  notNumbers: readonly string[];
}

/** The props `text` binds of a Field. */
export interface TextBinding {
  id: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  maxLength: number | undefined;
}

/**
 * The messages the core would answer the call with, found before it: the
 * same schema, worded as the core words it, at the form's paths; and a
 * message at each number that is not one.
 */
export function messagesBeforeCall(
  schema: z.ZodType,
  { input, rowMaps, notNumbers }: DraftInput<unknown>,
  toFormPaths: (error: unknown, rowMaps: RowMaps) => unknown,
  notANumber: string,
): Record<string, string> {
  const parsed = schema.safeParse(input);
  const fieldIssues: FieldIssues = {};
  for (const issue of parsed.error?.issues ?? []) fieldIssues[issue.path.map(String).join('.')] ??= issueMessage(issue);
  // Shaped as the core's answer (worded in the interface's language when read), so both take the same way to the form's paths.
  const atFormPaths = toFormPaths(new ApiCallError({ code: 'invalid_input', message: '', fields: germanFields(fieldIssues), fieldIssues }), rowMaps);
  return { ...(isApiCallError(atFormPaths) ? atFormPaths.fields : {}), ...Object.fromEntries(notNumbers.map((path) => [path, notANumber])) };
}

interface ContractFormOptions<Draft extends FieldValues, Input, Saved> {
  /** The input schema of the call that saves: it checks the input before the call and sets the limits. */
  schema: z.ZodType;
  defaultValues: DefaultValues<Draft>;
  toInput(draft: Draft): DraftInput<Input>;
  /** The message at a number that is not one ("Bitte das Jahr mit vier Ziffern angeben."). */
  notANumber: string;
  /** Moves messages from the paths of the call's input to the form's (empty rows left out, see field-errors.ts). */
  toFormPaths?(error: unknown, rowMaps: RowMaps): unknown;
  /** Every field path of the form, in the order of the form: focus goes to the first with a message. */
  fieldOrder(draft: Draft): string[];
  inputId(path: string): string;
  save(input: Input): Promise<Saved>;
  onSaved(saved: Saved): void;
}

/**
 * Form state (react-hook-form) for a form that saves through one call of
 * the contract. The schema's messages and the core's appear at their
 * fields, worded alike, and focus goes to the first; the controls are bound
 * with `text`, `choice`, `flag`, `member` and `rows`.
 */
export function useContractForm<Draft extends FieldValues, Input, Saved>(options: ContractFormOptions<Draft, Input, Saved>) {
  const { schema, toInput, notANumber, toFormPaths = pathsToFormRows, fieldOrder, inputId, save, onSaved } = options;
  const { t } = useTranslation();
  const form = useForm<Draft>({ defaultValues: options.defaultValues });
  const { control, getValues, setValue, formState } = form;
  const limits = useMemo(() => schemaLimits(schema), [schema]);
  // One message store for the schema's and the core's messages (an ApiCallError, as the core sends it).
  const [error, setError] = useState<unknown>(null);
  const draft = form.watch();
  const order = fieldOrder(draft);

  const errorOf = (path: string) => fieldError(error, path);
  /** Before row `index` of `group` is taken out: its messages go with it, the ones below move up. */
  const removeRowErrors = (group: string) => (index: number) => setError((current: unknown) => withoutRow(current, group, index));
  const set = <P extends Path<Draft>>(path: P, value: unknown) => setValue(path, value as PathValue<Draft, P>);

  function show(caught: unknown) {
    setError(caught);
    const first = firstErrorField(caught, order);
    if (first) focusSoon(inputId(first), `${inputId(first)}-group`);
  }

  const submitValid = form.handleSubmit(async (values) => {
    const prepared = toInput(values);
    const fields = messagesBeforeCall(schema, prepared, toFormPaths, notANumber);
    if (Object.keys(fields).length > 0) {
      show(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields }));
      return;
    }
    setError(null);
    try {
      onSaved(await save(prepared.input));
    } catch (caught) {
      show(toFormPaths(caught, prepared.rowMaps));
    }
  });

  return {
    control,
    draft,
    error,
    errorOf,
    order,
    limits,
    saving: formState.isSubmitting,
    onSubmit(event: FormEvent) {
      // The save button stays focusable while saving (aria-disabled): a second press does nothing.
      if (formState.isSubmitting) event.preventDefault();
      else void submitValid(event);
    },
    removeRowErrors,
    /** A text input (Field): value, message and maxLength from the schema. */
    text: (path: FieldPathByValue<Draft, string>): TextBinding => ({
      id: inputId(path),
      value: getValues(path) as string,
      onChange: (value: string) => set(path, value),
      error: errorOf(path),
      maxLength: limits.maxLength(path),
    }),
    /** A select (SelectField). */
    choice: (path: FieldPathByValue<Draft, string>) => ({
      id: inputId(path),
      value: getValues(path) as string,
      onChange: (value: string) => set(path, value),
      error: errorOf(path),
    }),
    /** A checkbox for a yes/no value. */
    flag: (path: FieldPathByValue<Draft, boolean>) => ({
      id: inputId(path),
      checked: getValues(path) as boolean,
      onChange: (checked: boolean) => set(path, checked),
      error: errorOf(path),
    }),
    /** A checkbox for one code of a list of codes (counseling fields), which stays in the order of `all`. */
    member: <T extends string>(path: FieldPathByValue<Draft, T[]>, code: T, all: readonly T[]) => {
      const chosen = getValues(path) as T[];
      return {
        id: inputId(`${path}.${code}`),
        checked: chosen.includes(code),
        onChange: (checked: boolean) =>
          set(
            path,
            all.filter((candidate) => (candidate === code ? checked : chosen.includes(candidate))),
          ),
      };
    },
    /** A list of text rows (TextRows): rows, messages and the schema's limits. */
    rows: (path: FieldPathByValue<Draft, string[]>) => {
      const maxLength = limits.maxLength(`${path}.0`);
      if (maxLength === undefined) throw new Error(`The contract sets no maximum length for ${path}`);
      return {
        id: inputId(path),
        values: getValues(path) as string[],
        onChange: (values: string[]) => set(path, values),
        onRemove: removeRowErrors(path),
        rowError: (index: number) => errorOf(`${path}.${index}`),
        groupError: errorOf(path),
        max: limits.maxItems(path),
        maxLength,
      };
    },
  };
}

export type ContractForm<Draft extends FieldValues> = ReturnType<typeof useContractForm<Draft, unknown, unknown>>;
