import { describe, expect, it } from 'vitest';
import { canvasPixelRatio, fitScale, previewKeyAction, stepZoom, zoomPercent } from './zoom';

const NONE = { ctrlKey: false, metaKey: false, altKey: false };

describe('preview zoom', () => {
  it('fits an A4 page to the width available', () => {
    // A4 is 595.28 pt = 793.7 CSS px at 100 %.
    expect(zoomPercent(fitScale(595.28, 793.7))).toBe(100);
    expect(zoomPercent(fitScale(595.28, 1190.6))).toBe(150);
    expect(fitScale(595.28, 10_000)).toBe(3);
    expect(fitScale(595.28, 10)).toBe(0.25);
    expect(fitScale(0, 800)).toBe(1);
  });

  it('steps through the zoom levels from whatever is shown', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
    expect(stepZoom(0.3, 1)).toBe(0.5);
  });

  it('keeps canvases within a pixel budget', () => {
    expect(canvasPixelRatio(800, 1131, 2)).toBe(2);
    expect(canvasPixelRatio(800, 1131, 1)).toBe(1);
    const ratio = canvasPixelRatio(2381, 3368, 2);
    expect(2381 * 3368 * ratio * ratio).toBeLessThanOrEqual(16_000_001);
    expect(canvasPixelRatio(800, 1131, 0)).toBe(1);
  });

  it('maps keys, leaving the app zoom (Ctrl +/−) alone', () => {
    expect(previewKeyAction('PageDown', NONE)).toBe('next');
    expect(previewKeyAction('PageUp', NONE)).toBe('previous');
    expect(previewKeyAction('Home', NONE)).toBe('first');
    expect(previewKeyAction('End', NONE)).toBe('last');
    expect(previewKeyAction('+', NONE)).toBe('zoomIn');
    expect(previewKeyAction('-', NONE)).toBe('zoomOut');
    expect(previewKeyAction('0', NONE)).toBe('fit');
    expect(previewKeyAction('+', { ...NONE, ctrlKey: true })).toBeNull();
    expect(previewKeyAction('a', NONE)).toBeNull();
  });
});
