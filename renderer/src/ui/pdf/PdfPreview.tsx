import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedPdf } from '../../../../shared/api/contract';
import { isApiCallError } from '../../api';
import { useAppContext } from '../../app/app-context';
import { base64ToBytes, downloadPdf, loadPdfJs } from './pdfjs';
import { printPdf, type PrintOutcome } from './print';
import { canvasPixelRatio, CSS_PER_POINT, effectiveScale, fitScale, previewKeyAction, stepZoom, zoomPercent, type Zoom } from './zoom';

interface PdfPreviewProps {
  /** The core is creating the PDF. */
  busy: boolean;
  pdf: RenderedPdf | null;
  fileName: string;
  /** Shown while there is no PDF yet; defaults to the generic hint. */
  emptyText?: string;
  /** The heading of the region; "Vorschau" by default. */
  heading?: string;
  /** Which edition of a document the PDF is (a draft, marked as such, or the final one), said under the heading. */
  edition?: { text: string; draft: boolean };
  /** A fixed id for the heading, which can then take focus (the editor moves focus there when it opens the preview). */
  headingId?: string;
}

type PrintState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; outcome: PrintOutcome } | { status: 'error'; message: string };

/** Room the viewport's padding and border take from the width a page may fill. */
const VIEWPORT_GUTTER = 34;

/**
 * The labelled "Vorschau" region: one page at a time drawn by pdf.js, with
 * paging ("Seite x von y"), zoom (in, out, page width), print and save.
 * The keys work anywhere inside the region: Bild↑/Bild↓ page, Pos1/Ende
 * jump, + and − zoom, 0 fits the width. aria-busy while the PDF is made or
 * drawn.
 */
