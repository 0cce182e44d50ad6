import type { FormDefinition } from './definition';
import { freeLetter } from './free-letter';

export * from './definition';

/** The forms Lotse ships with, by id. */
export const BUILT_IN_FORMS: Readonly<Record<string, FormDefinition>> = {
  [freeLetter.id]: freeLetter,
};
