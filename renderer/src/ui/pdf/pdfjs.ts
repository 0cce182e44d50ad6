import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes, downloadBytes } from '../download';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js is loaded when the first preview is shown, not with the first
 * screen. Its worker is a file bundled with the app (`worker-src 'self'`),
 * never a CDN.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

export { base64ToBytes };

/** Offers the PDF as a download under `fileName`. */
export function downloadPdf(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  downloadBytes(bytes, fileName, 'application/pdf');
}
