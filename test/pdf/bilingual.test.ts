import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import type { Client, LotseDocument } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';
import { expectPdfA2b } from './pdfa-checks';

/**
 * Bilingual documents on paper (issue 17): the consent form, the invitation
 * and the Art. 13 sheet printed in German and the client's language. The
 * German comes first (or left), every translated block and every page say
 * „Übersetzung – maßgeblich ist der deutsche Text“ in both languages, the
 * name prints as the person writes it beside the Latin form, and the
 * address block stays Latin. Page images go to /tmp/i17-bilingual for a look.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

const IMAGES = '/tmp/i17-bilingual';

function writePdf(base64: string, name: string): string {
  const file = path.join(dataDir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** pdftotext of every page, and the pages as PNG at 60 dpi for looking at (the test does not read them). */
function textOf(file: string, name: string): string {
  fs.mkdirSync(IMAGES, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(IMAGES, name)]);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** Lines of pdftotext joined where the layout broke them, for phrases that may wrap. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function client(overrides: Partial<Parameters<typeof clientWith>[0]> = {}): Promise<Client> {
  return clientWith({ ...SAMPLE_CLIENT, ...overrides });
}

async function clientWith(input: Record<string, unknown>): Promise<Client> {
  return callOk<Client>(core, 'clients.create', input);
}

const CONSENT_VALUES = {
  recipients: [{ name: 'Jobcenter Kreis Düren' }],
  purposes: [{ purpose: 'Beratung zur Anerkennung' }],
  dataCategories: ['identity', 'contact'],
  exchange: 'one-way',
};

async function renderText(document: LotseDocument, name: string): Promise<{ text: string; file: string }> {
  const rendered = await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id });
  const file = writePdf(rendered.pdfBase64, name);
  return { text: textOf(file, name), file };
}

describe('a bilingual consent form', () => {
  it('in Ukrainian: German and Ukrainian text on the page, the binding-language note in both languages, the name in its own script', async () => {
    const person = await client({
      familyName: 'Kovalenko',
      givenName: 'Olena',
      otherNames: ['Олена Коваленко'],
      languages: [{ language: 'Ukrainisch', interpreterNeeded: false }],
    });
    const document = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: person.id,
      values: CONSENT_VALUES,
    });
    expect(document.translationLanguage).toBe('uk');
    expect(document.translationReview).toBeNull();
    const { text, file } = await renderText(document, 'consent-uk');
    const words = flat(text);
    expect(words).toContain('Einwilligung in die Übermittlung personenbezogener Daten');
    expect(words).toContain('Згода на передачу персональних даних');
    expect(words).toContain('Die Einwilligung ist freiwillig.');
    expect(words).toContain('Згода є добровільною.');
    expect(words).toContain('Übersetzung – maßgeblich ist der deutsche Text');
    expect(words).toContain('Переклад – чинним є текст німецькою мовою.');
    expect(words).toContain('Олена Коваленко');
    // German before its translation.
    expect(words.indexOf('Die Einwilligung ist freiwillig.')).toBeLessThan(words.indexOf('Згода є добровільною.'));
    expectPdfA2b(file);
  });
});
