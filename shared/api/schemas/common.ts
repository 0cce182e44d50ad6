import { z } from 'zod';
import { isIsoDate } from '../../domain/iso-date';

/**
 * Building blocks of the contract's schemas. Messages that the schema alone
 * decides are German here; the rest come from german-messages.ts.
 */

/**
 * Text as people type it. Control characters other than tab and line breaks
 * are refused: they cannot be printed and hide content from the reader.
 */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'Enthält Steuerzeichen, die nicht gedruckt werden können.',
    });

export const requiredText = (max: number) =>
  text(max).refine((value) => value.trim().length > 0, { message: 'Bitte ausfüllen.' });

/** Optional text: may be left out by callers and is then stored empty. */
export const optionalText = (max: number) => text(max).default('');

export const isoDate = z.string().refine(isIsoDate, { message: 'Bitte ein gültiges Datum angeben (JJJJ-MM-TT).' });
export const optionalDate = isoDate.nullable().default(null);
export const timestamp = z.string();
export const id = z.string().min(1).max(64);
export const postalCode = z.string().regex(/^(\d{5})?$/).default('');

/** Empty, or something that looks like an e-mail address. */
export const optionalEmail = z
  .string()
  .max(200)
  .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), { message: 'Bitte eine gültige E-Mail-Adresse angeben.' })
  .default('');

/** Empty, or digits with the usual separators: `+49 2421 22-0`, `(02421) 123/45`. */
export const optionalPhone = z
  .string()
  .max(60)
  .refine((value) => value === '' || /^\+?[\d\s()/\-–.]{3,}$/.test(value), { message: 'Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden.' })
  .default('');

export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A list without repeats, for sets of codes. */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'Jeder Eintrag darf nur einmal vorkommen.' })
    .default([]);
