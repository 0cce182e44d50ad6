import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';
import { createPrintWindowOptions } from '../../main/electron/print';
import { createWindowOptions } from '../../main/electron/window-options';
import { makeTempDir } from '../support/temp-dir';

/**
 * Doyensec's Electronegativity, the Electron security scanner, over the
 * Electron host's code and the page it loads. Every finding above
 * informational must be justified here, and a justification is not a
 * sentence: it runs the code the scanner could not follow and asserts what
 * the finding asks for. A finding without one fails the test, and so does a
 * justification no finding needs any more.
 */

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../..');

interface Finding {
  id: string;
  file: string;
  line: number;
  sample: string;
  severity: string;
}

interface ScanIssue {
  id: string;
  file: string;
  location: { line: number };
  sample?: string;
  severity: { name: string; value: number };
}

type ElectronegativityRun = (
  options: { input: string; isRelative: boolean; electronVersionOverride: string; excludeFromScan: string[]; parserPlugins: string[] },
  forCli: false,
) => Promise<{ errors: unknown[]; issues: ScanIssue[] }>;

/** The scanner's own severity scale: 0 is informational. */
const INFORMATIONAL = 0;

const scanned = makeTempDir();
afterAll(() => scanned.cleanup());

/**
 * The host's sources and the page's HTML in one folder: the global checks
 * (CSP, navigation limits, permission handler) look at all of them together.
 */
async function scan(): Promise<{ findings: Finding[]; errors: unknown[] }> {
  const electronDir = path.join(root, 'main/electron');
  for (const file of fs.readdirSync(electronDir).filter((name) => name.endsWith('.ts'))) {
    fs.copyFileSync(path.join(electronDir, file), path.join(scanned.dir, file));
  }
  fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(scanned.dir, 'index.html'));
  const run = require('@doyensec/electronegativity') as ElectronegativityRun;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const result = await run(
    {
      input: scanned.dir,
      isRelative: true,
      // The installed Electron's defaults decide what is unsafe, not the scanner's guess of v0.1.
      electronVersionOverride: electronVersion,
      // This one check compares against Electron's release list on GitHub: it needs a network these desks do not have.
      // Which Electron ships is package.json's pin, reviewed at each release.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    },
    false,
  );
  const findings = result.issues
    .filter((issue) => issue.severity.value > INFORMATIONAL)
    .map((issue) => ({ id: issue.id, file: issue.file, line: issue.location.line, sample: issue.sample ?? '', severity: issue.severity.name }));
  return { findings, errors: result.errors };
}

interface Justification {
  id: string;
  /** Where the scanner stops reading: the call whose options it cannot see. */
  at: string;
  why: string;
  prove(): void;
}

const appWindow = () => createWindowOptions('/app/dist/preload/preload.cjs', { devTools: false }).webPreferences!;
const printWindow = () => createPrintWindowOptions().webPreferences!;

const windows = [
  { at: 'createWindowOptions(', name: 'the app window', preferences: appWindow },
  { at: 'createPrintWindowOptions(', name: 'the print window', preferences: printWindow },
];

const JUSTIFICATIONS: Justification[] = [
  ...windows.flatMap(({ at, name, preferences }): Justification[] => [
    {
      id: 'CONTEXT_ISOLATION_JS_CHECK',
      at,
      why: `${name}'s options come from a function the scanner does not follow; they isolate the context`,
      prove: () => expect(preferences().contextIsolation).toBe(true),
    },
    {
      id: 'SANDBOX_JS_CHECK',
      at,
      why: `${name} is sandboxed, set in the same function`,
      prove: () => expect(preferences().sandbox).toBe(true),
    },
    {
      id: 'AUXCLICK_JS_CHECK',
      at,
      why: `${name} has the Auxclick blink feature disabled, set in the same function`,
      prove: () => expect(preferences().disableBlinkFeatures?.split(',')).toContain('Auxclick'),
    },
  ]),
  {
    id: 'CSP_GLOBAL_CHECK',
    at: "script-src 'self'",
    why:
      "csp-evaluator warns that script-src 'self' is weak where an origin hosts JSONP, Angular or uploaded files; " +
      "Lotse's origin serves its own bundle only, and nothing else may run (no inline, no eval, no objects, no base)",
    prove: () => {
      const directives = new Map(
        CONTENT_SECURITY_POLICY.split(';')
          .map((directive) => directive.trim().split(/\s+/) as [string, ...string[]])
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
    },
  },
];

describe('Electronegativity over the Electron host', () => {
  it('finds nothing above informational that is not justified by an assertion', { timeout: 60_000 }, async () => {
    const { findings, errors } = await scan();
    expect(errors).toEqual([]);
    const unjustified = findings.filter((finding) => !JUSTIFICATIONS.some((j) => j.id === finding.id && finding.sample.includes(j.at)));
    expect(unjustified).toEqual([]);
    const unused = JUSTIFICATIONS.filter((j) => !findings.some((finding) => j.id === finding.id && finding.sample.includes(j.at)));
    expect(unused.map((j) => `${j.id} at ${j.at}`)).toEqual([]);
    for (const justification of JUSTIFICATIONS) justification.prove();
  });
});
