import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { runInChildProcess } from './child-process';

describe('the PDF stack at start', () => {
  it('is not loaded by a start that shows the Start screen, and loads with the first letter, fontkit shared with pdfkit', () => {
    const temp = makeTempDir('lotse-lazy-pdf-');
    try {
      const result = JSON.parse(runInChildProcess('start-then-print.ts', [temp.dir])) as {
        started: { appInfo: boolean; deadlines: boolean; loaded: string[] };
        printed: { pages: number; loaded: string[]; sharedFonts: number; fallbackFamilies: string[]; appInfo: boolean };
      };
      expect(result.started).toEqual({ appInfo: true, deadlines: true, loaded: [] });
      // pdfkit got fontkit's sharing wrapper although it loaded only now (main/core/pdf/fonts.ts): the letter's two faces, regular and bold, are shared.
      // A Latin letter reads none of the fallback fonts (Noto for other scripts, fonts.ts): they load when a document needs them.
      expect(result.printed).toEqual({ pages: 2, loaded: ['pdfmake', 'pdfkit', 'fontkit'], sharedFonts: 2, fallbackFamilies: [], appInfo: true });
    } finally {
      temp.cleanup();
    }
  });
});
