import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formReference } from '../../main/core/pdf/print-document';
import { BUILT_IN_FORMS, loadFormDefinition, type FormDefinition } from '../../shared/forms';
import type { FormValues } from '../../shared/forms/values';
import type { PdfWord } from '../support/pdf-words';
import {
  builtInFormJob,
  filledFormValues,
  findLastPhrase,
  findPhrase,
  flat,
  flatText,
  prefilledFormValues,
  renderJob,
  textLines,
  type RenderedFile,
} from './print-support';

/**
 * Every page says whose it is: pages 2 and following begin with the client's
 * name, birth date and file number, the form and "Seite x von y"; a
 * signature or decision box never stands on a page without its heading; the
 * footer names the form with its Stand; headings meant for the editor, or
 * repeated by a label, do not print.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-header-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
const render = (form: FormDefinition, values: FormValues, omittedFields: string[] = []) =>
  renderJob(builtInFormJob(form, values, { omittedFields }), path.join(dir, `${form.id}-${++count}.pdf`));

/** The sample client as the header names her. */
const PERSON = 'Ayşe Müller · geb. 12.03.1990 · Az. KI-2026-0815';

/** The header band: above the text area, which starts 20 mm down. */
const inHeader = (w: PdfWord) => w.y1 < 20;

function expectRunningHeader(out: RenderedFile, title: string, person = PERSON): void {
  expect(out.pages, 'needs a second page').toBeGreaterThan(1);
  for (let page = 2; page <= out.pages; page++) {
    const header = out.words.filter((w) => w.page === page && inHeader(w));
    const text = textLines(header).join(' ');
    expect(text, `page ${page}`).toContain(person);
    expect(text, `page ${page}`).toContain(`Seite ${page} von ${out.pages}`);
    expect(text.replace(/\s+/g, ' '), `page ${page}`).toContain(flat(title));
  }
}

describe('pages 2 and following say whose they are', () => {
  for (const id of ['consent-data-transfer', 'recognition-cost-application', 'course-referral']) {
    it(`${id}: the client's name, birth date and file number, the form and the page on top of every later page`, async () => {
      const form = BUILT_IN_FORMS[id]!;
      const out = await render(form, filledFormValues(form));
      expectRunningHeader(out, form.title);
      // Page 1 has the letterhead instead, and its number in the footer.
      expect(out.words.filter((w) => w.page === 1 && inHeader(w) && w.text === 'geb.')).toEqual([]);
      expect(findPhrase(out.words, `Seite 1 von ${out.pages}`, 1)[0]!.y0).toBeGreaterThan(270);
    });
  }

  it('referral letter: the header names the client as the letter does, with its subject', async () => {
    const form = BUILT_IN_FORMS['referral-letter']!;
    const out = await render(form, filledFormValues(form));
    expectRunningHeader(out, 'Überleitung: Ayşe Müller');
  });

  it('leaves out of the header what the counselor left out of the letter (data minimisation)', async () => {
    const form = BUILT_IN_FORMS['referral-letter']!;
    const values = { ...filledFormValues(form), birthDate: '', fileNumber: '' };
    const out = await render(form, values, ['birthDate']);
    expectRunningHeader(out, 'Überleitung: Ayşe Müller', 'Ayşe Müller');
    expect(flatText(out.file)).not.toContain('12.03.1990');
    expect(flatText(out.file)).not.toContain('KI-2026-0815');
  });

  it('takes name and birth date from the record for a letter to the client, never for one to a partner that does not print them', async () => {
    const letter = (recipient: 'client' | 'partner') =>
      loadFormDefinition({
        id: 'long-letter',
        version: 1,
        title: 'Langer Brief',
        layout: 'letter',
        recipient,
        letter: { subject: 'Ein langer Brief', salutation: 'Guten Tag,', closing: 'Mit freundlichen Grüßen' },
        sections: [{ id: 'main', title: 'Brief', fields: [{ id: 'body', type: 'textarea', label: 'Text', max: 20000, print: 'paragraphs' }] }],
      });
    const body = Array.from({ length: 40 }, (_, i) => `Absatz ${i + 1}: ${'Ein Satz, der die Seite füllt. '.repeat(4)}`).join('\n\n');
    const toClient = await render(letter('client'), { body });
    expectRunningHeader(toClient, 'Ein langer Brief');
    const toPartner = await render(letter('partner'), { body });
    expect(toPartner.pages).toBeGreaterThan(1);
    expect(flatText(toPartner.file)).not.toMatch(/Ayşe|Müller|12\.03\.1990|KI-2026-0815/);
    expect(flatText(toPartner.file, 2)).toContain(`Seite 2 von ${toPartner.pages}`);
  });
});

