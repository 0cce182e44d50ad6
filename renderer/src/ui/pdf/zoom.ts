/**
 * Zoom of the PDF preview. A scale of 1 ("100 %") draws a page at its real
 * size on a 96 dpi screen (a PDF point is 1/72 inch); "fit" follows the width
 * of the preview.
 */
export type Zoom = 'fit' | number;

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 3;

/** CSS pixels per PDF point at 100 %. */
export const CSS_PER_POINT = 96 / 72;

/** The scale that makes a page `pageWidthPt` wide fill `availableCss` pixels, within the zoom range. */
export function fitScale(pageWidthPt: number, availableCss: number): number {
  if (pageWidthPt <= 0 || availableCss <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM / 2, availableCss / (pageWidthPt * CSS_PER_POINT)));
}

export function effectiveScale(zoom: Zoom, fit: number): number {
  return zoom === 'fit' ? fit : zoom;
}

/** The next step up (or down) from the scale shown now; stays at the end of the range. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const epsilon = 0.001;
  if (direction === 1) return ZOOM_STEPS.find((step) => step > current + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - epsilon) ?? MIN_ZOOM;
}

export function zoomPercent(scale: number): number {
  return Math.round(scale * 100);
}

/**
 * Device pixels per CSS pixel for drawing a page: sharp on high-density
 * screens, but never more than `maxPixels` in all (a big zoom on a 4K screen
 * would otherwise ask for a canvas of hundreds of megabytes).
 */
export function canvasPixelRatio(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = 16_000_000): number {
  const wanted = Math.min(Math.max(devicePixelRatio || 1, 1), 3);
  const area = cssWidth * cssHeight;
  if (area <= 0) return wanted;
  return Math.max(0.25, Math.min(wanted, Math.sqrt(maxPixels / area)));
}

/** What a key does in the preview, or null for keys it leaves alone. */
export type PreviewKeyAction = 'previous' | 'next' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'fit';

export function previewKeyAction(key: string, modifiers: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PreviewKeyAction | null {
  // Ctrl/Cmd with + and - is the browser's (and Electron menu's) own zoom of the whole app.
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return null;
  switch (key) {
    case 'PageUp':
      return 'previous';
    case 'PageDown':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case '0':
      return 'fit';
    default:
      return null;
  }
}
