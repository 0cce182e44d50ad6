import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk } from '../support/results';

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

async function letterTo(familyName: string, values: Record<string, string>): Promise<{ id: string }> {
  // Look-alikes of SAMPLE_CLIENT (same birth date and given name), made on purpose.
  const client = await createLookAlike(core, { ...SAMPLE_CLIENT, familyName });
  return callOk(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, values });
}

function pdfText(base64: string): string {
  const file = path.join(dataDir, 'letter.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('documents.render (free-letter)', () => {
  it('renders the letter to the client with letterhead and counselor from settings', async () => {
    const document = await letterTo('Ivanova-Şahin', { subject: 'Ihr Termin am 3. Dezember', body: 'bitte kommen Sie um 10 Uhr.' });
    const rendered = await callOk<{ pdfBase64: string; sha256: string; pages: number }>(core, 'documents.render', { id: document.id });
    const bytes = Buffer.from(rendered.pdfBase64, 'base64');
    expect(rendered.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(rendered.pages).toBe(1);
    const text = pdfText(rendered.pdfBase64);
    expect(text).toContain('Ayşe Ivanova-Şahin');
    expect(text).toContain('Hauptstraße 5');
    expect(text).toContain('Ihr Termin am 3. Dezember');
    expect(text).toContain('Kommunales Integrationszentrum');
    expect(text).toContain('Kreis Düren · Postfach · 52348 Düren');
    expect(text).toContain('25.11.2026');
  });

  it('uses the letterhead saved in settings', async () => {
    const settings = await callOk<{ office: object; counselor: object }>(core, 'settings.get', {});
    await callOk(core, 'settings.update', {
      ...settings,
      office: { ...settings.office, department: 'job-com, Team Zuwanderung', room: 'Zimmer 225 (Haus D)' },
      counselor: { ...settings.counselor, name: 'Carsten Muschenich' },
    });
    const document = await letterTo('Öztürk', { subject: 'Einladung', body: 'Text' });
    const text = pdfText((await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id })).pdfBase64);
    expect(text).toContain('job-com, Team Zuwanderung');
    expect(text).toContain('Zimmer 225 (Haus D)');
    expect(text).toContain('Carsten Muschenich');
  });

  it('refuses text the fonts cannot print, naming the field, instead of printing empty boxes', async () => {
    const document = await letterTo('Müller', { subject: 'Glückwunsch 🎉', body: 'Text mit ☐ Kästchen' });
    const result = await dispatch(core, 'documents.render', { id: document.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unprintable_text',
        message: expect.stringContaining('Betreff, Text'),
        fields: { 'values.subject': expect.stringContaining('🎉'), 'values.body': expect.stringMatching(/^Text: .*☐/) },
      },
    });
  });

  it('prints Arabic script (Noto Naskh Arabic) and refuses Hebrew, which no shipped font covers, naming the field and its characters', async () => {
    const arabic = await letterTo('Müller', { subject: 'Einladung', body: 'مرحبا، نراكم يوم الاثنين' });
    expect(await dispatch(core, 'documents.render', { id: arabic.id })).toMatchObject({ ok: true });
    const hebrew = await letterTo('Müller', { subject: 'Einladung 🎉', body: 'שלום' });
    expect(await dispatch(core, 'documents.render', { id: hebrew.id })).toMatchObject({
      ok: false,
      error: {
        code: 'unprintable_text',
        message: 'Das Dokument enthält Zeichen, die die Schrift nicht drucken kann (Betreff, Text).',
        fields: { 'values.body': 'Text: Diese Zeichen kann die Schrift nicht drucken: ש ל ו ם', 'values.subject': expect.stringContaining('🎉') },
      },
    });
  });

  it("names the client field when the client's name is in Hebrew script or has a character the fonts lack", async () => {
    const hebrew = await letterTo('כהן', { subject: 'Einladung', body: 'Text' });
    const rtl = await dispatch(core, 'documents.render', { id: hebrew.id });
    expect(rtl).toMatchObject({ ok: false, error: { code: 'unprintable_text', fields: { recipient: expect.stringContaining('כ ה ן') } } });
    // The greeting names the client too ("Guten Tag כהן,"), so it is named with the address.
    expect((rtl as { error: { message: string } }).error.message).toMatch(
      /^Das Dokument enthält Zeichen, die die Schrift nicht drucken kann \(Anschrift der Empfänger\*in, Betreff, Anrede und Gruß\)\.$/,
    );

    const klingon = await letterTo('Nguyễn\u{F8D0}', { subject: 'Einladung', body: 'Text' });
    const missing = await dispatch(core, 'documents.render', { id: klingon.id });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'unprintable_text',
        message: expect.stringContaining('Anschrift der Empfänger*in'),
        fields: { recipient: expect.stringContaining('U+F8D0') },
      },
    });
  });

  it('marks every page of a draft and its title; the final document prints without the mark', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Absatz ${i + 1}: ${'Ein Satz, der die Seite füllt. '.repeat(4)}`).join('\n\n');
    const document = await letterTo('Müller', { subject: 'Einladung', body });
    const pdfFile = (base64: string, name: string) => {
      const file = path.join(dataDir, name);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      return file;
    };
    const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    const title = (file: string) => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }))?.[1];

    const draft = await callOk<{ pdfBase64: string; pages: number }>(core, 'documents.render', { id: document.id });
    const draftFile = pdfFile(draft.pdfBase64, 'draft.pdf');
    expect(draft.pages).toBeGreaterThan(1);
    for (let page = 1; page <= draft.pages; page++) expect(pageText(draftFile, page)).toContain('ENTWURF – nicht versenden');
    expect(title(draftFile)).toBe('Entwurf – nicht versenden: Einladung');

    await callOk(core, 'documents.finalize', { id: document.id, omitFields: [] });
    const final = await callOk<{ pdfBase64: string; pages: number }>(core, 'documents.render', { id: document.id });
    const finalFile = pdfFile(final.pdfBase64, 'final.pdf');
    for (let page = 1; page <= final.pages; page++) expect(pageText(finalFile, page)).not.toMatch(/ENTWURF|Entwurf/);
    expect(title(finalFile)).toBe('Einladung');
  });

  it('updates a draft instead of making another one', async () => {
    const document = await letterTo('Müller', { subject: 'Erster Betreff', body: 'eins' });
    const updated = await callOk<{ id: string; values: object }>(core, 'documents.update', { id: document.id, values: { subject: 'Einladung', body: 'zwei' } });
    expect(updated).toMatchObject({ id: document.id, values: { subject: 'Einladung', body: 'zwei' } });
    expect(await callOk(core, 'documents.get', { id: document.id })).toEqual(updated);
    expect((await callOk<{ items: unknown[] }>(core, 'documents.list', {})).items).toHaveLength(1);
    const text = pdfText((await callOk<{ pdfBase64: string }>(core, 'documents.render', { id: document.id })).pdfBase64);
    expect(text).toContain('Einladung');
    expect(text).not.toContain('Erster Betreff');
  });

  it('refuses to update a final document', async () => {
    const document = await letterTo('Müller', { subject: 'Entwurf', body: 'eins' });
    core.db.prepare("UPDATE documents SET status = 'final' WHERE id = ?").run(document.id);
    const result = await dispatch(core, 'documents.update', { id: document.id, values: { subject: 'Neu', body: 'zwei' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await callOk(core, 'documents.get', { id: document.id })).toMatchObject({ values: { subject: 'Entwurf' } });
  });
});