/** The last page that has `phrase` (a section title may also name a field higher up). */
function lastPageWith(out: RenderedFile, phrase: string): number {
  for (let page = out.pages; page >= 1; page--) if (flatText(out.file, page).includes(phrase)) return page;
  throw new Error(`"${phrase}" not found`);
}

describe('a signature or decision box never stands without its heading', () => {
  /** The section heading and a word of its box, which must share a page. */
  const boxes: Record<string, Array<[heading: string, box: string]>> = {
    'consent-data-transfer': [['Unterschriften', 'Betroffene Person']],
    'recognition-cost-application': [
      ['Unterschriften', 'Antragstellende Person'],
      ['Vom Jobcenter auszufüllen', 'Entscheidung des Jobcenters'],
    ],
    'course-referral': [
      ['Unterschriften', 'Teilnehmende Person'],
      ['Rückmeldung des Kursträgers', 'Vom Kursträger auszufüllen'],
    ],
  };
  /** More of what comes before the boxes, step by step, so that they fall at different places of their pages. */
  const longer: Record<string, (step: number) => FormValues> = {
    'consent-data-transfer': (step) => ({ recipients: Array.from({ length: 1 + 5 * step }, (_, i) => ({ name: `Beratungsstelle ${i + 1}` })) }),
    'recognition-cost-application': (step) => ({ need: 'Wort '.repeat(200 * step).trim() }),
    'course-referral': (step) => ({ remarks: 'Wort '.repeat(200 * step).trim() }),
  };

  for (const [id, pairs] of Object.entries(boxes)) {
    it(`${id}: heading and box on the same page, however long the text before them`, async () => {
      const form = BUILT_IN_FORMS[id]!;
      const places = new Set<string>();
      for (let step = 0; step <= 3; step++) {
        const out = await render(form, { ...prefilledFormValues(form), ...longer[id]!(step) });
        for (const [heading, box] of pairs) {
          const boxPage = lastPageWith(out, box);
          const headingPage = lastPageWith(out, heading);
          expect(boxPage, `${heading} / ${box}, step ${step}`).toBe(headingPage);
          places.add(`${box} ${boxPage} ${Math.round(findLastPhrase(out.words, box, boxPage)[0]!.y0 / 20)}`);
        }
      }
      // The steps moved the boxes (else this would test one layout only).
      expect(places.size).toBeGreaterThan(pairs.length);
    });
  }

  it('referral letter: the closing and signature keep the last section with them', async () => {
    const form = BUILT_IN_FORMS['referral-letter']!;
    const out = await render(form, filledFormValues(form));
    const closing = findPhrase(out.words, 'Mit freundlichen Grüßen');
    expect(findPhrase(out.words, 'Rückfragen')[0]!.page).toBe(closing[0]!.page);
    // The enclosures stay with the signature.
    expect(findPhrase(out.words, 'Anlagen', closing[0]!.page)[0]!.y0).toBeGreaterThan(closing[0]!.y0);
  });
});

describe('footer and headings', () => {
  for (const form of Object.values(BUILT_IN_FORMS)) {
    it(`${form.id}: the footer names the form in German with its Stand on every page, and no heading prints twice`, async () => {
      const out = await render(form, filledFormValues(form));
      const reference = formReference(form);
      if (form.id !== 'free-letter') expect(reference).toMatch(/ · Stand \d\d\.\d\d\.\d{4}$/);
      for (let page = 1; page <= out.pages; page++) expect(flatText(out.file, page)).toContain(flat(reference));
      expect(out.flat).not.toMatch(/Vorlage|Version \d|referral-letter|consent-data-transfer/);
      // A heading and a label that repeats it would read as the same line twice.
      const lines = textLines(out.words);
      const repeated = lines.filter((line, index) => index > 0 && line === lines[index - 1]);
      expect(repeated).toEqual([]);
    });
  }

  it('prints no editor-only heading: the referral letter opens without "Einleitung"', async () => {
    const form = BUILT_IN_FORMS['referral-letter']!;
    const out = await render(form, filledFormValues(form));
    expect(out.flat).not.toContain('Einleitung');
    expect(out.flat).toContain('wir möchten Ihnen die unten genannte Person vorstellen');
  });

  it('prints "Begründung" once above the cost application\'s reasons', async () => {
    const form = BUILT_IN_FORMS['recognition-cost-application']!;
    const out = await render(form, { ...filledFormValues(form), need: 'Die Anerkennung ist für die Arbeit als Pflegefachfrau nötig.' });
    expect(out.flat.match(/Begründung/g)).toHaveLength(1);
  });
});
