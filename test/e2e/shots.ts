import type { Locator, Page } from '@playwright/test';
import path from 'node:path';

/** The two windows a counselor works in: a desktop screen and a small laptop. */
export const WIDE = { width: 1280, height: 800 };
export const SMALL = { width: 1024, height: 640 };

/** The page (or one part of it) at both window sizes of a counselor's desk, into the test's output folder (and LOTSE_SHOTS_DIR). */
export async function shots(page: Page, name: string, outputPath: (name: string) => string, part?: Locator): Promise<void> {
  for (const [label, size] of [
    ['1280x800', WIDE],
    ['1024x640', SMALL],
  ] as const) {
    await page.setViewportSize(size);
    const file = `${name}-${label}.png`;
    const paths = [outputPath(file), ...(process.env.LOTSE_SHOTS_DIR ? [path.join(process.env.LOTSE_SHOTS_DIR, file)] : [])];
    for (const target of paths) await (part ? part.screenshot({ path: target }) : page.screenshot({ path: target, fullPage: true }));
  }
  await page.setViewportSize(WIDE);
}
