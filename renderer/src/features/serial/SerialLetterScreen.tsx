import { useEffect, useMemo, useRef, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commitAndPlaceCaret } from '../../ui/place-caret';
import type { BatchPreview, BatchResult, BatchSkipped, ResidenceStatus, Settings, Template } from '../../../../shared/api/contract';
import { ClientSchema } from '../../../../shared/api/schemas/client';
import { COUNSELING_FIELDS } from '../../../../shared/domain/counseling-fields';
import { todayIso } from '../../../../shared/domain/iso-date';
import { recipientGreeting } from '../../../../shared/domain/salutation';
import type { PrefillContext } from '../../../../shared/forms/prefill';
import { withComputedValues, type FieldValue, type FormValues } from '../../../../shared/forms/values';
import { call, isApiCallError } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { PageHeading } from '../../ui/PageHeading';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { inputFieldsOf } from '../../../../shared/forms/definition';
import { insertPlaceholder } from '../templates/template-edit';
import { MergeFieldList } from './MergeFieldList';
import { RecipientList } from './RecipientList';
import { SerialSample } from './SerialSample';
import { RadioGroup } from '../../ui/RadioGroup';
import { routeHref } from '../../app/routes';
import { SelectField } from '../../ui/SelectField';
import { useAsync } from '../../ui/use-async';
import { fieldInputId, inputIdOfPath, pathsInFormOrder } from '../documents/document-form';
import { DocumentSections } from '../documents/DocumentSections';
import { DateField } from '../../ui/DateField';
import {
  batchFilter,
  blankSharedValues,
  clampIndex,
  hasCriterion,
  isSerialTemplate,
  MONTH_CHOICES,
  NO_FILTER,
  perClientLabels,
  progressMilestone,
  serialFileName,
  sharedPart,
  type Audience,
  type FilterChoice,
} from './serial-letter';

interface Sources {
  templates: Template[];
  statuses: ResidenceStatus[];
  settings: Settings;
}

type Phase =
  | { kind: 'setup' }
  | { kind: 'running'; batchId: string; title: string; done: number; total: number; skipped: BatchSkipped[]; cancelling: boolean }
  | { kind: 'done'; batchId: string; title: string; result: BatchResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The batch this tab started, so leaving the screen and coming back finds it again (the host keeps running it). */
const SESSION_KEY = 'lotse.serialLetter';
const POLL_MS = 400;

function rememberBatch(batch: { batchId: string; title: string } | null): void {
  try {
    if (batch) window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(batch));
    else window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Not kept: the batch still finishes and its letters are in the documents list.
  }
}

function rememberedBatch(): { batchId: string; title: string } | null {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? 'null') as unknown;
    if (stored && typeof stored === 'object' && typeof (stored as { batchId?: unknown }).batchId === 'string') {
      const { batchId, title } = stored as { batchId: string; title?: unknown };
      return { batchId, title: typeof title === 'string' ? title : '' };
    }
  } catch {
    // Nothing usable kept.
  }
  return null;
}

/** `#/documents/serial`: one template with the same text to many clients, as one PDF, each letter kept as a document. */
export function SerialLetterScreen() {
  const { t } = useTranslation();
  const [sources, reload] = useAsync(async (): Promise<Sources> => {
    const [summaries, statuses, settings] = await Promise.all([
      call('templates.list', {}).then(({ items }) => items),
      call('residenceStatuses.list', {}).then(({ items }) => items),
      call('settings.get', {}),
    ]);
    const candidates = summaries.filter((summary) => summary.recipient !== 'partner');
    const templates = (await Promise.all(candidates.map((summary) => call('templates.get', { id: summary.id })))).filter((template) =>
      isSerialTemplate(template.definition),
    );
    return { templates, statuses, settings };
  }, []);

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'documents' })}>{t('documents.backToDocuments')}</a>
      </p>
      <PageHeading title={t('serial.title')}>{t('serial.title')}</PageHeading>
      <p className="lead">{t('serial.intro')}</p>
      {sources.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {sources.status === 'error' ? <ErrorAlert error={sources.error} onRetry={reload} /> : null}
      {sources.status === 'ready' ? <SerialLetter {...sources.value} /> : null}
    </>
  );
}

/** A heading that takes focus when it appears after the counselor did something (not when the screen opens). */
function StepHeading({ id, focus, children }: { id: string; focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the heading appears.
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h2>
  );
}

