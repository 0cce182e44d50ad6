import type { Core } from '../../main/core/core';
import { partnerWriter } from '../../main/core/db/queries/partners';
import { withIds } from '../../main/core/services/partner-record';
import type { PartnerImportStatus } from '../../shared/api/contract';
import { PartnerInputSchema } from '../../shared/api/schemas/partner';
import { callOk } from './results';

/**
 * The partner import under load (DESIGN.md §8: a preview of 10,000 entries
 * against 10,000), as test/db/partner-import-performance.test.ts and
 * `npm run bench` both measure it: a directory written straight into the
 * store, an HSDS file against it, the worker as the network screen drives
 * it, and a probe of the host's event loop.
 */

const postalCode = (index: number) => String(10000 + (index % 89999)).padStart(5, '0');

/**
 * Writes a directory of `size` entries straight into the store (setup, not
 * measured). Lean: name and description only, so that 100,000 stay small.
 */
export function writeDirectory(core: Core, size: number, lean = false): void {
  const writer = partnerWriter(core.db);
  core.db.transaction(() => {
    for (let index = 0; index < size; index += 1) {
      const record = PartnerInputSchema.parse({
        name: `Beratungsstelle ${index}`,
        description: 'Migrationsberatung',
        ...(lean
          ? {}
          : {
              address: { street: `Hauptstraße ${index}`, postalCode: postalCode(index), city: 'Düren' },
              services: [{ id: `service-${index}`, name: 'Beratung', languages: ['Arabisch'] }],
              contacts: [{ id: `contact-${index}`, name: 'Petra Roth' }],
            }),
      });
      writer.insert(`partner-${index}`, withIds(record), false, `2026-01-01T00:00:00.${String(index % 1000).padStart(3, '0')}Z`);
    }
  })();
}

/**
 * An HSDS file of `size` entries against that directory: a quarter the same
 * entries unchanged, a quarter changed, a quarter unchanged under other ids
 * (matched by name and postcode), a quarter new. Lean: organizations only,
 * without address, service and contact, so that 100,000 stay within the
 * contract's 20 MB.
 */
export function importFileAgainst(size: number, lean = false): string {
  const quarter = size / 4;
  const organizations = [];
  const services = [];
  const locations = [];
  const contacts = [];
  for (let index = 0; index < size; index += 1) {
    const part = Math.floor(index / quarter);
    const id = part === 0 || part === 1 ? `partner-${index}` : `file-${index}`;
    const name = part === 3 ? `Neue Stelle ${index}` : `Beratungsstelle ${index}`;
    organizations.push({ id, name, description: part === 1 ? 'Migrationsberatung, neu auch samstags' : 'Migrationsberatung' });
    services.push({ id: `service-${index}`, organization_id: id, name: 'Beratung', languages: [{ name: 'Arabisch' }] });
    contacts.push({ id: `contact-${index}`, organization_id: id, name: 'Petra Roth', x_lotse_form_of_address: null });
    locations.push({
      id: `${id}-location`,
      organization_id: id,
      location_type: 'physical',
      name,
      addresses: [{ address_type: 'physical', address_1: `Hauptstraße ${index}`, postal_code: postalCode(index), city: 'Düren', country: 'DE' }],
    });
  }
  return JSON.stringify(lean ? { organizations } : { organizations, services, locations, contacts });
}

/** What the preview of `importFileAgainst(size)` counts. */
export const expectedCounts = (size: number) => ({ new: size / 4, changed: size / 4, unchanged: size / 2 });

/** The longest the host's event loop was blocked while `work` ran, measured with a 10 ms timer. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockedMs: number }> {
  let last = performance.now();
  let blockedMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { value: await work(), blockedMs: Math.round(blockedMs) };
  } finally {
    clearInterval(timer);
  }
}

/** An import in the worker, as the network screen drives it: start, then poll its status until it ends. */
export async function importInWorker(core: Core, content: string, apply: boolean): Promise<PartnerImportStatus> {
  let status = await callOk<PartnerImportStatus>(core, 'partners.importStart', { content, format: 'hsds', apply });
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await callOk<PartnerImportStatus>(core, 'partners.importStatus', { importId: status.importId });
  }
  return status;
}
