import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { NewCounselor } from '../main/core/team/server-schema';
import { SimDesk, SimMeasure, SimThread, type SimBuffers, type Templates, type Totals } from './team-sim';

/**
 * A share of `npm run bench -- team`'s simulated desks in a worker thread of its own (team-sim.ts): connects them,
 * runs their writes by the plan it is given, and at the end hands back what it counted and its latency samples.
 */

export interface SimThreadSetup {
  thread: number;
  port: number;
  desks: Array<{ index: number; deskId: string; counselor: NewCounselor }>;
  templates: Templates;
  buffers: SimBuffers;
  epoch: number;
}

export type SimThreadRequest = { type: 'connect' } | { type: 'start'; plan: Array<{ at: number; index: number }> } | { type: 'stop' };

export type SimThreadEvent =
  | { type: 'connected' }
  | { type: 'written'; writeLag: number[] }
  | { type: 'stopped'; totals: Totals; fromWrite: Float64Array; fromHand: Float64Array; loopP99: number; loopMax: number };

const setup = workerData as SimThreadSetup;
const port = parentPort!;
const measure = new SimMeasure(setup.buffers, setup.epoch);
const thread = new SimThread(setup.templates, measure);
const desks = new Map(setup.desks.map(({ index, deskId, counselor }) => [index, new SimDesk(index, deskId, counselor, setup.port, thread)]));
const loop = monitorEventLoopDelay({ resolution: 10 });
const timers: NodeJS.Timeout[] = [];
const post = (event: SimThreadEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);

port.on('message', (request: SimThreadRequest) => {
  void answer(request);
});

async function answer(request: SimThreadRequest): Promise<void> {
  switch (request.type) {
    case 'connect': {
      const all = [...desks.values()];
      for (let start = 0; start < all.length; start += 25) await Promise.all(all.slice(start, start + 25).map((desk) => desk.connect()));
      for (let start = 0; start < all.length; start += 25) await Promise.all(all.slice(start, start + 25).map((desk) => desk.warmUp()));
      post({ type: 'connected' });
      return;
    }
    case 'start': {
      loop.enable();
      for (const desk of desks.values()) desk.start();
      timers.push(setInterval(() => measure.setBusy(setup.thread, [...desks.values()].filter((desk) => !desk.idle).length), 20));
      // The plan (milliseconds since the start), run by one 5 ms scheduler: a write is made when its time has come.
      const startedAt = measure.now();
      const writeLag: number[] = [];
      let next = 0;
      const scheduler = setInterval(() => {
        const now = (measure.now() - startedAt) / 1000;
        while (next < request.plan.length && request.plan[next]!.at <= now) {
          writeLag.push(now - request.plan[next]!.at);
          desks.get(request.plan[next]!.index)!.write();
          next += 1;
        }
        if (next === request.plan.length) {
          clearInterval(scheduler);
          post({ type: 'written', writeLag });
        }
      }, 5);
      timers.push(scheduler);
      return;
    }
    case 'stop': {
      loop.disable();
      thread.stopped = true;
      for (const timer of timers) clearInterval(timer);
      for (const desk of desks.values()) desk.stop();
      await Promise.all([...desks.values()].map((desk) => desk.client.end().catch(() => undefined)));
      const fromWrite = Float64Array.from(thread.latency.fromWrite);
      const fromHand = Float64Array.from(thread.latency.fromHand);
      post({ type: 'stopped', totals: thread.totals, fromWrite, fromHand, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 }, [
        fromWrite.buffer,
        fromHand.buffer,
      ]);
      return;
    }
  }
}
