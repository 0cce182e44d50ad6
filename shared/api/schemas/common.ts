import { z } from 'zod';
import { isIsoDate } from '../../domain/iso-date';
import { refinement } from '../german-messages';

/**
 * Building blocks of the contract's schemas. Messages that the schema alone
 * decides name their key in the error catalogue (refinement); the rest come
 * from german-messages.ts.
 */

/**
 * Control characters (C0 and C1, but not tab and line breaks) and the bidi
 * overrides and isolates: they cannot be printed, and the overrides can make
 * a name read differently from what is stored.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair: SQLite would store U+FFFD instead, silently changing the text. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Text as people type it, refusing what cannot be printed or stored as typed. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !INVISIBLE_CONTROLS.test(value), refinement('input.controlCharacters'))
    .refine((value) => !LONE_SURROGATE.test(value), refinement('input.brokenCharacter'));

export const requiredText = (max: number) => text(max).refine((value) => value.trim().length > 0, refinement('input.required'));

/** Optional text: may be left out by callers and is then stored empty. */
export const optionalText = (max: number) => text(max).default('');

export const isoDate = z.string().refine(isIsoDate, refinement('input.date'));
export const optionalDate = isoDate.nullable().default(null);
export const timestamp = z.string();
export const id = z.string().min(1).max(64);
export const postalCode = z
  .string()
  .regex(/^(\d{5})?$/)
  .default('');

/** Empty, or something that looks like an e-mail address. */
export const optionalEmail = z
  .string()
  .max(200)
  .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), refinement('input.email'))
  .default('');

/** Empty, or digits with the usual separators: `+49 2421 22-0`, `(02421) 123/45`. */
export const optionalPhone = z
  .string()
  .max(60)
  .refine((value) => value === '' || /^\+?[\d\s()/\-–.]{3,}$/.test(value), refinement('input.phone'))
  .default('');

/**
 * A phone number as a directory lists it: digits with whatever people write
 * beside them ("02421 22-1234 (Mo–Fr)", "0800 111 0 111 – kostenlos"), as
 * HSDS allows. At least three digits, one line.
 */
export const freePhone = z
  .string()
  .max(100)
  .refine((value) => value === '' || ((value.match(/\d/g)?.length ?? 0) >= 3 && !/[\r\n]/.test(value)), refinement('input.phoneFree'))
  .default('');

export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A list without repeats, for sets of codes. */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, refinement('input.duplicate'))
    .default([]);
