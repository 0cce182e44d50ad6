import type { Database } from 'better-sqlite3';

/*
 * Types only: every service names the Core, so this file imports no code;
 * opening one (open-core.ts) calls into db/ and would close a circle.
 */

export type HostKind = 'electron' | 'browser';

/** The time of this desk; tests pass a fixed one. */
export type Clock = () => Date;

/** Opens the host's print dialog for a PDF; `printed` is false when the counselor cancelled it. */
export type PdfPrinter = (pdf: Buffer, title: string) => Promise<{ printed: boolean }>;

/** Everything a handler needs: the open store and facts about this launch. */
export interface Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly host: HostKind;
  readonly version: string;
  readonly batchWorkerScript: string;
  readonly importWorkerScript: string;
  readonly printPdf: PdfPrinter | undefined;
  now: Clock;
  /** Runs `dispose` when the core closes (before the store closes), e.g. to stop a worker. */
  onClose(dispose: () => void): void;
  close(): void;
}
