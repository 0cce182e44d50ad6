/**
 * A partner-import worker: reads and checks the file and matches it to the
 * copy of the directory it is given (plan.ts), reporting progress, so that a
 * file of many thousand entries never blocks the host. Bundled on its own as
 * dist/partner-import-worker.cjs: it imports no store and nothing of Electron.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../errors';
import { planImport } from './plan';
import type { FromImportWorker, ImportWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('partner-import-worker: must run as a worker thread');

const post = (message: FromImportWorker) => port.postMessage(message);
const { source, input } = workerData as ImportWorkerData;
try {
  const plan = planImport(source, input, (done, total) => post({ type: 'progress', done, total }));
  // A preview writes nothing: its records need not cross back (for 100,000 entries that copy alone blocks the host for seconds).
  post({ type: 'planned', plan: input.apply ? plan : { ...plan, inserts: [], updates: [], ids: [] } });
} catch (error) {
  if (error instanceof DomainError) post({ type: 'refused', code: error.code, wording: error.wording, fieldIssues: error.fieldIssues });
  else post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
