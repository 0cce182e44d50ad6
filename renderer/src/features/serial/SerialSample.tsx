import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchFilter, BatchSample } from '../../../../shared/api/contract';
import type { FormValues } from '../../../../shared/forms/values';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { mergeNameKey } from './serial-letter';

export interface SampleInput {
  templateId: string;
  values: FormValues;
  appointment: { date: string; time: string; place: string };
  filter: BatchFilter;
}

type SampleState =
  { status: 'idle' } | { status: 'loading'; last: BatchSample | null } | { status: 'ready'; value: BatchSample } | { status: 'error'; error: unknown };

/**
 * "4. Musterbrief": the letter of one ticked person exactly as it will print
 * (`batches.sample`, marked as a draft, nothing stored), paged through every
 * ticked person with Zurück / Vor ("Brief 3 von 18"). A merge field left
 * empty for the person is named above the letter (and shows in it).
 */
export function SerialSample({
  input,
  recipients,
  index,
  onIndex,
}: {
  input: SampleInput;
  recipients: ReadonlyArray<{ id: string; name: string }>;
  index: number;
  onIndex(index: number): void;
}) {
  const { t } = useTranslation();
  const [sample, setSample] = useState<SampleState>({ status: 'idle' });
  const current = recipients[index] ?? null;
  const key = JSON.stringify([input, current?.id]);

  useEffect(() => {
    if (!current) {
      setSample({ status: 'idle' });
      return;
    }
    let live = true;
    setSample((before) => ({ status: 'loading', last: before.status === 'ready' ? before.value : before.status === 'loading' ? before.last : null }));
    const timer = window.setTimeout(() => {
      call('batches.sample', { ...input, clientId: current.id }).then(
        (value) => live && setSample({ status: 'ready', value }),
        (error: unknown) => live && setSample({ status: 'error', error }),
      );
    }, 350);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the input and the person by value.
  }, [key]);

  const shown = sample.status === 'ready' ? sample.value : sample.status === 'loading' ? sample.last : null;
  const unfilled = sample.status === 'ready' ? sample.value.unfilled : [];
  const names = unfilled.map((entry) => {
    const nameKey = mergeNameKey(entry.name);
    return nameKey ? t(`serial.mergeNames.${nameKey}`) : entry.label;
  });

  return (
    <section className="panel serial-sample" aria-labelledby="serial-sample-heading">
      <h2 id="serial-sample-heading">{t('serial.sampleHeading')}</h2>
      <p className="muted">{t('serial.sampleIntro')}</p>
      {current ? (
        <div className="toolbar serial-sample-pager">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={index <= 0}
            aria-label={t('serial.samplePreviousLabel')}
            onClick={() => index > 0 && onIndex(index - 1)}
          >
            {t('serial.samplePrevious')}
          </button>
          <p className="serial-sample-position" role="status" dir="auto">
            {t('serial.samplePosition', { index: index + 1, total: recipients.length, name: current.name })}
          </p>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={index >= recipients.length - 1}
            aria-label={t('serial.sampleNextLabel')}
            onClick={() => index < recipients.length - 1 && onIndex(index + 1)}
          >
            {t('serial.sampleNext')}
          </button>
        </div>
      ) : (
        <p>{t('serial.sampleNobody')}</p>
      )}
      {names.length > 0 ? (
        <p className="alert alert--warning" role="alert">
          {t('serial.sampleUnfilled', { fields: names.join(', ') })}
        </p>
      ) : null}
      {sample.status === 'error' ? <ErrorAlert error={sample.error} /> : null}
      {current ? (
        <PdfPreview
          busy={sample.status === 'loading'}
          pdf={shown}
          fileName="Serienbrief-Muster.pdf"
          heading={t('serial.samplePdf')}
          emptyText={sample.status === 'loading' ? t('serial.sampleLoading') : t('serial.sampleEmpty')}
          edition={{ text: t('serial.sampleEdition'), draft: true }}
        />
      ) : null}
    </section>
  );
}
