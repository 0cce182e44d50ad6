import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedPdf } from '../../../../shared/api/contract';
import { base64ToBytes, downloadPdf, loadPdfJs } from './pdfjs';

/** Pages are drawn 800 CSS pixels wide (a little more than A4 at 96 dpi) and scaled down by CSS on narrow windows. */
const PAGE_CSS_WIDTH = 800;

interface PdfPreviewProps {
  /** The core is creating the PDF. */
  busy: boolean;
  pdf: RenderedPdf | null;
  fileName: string;
  /** Shown while there is no PDF yet; defaults to the generic hint. */
  emptyText?: string;
}

/**
 * The labelled "Vorschau" region: every page drawn by pdf.js into a canvas,
 * the page count and "PDF speichern". aria-busy while the PDF is made or drawn.
 */
export function PdfPreview({ busy, pdf, fileName, emptyText }: PdfPreviewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const bytes = useMemo(() => (pdf ? base64ToBytes(pdf.pdfBase64) : null), [pdf]);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [drawn, setDrawn] = useState(0);
  const [drawFailed, setDrawFailed] = useState(false);

  useEffect(() => {
    setDoc(null);
    setDrawn(0);
    setDrawFailed(false);
    if (!bytes) return;
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    loadPdfJs()
      .then((pdfjs) => {
        if (cancelled) return null;
        // pdf.js hands the buffer to its worker (detaching it): give it a copy and keep ours for saving.
        const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false });
        destroy = () => task.destroy();
        return task.promise;
      })
      .then((loaded) => {
        if (!cancelled && loaded) setDoc(loaded);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.error('[lotse] PDF preview failed:', error);
        setDrawFailed(true);
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);

  const pageCount = doc?.numPages ?? pdf?.pages ?? 0;
  const drawing = pdf !== null && !drawFailed && (doc === null || drawn < doc.numPages);
  const isBusy = busy || drawing;

  return (
    <section className="preview" aria-labelledby={headingId} aria-busy={isBusy}>
      <div className="preview-bar">
        <h2 id={headingId} className="preview-heading">
          {t('preview.heading')}
        </h2>
        {pdf && !busy ? (
          <>
            <p className="preview-pages">{t('preview.pages', { count: pageCount })}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => bytes && downloadPdf(bytes, fileName)}
            >
              {t('preview.download')}
            </button>
          </>
        ) : null}
      </div>
      <div role="status" className="preview-status">
        {busy ? (
          <p className="busy">
            <span className="spinner" aria-hidden="true" />
            {t('preview.busy')}
          </p>
        ) : drawing ? (
          <p className="busy">
            <span className="spinner" aria-hidden="true" />
            {t('preview.drawing')}
          </p>
        ) : null}
      </div>
      {drawFailed ? (
        <p className="alert alert--warning" role="alert">
          {t('preview.drawFailed')}
        </p>
      ) : null}
      {!pdf && !busy ? <p className="preview-empty">{emptyText ?? t('preview.empty')}</p> : null}
      {doc && !busy ? (
        <ol className="preview-pages-list">
          {Array.from({ length: doc.numPages }, (_, index) => (
            <li key={index} className="preview-page">
              <PdfPageCanvas
                doc={doc}
                pageNumber={index + 1}
                label={t('preview.page', { page: index + 1, count: doc.numPages })}
                onDrawn={() => setDrawn((n) => n + 1)}
                onFailed={() => setDrawFailed(true)}
              />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

interface PdfPageCanvasProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  label: string;
  onDrawn(): void;
  onFailed(): void;
}

function PdfPageCanvas({ doc, pageNumber, label, onDrawn, onFailed }: PdfPageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const callbacks = useRef({ onDrawn, onFailed });
  callbacks.current = { onDrawn, onFailed };

  useEffect(() => {
    let cancelled = false;
    let task: RenderTask | null = null;
    doc
      .getPage(pageNumber)
      .then((page) => {
        const canvas = canvasRef.current;
        if (cancelled || !canvas) return;
        const pixelRatio = Math.min(window.devicePixelRatio || 1, 2);
        const unscaled = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: (PAGE_CSS_WIDTH * pixelRatio) / unscaled.width });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        task = page.render({ canvas, viewport });
        return task.promise.then(() => {
          if (!cancelled) callbacks.current.onDrawn();
        });
      })
      .catch((error: unknown) => {
        if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
        console.error(`[lotse] drawing page ${pageNumber} failed:`, error);
        callbacks.current.onFailed();
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber]);

  return <canvas ref={canvasRef} className="preview-canvas" role="img" aria-label={label} />;
}
