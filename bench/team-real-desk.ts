import { parentPort } from 'node:worker_threads';
import { teamSettled } from '../main/core/services/team';
import type { Client as LotseClient, MethodOutput } from '../shared/api/contract';
import { clientToInput, createLookAlike, openTestCore, SAMPLE_CLIENT } from '../test/support/core';
import { callOk } from '../test/support/results';
import { REAL_DESK_POLL_MS, type RealDeskEvent, type RealDeskRequest } from './team-real-desk-protocol';

/**
 * One real desk of `npm run bench -- team`, in a worker thread of its own: a real core in a data folder of its own,
 * linked with team.connect, automatic sync on (the real engine with its LISTEN and tick). On a real network every desk
 * is a machine of its own; in the bench's thread a pull of 1,000 rows into SQLite held up the 300 simulated desks
 * and every latency they measured. Times go to the bench as epoch milliseconds (performance.timeOrigin + now()), the
 * clock both threads share.
 */

const port = parentPort!;
const epochNow = () => performance.timeOrigin + performance.now();
const { core, dispose } = openTestCore(undefined, { teamAutoSync: true });
const streetOf = core.db.prepare('SELECT street FROM clients WHERE id = ?').pluck();
const cursorOf = core.db.prepare('SELECT last_tx AS tx, last_seq AS seq FROM team_link');
/** Edits of the other desk this one waits for: client id → street. */
const watched = new Map<string, string>();
let lastCursor = '';

// What the bench measures on this desk, looked at every 10 ms: the pull cursor, and the other desk's edits arriving.
const poll = setInterval(() => {
  const cursor = cursorOf.get() as { tx: string; seq: number } | undefined;
  const now = epochNow();
  if (cursor && `${cursor.tx}:${cursor.seq}` !== lastCursor) {
    lastCursor = `${cursor.tx}:${cursor.seq}`;
    port.postMessage({ type: 'cursor', tx: cursor.tx, seq: cursor.seq, at: now } satisfies RealDeskEvent);
  }
  for (const [clientId, street] of watched) {
    if (streetOf.get(clientId) !== street) continue;
    watched.delete(clientId);
    port.postMessage({ type: 'arrived', clientId, street, at: now } satisfies RealDeskEvent);
  }
}, REAL_DESK_POLL_MS);

async function answer(request: RealDeskRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect': {
      await callOk(core, 'team.connect', { url: request.url, role: request.role, password: request.password });
      for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const status = await callOk<MethodOutput<'team.status'>>(core, 'team.status', {});
        if (status.waiting === 0 && status.lastSyncAt !== null) return true;
      }
      throw new Error(`${request.role}: not synced within 60 s`);
    }
    case 'createClients': {
      const ids: string[] = [];
      for (const name of request.names) ids.push((await createLookAlike(core, { ...SAMPLE_CLIENT, ...name })).id);
      return ids;
    }
    case 'hasClients':
      return request.ids.every((id) => streetOf.get(id) !== undefined);
    case 'edit': {
      const current = await callOk<LotseClient>(core, 'clients.get', { id: request.clientId });
      await callOk(core, 'clients.update', { ...clientToInput(current), address: { ...current.address, street: request.street } });
      return epochNow();
    }
    case 'watch':
      watched.set(request.clientId, request.street);
      return true;
    case 'stop':
      clearInterval(poll);
      await teamSettled(core).catch(() => undefined);
      dispose();
      return true;
  }
}

port.on('message', ({ id, request }: { id: number; request: RealDeskRequest }) => {
  answer(request).then(
    (value) => port.postMessage({ type: 'answer', id, value } satisfies RealDeskEvent),
    (error: unknown) => port.postMessage({ type: 'answer', id, error: error instanceof Error ? error.message : String(error) } satisfies RealDeskEvent),
  );
});
