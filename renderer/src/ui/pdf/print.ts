import { call } from '../../api';

export type PrintOutcome = 'printed' | 'cancelled' | 'tab' | 'blocked';

/** How long the browser's tab may take to load the PDF before its object URL is let go. */
const TAB_URL_LIFETIME_MS = 5 * 60 * 1000;

/**
 * Prints a PDF the way the host can: the Electron host opens the system
 * print dialog (`pdf.print`); in the browser the PDF opens in a new tab, in
 * the browser's own viewer, to print from there (a page cannot open the
 * print dialog of a PDF itself, and its CSP keeps blob: frames out).
 */
export async function printPdf(pdf: { bytes: Uint8Array<ArrayBuffer>; base64: string }, title: string, host: 'electron' | 'browser'): Promise<PrintOutcome> {
  if (host === 'electron') {
    const { printed } = await call('pdf.print', { pdfBase64: pdf.base64, title });
    return printed ? 'printed' : 'cancelled';
  }
  const url = URL.createObjectURL(new Blob([pdf.bytes], { type: 'application/pdf' }));
  const opened = window.open(url, '_blank');
  // The PDF's tab has no business with this page (`noopener` would hide whether the tab opened at all).
  if (opened) opened.opener = null;
  window.setTimeout(() => URL.revokeObjectURL(url), opened ? TAB_URL_LIFETIME_MS : 0);
  return opened ? 'tab' : 'blocked';
}
