import path from 'node:path';
import type { Core } from '../main/core/core';
import { openTestCore } from '../test/support/core';
import { batchFigures } from './batch';
import { finalizeFigures } from './finalize';
import { letterFigures } from './letter';
import { partnerImportFigures } from './partner-import';
import { scaleFigures } from './scale';
import { startFigures } from './start';
import { teamFigures } from './team';
import { loadAverage, machine, QUICK, table, writeResults, type Figure } from './stats';

/**
 * `npm run bench` (issue 16, DESIGN.md §8): every figure of §8 and team sync (issue 18),
 * through the real paths (dispatch, the batch worker, dist/start.cjs, Debian Chromium, a
 * throwaway PostgreSQL), printed as one table and written with the machine, the load and
 * the raw samples to bench/results.json. Measures; asserts nothing. BENCH_QUICK=1 runs
 * smaller counts; `npm run bench -- team letter` or BENCH_ONLY=letter,batch,… runs some
 * groups only.
 */

const root = process.cwd();
const batchWorkerScript = path.join(root, 'dist/batch-worker.cjs');
const importWorkerScript = path.join(root, 'dist/partner-import-worker.cjs');
const checkpointWorkerScript = path.join(root, 'dist/checkpoint-worker.cjs');
const only = [...(process.env.BENCH_ONLY ?? '').split(','), ...process.argv.slice(2)].filter(Boolean);
const wanted = (group: string) => only.length === 0 || only.includes(group);

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const started = performance.now();
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  // A group's own table (team sync's counts and its max latencies), printed after the common one.
  const reports: string[] = [];
  const group = async (name: string, run: () => Promise<{ figures: Figure[]; raw?: Record<string, unknown>; report?: string }>) => {
    if (!wanted(name)) return;
    const groupStarted = performance.now();
    process.stdout.write(`bench: ${name} …`);
    const result = await run();
    figures.push(...result.figures);
    raw[name] = result.raw ?? {};
    if (result.report) reports.push(result.report);
    process.stdout.write(` ${((performance.now() - groupStarted) / 1000).toFixed(1)} s\n`);
  };

  // Each group on a store of its own, as a real core on a real SQLite file (test/support/core.ts).
  const withCore = async <T>(work: (core: Core) => Promise<T>): Promise<T> => {
    const { core, dispose } = openTestCore(undefined, { batchWorkerScript, importWorkerScript, checkpointWorkerScript });
    try {
      return await work(core);
    } finally {
      dispose();
    }
  };
  // First, while the process is small (no Chromium driver, no other store yet): its peak RSS is the batch's.
  await group('batch', () => withCore(batchFigures));
  await group('letter', () => withCore(letterFigures));
  await group('finalize', () => withCore(finalizeFigures));
  await group('scale', () => withCore(scaleFigures));
  await group('start', startFigures);
  await group('import', () => withCore(partnerImportFigures));
  // Last: its 300 connections and PostgreSQL's CPU would disturb the others.
  await group('team', teamFigures);

  const loadAfter = loadAverage();
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${table(figures)}\n`);
  for (const figure of figures) if (figure.note) console.log(`- ${figure.figure}: ${figure.note}`);
  for (const report of reports) console.log(`\n${report}\n`);
  console.log(
    `${QUICK ? 'BENCH_QUICK=1 (small counts); ' : ''}${seconds.toFixed(0)} s; load average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`,
  );
  writeResults(path.join(root, 'bench/results.json'), {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: machine(),
    loadAverage: { before: loadBefore, after: loadAfter },
    seconds,
    figures,
    raw,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
