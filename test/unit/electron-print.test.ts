import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../main/core/errors';
import {
  clearPrintFolder,
  createPdfPrinter,
  createPrintWindowOptions,
  isCancelled,
  PRINT_OPTIONS,
  printFileName,
  type PrintWindow,
} from '../../main/electron/print';
import { createWindowOptions } from '../../main/electron/window-options';
import { makeTempDir } from '../support/temp-dir';

const PDF = Buffer.from('%PDF-1.7\n% Brief\n%%EOF\n', 'latin1');

let temp: { dir: string; cleanup(): void };
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A stand-in for the hidden BrowserWindow that records what happens to it. */
function fakeWindow(outcome: { success: boolean; failureReason: string } | 'load-fails') {
  const events: string[] = [];
  let loadedFile = '';
  let loadedBytes: Buffer | null = null;
  const window: PrintWindow = {
    async loadURL(url) {
      events.push('load');
      if (outcome === 'load-fails') throw new Error('ERR_FILE_NOT_FOUND');
      loadedFile = fileURLToPath(url);
      loadedBytes = fs.readFileSync(loadedFile);
    },
    print(options, callback) {
      events.push(`print ${JSON.stringify(options)}`);
      if (outcome !== 'load-fails') setTimeout(() => callback(outcome.success, outcome.failureReason), 5);
    },
    destroy() {
      events.push('destroy');
    },
  };
  return { window, events, loaded: () => ({ file: loadedFile, bytes: loadedBytes }) };
}

describe('print window (DESIGN.md §3)', () => {
  it('is locked down like the app window, with the PDF plugin on and no preload', () => {
    const options = createPrintWindowOptions();
    const { preload: _preload, devTools: _devTools, ...appPreferences } = createWindowOptions('/p').webPreferences!;
    expect(options.webPreferences).toMatchObject({ ...appPreferences, plugins: true, devTools: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options.show).toBe(false);
  });

  it('asks the system dialog, never prints silently', () => {
    expect(PRINT_OPTIONS.silent).toBe(false);
  });
});

describe('createPdfPrinter', () => {
  it('shows the PDF from a private file in the data dir, prints it with the dialog, then removes window and file', async () => {
    const fake = fakeWindow({ success: true, failureReason: '' });
    const print = createPdfPrinter({ dataDir: temp.dir, createWindow: () => fake.window });
    expect(await print(PDF, 'Serienbrief: Einladung')).toEqual({ printed: true });
    const { file, bytes } = fake.loaded();
    expect(bytes).toEqual(PDF);
    expect(path.basename(file)).toBe('Serienbrief Einladung.pdf');
    expect(file.startsWith(path.join(temp.dir, 'print') + path.sep)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(temp.dir, 'print')).mode & 0o777).toBe(0o700);
    expect(fake.events).toEqual(['load', `print ${JSON.stringify(PRINT_OPTIONS)}`, 'destroy']);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(path.join(temp.dir, 'print'))).toEqual([]);
  });

  it('reports a cancelled dialog as not printed, and a failure with a German message', async () => {
    const cancelled = fakeWindow({ success: false, failureReason: 'Print job canceled' });
    expect(await createPdfPrinter({ dataDir: temp.dir, createWindow: () => cancelled.window })(PDF, 'Brief')).toEqual({ printed: false });
    expect(cancelled.events.at(-1)).toBe('destroy');

    const failed = fakeWindow({ success: false, failureReason: 'Print job failed' });
    const error = await createPdfPrinter({ dataDir: temp.dir, createWindow: () => failed.window })(PDF, 'Brief').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'print_failed', message: expect.stringContaining('Print job failed') });
    expect(failed.events.at(-1)).toBe('destroy');
    expect(fs.readdirSync(path.join(temp.dir, 'print'))).toEqual([]);
  });

  it('cleans up when the PDF cannot be shown', async () => {
    const fake = fakeWindow('load-fails');
    await expect(createPdfPrinter({ dataDir: temp.dir, createWindow: () => fake.window })(PDF, 'Brief')).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(fake.events).toEqual(['load', 'destroy']);
    expect(fs.readdirSync(path.join(temp.dir, 'print'))).toEqual([]);
  });

  it('clears what an earlier run left behind', () => {
    fs.mkdirSync(path.join(temp.dir, 'print', 'job-x'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'print', 'job-x', 'Brief.pdf'), PDF);
    clearPrintFolder(temp.dir);
    expect(fs.existsSync(path.join(temp.dir, 'print'))).toBe(false);
    clearPrintFolder(temp.dir);
  });

  it('names the file after the title, safely', () => {
    expect(printFileName('Freier Brief – Ayşe Müller')).toBe('Freier Brief – Ayşe Müller.pdf');
    expect(printFileName('../../etc/passwd')).toBe('.. .. etc passwd.pdf');
    expect(printFileName('a<b>c:d"e|f?g*h\\i\u0000j')).toBe('a b c d e f g h i j.pdf');
    expect(printFileName('   ')).toBe('Lotse.pdf');
    expect(printFileName('x'.repeat(200))).toBe(`${'x'.repeat(80)}.pdf`);
    expect(isCancelled('Print job canceled')).toBe(true);
    expect(isCancelled('Print job cancelled')).toBe(true);
    expect(isCancelled('Print job failed')).toBe(false);
  });
});

describe('pdf.print through dispatch', async () => {
  const { dispatch } = await import('../../main/core/api/dispatch');
  const { openTestCore } = await import('../support/core');

  it('uses the host printer, refuses what is not a PDF, and says so where the host has none', async () => {
    const printed: Array<{ bytes: Buffer; title: string }> = [];
    const withPrinter = openTestCore(undefined, {
      printPdf: async (bytes, title) => {
        printed.push({ bytes, title });
        return { printed: true };
      },
    });
    const without = openTestCore();
    try {
      expect(await dispatch(withPrinter.core, 'pdf.print', { pdfBase64: PDF.toString('base64'), title: 'Brief' })).toEqual({
        ok: true,
        value: { printed: true },
      });
      expect(printed).toEqual([{ bytes: PDF, title: 'Brief' }]);
      expect(await dispatch(withPrinter.core, 'pdf.print', { pdfBase64: Buffer.from('<html>').toString('base64') })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { pdfBase64: 'Das ist keine PDF-Datei.' } },
      });
      expect(await dispatch(without.core, 'pdf.print', { pdfBase64: PDF.toString('base64') })).toMatchObject({
        ok: false,
        error: { code: 'not_supported', message: expect.stringContaining('Browser') },
      });
    } finally {
      withPrinter.dispose();
      without.dispose();
    }
  });
});
