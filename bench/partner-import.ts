import type { Core } from '../main/core/core';
import type { PartnerImportResult } from '../shared/api/contract';
import { expectedCounts, importFileAgainst, importInWorker, longestBlock, writeDirectory } from '../test/support/partner-import-load';
import { callOk } from '../test/support/results';
import { count, timed, type Figure } from './stats';

/**
 * Figure 8: a partner import preview of 10,000 entries against a directory of
 * 10,000 (written straight into the store), through the contract
 * (`partners.import`, and `partners.importStart` / `importStatus` in the worker, as the
 * network screen uses it, with a 10 ms probe of the host's event loop): the file has
 * a quarter unchanged, a quarter changed, a quarter under other ids, a quarter new —
 * the same data as test/db/partner-import-performance.test.ts (test/support/partner-import-load.ts).
 */
export async function partnerImportFigures(core: Core): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const size = count(10_000, 2_000);
  const figure = `partner import preview, ${size.toLocaleString('en')} against ${size.toLocaleString('en')}`;
  writeDirectory(core, size);
  const content = importFileAgainst(size);
  const wall: number[] = [];
  let counts: unknown;
  for (let run = 0; run < count(3, 1); run += 1) {
    const measured = await timed(() => callOk<PartnerImportResult>(core, 'partners.import', { content, format: 'hsds', apply: false }));
    wall.push(measured.wallMs);
    counts = measured.value.counts;
  }
  const inWorker = await timed(() => longestBlock(() => importInWorker(core, content, false)));
  if (inWorker.value.value.state !== 'done') throw new Error(`importStatus: ${inWorker.value.value.state}`);
  return {
    figures: [
      {
        figure: `${figure} (partners.import, in process)`,
        unit: 'ms',
        samples: wall,
        goal: '≤ 2 s',
        check: { stat: 'median', limit: 2000 },
        note: `counts ${JSON.stringify(counts)} (expected ${JSON.stringify(expectedCounts(size))})`,
      },
      { figure: `${figure} (in the worker)`, unit: 'ms', samples: [inWorker.wallMs], goal: '≤ 2 s', check: { stat: 'median', limit: 2000 } },
      {
        figure: `${figure}, longest host stall (worker)`,
        unit: 'ms',
        samples: [inWorker.value.blockedMs],
        goal: '≤ 50 ms',
        check: { stat: 'max', limit: 50 },
      },
    ],
    raw: { counts },
  };
}
