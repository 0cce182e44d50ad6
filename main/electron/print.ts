import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../core/core';
import { DomainError } from '../core/errors';
import { LOCKED_DOWN_WEB_PREFERENCES } from './window-options';

/**
 * `pdf.print` in the Electron host: the PDF goes to a hidden window that
 * shows it in Chromium's PDF viewer, and that window's `webContents.print()`
 * opens the system print dialog. (Printing a PDF this way printed blank pages
 * before Electron 30–32, electron/electron#30947, fixed by #43309.)
 *
 * The window is as locked down as the app window, with one difference: the
 * PDF viewer is a plugin, so `plugins` is on. It has no preload, so no bridge
 * to the core; navigation, new windows and permissions are refused for it by
 * the guards main.ts puts on every webContents. The PDF is written to a
 * folder of its own inside the data dir (social data stay where the store
 * is) and removed when the dialog closes; the folder is emptied at start in
 * case the app ended while printing.
 */

export const PRINT_FOLDER = 'print';

export function createPrintWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: 'Lotse – Drucken',
    show: false,
    width: 900,
    height: 1100,
    webPreferences: {
      ...LOCKED_DOWN_WEB_PREFERENCES,
      devTools: false,
      // Chromium's PDF viewer is a plugin.
      plugins: true,
    },
  };
}

export const PRINT_OPTIONS: WebContentsPrintOptions = { silent: false, printBackground: true };

/** The parts of a BrowserWindow the printer uses, so it can be tested without Electron. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  destroy(): void;
}

export interface PdfPrinterOptions {
  /** The data dir; the PDF waits in `<dataDir>/print/` while the dialog is open. */
  dataDir: string;
  createWindow(): PrintWindow;
}

/** A file name from the title: what the print queue shows. */
export function printFileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${cleaned || 'Lotse'}.pdf`;
}

/** Electron's failure reason when the counselor closed the dialog without printing. */
export function isCancelled(failureReason: string): boolean {
  return /cancel/i.test(failureReason);
}

/** Empties the print folder (left over if the app ended while a dialog was open). */
export function clearPrintFolder(dataDir: string): void {
  fs.rmSync(path.join(dataDir, PRINT_FOLDER), { recursive: true, force: true });
}

export function createPdfPrinter(options: PdfPrinterOptions): PdfPrinter {
  return async (pdf, title) => {
    const folder = path.join(options.dataDir, PRINT_FOLDER);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const dir = fs.mkdtempSync(path.join(folder, 'job-'));
    const file = path.join(dir, printFileName(title));
    let window: PrintWindow | undefined;
    try {
      fs.writeFileSync(file, pdf, { mode: 0o600 });
      window = options.createWindow();
      await window.loadURL(pathToFileURL(file).href);
      const outcome = await new Promise<{ success: boolean; failureReason: string }>((resolve) =>
        window!.print(PRINT_OPTIONS, (success, failureReason) => resolve({ success, failureReason })),
      );
      if (outcome.success) return { printed: true };
      if (isCancelled(outcome.failureReason)) return { printed: false };
      throw new DomainError('print_failed', { key: 'printing.failed', params: { reason: outcome.failureReason || { key: 'printing.unknownReason' } } });
    } finally {
      window?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
