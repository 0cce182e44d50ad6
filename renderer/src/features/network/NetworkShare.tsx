import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerImportResult, PartnerImportStatus } from '../../../../shared/api/contract';
import type { PartnerExportForm } from '../../../../shared/api/schemas/partner';
import { ApiCallError, call } from '../../api';
import { base64ToBytes, downloadBytes } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FieldFrame } from '../../ui/FieldFrame';
import { focusSoon } from '../../ui/focus';
import { RadioGroup } from '../../ui/RadioGroup';
import { SelectField } from '../../ui/SelectField';
import { currentLanguage } from '../../i18n';
import { wordCatalogueError } from '../../i18n/errors';
import type { ErrorMessage } from '../../../../shared/i18n/error-message';
import { readImportFile } from './file-text';

/** The contract's limit on the files of an import, together. */
const MAX_FILE_BYTES = 20_000_000;
/** How often the import's progress is asked for. */
const POLL_MS = 250;
/** Rows of the preview table: a file of thousands is summed up, not listed whole. */
const PREVIEW_ROWS = 200;

type Format = 'auto' | 'hsds' | 'csv';

type ExportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; fileName: string } | { status: 'error'; error: unknown };

/** How far the worker has got: entries checked of all in the file (total 0: not yet known). */
type Progress = { importId: string | null; done: number; total: number; cancelling: boolean };

type ImportState =
  | { status: 'idle' }
  | { status: 'reading' }
  | ({ status: 'previewing' } & Progress)
  | { status: 'preview'; fileName: string; files: ImportFile[]; format: 'hsds' | 'csv'; result: PartnerImportResult }
  | ({ status: 'applying'; fileName: string; files: ImportFile[]; format: 'hsds' | 'csv'; result: PartnerImportResult } & Progress)
  | { status: 'applied'; result: PartnerImportResult }
  | { status: 'cancelled' }
  | { status: 'error'; error: unknown };

type ImportFile = Awaited<ReturnType<typeof readImportFile>>;

const STARTING: Progress = { importId: null, done: 0, total: 0, cancelling: false };

/** The import stopped by the counselor: nothing was written. */
class ImportCancelled extends Error {}

const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * Runs an import in the host's worker (`partners.importStart`) and asks for
 * its progress until it is done, as the serial letters do: the browser host
 * has no push channel. A cancelled import ends in ImportCancelled.
 */
async function runImport(
  input: { files: ImportFile[]; format: 'hsds' | 'csv'; apply: boolean },
  onProgress: (status: PartnerImportStatus) => void,
): Promise<PartnerImportResult> {
  let status = await call('partners.importStart', input);
  onProgress(status);
  while (status.state === 'running') {
    await wait(POLL_MS);
    status = await call('partners.importStatus', { importId: status.importId });
    onProgress(status);
  }
  if (status.state === 'cancelled' || !status.result) throw new ImportCancelled();
  return status.result;
}

/** The tables of the HSDS data package, as their CSV files are named (singular or plural). */
const HSDS_TABLE_FILE =
  /^(organizations?|services?|locations?|addresses|address|phones?|contacts?|schedules?|languages?|service_at_locations?|fundings?|programs?|attributes?|cost_options?|service_areas?|required_documents?|accessibility|organization_identifiers?|metadata|taxonomy_terms?|taxonomies|taxonomy|meta_table_descriptions?)\.csv$/i;

/** A spreadsheet list is one CSV file of another name; anything else (JSON, a ZIP, the package's tables) is HSDS. */
function detectFormat(files: readonly File[]): 'hsds' | 'csv' {
  return files.length === 1 && /\.csv$/i.test(files[0]!.name) && !HSDS_TABLE_FILE.test(files[0]!.name) ? 'csv' : 'hsds';
}

/**
 * "Teilen": the directory out as HSDS JSON, and in from HSDS JSON or CSV.
 * An import is a preview first (`apply: false`); only "Import übernehmen"
 * changes the directory, and a refused file changes nothing.
 */
