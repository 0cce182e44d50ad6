import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import type { LotseDocument } from '../../shared/api/contract';
import { createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { renderedText } from '../support/documents';
import { callOk } from '../support/results';

/**
 * The § 104c checklist prints only what applies: the § 25a criteria and
 * wording for a person young enough for § 25a (before the 27th birthday,
 * counted on the day of the check), none of them for an older person.
 * Clock: 2026-11-25.
 */

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

/** The checklist of a client born on `birthDate`, as pdftotext reads it, with the line breaks of the layout evened out. */
async function printedChecklist(birthDate: string): Promise<string> {
  // The sample person more than once, born on other days: look-alikes made on purpose.
  const client = await createLookAlike(core, { ...SAMPLE_CLIENT, birthDate });
  const document = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'residence-104c-checklist', clientId: client.id });
  return (await renderedText(core, document.id)).replace(/\s+/g, ' ');
}

const ONLY_25A = [
  '§ 25a: Duldung oder § 104c',
  '§ 25a: Schule oder Abschluss',
  '§ 25a: seit drei Jahren ununterbrochen erlaubt',
  'steht der Bezug öffentlicher Leistungen nicht entgegen',
  'keine konkreten Anhaltspunkte',
  'Die Abschiebung ist nicht wegen eigener falscher Angaben',
];
const BOTH_PATHS = ['Alter', 'Voraufenthalt', '§ 25b: seit mindestens sechs Jahren', 'Identität und Pass', 'Deutschkenntnisse A2', 'Keine Täuschung'];

describe('the § 104c checklist (PDF)', () => {
  it('prints the § 25a criteria for a 20-year-old', async () => {
    const text = await printedChecklist('2006-05-01');
    for (const phrase of [...ONLY_25A, ...BOTH_PATHS]) expect(text, phrase).toContain(phrase);
  });

  it('prints none of them for a 30-year-old, and still the criteria of § 25b', async () => {
    const text = await printedChecklist('1996-05-01');
    for (const phrase of ONLY_25A) expect(text, phrase).not.toContain(phrase);
    for (const phrase of BOTH_PATHS) expect(text, phrase).toContain(phrase);
  });

  it('counts the age on the day of the check: the day before the 27th birthday still offers § 25a', async () => {
    expect(await printedChecklist('1999-11-26')).toContain('§ 25a: Duldung oder § 104c');
    expect(await printedChecklist('1999-11-25')).not.toContain('§ 25a: Duldung oder § 104c');
  });
});
