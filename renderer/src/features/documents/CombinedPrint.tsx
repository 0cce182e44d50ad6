import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_MANY_LIMIT, type BatchGroup, type LotseDocument, type RenderedPdf } from '../../../../shared/api/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, localIsoDate } from '../../ui/format';
import { PdfPreview } from '../../ui/pdf/PdfPreview';

/**
 * The documents list's combined print: the selected documents, or a serial
 * letter printed again, as one PDF from `documents.printMany`, shown in the
 * preview whose "Drucken" prints as a single document's does (Electron: the
 * system dialog; browser: the PDF in a tab for the browser's printing).
 */

export type PrintJob = { ids: string[]; heading: string; edition: string; fileName: string };

type PrintState =
  { status: 'idle' } | { status: 'busy'; job: PrintJob } | { status: 'ready'; job: PrintJob; pdf: RenderedPdf } | { status: 'error'; error: unknown };

export function usePrintMany() {
  const [state, setState] = useState<PrintState>({ status: 'idle' });
  const latest = useRef(0);
  async function print(job: PrintJob) {
    const request = ++latest.current;
    setState({ status: 'busy', job });
    try {
      const pdf = await call('documents.printMany', { ids: job.ids });
      if (request === latest.current) setState({ status: 'ready', job, pdf });
    } catch (error) {
      if (request === latest.current) setState({ status: 'error', error });
    }
  }
  return { state, print, clear: () => setState({ status: 'idle' }) };
}

/** The preview of the combined PDF, brought into view when it is asked for. */
export function CombinedPreview({ state }: { state: PrintState }) {
  const region = useRef<HTMLDivElement>(null);
  const busyOrReady = state.status === 'busy' || state.status === 'ready';
  useEffect(() => {
    if (state.status === 'busy') region.current?.scrollIntoView({ block: 'start' });
  }, [state.status]);
  if (state.status === 'idle') return null;
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  return (
    <div ref={region} className="combined-print">
      {busyOrReady ? (
        <PdfPreview
          busy={state.status === 'busy'}
          pdf={state.status === 'ready' ? state.pdf : null}
          fileName={state.job.fileName}
          heading={state.job.heading}
          edition={{ text: state.job.edition, draft: false }}
        />
      ) : null}
    </div>
  );
}

/** "Alle auswählen", the count, and "Ausgewählte als ein PDF drucken" (at most PRINT_MANY_LIMIT). */
export function SelectionBar({
  items,
  selected,
  onSelectAll,
  onPrint,
  busy,
}: {
  items: readonly LotseDocument[];
  selected: ReadonlySet<string>;
  onSelectAll(all: boolean): void;
  onPrint(ids: string[]): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const chosen = items.filter((document) => selected.has(document.id));
  const allChosen = items.length > 0 && chosen.length === items.length;
  const tooMany = chosen.length > PRINT_MANY_LIMIT;
  return (
    <div className="selection-bar">
      <div className="checkbox">
        <input id="documents-select-all" type="checkbox" checked={allChosen} onChange={(event) => onSelectAll(event.target.checked)} />
        <label htmlFor="documents-select-all">{t('workList.selectAll')}</label>
      </div>
      <p className="selection-count" aria-live="polite">
        {t('workList.selected', { count: chosen.length })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={chosen.length === 0 || tooMany || busy || undefined}
        aria-describedby={tooMany ? 'documents-too-many' : undefined}
        onClick={() => {
          if (chosen.length === 0 || tooMany || busy) return;
          onPrint(chosen.map((document) => document.id));
        }}
      >
        {busy ? t('workList.printing') : t('workList.printSelected')}
      </button>
      {tooMany ? (
        <p id="documents-too-many" className="field-error">
          {t('workList.tooMany', { limit: PRINT_MANY_LIMIT })}
        </p>
      ) : null}
    </div>
  );
}

/** The label of a serial letter: "Serienbrief vom 02.12.2026, 18 Briefe". */
export function batchLabel(t: TFunction<'translation'>, batch: BatchGroup): string {
  return t('workList.batchLabel', { date: formatDate(localIsoDate(batch.finalizedAt)), count: batch.count });
}

/** Parts of at most PRINT_MANY_LIMIT letters: [first, last] counted from 1. */
export function printParts(count: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  for (let first = 1; first <= count; first += PRINT_MANY_LIMIT) parts.push([first, Math.min(count, first + PRINT_MANY_LIMIT - 1)]);
  return parts;
}

/** The finished serial letters, each with "Briefe zeigen" (filters the list) and "Erneut drucken". */
export function BatchReprints({
  batches,
  onShow,
  onPrint,
  busy,
}: {
  batches: readonly BatchGroup[];
  onShow(batch: BatchGroup): void;
  onPrint(batch: BatchGroup, part: [number, number]): void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (batches.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="documents-batches-heading">
      <h2 id="documents-batches-heading">{t('workList.batchesHeading')}</h2>
      <p className="muted">{t('workList.batchesIntro')}</p>
      <div className="table-wrap">
        <table className="table batches-table">
          <caption className="visually-hidden">{t('workList.batchesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workList.batchesHeading')}</th>
              <th scope="col">{t('workList.batchTemplate')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => {
              const label = batchLabel(t, batch);
              const parts = printParts(batch.count);
              return (
                <tr key={batch.batchId}>
                  <td>{label}</td>
                  <td>{batch.templateTitle}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="button button--secondary button--small" onClick={() => onShow(batch)}>
                        {t('workList.batchShow')}
                        <span className="visually-hidden"> ({label})</span>
                      </button>
                      {parts.map((part) => (
                        <button
                          key={part[0]}
                          type="button"
                          className="button button--secondary button--small"
                          aria-disabled={busy || undefined}
                          onClick={() => !busy && onPrint(batch, part)}
                        >
                          {parts.length === 1 ? t('workList.batchReprint') : t('workList.batchReprintPart', { first: part[0], last: part[1] })}
                          <span className="visually-hidden"> ({label})</span>
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
