import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { din5008Letter } from '../../main/core/pdf/layouts/din5008-letter';
import { inspectLogo, LOGO_MAX_BYTES, LogoError } from '../../main/core/pdf/logo';
import { renderPdf } from '../../main/core/pdf/render';
import type { RenderedPdf, Settings } from '../../shared/api/contract';
import { openTestCore, reopenCore, SAMPLE_CLIENT } from '../support/core';
import { makeJpeg, makePng, PNG_SIGNATURE, pngChunk, pngHeaderOnly, sampleLogoPng } from '../support/images';
import { finalizeWithSha256 } from '../support/documents';
import { pdfWords } from '../support/pdf-words';
import { TEST_SETTINGS } from '../support/settings';
import { callOk, errorOf } from '../support/results';
import { darkShare, expectValidPdfWithEmbeddedFonts, rasterize } from './print-support';
import { sampleLetterContent } from './sample-letter';

/**
 * The letterhead settings (organization … logo) as the office enters them:
 * stored and refused through dispatch, printed in letters, previewed.
 */

let core: Core;
let dataDir: string;
let dispose: () => void;
beforeEach(() => {
  ({ core, dataDir, dispose } = openTestCore());
});
afterEach(() => dispose());

const png = (bytes: Buffer) => ({ mimeType: 'image/png' as const, dataBase64: bytes.toString('base64') });
const jpeg = (bytes: Buffer) => ({ mimeType: 'image/jpeg' as const, dataBase64: bytes.toString('base64') });

function withOffice(office: Partial<Settings['office']>): Settings {
  return { ...TEST_SETTINGS, office: { ...TEST_SETTINGS.office, ...office } };
}

let fileCount = 0;
function write(base64OrBytes: string | Buffer): string {
  const file = path.join(dataDir, `out-${++fileCount}.pdf`);
  fs.writeFileSync(file, typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes);
  return file;
}

/** `pdfimages -list` rows; `pictures` counts those of type image (a transparency mask is a row of type smask). */
function imagesIn(file: string): string[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
}
const pictures = (rows: string[]) => rows.filter((row) => row.trim().split(/\s+/)[2] === 'image');

describe('logo check', () => {
  it('reads the size of PNGs and JPEGs from the file itself', async () => {
    expect(inspectLogo(png(sampleLogoPng(320, 160)))).toMatchObject({ mimeType: 'image/png', width: 320, height: 160 });
    expect(inspectLogo(png(makePng(3, 2, () => [1, 2, 3, 255], { alpha: false })))).toMatchObject({ width: 3, height: 2 });
    const page = await renderPdf(din5008Letter(sampleLetterContent()));
    const photo = makeJpeg(page.bytes, 240);
    const logo = inspectLogo(jpeg(photo));
    expect(logo.mimeType).toBe('image/jpeg');
    expect(logo.width).toBe(240);
    expect(logo.height).toBeGreaterThan(300);
  });

  const refusals: Array<[string, () => { mimeType: string; dataBase64: string }, RegExp]> = [
    ['a text file', () => png(Buffer.from('Dies ist kein Bild, nur Text.')), /kein PNG- oder JPEG-Bild/],
    ['a GIF', () => png(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), /kein PNG- oder JPEG-Bild/],
    [
      'a JPEG sent as PNG',
      () => ({ mimeType: 'image/png', dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]).toString('base64') }),
      /ein JPEG-Bild, angegeben ist aber PNG/,
    ],
    ['a truncated PNG', () => png(sampleLogoPng().subarray(0, 400)), /PNG-Bild ist beschädigt/],
    [
      'a PNG with a wrong checksum',
      () => {
        const bytes = Buffer.from(sampleLogoPng());
        bytes[40] = bytes[40]! ^ 0xff;
        return png(bytes);
      },
      /PNG-Bild ist beschädigt .*Prüfsumme/,
    ],
    [
      'a PNG whose image data do not inflate',
      () => {
        const ihdr = Buffer.from(sampleLogoPng().subarray(8, 8 + 25));
        return png(Buffer.concat([PNG_SIGNATURE, ihdr, pngChunk('IDAT', Buffer.from('not zlib at all')), pngChunk('IEND', Buffer.alloc(0))]));
      },
      /Bilddaten nicht lesbar/,
    ],
    ['a PNG with too little image data', () => png(pngHeaderOnly(100, 100)), /Bilddaten zu kurz/],
    ['a PNG of 5000 × 300 pixels', () => png(pngHeaderOnly(5000, 300)), /5\.000 × 300 Pixel groß; erlaubt sind höchstens 4\.000 × 4\.000 Pixel/],
    [
      'a JPEG without its end',
      () => ({ mimeType: 'image/jpeg', dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0, 0]).toString('base64') }),
      /JPEG-Bild ist beschädigt/,
    ],
    ['no base64', () => ({ mimeType: 'image/png', dataBase64: 'iVBOR#w0KGgo' }), /kein gültiges Base64/],
  ];
  for (const [what, logo, message] of refusals) {
    it(`refuses ${what} with a clear German message`, () => {
      expect(() => inspectLogo(logo())).toThrow(LogoError);
      expect(() => inspectLogo(logo())).toThrow(message);
    });
  }

  it('refuses a file over 500 KB, saying how large it is', () => {
    // Noise does not compress: the PNG is about as large as its pixels.
    let seed = 7;
    const noise = makePng(500, 500, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return [seed & 255, (seed >> 8) & 255, (seed >> 16) & 255, 255];
    });
    expect(noise.length).toBeGreaterThan(LOGO_MAX_BYTES);
    expect(() => inspectLogo(png(noise))).toThrow(/Das Logo ist [\d.]+ KB groß; erlaubt sind höchstens 500 KB/);
  });
});

