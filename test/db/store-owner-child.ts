import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { bundleChildScript, type ChildBundle } from '../support/child-bundle';

/** test/db/child/store-owner.ts, bundled once per test file (without pdfmake: it never prints). */
export function bundleStoreOwner(outDir: string): ChildBundle {
  return bundleChildScript(path.join(__dirname, 'child', 'store-owner.ts'), outDir, { withoutPdf: true });
}

export interface OwnerChild {
  process: ChildProcessWithoutNullStreams;
  /** Every complete line the child wrote so far. */
  lines: string[];
  /** The first line: whether it owns the data dir. */
  verdict: Promise<{ owned: true } | { owned: false; code: string; message: string }>;
  /** Resolves once the child is gone and its output read to the end. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function startStoreOwner(bundle: ChildBundle, dataDir: string, { write = false } = {}): OwnerChild {
  const child = spawn(process.execPath, [bundle.file, dataDir, ...(write ? ['--write'] : [])], { env: bundle.env });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  let onFirstLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => (onFirstLine = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    if (lines.length === 0 && parts.length > 0) onFirstLine(parts[0] as string);
    lines.push(...parts);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      onFirstLine('');
      resolve({ code, signal });
    }),
  );
  const verdict = firstLine.then((line) => {
    if (line === '') throw new Error(`the child ended without a word: ${errors}`);
    return JSON.parse(line) as { owned: true } | { owned: false; code: string; message: string };
  });
  // A test that fails early must not leave an unobserved rejection behind.
  verdict.catch(() => {});
  return { process: child, lines, verdict, closed, stderr: () => errors };
}
