import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A new window size reaches the app through media-query events and React
 * effects a frame or two later (the editor's preview moves between dialog and
 * side panel and takes focus): wait for them, so a screenshot shows the
 * settled layout and the next step of a test types into the page it sees.
 */
async function resizeWindow(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise<void>((settled) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 0)))));
}

/** The two windows a counselor works in: a desktop screen and a small laptop. */
export const WIDE = { width: 1280, height: 800 };
export const SMALL = { width: 1024, height: 640 };

/** The page (or one part of it) at both window sizes of a counselor's desk, into the test's output folder (and LOTSE_SHOTS_DIR). */
export async function shots(page: Page, name: string, outputPath: (name: string) => string, part?: Locator): Promise<void> {
  for (const [label, size] of [
    ['1280x800', WIDE],
    ['1024x640', SMALL],
  ] as const) {
    await resizeWindow(page, size);
    const file = `${name}-${label}.png`;
    const paths = [outputPath(file), ...(process.env.LOTSE_SHOTS_DIR ? [path.join(process.env.LOTSE_SHOTS_DIR, file)] : [])];
    for (const target of paths) await (part ? part.screenshot({ path: target }) : page.screenshot({ path: target, fullPage: true }));
  }
  await resizeWindow(page, WIDE);
}

/**
 * The window as the counselor sees it, at both sizes (`part` scrolled into
 * view), into `folder` for a person to look at and into the test's output
 * folder; the pointer is moved away so no hover state shows. A PDF preview
 * draws its pages anew for a new size (aria-busy meanwhile): the shot waits
 * for the pages, not „Vorschau wird gezeichnet …“.
 */
export async function windowShots(page: Page, folder: string, name: string, part?: Locator): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [label, size] of [
    ['1280x800', WIDE],
    ['1024x640', SMALL],
  ] as const) {
    await resizeWindow(page, size);
    await expect(page.locator('section.preview[aria-busy="true"]')).toHaveCount(0);
    if (part) await part.scrollIntoViewIfNeeded();
    const file = `${name}-${label}.png`;
    for (const target of [path.join(folder, file), test.info().outputPath(file)]) await page.screenshot({ path: target });
  }
  await resizeWindow(page, { width: 1280, height: 900 });
}
