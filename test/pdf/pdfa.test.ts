import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formLayout } from '../../main/core/pdf/layouts/form-layout';
import { din5008Letter } from '../../main/core/pdf/layouts/din5008-letter';
import { printDocument } from '../../main/core/pdf/print-document';
import { renderPdf } from '../../main/core/pdf/render';
import type { LotseDocument, RenderedPdf } from '../../shared/api/contract';
import { BUILT_IN_FORMS } from '../../shared/forms';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { finalizeWithSha256 } from '../support/documents';
import { sampleLogoPng } from '../support/images';
import { makeTempDir } from '../support/temp-dir';
import { callOk } from '../support/results';
import { TEST_SETTINGS } from '../support/settings';
import { runInChildProcess } from './child-process';
import { expectPdfA2b, HOSTILE_TITLES, pdfInfo, unescapeXml as unescape } from './pdfa-checks';
import { builtInFormJob, prefilledFormValues } from './print-support';
import { LETTERS_BEFORE, SCRIPT_LETTERS_BEFORE, sampleLetterContent, scriptLetterContent } from './sample-letter';

/**
 * PDF/A-2b (DESIGN.md §6) of single documents, read back from the bytes by
 * the checks every Lotse PDF passes (pdfa-checks.ts): version, output intent,
 * an XMP packet that is well-formed XML whatever the titles say and names the
 * conformance and language, the Info dictionary with the text as given and in
 * agreement with the XMP, every font embedded; and the same bytes again, in
 * this process and in another one.
 */

let temp: { dir: string; cleanup(): void };
beforeAll(() => {
  temp = makeTempDir('lotse-pdfa-');
});
afterAll(() => temp.cleanup());

let fileCount = 0;
function write(bytes: Buffer): string {
  const file = path.join(temp.dir, `document-${++fileCount}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('PDF/A-2b', () => {
  it('writes a letter as PDF/A-2b with title, author, subject, keywords and de-DE', async () => {
    const letter = din5008Letter(sampleLetterContent());
    const file = write((await renderPdf(letter)).bytes);
    const { xmp } = expectPdfA2b(file);
    const info = pdfInfo(file);
    expect(info).toMatchObject({
      Title: 'Ihr Antrag auf Beratung',
      Author: 'Maria Schmitz',
      Subject: 'Ihr Antrag auf Beratung vom 3. März 2025',
      Creator: 'Lotse',
    });
    expect(info.Keywords).toContain('Brief');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Ihr Antrag auf Beratung</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2025-03-12T09:30:00Z</xmp:CreateDate>');
    expect(xmp).toMatch(/<pdf:Keywords>[^<]*Brief/);
  });

  for (const title of HOSTILE_TITLES) {
    it(`keeps the XMP well-formed and the Info dictionary verbatim for the title ${JSON.stringify(title)}`, async () => {
      const printable = title.replace(/[\u0007\u000c]/g, ' ');
      for (const definition of [
        din5008Letter(sampleLetterContent({ title, subject: title, author: title })),
        formLayout({
          title,
          reference: 'Test',
          person: '',
          date: '01.02.2026',
          office: TEST_SETTINGS.office,
          recipientLines: [],
          sections: [],
          creationDate: new Date('2026-02-01T08:00:00Z'),
          author: title,
        }),
      ]) {
        const file = write((await renderPdf(definition)).bytes);
        const { xmp } = expectPdfA2b(file);
        const info = pdfInfo(file);
        // pdfinfo prints the value as stored; a trailing space is the only thing it may leave at the line's end.
        expect(info.Title?.trimEnd()).toBe(printable.trimEnd());
        expect(info.Author?.trimEnd()).toBe(printable.trimEnd());
        // What an XMP reader gets back is the same text.
        const titles = [...xmp.matchAll(/<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/g)].map((match) => unescape(match[1]!));
        expect(titles[0]).toBe(printable);
        expect(unescape(/<rdf:Seq>\s*<rdf:li>([^<]*)<\/rdf:li>/.exec(xmp)![1]!)).toBe(printable);
      }
    });
  }

  it('keeps a draft PDF/A-2b: the mark adds no transparency, the title says it is a draft', async () => {
    const form = BUILT_IN_FORMS['recognition-cost-application']!;
    const { definition } = printDocument(builtInFormJob(form, prefilledFormValues(form), { draft: true }));
    const file = write((await renderPdf(definition)).bytes);
    const { xmp, qdf } = expectPdfA2b(file);
    expect(pdfInfo(file).Title).toBe(`Entwurf – nicht versenden: ${form.title}`);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">Entwurf – nicht versenden: ${form.title}</rdf:li>`);
    expect(qdf).not.toMatch(/\/SMask/);
    for (const [, alpha] of qdf.matchAll(/\/(?:ca|CA) ([\d.]+)/g)) expect(Number(alpha)).toBe(1);
  });

  it('names the language of the definition in the catalog and in the XMP (dc:language), de-DE when it names none', async () => {
    const english = din5008Letter(sampleLetterContent());
    english.language = 'en-GB';
    expectPdfA2b(write((await renderPdf(english)).bytes), { language: 'en-GB' });
    const unnamed = din5008Letter(sampleLetterContent());
    delete unnamed.language;
    const { xmp } = expectPdfA2b(write((await renderPdf(unnamed)).bytes));
    expect(xmp.match(/<dc:language>/g)).toHaveLength(1);
  });

  it('writes no malformed /length beside /Length (pdfkit gives its metadata stream one)', async () => {
    const file = write((await renderPdf(din5008Letter(sampleLetterContent()))).bytes);
    const { qdf } = expectPdfA2b(file);
    expect(fs.readFileSync(file).includes('/length')).toBe(false);
    // The metadata stream keeps its /Length.
    expect(qdf).toMatch(/\/Type \/Metadata\n\s*\/Length \d+ 0 R/);
  });

  it('refuses a definition without a creation date instead of taking the clock', async () => {
    const letter = din5008Letter(sampleLetterContent());
    delete letter.info!.creationDate;
    await expect(renderPdf(letter)).rejects.toThrow(/creationDate/);
  });
});

