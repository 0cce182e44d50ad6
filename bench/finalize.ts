import type { Core } from '../main/core/core';
import { settleFinalSha256s } from '../main/core/services/documents/finalize';
import type { Client, LotseDocument } from '../shared/api/contract';
import { SAMPLE_CLIENT } from '../test/support/core';
import { callOk } from '../test/support/results';
import { count, timed, type Figure } from './stats';

/**
 * Figure 6: `documents.finalize` through dispatch (write + audit, after the same print
 * check the render makes; the final PDF is rendered after the commit, off the request
 * path, for its sha256) of a one-page free letter, each time a fresh draft (made before
 * the clock starts). The renders that keep the sha256 run after each measurement.
 */
export async function finalizeFigures(core: Core): Promise<{ figures: Figure[] }> {
  const runs = count(200, 20);
  const client = await callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Kaya' });
  const draft = () =>
    callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Einladung zum Infoabend', body: 'wir laden Sie herzlich ein.' },
    });
  for (let index = 0; index < 5; index += 1) await callOk(core, 'documents.finalize', { id: (await draft()).id });
  await settleFinalSha256s(core);
  const wall: number[] = [];
  const cpu: number[] = [];
  const background: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const { id } = await draft();
    const measured = await timed(() => callOk<LotseDocument>(core, 'documents.finalize', { id }));
    wall.push(measured.wallMs);
    cpu.push(measured.cpuMs);
    background.push((await timed(() => settleFinalSha256s(core))).cpuMs);
  }
  return {
    figures: [
      { figure: 'documents.finalize (1-page letter), wall', unit: 'ms', samples: wall, goal: 'median ≤ 2 ms', check: { stat: 'median', limit: 2 } },
      { figure: 'documents.finalize, CPU', unit: 'ms', samples: cpu, goal: 'informs' },
      { figure: 'documents.finalize, the render after the commit (sha256), CPU', unit: 'ms', samples: background, goal: 'informs' },
    ],
  };
}
