import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Core } from '../main/core/core';
import { insertClient } from '../main/core/db/queries/clients';
import type { BatchResult, BatchStarted, BatchStatus } from '../shared/api/contract';
import { clientInput } from '../test/support/core';
import { callOk } from '../test/support/results';
import { count, timed, type Figure } from './stats';

/**
 * Figure 3: a serial letter (the free letter, one page) to 1,000 clients through
 * `batches.render` / `batches.status` / `batches.result`, as the serial-letter screen
 * drives it after its list of recipients and sample letter (not measured): wall, CPU (the whole process: the batch workers are threads of it), peak
 * RSS (sampled every 20 ms, and the process's maxRSS), and the longest stall of the
 * host's event loop (a 10 ms drift probe and monitorEventLoopDelay).
 */

const LETTER = { subject: 'Einladung zur Informationsveranstaltung', body: 'wir laden Sie herzlich ein.' };
const POLL_MS = 100;

export async function batchFigures(core: Core): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const letters = count(1000, 100);
  const runs = count(1, 1);
  const now = '2026-11-25T10:00:00.000Z';
  const ids: string[] = [];
  core.db.transaction(() => {
    for (let index = 0; index < letters; index += 1) {
      const id = randomUUID();
      insertClient(core.db, id, clientInput({ familyName: `Klient ${String(index + 1).padStart(4, '0')}` }), now);
      ids.push(id);
    }
  })();

  // As the serial-letter screen goes: the list of recipients and the sample letter come first (the sample loads the PDF stack), then the click.
  const batch = { templateId: 'free-letter', values: LETTER, filter: { clientIds: ids } };
  await callOk(core, 'batches.preview', batch);
  await callOk(core, 'batches.sample', { ...batch, clientId: ids[0] });

  const wall: number[] = [];
  const cpu: number[] = [];
  const peakRss: number[] = [];
  const rssBefore: number[] = [];
  const stall: number[] = [];
  const delayMax: number[] = [];
  const details: unknown[] = [];
  for (let run = 0; run < runs; run += 1) {
    const rss0 = process.memoryUsage.rss();
    rssBefore.push(rss0 / 2 ** 20);
    let peak = rss0;
    let last = performance.now();
    let longest = 0;
    let longestAt = 0;
    /** Every stall over 50 ms: [ms into the batch when it began, its length]. */
    const stalls: Array<[number, number]> = [];
    const rssTrace: Array<[number, number]> = [];
    const started = performance.now();
    const probe = setInterval(() => {
      const at = performance.now();
      if (at - last - 10 > 50) stalls.push([Math.round(last - started), Math.round(at - last - 10)]);
      if (at - last - 10 > longest) {
        longest = at - last - 10;
        longestAt = last - started;
      }
      last = at;
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      if (rssTrace.length === 0 || at - started - rssTrace.at(-1)![0] >= 500) rssTrace.push([Math.round(at - started), Math.round(rss / 2 ** 20)]);
    }, 10);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let firstProgressMs = NaN;
    const measured = await timed(async () => {
      const begun = await callOk<BatchStarted>(core, 'batches.render', { ...batch, recipients: ids });
      for (;;) {
        const status = await callOk<BatchStatus>(core, 'batches.status', { batchId: begun.batchId });
        if (Number.isNaN(firstProgressMs) && status.done > 0) firstProgressMs = performance.now() - started;
        if (status.state !== 'running') {
          if (status.state !== 'done') throw new Error(`batch ended ${status.state}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return callOk<BatchResult>(core, 'batches.result', { batchId: begun.batchId });
    });
    delay.disable();
    clearInterval(probe);
    if (measured.value.documentIds.length !== letters) throw new Error(`batch made ${measured.value.documentIds.length} letters, not ${letters}`);
    wall.push(measured.wallMs);
    cpu.push(measured.cpuMs);
    peakRss.push(peak / 2 ** 20);
    stall.push(longest);
    delayMax.push(delay.max / 1e6);
    details.push({
      letters,
      pages: measured.value.pages,
      pdfMB: Math.round(measured.value.pdfBase64.length * 0.75) / 2 ** 20,
      wallMs: Math.round(measured.wallMs),
      firstProgressMs: Math.round(firstProgressMs),
      longestStallBeganAtMs: Math.round(longestAt),
      stallsOver50Ms: stalls,
      rssBeforeMB: Math.round(rss0 / 2 ** 20),
      maxRssOfProcessMB: Math.round(process.resourceUsage().maxRSS / 1024),
      rssTraceMB: rssTrace,
      eventLoopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    });
  }
  const per = `${letters.toLocaleString('en')} letters`;
  return {
    figures: [
      {
        figure: `batch of ${per}, wall`,
        unit: 's',
        samples: wall.map((ms) => ms / 1000),
        goal: letters === 1000 ? '≤ 15 s (idle machine)' : 'informs (quick run)',
        ...(letters === 1000 ? { check: { stat: 'median', limit: 15 } as const } : {}),
      },
      { figure: `batch of ${per}, CPU (process, all threads)`, unit: 's', samples: cpu.map((ms) => ms / 1000), goal: 'informs' },
      { figure: `batch of ${per}, CPU per letter`, unit: 'ms', samples: cpu.map((ms) => ms / letters), goal: 'informs' },
      {
        figure: `batch of ${per}, peak RSS (host + worker threads)`,
        unit: 'MB',
        samples: peakRss,
        goal: '≤ 400 MB',
        check: { stat: 'max', limit: 400 },
        note: `RSS before the batch (the bench process with its store open): ${rssBefore.map((mb) => mb.toFixed(0)).join(', ')} MB`,
      },
      {
        figure: `batch of ${per}, longest host stall (10 ms probe)`,
        unit: 'ms',
        samples: stall,
        goal: '≤ 50 ms',
        check: { stat: 'max', limit: 50 },
        note: details
          .map((run) => {
            const { stallsOver50Ms, wallMs } = run as { stallsOver50Ms: Array<[number, number]>; wallMs: number };
            return `over 50 ms (began at ms: lasted ms) in the batch of ${wallMs} ms: ${stallsOver50Ms.map(([at, ms]) => `${at}: ${ms}`).join(', ') || 'none'}`;
          })
          .join('; '),
      },
      { figure: `batch of ${per}, event-loop delay max`, unit: 'ms', samples: delayMax, goal: '≤ 50 ms', check: { stat: 'max', limit: 50 } },
    ],
    raw: { runs: details },
  };
}