describe('settings with letterhead', () => {
  it('completes settings stored before contact and logo existed once, when the store opens', async () => {
    const { contact: _contact, logo: _logo, ...oldOffice } = TEST_SETTINGS.office;
    const old = { ...TEST_SETTINGS, office: { ...oldOffice, department: 'job-com, Team Zuwanderung' } };
    core.db.prepare("UPDATE settings SET value = ? WHERE key = 'settings'").run(JSON.stringify(old));
    core.close();
    core = reopenCore(dataDir);
    const stored = JSON.parse(core.db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get() as string);
    expect(stored.office).toMatchObject({ department: 'job-com, Team Zuwanderung', contact: '', logo: null });
    expect((await callOk<Settings>(core, 'settings.get', {})).office).toEqual(stored.office);
  });

  it('stores a valid logo and refuses a broken or huge one on office.logo, keeping what was stored', async () => {
    const logo = png(sampleLogoPng());
    const saved = await callOk<Settings>(core, 'settings.update', withOffice({ logo, contact: 'Frau Silke Nießen' }));
    expect(saved.office.logo).toEqual(logo);
    expect((await callOk<Settings>(core, 'settings.get', {})).office).toMatchObject({ logo, contact: 'Frau Silke Nießen' });

    const broken = errorOf(await dispatch(core, 'settings.update', withOffice({ logo: png(sampleLogoPng().subarray(0, 500)) })));
    expect(broken).toMatchObject({ code: 'invalid_input', fields: { 'office.logo': expect.stringMatching(/^Das PNG-Bild ist beschädigt/) } });
    expect(broken.message).toMatch(/^Das Logo kann nicht verwendet werden/);
    const huge = errorOf(await dispatch(core, 'settings.update', withOffice({ logo: png(pngHeaderOnly(4001, 4001)) })));
    expect(huge).toMatchObject({ code: 'invalid_input', fields: { 'office.logo': expect.stringContaining('4.001 × 4.001 Pixel') } });
    const gif = errorOf(await dispatch(core, 'settings.update', withOffice({ logo: { mimeType: 'image/gif', dataBase64: 'R0lGODlh' } as never })));
    expect(gif).toMatchObject({ code: 'invalid_input', fields: { 'office.logo.mimeType': expect.any(String) } });
    expect((await callOk<Settings>(core, 'settings.get', {})).office.logo).toEqual(logo);
  });

  it('prints the logo once, in the letterhead at the top right, and nothing of it in the window', async () => {
    await callOk(core, 'settings.update', withOffice({ logo: png(sampleLogoPng(320, 160)), phone: '02421 22-0', contact: 'Frau Silke Nießen' }));
    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const letter = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'Text.' },
    });
    const file = write((await callOk<RenderedPdf>(core, 'documents.render', { id: letter.id })).pdfBase64);
    expectValidPdfWithEmbeddedFonts(file);
    const images = imagesIn(file);
    // The picture and its transparency mask: one image.
    expect(pictures(images)).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+320\s+160\s+rgb/);
    // 2:1 fits the 40 × 20 mm box exactly: x 150–190, y 12–32.
    const page = rasterize(file, 1, 100);
    expect(darkShare(page, 152, 13, 188, 31, 200)).toBeGreaterThan(0.2);
    expect(darkShare(page, 191, 5, 209, 40, 250)).toBe(0);
    expect(darkShare(page, 150, 33, 190, 44, 250)).toBe(0);
    // The organisation moved left of the logo and stays in the top 45 mm.
    const words = pdfWords(file, 1);
    const head = words.filter((w) => w.text === 'Kommunales' || w.text === 'Integrationszentrum');
    for (const w of head.filter((w) => w.y0 < 45)) expect(w.x1).toBeLessThanOrEqual(145 + 0.01);
    expect(words.find((w) => w.text === 'Kontakt')).toBeDefined();
  });

  it('prints the logo on forms too, left of the organisation', async () => {
    await callOk(core, 'settings.update', withOffice({ logo: png(sampleLogoPng(320, 160)), contact: 'Frau Silke Nießen' }));
    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const form = await callOk<{ id: string }>(core, 'documents.create', { templateId: 'recognition-cost-application', clientId: client.id, values: {} });
    const file = write((await callOk<RenderedPdf>(core, 'documents.render', { id: form.id })).pdfBase64);
    expectValidPdfWithEmbeddedFonts(file);
    expect(pictures(imagesIn(file))).toHaveLength(1);
    // 30 × 15 mm at the top left of the text area (x 25–55), the organisation right of it.
    const page = rasterize(file, 1, 100);
    expect(darkShare(page, 26, 21, 54, 34, 200)).toBeGreaterThan(0.2);
    const organisation = pdfWords(file, 1).find((w) => w.text === 'Kreis')!;
    expect(organisation.x0).toBeGreaterThan(55);
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(
      'Ansprechperson Frau Silke Nießen',
    );
  });

  it('prints a JPEG logo too', async () => {
    const page = await renderPdf(din5008Letter(sampleLetterContent()));
    await callOk(core, 'settings.update', withOffice({ logo: jpeg(makeJpeg(page.bytes, 120)) }));
    const preview = await callOk<RenderedPdf>(core, 'settings.previewLetterhead', {});
    const file = write(preview.pdfBase64);
    expectValidPdfWithEmbeddedFonts(file);
    expect(imagesIn(file)[0]).toMatch(/image\s+120\s+\d+\s+(rgb|gray)\s+\d\s+8\s+jpeg/);
  });

  it('previews a sample letter with the unsaved entries, refusing what saving would refuse', async () => {
    const entries = withOffice({ organization: 'job-com', department: 'Team Zuwanderung', contact: 'Herr Carsten Muschenich', logo: png(sampleLogoPng()) });
    const preview = await callOk<RenderedPdf>(core, 'settings.previewLetterhead', { settings: entries });
    expect(preview.pages).toBe(1);
    const file = write(preview.pdfBase64);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const part of [
      'job-com',
      'Team Zuwanderung',
      'Herr Carsten Muschenich',
      'Beispielbrief',
      'Erika Mustermann',
      'Teamleitung',
      'Anlage',
      'Seite 1 von 1',
    ])
      expect(text).toContain(part);
    expect(pictures(imagesIn(file))).toHaveLength(1);
    // Nothing was saved.
    expect((await callOk<Settings>(core, 'settings.get', {})).office.organization).toBe(TEST_SETTINGS.office.organization);
    // Without entries: the stored letterhead.
    const stored = execFileSync('pdftotext', [write((await callOk<RenderedPdf>(core, 'settings.previewLetterhead', {})).pdfBase64), '-'], { encoding: 'utf8' });
    expect(stored).toContain('Kommunales Integrationszentrum');

    const badLogo = errorOf(await dispatch(core, 'settings.previewLetterhead', { settings: withOffice({ logo: png(Buffer.from('kaputt')) }) }));
    expect(badLogo).toMatchObject({ code: 'invalid_input', fields: { 'office.logo': expect.stringContaining('kein PNG- oder JPEG-Bild') } });
    // Arabic prints (Noto Naskh Arabic); Hebrew, which no shipped font covers, is refused.
    expect(await dispatch(core, 'settings.previewLetterhead', { settings: withOffice({ department: 'قسم الاندماج' }) })).toMatchObject({ ok: true });
    const hebrew = errorOf(await dispatch(core, 'settings.previewLetterhead', { settings: withOffice({ department: 'מחלקה' }) }));
    expect(hebrew).toMatchObject({ code: 'unprintable_text', fields: { settings: expect.stringContaining('מ ח ל ק ה') } });
  });

  /** A client and a free letter to them, made final with the logo of the settings as they are. */
  async function finalInvitation() {
    const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
    const draft = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung', body: 'Text.' },
    });
    const final = await finalizeWithSha256(core, { id: draft.id, omitFields: [] });
    return { client, draft, final };
  }

  it('keeps the logo of a final letter when the logo in the settings changes', async () => {
    await callOk(core, 'settings.update', withOffice({ logo: png(sampleLogoPng()) }));
    const { client, draft, final } = await finalInvitation();
    await callOk(core, 'settings.update', withOffice({ logo: png(makePng(10, 10, () => [255, 0, 0, 255])) }));
    const reprint = await callOk<RenderedPdf>(core, 'documents.render', { id: draft.id });
    expect(reprint.sha256).toBe(final.sha256);
    expect(imagesIn(write(reprint.pdfBase64))[0]).toMatch(/image\s+320\s+160/);

    // The snapshot names the logo by its hash; the bytes are stored once however many letters use it.
    const second = await callOk<{ id: string }>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Zweiter', body: 'Text.' },
    });
    await callOk(core, 'settings.update', withOffice({ logo: png(sampleLogoPng()) }));
    await callOk(core, 'documents.finalize', { id: second.id, omitFields: [] });
    const snapshots = core.db.prepare('SELECT final_snapshot FROM documents WHERE final_snapshot IS NOT NULL').pluck().all() as string[];
    expect(snapshots).toHaveLength(2);
    const base64 = sampleLogoPng().toString('base64');
    for (const snapshot of snapshots) {
      expect(snapshot).not.toContain(base64.slice(0, 200));
      expect(JSON.parse(snapshot).context.settings.office.logo).toEqual({ mimeType: 'image/png', sha256: sha256Of(sampleLogoPng()) });
    }
    // The logos table holds each image once, the settings only a reference, and nothing else keeps logo bytes.
    expect(storedLogos()).toEqual([sha256Of(sampleLogoPng()), sha256Of(makePng(10, 10, () => [255, 0, 0, 255]))].sort());
    expect(storedSettings().office.logo).toEqual({ mimeType: 'image/png', sha256: sha256Of(sampleLogoPng()) });
    expect(core.db.prepare("SELECT count(*) FROM settings WHERE key <> 'settings'").pluck().get()).toBe(0);
  });

  it('reprints a final letter of a store from before the logos table unchanged, after the upgrade and a new logo', async () => {
    await callOk(core, 'settings.update', withOffice({ logo: png(sampleLogoPng()) }));
    const { draft, final } = await finalInvitation();
    storeLogosAsSchema40Did();
    core.close();

    core = reopenCore(dataDir);
    expect(core.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(50);
    expect(storedLogos()).toEqual([sha256Of(sampleLogoPng())]);
    expect((await callOk<Settings>(core, 'settings.get', {})).office.logo).toEqual(png(sampleLogoPng()));
    await callOk(core, 'settings.update', withOffice({ logo: png(makePng(10, 10, () => [255, 0, 0, 255])) }));
    expect((await callOk<RenderedPdf>(core, 'documents.render', { id: draft.id })).sha256).toBe(final.sha256);
  });
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storedLogos = () => core.db.prepare('SELECT sha256 FROM logos ORDER BY sha256').pluck().all();
const storedSettings = () => JSON.parse(core.db.prepare("SELECT value FROM settings WHERE key = 'settings'").pluck().get() as string);

/**
 * Turns this store back into schema 40's shape (the snapshots are the same):
 * every logo as a settings row `letterhead-logo:<sha256>`, the office logo's
 * bytes inside the settings JSON, no logos table, nothing of later migrations.
 */
function storeLogosAsSchema40Did(): void {
  const logos = core.db.prepare('SELECT sha256, mime_type, data FROM logos').all() as Array<{ sha256: string; mime_type: string; data: Buffer }>;
  const asSetting = (logo: (typeof logos)[number]) => JSON.stringify({ mimeType: logo.mime_type, dataBase64: logo.data.toString('base64') });
  for (const logo of logos) core.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`letterhead-logo:${logo.sha256}`, asSetting(logo));
  const office = logos.find((logo) => logo.sha256 === storedSettings().office.logo.sha256)!;
  core.db.prepare("UPDATE settings SET value = json_set(value, '$.office.logo', json(?)) WHERE key = 'settings'").run(asSetting(office));
  core.db.exec('DROP TABLE logos');
  // Nor had it the later migrations' columns (0060: contact and greeting of a letter).
  core.db.exec(`DROP TRIGGER documents_final_addressing_is_frozen;
                ALTER TABLE documents DROP COLUMN contact_id;
                ALTER TABLE documents DROP COLUMN salutation_override;`);
  core.db.pragma('user_version = 40');
}

it('inflates the sample logo to exactly its pixels (the encoder the tests use is right)', () => {
  const bytes = sampleLogoPng(20, 10);
  const idat = bytes.subarray(8 + 25 + 8, bytes.length - 12 - 4);
  expect(zlib.inflateSync(idat).length).toBe(10 * (1 + 20 * 4));
});
