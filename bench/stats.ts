import fs from 'node:fs';
import os from 'node:os';

/** One row of the table: a figure, its samples (ms unless `unit` says otherwise), the goal and whether it holds. */
export interface Figure {
  figure: string;
  unit: string;
  samples: number[];
  /** The goal as DESIGN.md §8 words it, for the table. */
  goal: string;
  /** Which statistic the goal is about, and its limit; undefined when the row only informs. */
  check?: { stat: 'min' | 'median' | 'p95' | 'max'; limit: number };
  note?: string;
  /**
   * The statistics when the samples are too many to keep (the team bench's million latencies): computed by the
   * group with summarize(), `samples` then left empty so bench/results.json stays small.
   */
  summary?: Summary & { n: number };
}

export interface Summary {
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { min: NaN, median: NaN, p95: NaN, max: NaN };
  return { min: sorted[0]!, median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

/** The figure's statistics and sample count: its own summary when it brings one, else from its samples. */
export function statsOf(figure: Figure): Summary & { n: number } {
  return figure.summary ?? { ...summarize(figure.samples), n: figure.samples.length };
}

export function met(figure: Figure): boolean | undefined {
  const stats = statsOf(figure);
  if (!figure.check || stats.n === 0) return undefined;
  return stats[figure.check.stat] <= figure.check.limit;
}

function formatNumber(value: number, unit: string): string {
  if (Number.isNaN(value)) return '–';
  const digits = unit === 'ratio' ? 2 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toFixed(digits);
  return unit === 'ratio' ? number : `${number} ${unit}`;
}

/** The table as Markdown (it goes to the terminal and, copied, to the README's "Leistung" section). */
export function table(figures: Figure[]): string {
  const rows = [
    ['figure', 'n', 'min', 'median', 'p95', 'goal', 'met'],
    ...figures.map((figure) => {
      const { min, median, p95, n } = statsOf(figure);
      const holds = met(figure);
      return [
        figure.figure,
        String(n),
        formatNumber(min, figure.unit),
        formatNumber(median, figure.unit),
        formatNumber(p95, figure.unit),
        figure.goal,
        holds === undefined ? '' : holds ? 'yes' : 'no',
      ];
    }),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

export function writeResults(file: string, results: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** Wall (ms) and CPU (ms, the whole process: every thread, user + system) of `work`. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Full counts by default; BENCH_QUICK=1 for a quick look while developing. */
export const QUICK = process.env.BENCH_QUICK === '1';
export const count = (full: number, quick: number) => (QUICK ? quick : full);