export function NetworkShare({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const [exportForm, setExportForm] = useState<PartnerExportForm>('hsds-organizations');
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const [format, setFormat] = useState<Format>('auto');
  const [fileError, setFileError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  /** Follows the running import's progress, if the state is still the one that started it. */
  function track(status: PartnerImportStatus) {
    setImportState((current) =>
      (current.status === 'previewing' || current.status === 'applying') && (current.importId === null || current.importId === status.importId)
        ? { ...current, importId: status.importId, done: status.done, total: status.total }
        : current,
    );
  }

  function failed(caught: unknown) {
    setImportState(caught instanceof ImportCancelled ? { status: 'cancelled' } : { status: 'error', error: caught });
    focusSoon('network-import-file');
  }

  async function cancelImport() {
    if ((importState.status !== 'previewing' && importState.status !== 'applying') || importState.importId === null || importState.cancelling) return;
    setImportState({ ...importState, cancelling: true });
    try {
      // The poll sees the import cancelled and ends it; one that finished meanwhile keeps its result.
      await call('partners.importCancel', { importId: importState.importId });
    } catch {
      setImportState((current) => (current.status === 'previewing' || current.status === 'applying' ? { ...current, cancelling: false } : current));
    }
  }

  async function exportDirectory() {
    if (exportState.status === 'busy') return;
    setExportState({ status: 'busy' });
    try {
      const { content, encoding, fileName, mimeType } = await call('partners.export', { form: exportForm });
      // The package is a ZIP, sent as base64: offered as its bytes, not as the base64 text.
      downloadBytes(encoding === 'base64' ? base64ToBytes(content) : new TextEncoder().encode(content), fileName, mimeType);
      setExportState({ status: 'done', fileName });
    } catch (caught) {
      setExportState({ status: 'error', error: caught });
    }
  }

  const working = importState.status === 'reading' || importState.status === 'previewing' || importState.status === 'applying';

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (working) return;
    const picked = [...(fileInput.current?.files ?? [])];
    if (picked.length === 0) {
      setFileError(t('networkShare.noFile'));
      focusSoon('network-import-file');
      return;
    }
    if (picked.reduce((sum, file) => sum + file.size, 0) > MAX_FILE_BYTES) {
      setFileError(t('networkShare.tooLarge'));
      focusSoon('network-import-file');
      return;
    }
    setFileError('');
    setImportState({ status: 'reading' });
    let files: ImportFile[];
    try {
      files = await Promise.all(picked.map(readImportFile));
    } catch {
      setImportState({ status: 'error', error: new ApiCallError({ code: 'invalid_input', message: t('networkShare.readFailed') }) });
      return;
    }
    const chosen = format === 'auto' ? detectFormat(picked) : format;
    const fileName = picked.map((file) => file.name).join(', ');
    setImportState({ status: 'previewing', ...STARTING });
    try {
      const result = await runImport({ files, format: chosen, apply: false }, track);
      setImportState({ status: 'preview', fileName, files, format: chosen, result });
      focusSoon('network-import-preview-heading');
    } catch (caught) {
      failed(caught);
    }
  }

  async function apply() {
    if (importState.status !== 'preview') return;
    const { files, format: chosen } = importState;
    setImportState({ ...importState, status: 'applying', ...STARTING });
    try {
      const result = await runImport({ files, format: chosen, apply: true }, track);
      setImportState({ status: 'applied', result });
      if (fileInput.current) fileInput.current.value = '';
      onImported();
      focusSoon('network-import-file');
    } catch (caught) {
      failed(caught);
    }
  }

  function discard() {
    setImportState({ status: 'idle' });
    focusSoon('network-import-file');
  }

  let busyText = '';
  if (importState.status === 'reading') busyText = t('networkShare.reading');
  else if (importState.status === 'previewing') busyText = t('networkShare.previewing');
  else if (importState.status === 'applying') busyText = t('networkShare.applying');
  const running = importState.status === 'previewing' || importState.status === 'applying' ? importState : null;

  const shown = importState.status === 'preview' || importState.status === 'applying' ? importState : null;

  return (
    <section className="panel" aria-labelledby="network-share-heading">
      <h2 id="network-share-heading">{t('networkShare.heading')}</h2>
      <p className="muted">{t('networkShare.intro')}</p>
      <RadioGroup<PartnerExportForm>
        id="network-export-form"
        legend={t('networkExport.formLegend')}
        layout="stacked"
        value={exportForm}
        options={[
          { value: 'hsds-organizations', label: t('networkExport.formOrganizations'), hint: t('networkExport.formOrganizationsHint') },
          { value: 'hsds-package', label: t('networkExport.formPackage'), hint: t('networkExport.formPackageHint') },
        ]}
        onChange={setExportForm}
      />
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={exportDirectory} aria-disabled={exportState.status === 'busy'}>
          {t('networkShare.export')}
        </button>
      </div>
      <div role="status" className="toolbar-status">
        {exportState.status === 'busy' ? <p className="busy">{t('networkShare.exporting')}</p> : null}
        {exportState.status === 'done' ? <p className="form-status">{t('networkShare.exported', { fileName: exportState.fileName })}</p> : null}
      </div>
      {exportState.status === 'error' ? <ErrorAlert error={exportState.error} onRetry={exportDirectory} /> : null}

      <h3 id="network-import-heading">{t('networkShare.importHeading')}</h3>
      <form noValidate onSubmit={preview} className="form import-form" aria-labelledby="network-import-heading">
        <div className="form-grid">
          <FieldFrame id="network-import-file" label={t('networkShare.fileLabel')} hint={t('networkShare.fileHint')} error={fileError || undefined}>
            {(control) => (
              <input
                {...control}
                ref={fileInput}
                type="file"
                multiple
                accept=".json,.zip,.csv,application/json,application/zip,text/csv"
                className={`${control.className} field-control--file`}
                onChange={() => {
                  setFileError('');
                  if (importState.status !== 'applying') setImportState({ status: 'idle' });
                }}
              />
            )}
          </FieldFrame>
          <SelectField
            id="network-import-format"
            label={t('networkShare.formatLabel')}
            value={format}
            options={[
              { value: 'auto', label: t('networkShare.formatAuto') },
              { value: 'hsds', label: t('networkShare.formatHsds') },
              { value: 'csv', label: t('networkShare.formatCsv') },
            ]}
            onChange={(next) => {
              setFormat(next);
              if (importState.status === 'preview' || importState.status === 'error') setImportState({ status: 'idle' });
            }}
            size="full"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" aria-disabled={working}>
            {t('networkShare.preview')}
          </button>
          <span role="status" className="busy">
            {busyText ? (
              <>
                <span className="spinner" aria-hidden="true" />
                {busyText}
              </>
            ) : null}
            {importState.status === 'applied' ? <span className="form-status">{t('networkShare.applied', importState.result.counts)}</span> : null}
            {importState.status === 'cancelled' ? <span className="form-status">{t('networkShare.cancelled')}</span> : null}
          </span>
        </div>
        {running ? <ImportProgress progress={running} onCancel={cancelImport} /> : null}
      </form>
      {importState.status === 'error' ? <ErrorAlert error={importState.error} /> : null}
      {shown ? (
        <ImportPreview fileName={shown.fileName} result={shown.result} applying={shown.status === 'applying'} onApply={apply} onDiscard={discard} />
      ) : null}
    </section>
  );
}

function ImportPreview({
  fileName,
  result,
  applying,
  onApply,
  onDiscard,
}: {
  fileName: string;
  result: PartnerImportResult;
  applying: boolean;
  onApply(): void;
  onDiscard(): void;
}) {
  const { t } = useTranslation();
  const somethingToApply = result.counts.new + result.counts.changed > 0;
  const rows = result.items.slice(0, PREVIEW_ROWS);
  return (
    <div className="import-preview" role="group" aria-labelledby="network-import-preview-heading">
      <h4 id="network-import-preview-heading" className="import-preview-heading" tabIndex={-1}>
        {t('networkShare.previewHeading', { fileName })}
      </h4>
      <p className="import-summary">{t('networkShare.summary', result.counts)}</p>
      {result.items.length > 0 ? (
        <div className="table-wrap import-table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('networkShare.previewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networkShare.action')}</th>
                <th scope="col">{t('networkShare.name')}</th>
                <th scope="col">{t('partnerFields.department')}</th>
                <th scope="col">{t('networkShare.matchedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item, index) => (
                <tr key={index}>
                  <td>
                    <span className={`status status--import-${item.action}`}>{t(`networkShare.actions.${item.action}`)}</span>
                  </td>
                  <td dir="auto">{item.name}</td>
                  <td dir="auto">{item.department}</td>
                  <td>{item.matchedBy ? t(`networkShare.matchedByValues.${item.matchedBy}`) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.length < result.items.length ? (
        <p className="muted">{t('networkShare.previewTruncated', { shown: rows.length, total: result.items.length })}</p>
      ) : null}
      {result.notKept.length > 0 ? <NotKept notKept={result.notKept} /> : null}
      {somethingToApply ? null : <p className="muted">{t('networkShare.nothingToApply')}</p>}
      <div className="form-actions">
        {somethingToApply ? (
          <button type="button" className="button button--primary" onClick={onApply} aria-disabled={applying}>
            {t('networkShare.apply')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onDiscard} disabled={applying}>
          {t('networkShare.discard')}
        </button>
      </div>
    </div>
  );
}

/** What the file says that Lotse cannot keep: listed before anything is taken over, never dropped silently. */
function NotKept({ notKept }: { notKept: PartnerImportResult['notKept'] }) {
  const { t } = useTranslation();
  const shown = notKept.slice(0, PREVIEW_ROWS);
  return (
    <div className="import-not-kept">
      <h5 id="network-import-not-kept-heading">{t('networkShare.notKeptHeading', { count: notKept.length })}</h5>
      <p className="muted">{t('networkShare.notKeptIntro')}</p>
      <ul aria-labelledby="network-import-not-kept-heading">
        {shown.map((entry, index) => (
          <li key={index} dir="auto">
            <strong>{entry.partner}</strong>: {wordCatalogueError(entry.what as ErrorMessage)}
          </li>
        ))}
      </ul>
      {shown.length < notKept.length ? <p className="muted">{t('networkShare.notKeptTruncated', { shown: shown.length, total: notKept.length })}</p> : null}
    </div>
  );
}

/** "Eintrag 4.200 von 10.000 geprüft", a bar, and the way out: a cancelled import writes nothing. */
function ImportProgress({ progress, onCancel }: { progress: Progress; onCancel(): void }) {
  const { t } = useTranslation();
  const known = progress.total > 0;
  const number = new Intl.NumberFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB');
  const text = known
    ? t('networkShare.progress', { done: number.format(progress.done), total: number.format(progress.total) })
    : t('networkShare.progressStarting');
  return (
    <div className="import-progress">
      <label htmlFor="network-import-progress" className="import-progress-label">
        {t('networkShare.progressLabel')}
      </label>
      <progress
        id="network-import-progress"
        max={known ? progress.total : undefined}
        value={known ? progress.done : undefined}
        aria-describedby="network-import-progress-text"
      >
        {text}
      </progress>
      <p id="network-import-progress-text" className="import-progress-text">
        {text}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--danger-outline" onClick={onCancel} aria-disabled={progress.importId === null || progress.cancelling}>
          {t('networkShare.cancel')}
        </button>
        <span role="status" className="form-status">
          {progress.cancelling ? t('networkShare.cancelling') : ''}
        </span>
      </div>
    </div>
  );
}
