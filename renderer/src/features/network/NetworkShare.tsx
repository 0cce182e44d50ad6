import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerImportResult } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api';
import { downloadBytes } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FieldFrame } from '../../ui/FieldFrame';
import { focusSoon } from '../../ui/focus';
import { SelectField } from '../../ui/SelectField';
import { readFileText } from './file-text';

/** The contract's limit on `content`. */
const MAX_FILE_BYTES = 20_000_000;

type Format = 'auto' | 'hsds' | 'csv';

type ExportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; fileName: string } | { status: 'error'; error: unknown };

type ImportState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'previewing' }
  | { status: 'preview'; fileName: string; content: string; format: 'hsds' | 'csv'; result: PartnerImportResult }
  | { status: 'applying'; fileName: string; content: string; format: 'hsds' | 'csv'; result: PartnerImportResult }
  | { status: 'applied'; result: PartnerImportResult }
  | { status: 'error'; error: unknown };

function detectFormat(fileName: string): 'hsds' | 'csv' {
  return /\.csv$/i.test(fileName) ? 'csv' : 'hsds';
}

/**
 * "Teilen": the directory out as HSDS JSON, and in from HSDS JSON or CSV.
 * An import is a preview first (`apply: false`); only "Import übernehmen"
 * changes the directory, and a refused file changes nothing.
 */
export function NetworkShare({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const [format, setFormat] = useState<Format>('auto');
  const [fileError, setFileError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  async function exportDirectory() {
    if (exportState.status === 'busy') return;
    setExportState({ status: 'busy' });
    try {
      const { content, fileName } = await call('partners.export', {});
      downloadBytes(new TextEncoder().encode(content), fileName, 'application/json');
      setExportState({ status: 'done', fileName });
    } catch (caught) {
      setExportState({ status: 'error', error: caught });
    }
  }

  const working = importState.status === 'reading' || importState.status === 'previewing' || importState.status === 'applying';

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (working) return;
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError(t('networkShare.noFile'));
      focusSoon('network-import-file');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('networkShare.tooLarge'));
      focusSoon('network-import-file');
      return;
    }
    setFileError('');
    setImportState({ status: 'reading' });
    let content: string;
    try {
      content = await readFileText(file);
    } catch {
      setImportState({ status: 'error', error: new ApiCallError({ code: 'invalid_input', message: t('networkShare.readFailed') }) });
      return;
    }
    const chosen = format === 'auto' ? detectFormat(file.name) : format;
    setImportState({ status: 'previewing' });
    try {
      const result = await call('partners.import', { content, format: chosen, apply: false });
      setImportState({ status: 'preview', fileName: file.name, content, format: chosen, result });
      focusSoon('network-import-preview-heading');
    } catch (caught) {
      setImportState({ status: 'error', error: caught });
    }
  }

  async function apply() {
    if (importState.status !== 'preview') return;
    const { content, format: chosen } = importState;
    setImportState({ ...importState, status: 'applying' });
    try {
      const result = await call('partners.import', { content, format: chosen, apply: true });
      setImportState({ status: 'applied', result });
      if (fileInput.current) fileInput.current.value = '';
      onImported();
      focusSoon('network-import-file');
    } catch (caught) {
      setImportState({ status: 'error', error: caught });
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

  const shown = importState.status === 'preview' || importState.status === 'applying' ? importState : null;

  return (
    <section className="panel" aria-labelledby="network-share-heading">
      <h2 id="network-share-heading">{t('networkShare.heading')}</h2>
      <p className="muted">{t('networkShare.intro')}</p>
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
                accept=".json,.csv,application/json,text/csv"
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
          </span>
        </div>
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
              {result.items.map((item, index) => (
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
