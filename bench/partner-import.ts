import type { Core } from '../main/core/core';
import { dispatch } from '../main/core/api/dispatch';
import { count, timed, type Figure } from './stats';

/**
 * Figure 8: a partner import preview of 10,000 entries against a directory of
 * 10,000, through the contract only (`partners.import`, and `partners.importStart` /
 * `importStatus` in the worker, as the network screen uses it): the directory is made
 * by importing a generated HSDS file, the preview reads a second file against it (a
 * quarter unchanged, a quarter changed, a quarter under other ids, a quarter new, as
 * test/db/partner-import-performance.test.ts makes them). The import format is being
 * changed in issue 15: where the core refuses these files, the row says so instead of
 * a number.
 */

const postalCode = (index: number) => String(10000 + (index % 89999)).padStart(5, '0');

/** An HSDS file of `size` organizations; `second` shifts it as the comment above says. */
function hsdsFile(size: number, second: boolean): string {
  const quarter = size / 4;
  const organizations = [];
  const services = [];
  const locations = [];
  const contacts = [];
  for (let index = 0; index < size; index += 1) {
    const part = second ? Math.floor(index / quarter) : 0;
    const id = part === 2 ? `other-${index}` : part === 3 ? `new-${index}` : `org-${index}`;
    const name = part === 3 ? `Neue Stelle ${index}` : `Beratungsstelle ${index}`;
    organizations.push({ id, name, description: part === 1 ? 'Migrationsberatung, neu auch samstags' : 'Migrationsberatung' });
    services.push({ id: `${id}-service`, organization_id: id, name: 'Beratung', languages: [{ name: 'Arabisch' }] });
    contacts.push({ id: `${id}-contact`, organization_id: id, name: 'Petra Roth' });
    locations.push({
      id: `${id}-location`,
      organization_id: id,
      location_type: 'physical',
      name,
      addresses: [{ address_type: 'physical', address_1: `Hauptstraße ${index}`, postal_code: postalCode(index), city: 'Düren', country: 'DE' }],
    });
  }
  return JSON.stringify({ organizations, services, locations, contacts });
}

async function call(core: Core, method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
  return result.value as Record<string, unknown>;
}

export async function partnerImportFigures(core: Core): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const size = count(10_000, 2_000);
  const figure = `partner import preview, ${size.toLocaleString('en')} against ${size.toLocaleString('en')}`;
  const notMeasured = (reason: string): { figures: Figure[]; raw: Record<string, unknown> } => ({
    figures: [{ figure, unit: 'ms', samples: [], goal: '≤ 2 s, host responsive', notMeasured: `not measured (changing in issue 15: ${reason})` }],
    raw: { refused: reason },
  });
  try {
    const applied = await call(core, 'partners.import', { content: hsdsFile(size, false), format: 'hsds', apply: true });
    const content = hsdsFile(size, true);
    const wall: number[] = [];
    let counts: unknown;
    for (let run = 0; run < count(3, 1); run += 1) {
      const measured = await timed(() => call(core, 'partners.import', { content, format: 'hsds', apply: false }));
      wall.push(measured.wallMs);
      counts = measured.value.counts;
    }
    // In the worker, with a 10 ms probe of the host's event loop.
    let last = performance.now();
    let blocked = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      blocked = Math.max(blocked, now - last - 10);
      last = now;
    }, 10);
    const inWorker = await timed(async () => {
      let status = await call(core, 'partners.importStart', { content, format: 'hsds', apply: false });
      while (status.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await call(core, 'partners.importStatus', { importId: status.importId });
      }
      if (status.state !== 'done') throw new Error(`importStatus: ${String(status.state)}`);
      return status;
    }).finally(() => clearInterval(probe));
    return {
      figures: [
        {
          figure: `${figure} (partners.import, in process)`,
          unit: 'ms',
          samples: wall,
          goal: '≤ 2 s',
          check: { stat: 'median', limit: 2000 },
          note: `counts ${JSON.stringify(counts)}; the directory written by importing ${JSON.stringify(applied.counts)}`,
        },
        { figure: `${figure} (in the worker)`, unit: 'ms', samples: [inWorker.wallMs], goal: '≤ 2 s', check: { stat: 'median', limit: 2000 } },
        { figure: `${figure}, longest host stall (worker)`, unit: 'ms', samples: [blocked], goal: '≤ 50 ms', check: { stat: 'max', limit: 50 } },
      ],
      raw: { counts, applied: applied.counts },
    };
  } catch (error) {
    return notMeasured(error instanceof Error ? error.message : String(error));
  }
}