export function PdfPreview({ busy, pdf, fileName, emptyText, heading, edition, headingId: fixedHeadingId }: PdfPreviewProps) {
  const { t } = useTranslation();
  const { info } = useAppContext();
  const generatedId = useId();
  const headingId = fixedHeadingId ?? generatedId;
  const viewportId = useId();
  const bytes = useMemo(() => (pdf ? base64ToBytes(pdf.pdfBase64) : null), [pdf]);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [fit, setFit] = useState(1);
  const [pageWidthPt, setPageWidthPt] = useState(595.28);
  const [drawnKey, setDrawnKey] = useState('');
  const [drawFailed, setDrawFailed] = useState(false);
  const [printing, setPrinting] = useState<PrintState>({ status: 'idle' });
  const viewportRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setDoc(null);
    setPage(1);
    setDrawnKey('');
    setDrawFailed(false);
    setPrinting({ status: 'idle' });
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

  // "Fit width" follows the preview's width, also when the window is resized.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || !doc) return;
    const measure = () => setFit(fitScale(pageWidthPt, viewport.clientWidth - VIEWPORT_GUTTER));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, [doc, pageWidthPt]);

  const pageCount = doc?.numPages ?? pdf?.pages ?? 0;
  const scale = effectiveScale(zoom, fit);
  const drawKey = `${page}@${scale.toFixed(4)}`;
  const drawing = pdf !== null && !drawFailed && (doc === null || drawnKey !== drawKey);
  const isBusy = busy || drawing;
  const pageLabel = t('preview.page', { page, count: pageCount });

  const goTo = useCallback((target: number) => setPage(Math.min(Math.max(1, target), Math.max(1, doc?.numPages ?? 1))), [doc]);

  const act = (action: ReturnType<typeof previewKeyAction>) => {
    switch (action) {
      case 'previous':
        return goTo(page - 1);
      case 'next':
        return goTo(page + 1);
      case 'first':
        return goTo(1);
      case 'last':
        return goTo(pageCount);
      case 'zoomIn':
        return setZoom(stepZoom(scale, 1));
      case 'zoomOut':
        return setZoom(stepZoom(scale, -1));
      case 'fit':
        return setZoom('fit');
      default:
        return undefined;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!doc) return;
    const action = previewKeyAction(event.key, event);
    if (action === null) return;
    event.preventDefault();
    act(action);
  };

  async function print() {
    if (!pdf || !bytes || printing.status === 'busy') return;
    setPrinting({ status: 'busy' });
    try {
      const outcome = await printPdf({ bytes, base64: pdf.pdfBase64 }, fileName.replace(/\.pdf$/i, ''), info?.host === 'electron' ? 'electron' : 'browser');
      setPrinting({ status: 'done', outcome });
    } catch (error) {
      setPrinting({ status: 'error', message: isApiCallError(error) ? error.message : t('common.unexpected') });
    }
  }

  const printText =
    printing.status === 'busy'
      ? t('preview.printing')
      : printing.status === 'done'
        ? t(`preview.print_${printing.outcome}`)
        : printing.status === 'error'
          ? printing.message
          : '';

  return (
    <section className="preview" aria-labelledby={headingId} aria-busy={isBusy} onKeyDown={onKeyDown}>
      <div className="preview-bar">
        <h2 id={headingId} className="preview-heading" tabIndex={fixedHeadingId ? -1 : undefined}>
          {heading ?? t('preview.heading')}
        </h2>
        {edition ? <p className={edition.draft ? 'preview-edition preview-edition--draft' : 'preview-edition'}>{edition.text}</p> : null}
        {pdf && !busy ? (
          <>
            <p className="preview-pages">{t('preview.pages', { count: pageCount })}</p>
            <button type="button" className="button button--secondary" onClick={() => void print()} aria-disabled={printing.status === 'busy'}>
              {t('preview.print')}
            </button>
            <button type="button" className="button button--primary" onClick={() => bytes && downloadPdf(bytes, fileName)}>
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
        {printText ? <p className={printing.status === 'error' ? 'preview-print preview-print--error' : 'preview-print'}>{printText}</p> : null}
      </div>
      {drawFailed ? (
        <p className="alert alert--warning" role="alert">
          {t('preview.drawFailed')}
        </p>
      ) : null}
      {!pdf && !busy ? <p className="preview-empty">{emptyText ?? t('preview.empty')}</p> : null}
      {doc && !busy ? (
        <>
          <div className="preview-controls">
            <div className="preview-group" role="group" aria-label={t('preview.paging')}>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => goTo(page - 1)}
                aria-disabled={page <= 1}
                aria-controls={viewportId}
              >
                <span aria-hidden="true">‹ </span>
                {t('preview.previous')}
              </button>
              <p className="preview-page-status" aria-live="polite">
                {pageLabel}
              </p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => goTo(page + 1)}
                aria-disabled={page >= pageCount}
                aria-controls={viewportId}
              >
                {t('preview.next')}
                <span aria-hidden="true"> ›</span>
              </button>
            </div>
            <div className="preview-group" role="group" aria-label={t('preview.zoom')}>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => act('zoomOut')}
                aria-label={t('preview.zoomOut')}
                aria-controls={viewportId}
              >
                <span aria-hidden="true">−</span>
              </button>
              <p className="preview-zoom" aria-live="polite">
                {t('preview.zoomLevel', { percent: zoomPercent(scale) })}
              </p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => act('zoomIn')}
                aria-label={t('preview.zoomIn')}
                aria-controls={viewportId}
              >
                <span aria-hidden="true">+</span>
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setZoom('fit')}
                aria-pressed={zoom === 'fit'}
                aria-controls={viewportId}
              >
                {t('preview.fitWidth')}
              </button>
            </div>
          </div>
          <div
            ref={viewportRef}
            id={viewportId}
            className="preview-viewport"
            // Focusable so the page can be scrolled with the keyboard when zoomed in.
            tabIndex={0}
            role="region"
            aria-label={t('preview.viewport', { page, count: pageCount })}
          >
            <PdfPageCanvas
              doc={doc}
              pageNumber={page}
              scale={scale}
              label={pageLabel}
              onSize={setPageWidthPt}
              onDrawn={() => setDrawnKey(drawKey)}
              onFailed={() => setDrawFailed(true)}
            />
          </div>
          <p className="preview-keys muted">{t('preview.keys')}</p>
        </>
      ) : null}
    </section>
  );
}

interface PdfPageCanvasProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  /** CSS size relative to 100 % (see zoom.ts). */
  scale: number;
  label: string;
  /** The page's width in PDF points, for "fit width". */
  onSize(widthPt: number): void;
  onDrawn(): void;
  onFailed(): void;
}

function PdfPageCanvas({ doc, pageNumber, scale, label, onSize, onDrawn, onFailed }: PdfPageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const callbacks = useRef({ onSize, onDrawn, onFailed });
  callbacks.current = { onSize, onDrawn, onFailed };

  useEffect(() => {
    let cancelled = false;
    let task: RenderTask | null = null;
    doc
      .getPage(pageNumber)
      .then((page) => {
        const canvas = canvasRef.current;
        if (cancelled || !canvas) return;
        const unscaled = page.getViewport({ scale: 1 });
        callbacks.current.onSize(unscaled.width);
        const cssWidth = unscaled.width * CSS_PER_POINT * scale;
        const cssHeight = unscaled.height * CSS_PER_POINT * scale;
        const pixelRatio = canvasPixelRatio(cssWidth, cssHeight, window.devicePixelRatio);
        const viewport = page.getViewport({ scale: CSS_PER_POINT * scale * pixelRatio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.round(cssWidth)}px`;
        canvas.style.height = `${Math.round(cssHeight)}px`;
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
  }, [doc, pageNumber, scale]);

  return <canvas ref={canvasRef} className="preview-canvas" role="img" aria-label={label} />;
}