describe('deterministic output', () => {
  it('renders the same letter byte-identically here and in another Node process', async () => {
    const here = await renderPdf(din5008Letter(sampleLetterContent()));
    const again = await renderPdf(din5008Letter(sampleLetterContent()));
    expect(again.bytes.equals(here.bytes)).toBe(true);
    expect(runInChildProcess('render-letter.ts')).toBe(here.sha256);
  });

  it('gives the same bytes after other documents as first thing in a fresh process', async () => {
    // In separate processes, so that what this test file rendered before cannot warm the fonts.
    const fresh = runInChildProcess('render-letter.ts');
    expect(runInChildProcess('render-letter.ts', ['--after-others'])).toBe(fresh);
    // And in this process, after the same letters.
    for (const content of LETTERS_BEFORE()) await renderPdf(din5008Letter(content));
    const warm = await renderPdf(din5008Letter(sampleLetterContent()));
    expect(execFileSync('pdftotext', [write(warm.bytes), '-'], { encoding: 'utf8' })).toContain('Ihr Antrag auf Beratung vom 3. März 2025');
    expect(warm.sha256).toBe(fresh);
  });

  it('gives the same bytes for a letter in every script (Noto fallback fonts, distinct glyphs) warm and fresh', async () => {
    const fresh = runInChildProcess('render-letter.ts', ['--scripts']);
    expect(runInChildProcess('render-letter.ts', ['--scripts', '--after-others'])).toBe(fresh);
    for (const content of [...SCRIPT_LETTERS_BEFORE(), ...LETTERS_BEFORE()]) await renderPdf(din5008Letter(content));
    const warm = await renderPdf(din5008Letter(scriptLetterContent()));
    const file = write(warm.bytes);
    // PDF/A-2b with six fonts and /ActualText spans (mirrored parentheses), each font an embedded subset.
    expectPdfA2b(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E]/g, '');
    for (const name of ['محمود حداد', 'فاطمه رضایی', 'پښتو ځدراڼ', 'ሰላም ተስፋይ', 'ნინო ბერიძე', 'Արամ Պետրոսյան']) expect(text).toContain(name);
    expect(warm.sha256).toBe(fresh);
  });

  it('renders documents asked for at the same time one after the other, each as if alone', async () => {
    const contents = [
      sampleLetterContent(),
      sampleLetterContent({ subject: 'Grüße aus Düren', body: 'Kurz.' }),
      sampleLetterContent({ subject: 'Einladung zur Beratung' }),
    ];
    const alone = [];
    for (const content of contents) alone.push((await renderPdf(din5008Letter(content))).sha256);
    const together = await Promise.all(contents.map((content) => renderPdf(din5008Letter(content))));
    expect(together.map((rendered) => rendered.sha256)).toEqual(alone);
  });

  it('reprints a final document byte-identically in another process, on another day', async () => {
    const test = openTestCore();
    let id: string;
    let final: LotseDocument;
    let inProcess: RenderedPdf;
    try {
      const { core } = test;
      // With a logo: the snapshot names it by hash, the other process reads the bytes from the store.
      await callOk(core, 'settings.update', {
        ...TEST_SETTINGS,
        office: { ...TEST_SETTINGS.office, logo: { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') } },
      });
      const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
      const draft = await callOk<{ id: string }>(core, 'documents.create', {
        templateId: 'free-letter',
        clientId: client.id,
        values: { subject: 'Müller & Söhne <GmbH>: Ihr Termin', body: 'bitte kommen Sie am Montag um 10 Uhr.\n\nMit Ihren Unterlagen.' },
      });
      id = draft.id;
      final = await finalizeWithSha256(core, { id, omitFields: [] });
      inProcess = await callOk<RenderedPdf>(core, 'documents.render', { id });
    } finally {
      test.core.close();
    }
    try {
      expect(inProcess.sha256).toBe(final.sha256);
      const child = JSON.parse(runInChildProcess('render-document.ts', [test.dataDir, id])) as { ok: boolean; value: RenderedPdf };
      expect(child.ok).toBe(true);
      expect(child.value.sha256).toBe(final.sha256);
      expect(child.value.pdfBase64).toBe(inProcess.pdfBase64);
      const file = write(Buffer.from(child.value.pdfBase64, 'base64'));
      expectPdfA2b(file);
      expect(pdfInfo(file).CreationDate).toContain('2026');
    } finally {
      test.dispose();
    }
  });
});
