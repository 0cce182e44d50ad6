import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, DuplicateResult, LotseDocument } from '../../../../shared/api/contract';
import { call } from '../../api';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { formatDate, listName } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { RadioGroup } from '../../ui/RadioGroup';
import { documentTitle } from './document-labels';

interface CopyDocumentDialogProps {
  document: LotseDocument;
  onDone(result: DuplicateResult): void;
  /** Escape or "Abbrechen": the caller puts focus back on the button that opened it. */
  onCancel(): void;
}

const SEARCH_LIMIT = 8;
const DEBOUNCE_MS = 200;

/**
 * "Kopieren": a new draft with the document's values, for the same person
 * (a duplicate) or for another one picked by search. For another person the
 * core takes every personal value from that person's record
 * (`documents.duplicate`); the dialog says so before anything is created.
 */
export function CopyDocumentDialog({ document, onDone, onCancel }: CopyDocumentDialogProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<'same' | 'other'>('same');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Client[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pickError, setPickError] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    if (target !== 'other') return;
    const request = ++latest.current;
    const timer = window.setTimeout(
      () => {
        call('clients.search', { query, limit: SEARCH_LIMIT + 1 }).then(
          ({ items }) => request === latest.current && setFound(items.filter((client) => client.id !== document.clientId).slice(0, SEARCH_LIMIT)),
          (caught: unknown) => request === latest.current && setError(caught),
        );
      },
      query === '' ? 0 : DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [query, target, document.clientId]);

  async function confirm() {
    if (busy) return;
    if (target === 'other' && picked === null) {
      setPickError(t('workList.copyPickFirst'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await call('documents.duplicate', { id: document.id, ...(target === 'other' && picked ? { clientId: picked } : {}) }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const id = 'copy-dialog';
  return (
    <ModalDialog id={id} onCancel={() => !busy && onCancel()} initialFocusId={`${id}-target-same`} className="dialog--neutral dialog--wide">
      <h2 id={`${id}-heading`} className="dialog-heading">
        {t('workList.copyTitle')}
      </h2>
      <p id={`${id}-text`}>{t('workList.copyText', { title: documentTitle(document), client: document.clientName })}</p>
      <RadioGroup
        id={`${id}-target`}
        legend={t('workList.copyFor')}
        value={target}
        layout="stacked"
        options={[
          { value: 'same', label: t('workList.copySame', { client: document.clientName }) },
          { value: 'other', label: t('workList.copyOther'), hint: t('workList.copyOtherHint') },
        ]}
        onChange={(value) => {
          setTarget(value);
          setPickError('');
        }}
      />
      {target === 'other' ? (
        <div className="copy-target">
          <Field
            id={`${id}-search`}
            type="search"
            label={t('workList.copySearch')}
            hint={t('workList.copySearchHint')}
            value={query}
            onChange={(value) => {
              setQuery(value);
              setPicked(null);
            }}
            maxLength={200}
          />
          {found && found.length === 0 ? (
            <p role="status" className="muted">
              {t('workList.copyNobody')}
            </p>
          ) : null}
          {pickError && !(found && found.length > 0) ? <p className="field-error">{pickError}</p> : null}
          {found && found.length > 0 ? (
            <RadioGroup
              id={`${id}-client`}
              legend={t('workList.copyPick')}
              value={picked}
              layout="stacked"
              error={pickError || undefined}
              options={found.map((client) => ({
                value: client.id,
                label: client.birthDate
                  ? t('workList.copyPerson', { name: listName(client), birthDate: formatDate(client.birthDate) })
                  : t('workList.copyPersonNoBirth', { name: listName(client) }),
              }))}
              onChange={(value) => {
                setPicked(value);
                setPickError('');
              }}
            />
          ) : null}
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <DialogActions
        id={id}
        confirmLabel={t('workList.copyConfirm')}
        onConfirm={() => void confirm()}
        variant="primary"
        busy={busy}
        busyLabel={t('workList.copyBusy')}
        onCancel={onCancel}
      />
    </ModalDialog>
  );
}