function SerialLetter(sources: Sources) {
  // Once the counselor has started or stopped something here, each new step's heading takes focus.
  const [acted, setActed] = useState(false);
  const [phase, setPhase] = useState<Phase>(() => {
    const kept = rememberedBatch();
    return kept ? { kind: 'running', batchId: kept.batchId, title: kept.title, done: 0, total: 0, skipped: [], cancelling: false } : { kind: 'setup' };
  });

  useBatchProgress(phase, setPhase);

  const restart = () => {
    rememberBatch(null);
    setPhase({ kind: 'setup' });
    focusSoon('serial-template-heading');
  };

  switch (phase.kind) {
    case 'setup':
      return (
        <SerialSetup
          {...sources}
          onStarted={(started) => {
            setActed(true);
            setPhase(started);
          }}
        />
      );
    case 'running':
      return (
        <SerialProgress
          phase={phase}
          focus={acted}
          onCancel={() => {
            setActed(true);
            void cancel(phase, setPhase);
          }}
        />
      );
    case 'done':
      return <SerialResult phase={phase} focus={acted} onAgain={restart} />;
    case 'cancelled':
    case 'failed':
      return <SerialStopped phase={phase} focus={acted} onAgain={restart} />;
  }
}

async function cancel(phase: Extract<Phase, { kind: 'running' }>, setPhase: (update: (current: Phase) => Phase) => void): Promise<void> {
  if (phase.cancelling) return;
  setPhase((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
  try {
    const status = await call('batches.cancel', { batchId: phase.batchId });
    // A batch that finished in the meantime stays finished: the poll picks up its result.
    if (status.state === 'cancelled') {
      rememberBatch(null);
      setPhase(() => ({ kind: 'cancelled' }));
    }
  } catch {
    setPhase((current) => (current.kind === 'running' ? { ...current, cancelling: false } : current));
  }
}

/** Asks the host for the batch's progress until it is done, then fetches the PDF. */
function useBatchProgress(phase: Phase, setPhase: (update: (current: Phase) => Phase) => void): void {
  const batchId = phase.kind === 'running' ? phase.batchId : null;
  const title = phase.kind === 'running' ? phase.title : '';
  const busy = useRef(false);
  useEffect(() => {
    if (batchId === null) return;
    let stopped = false;
    const poll = async () => {
      if (busy.current || stopped) return;
      busy.current = true;
      try {
        const status = await call('batches.status', { batchId });
        if (stopped) return;
        if (status.state === 'running') {
          setPhase((current) =>
            current.kind === 'running' && current.batchId === batchId
              ? { ...current, done: status.done, total: status.total, skipped: status.skipped }
              : current,
          );
          return;
        }
        stopped = true;
        if (status.state === 'done') {
          const result = await call('batches.result', { batchId });
          setPhase(() => ({ kind: 'done', batchId, title, result }));
        } else {
          rememberBatch(null);
          setPhase(() => (status.state === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: status.message ?? '' }));
        }
      } catch (error) {
        // The host forgot the batch (restarted): its letters, if it finished, are in the documents list.
        if (isApiCallError(error) && error.code === 'not_found') {
          stopped = true;
          rememberBatch(null);
          setPhase(() => ({ kind: 'setup' }));
        }
      } finally {
        busy.current = false;
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [batchId, title, setPhase]);
}

/** A stand-in person for the placeholders of text blocks: the real ones are filled per client. */
const SAMPLE_CLIENT = ClientSchema.parse({ id: '-', familyName: '…', createdAt: '', updatedAt: '' });

type PreviewState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; value: BatchPreview } | { status: 'error'; error: unknown };

const NO_APPOINTMENT = { date: '', time: '', place: '' };

/** Field paths the setup shows at their own fields (the rest in the alert). */
const isShownAtField = (path: string) => path.startsWith('values.') || path.startsWith('appointment.') || path === 'templateId';

function SerialSetup({ templates, statuses, settings, onStarted }: Sources & { onStarted(phase: Phase): void }) {
  const { t } = useTranslation();
  const [templateId, setTemplateId] = useState(() => (templates.find((template) => template.id === 'free-letter') ?? templates[0])?.id ?? '');
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;
  const form = useMemo(() => (template ? sharedPart(template.definition) : null), [template]);
  const [values, setValues] = useState<FormValues>(() => (template ? blankSharedValues(template.definition) : {}));
  const [appointment, setAppointment] = useState(NO_APPOINTMENT);
  const [filter, setFilter] = useState<FilterChoice>(NO_FILTER);
  const [audience, setAudience] = useState<Audience>('criteria');
  const [everyoneCount, setEveryoneCount] = useState<number | null>(null);
  const [duplex, setDuplex] = useState(true);
  const [preview, setPreview] = useState<PreviewState>({ status: 'none' });
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [sampleIndex, setSampleIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const apiFilter = useMemo(() => batchFilter(filter, audience), [filter, audience]);
  const filterKey = JSON.stringify(apiFilter);
  const chosen = audience === 'everyone' || hasCriterion(filter);
  // The list says who lacks what a merge field needs: it follows the text too (after a pause in typing).
  const textKey = JSON.stringify([values, appointment]);

  // How many clients "alle" means, said in the choice itself.
  useEffect(() => {
    if (!templateId) return;
    let live = true;
    call('batches.preview', { templateId, values: {}, filter: { everyone: true } }).then(
      (value) => live && setEveryoneCount(value.total + value.skipped.length),
      () => live && setEveryoneCount(null),
    );
    return () => {
      live = false;
    };
  }, [templateId]);

  useEffect(() => {
    setUnticked(new Set());
    setSampleIndex(0);
  }, [templateId, filterKey]);

  useEffect(() => {
    if (!templateId || !chosen) {
      setPreview({ status: 'none' });
      return;
    }
    let current = true;
    setPreview((before) => (before.status === 'ready' ? before : { status: 'loading' }));
    const timer = window.setTimeout(() => {
      call('batches.preview', { templateId, values, appointment, filter: apiFilter }).then(
        (value) => current && setPreview({ status: 'ready', value }),
        (caught: unknown) => current && setPreview({ status: 'error', error: caught }),
      );
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `filterKey` and `textKey` stand for filter, values and appointment by value.
  }, [templateId, filterKey, textKey, chosen]);

  const chooseTemplate = (id: string) => {
    const next = templates.find((candidate) => candidate.id === id);
    setTemplateId(id);
    setValues(next ? blankSharedValues(next.definition) : {});
    setError(null);
  };

  const shownValues = useMemo(() => (form ? withComputedValues(form, values) : values), [form, values]);
  const context: PrefillContext = useMemo(
    () => ({
      client: SAMPLE_CLIENT,
      partner: null,
      settings,
      consent: null,
      residenceStatusLabel: '',
      today: todayIso(),
      salutation: recipientGreeting({ client: SAMPLE_CLIENT, partner: null, contact: null }),
    }),
    [settings],
  );
  const perClient = template ? perClientLabels(template.definition) : [];
  const clients = useMemo(() => (preview.status === 'ready' ? preview.value.clients : []), [preview]);
  const ticked = useMemo(() => clients.filter((client) => !unticked.has(client.id)), [clients, unticked]);
  const index = clampIndex(sampleIndex, ticked.length);

  // Where the caret was in each text when it was left, and which text was written in last: a merge field goes there.
  const selections = useRef(new Map<string, { start: number; end: number }>());
  const lastText = useRef<string | null>(null);
  const textFields = useMemo(() => (form ? inputFieldsOf(form).filter((field) => field.type === 'text' || field.type === 'textarea') : []), [form]);
  const rememberSelection = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return;
    const field = textFields.find((candidate) => fieldInputId(candidate.id) === target.id);
    if (!field) return;
    lastText.current = field.id;
    selections.current.set(field.id, { start: target.selectionStart ?? target.value.length, end: target.selectionEnd ?? target.value.length });
  };
  function insertMergeField(name: string) {
    // A text never entered takes it at the end of the longest text (the letter's body).
    const fieldId = lastText.current ?? textFields.find((field) => field.type === 'textarea')?.id ?? textFields[0]?.id;
    if (!fieldId) return;
    const currentText = typeof values[fieldId] === 'string' ? (values[fieldId] as string) : '';
    const selection = selections.current.get(fieldId) ?? { start: currentText.length, end: currentText.length };
    const { text, caret } = insertPlaceholder(currentText, selection.start, selection.end, name);
    selections.current.set(fieldId, { start: caret, end: caret });
    lastText.current = fieldId;
    commitAndPlaceCaret(() => setValues((current) => ({ ...current, [fieldId]: text })), fieldInputId(fieldId), caret);
  }

  /** Where focus goes after a refused start: the first field with a message, else the start button. */
  function errorTarget(caught: unknown): string {
    if (!isApiCallError(caught) || !form) return 'serial-submit';
    const inForm = pathsInFormOrder(form, caught.fields)
      .map((path) => inputIdOfPath(form, path))
      .find((id) => id !== null);
    const part = (['date', 'time', 'place'] as const).find((candidate) => `appointment.${candidate}` in caught.fields);
    return inForm ?? (part ? `serial-appointment-${part}` : 'serial-submit');
  }
  // Where focus goes once the dialog has closed (closing gives it back to the start button first): after the commit.
  const focusAfterClose = useRef<string | null>(null);
  useEffect(() => {
    if (confirming || focusAfterClose.current === null) return;
    focusSoon(focusAfterClose.current);
    focusAfterClose.current = null;
  }, [confirming]);

  /** Before the dialog: someone ticked, and nobody ticked with a merge field their record leaves empty. */
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!template || confirming) return;
    setError(null);
    if (ticked.length === 0) {
      setBlocked(t('serial.nobodyTicked'));
      focusSoon('serial-blocked');
      return;
    }
    const lacking = ticked.filter((client) => client.unfilled.length > 0);
    if (lacking.length > 0) {
      setBlocked(t('serial.unfilledBlock', { count: lacking.length, names: lacking.map((client) => client.name).join(', ') }));
      focusSoon('serial-blocked');
      return;
    }
    setBlocked(null);
    setConfirming(true);
  }

  async function start(): Promise<void> {
    if (!template) return;
    try {
      const started = await call('batches.render', {
        templateId: template.id,
        values,
        appointment,
        filter: apiFilter,
        recipients: ticked.map((client) => client.id),
        duplex,
      });
      rememberBatch({ batchId: started.batchId, title: template.title });
      onStarted({
        kind: 'running',
        batchId: started.batchId,
        title: template.title,
        done: 0,
        total: started.total,
        skipped: started.skipped,
        cancelling: false,
      });
    } catch (caught) {
      const target = errorTarget(caught);
      focusAfterClose.current = target;
      setConfirming(false);
      setError(caught);
    }
  }

  if (templates.length === 0 || !template || !form) return <p>{t('serial.noTemplates')}</p>;

  const setAppointmentPart = (part: keyof typeof NO_APPOINTMENT) => (value: string) => setAppointment((current) => ({ ...current, [part]: value }));
  const everyoneLabel = everyoneCount === null ? t('serial.audienceEveryone', { count: 0 }) : t('serial.audienceEveryone', { count: everyoneCount });

  return (
    <>
      <form noValidate onSubmit={submit} className="form serial-form">
        <section className="panel" aria-labelledby="serial-template-heading">
          <h2 id="serial-template-heading" tabIndex={-1}>
            {t('serial.templateHeading')}
          </h2>
          <RadioGroup
            id="serial-template"
            legend={t('serial.templateLegend')}
            value={templateId}
            options={templates.map((candidate) => ({ value: candidate.id, label: candidate.title, hint: candidate.description }))}
            onChange={chooseTemplate}
            error={fieldError(error, 'templateId')}
            layout="stacked"
          />
        </section>

        <section className="panel" aria-labelledby="serial-content-heading">
          <h2 id="serial-content-heading">{t('serial.contentHeading')}</h2>
          <p className="muted">{t('serial.contentIntro')}</p>
          {perClient.length > 0 ? <p className="alert alert--info">{t('serial.perClient', { fields: perClient.join(', ') })}</p> : null}
          <div className="serial-content">
            <div className="serial-content-text" onBlur={rememberSelection}>
              <DocumentSections
                form={form}
                values={shownValues}
                onChange={(fieldId: string, value: FieldValue) => setValues((current) => ({ ...current, [fieldId]: value }))}
                errorAt={(path) => fieldError(error, path)}
                prefilled={new Set()}
                partners={[]}
                context={context}
              />
              <fieldset className="serial-appointment">
                <legend>{t('serial.appointmentLegend')}</legend>
                <div className="filter-row">
                  <DateField
                    id="serial-appointment-date"
                    label={t('serial.appointmentDate')}
                    value={appointment.date}
                    onChange={setAppointmentPart('date')}
                    error={fieldError(error, 'appointment.date')}
                  />
                  <Field
                    id="serial-appointment-time"
                    label={t('serial.appointmentTime')}
                    hint={t('serial.appointmentTimeHint')}
                    value={appointment.time}
                    onChange={setAppointmentPart('time')}
                    maxLength={5}
                    inputMode="numeric"
                    error={fieldError(error, 'appointment.time')}
                  />
                  <Field
                    id="serial-appointment-place"
                    label={t('serial.appointmentPlace')}
                    value={appointment.place}
                    onChange={setAppointmentPart('place')}
                    maxLength={200}
                    error={fieldError(error, 'appointment.place')}
                  />
                </div>
              </fieldset>
            </div>
            <MergeFieldList onInsert={insertMergeField} />
          </div>
        </section>

        <section className="panel" aria-labelledby="serial-recipients-heading">
          <h2 id="serial-recipients-heading">{t('serial.recipientsHeading')}</h2>
          <RadioGroup
            id="serial-audience"
            legend={t('serial.audienceLegend')}
            value={audience}
            options={[
              { value: 'criteria' as const, label: t('serial.audienceCriteria') },
              { value: 'everyone' as const, label: everyoneLabel },
            ]}
            onChange={(value) => setAudience(value === 'everyone' ? 'everyone' : 'criteria')}
            error={fieldError(error, 'filter')}
            layout="stacked"
          />
          {audience === 'criteria' ? (
            <>
              <p className="muted">{t('serial.recipientsIntro')}</p>
              <div className="filter-row">
                <SelectField
                  id="serial-filter-status"
                  label={t('serial.filterStatus')}
                  value={filter.residenceStatus}
                  options={[{ value: '', label: t('serial.any') }, ...statuses.map((status) => ({ value: status.code, label: status.label }))]}
                  onChange={(residenceStatus) => setFilter((current) => ({ ...current, residenceStatus }))}
                  size="full"
                />
                <SelectField
                  id="serial-filter-months"
                  label={t('serial.filterMonths')}
                  value={filter.months}
                  options={[
                    { value: '', label: t('serial.anyTime') },
                    ...MONTH_CHOICES.map((months) => ({ value: months, label: t('serial.months', { count: Number(months) }) })),
                  ]}
                  onChange={(months) => setFilter((current) => ({ ...current, months }))}
                  size="full"
                />
                <SelectField
                  id="serial-filter-field"
                  label={t('serial.filterField')}
                  value={filter.counselingField}
                  options={[
                    { value: '' as const, label: t('serial.any') },
                    ...COUNSELING_FIELDS.map((field) => ({ value: field, label: t(`counselingFieldsShort.${field}`) })),
                  ]}
                  onChange={(counselingField) => setFilter((current) => ({ ...current, counselingField }))}
                  size="full"
                />
              </div>
            </>
          ) : null}
          <p role="status" className="serial-count">
            {!chosen
              ? t('serial.chooseCriterion')
              : preview.status === 'loading'
                ? t('serial.counting')
                : preview.status === 'ready'
                  ? t('serial.count', { count: preview.value.total })
                  : ''}
          </p>
          {preview.status === 'error' ? <ErrorAlert error={preview.error} /> : null}
          {preview.status === 'ready' && clients.length > 0 ? (
            <RecipientList
              clients={clients}
              unticked={unticked}
              onToggle={(id, on) =>
                setUnticked((current) => {
                  const next = new Set(current);
                  if (on) next.delete(id);
                  else next.add(id);
                  return next;
                })
              }
              onTickAll={() => setUnticked(new Set())}
            />
          ) : null}
          {preview.status === 'ready' ? <SkippedList skipped={preview.value.skipped} /> : null}
          <Checkbox id="serial-duplex" label={t('serial.duplex')} checked={duplex} onChange={setDuplex} describedBy="serial-duplex-hint" />
          <p id="serial-duplex-hint" className="field-hint checkbox-hint">
            {t('serial.duplexHint')}
          </p>
        </section>

        {preview.status === 'ready' ? (
          <SerialSample input={{ templateId, values, appointment, filter: apiFilter }} recipients={ticked} index={index} onIndex={setSampleIndex} />
        ) : null}

        {blocked ? (
          <p id="serial-blocked" className="alert alert--error" role="alert" tabIndex={-1}>
            {blocked}
          </p>
        ) : null}
        {error ? <ErrorAlert error={error} shownFields={Object.keys(isApiCallError(error) ? error.fields : {}).filter(isShownAtField)} /> : null}
        <div className="form-actions">
          <button id="serial-submit" type="submit" className="button button--primary" aria-disabled={confirming}>
            {ticked.length === 0 ? t('serial.start') : t('serial.startCount', { count: ticked.length })}
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          id="serial-confirm"
          title={t('serial.confirmTitle', { count: ticked.length })}
          text={t('serial.confirmText')}
          confirmLabel={t('serial.confirmButton', { count: ticked.length })}
          busyLabel={t('serial.starting')}
          onConfirm={start}
          onCancel={() => {
            focusAfterClose.current = 'serial-submit';
            setConfirming(false);
          }}
        />
      ) : null}
    </>
  );
}

function SkippedList({ skipped }: { skipped: BatchSkipped[] }) {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  return (
    <details className="serial-details serial-skipped">
      <summary>{t('serial.skipped', { count: skipped.length })}</summary>
      <ul>
        {skipped.map((entry) => (
          <li key={entry.clientId}>
            <a href={routeHref({ name: 'client', id: entry.clientId })} dir="auto">
              {entry.clientName}
            </a>
            : {entry.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function SerialProgress({ phase, focus, onCancel }: { phase: Extract<Phase, { kind: 'running' }>; focus: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  const known = phase.total > 0;
  const text = known ? t('serial.progress', { done: phase.done, total: phase.total }) : t('serial.progressStarting');
  const milestone = known ? t('serial.progress', { done: progressMilestone(phase.done, phase.total), total: phase.total }) : '';
  const saving = known && phase.done >= phase.total;
  return (
    <section className="panel serial-progress" aria-labelledby="serial-progress-heading" aria-busy="true">
      <StepHeading id="serial-progress-heading" focus={focus}>
        {t('serial.progressHeading', { title: phase.title })}
      </StepHeading>
      <p className="muted">{t('serial.progressIntro')}</p>
      <label htmlFor="serial-progress-bar" className="serial-progress-label">
        {t('serial.progressLabel')}
      </label>
      <progress id="serial-progress-bar" max={known ? phase.total : undefined} value={known ? phase.done : undefined} aria-describedby="serial-progress-text">
        {text}
      </progress>
      <p id="serial-progress-text" className="serial-progress-text">
        {saving ? t('serial.saving') : text}
      </p>
      {/* Spoken at every tenth of the way, not at every letter. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {saving ? t('serial.saving') : milestone}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--danger-outline" onClick={onCancel} aria-disabled={phase.cancelling}>
          {t('serial.cancel')}
        </button>
        <span role="status" className="form-status">
          {phase.cancelling ? t('serial.cancelling') : ''}
        </span>
      </div>
      <SkippedList skipped={phase.skipped} />
    </section>
  );
}

function SerialResult({ phase, focus, onAgain }: { phase: Extract<Phase, { kind: 'done' }>; focus: boolean; onAgain(): void }) {
  const { t } = useTranslation();
  const { result } = phase;
  return (
    <section className="serial-result" aria-labelledby="serial-result-heading">
      <div className="panel">
        <StepHeading id="serial-result-heading" focus={focus}>
          {t('serial.doneHeading')}
        </StepHeading>
        <p>{t('serial.done', { count: result.documentIds.length })}</p>
        <SkippedList skipped={result.skipped} />
        <div className="toolbar toolbar--wrap">
          <a className="button button--secondary" href={routeHref({ name: 'documents' })}>
            {t('serial.toDocuments')}
          </a>
          <button type="button" className="button button--secondary" onClick={onAgain}>
            {t('serial.again')}
          </button>
        </div>
      </div>
      <PdfPreview
        busy={false}
        pdf={{ pdfBase64: result.pdfBase64, sha256: result.sha256, pages: result.pages }}
        fileName={serialFileName(phase.title || 'Serienbrief')}
        heading={t('serial.pdfHeading')}
      />
    </section>
  );
}

function SerialStopped({ phase, focus, onAgain }: { phase: Extract<Phase, { kind: 'cancelled' | 'failed' }>; focus: boolean; onAgain(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="serial-stopped-heading">
      <StepHeading id="serial-stopped-heading" focus={focus}>
        {phase.kind === 'cancelled' ? t('serial.cancelledHeading') : t('serial.failedHeading')}
      </StepHeading>
      <p>{phase.kind === 'cancelled' ? t('serial.cancelled') : phase.message || t('common.unexpected')}</p>
      <button type="button" className="button button--primary" onClick={onAgain}>
        {t('serial.again')}
      </button>
    </section>
  );
}
