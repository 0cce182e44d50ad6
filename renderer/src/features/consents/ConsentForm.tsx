import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES, EXCHANGE_DIRECTIONS, type Consent, type ConsentInput } from '../../../../shared/api/contract';
import { call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { pathsToFormRows, withoutRow, type RowMaps } from '../../ui/field-errors';
import { focusSoon } from '../../ui/focus';
import { TextRows } from '../../ui/TextRows';
import { EMPTY_RECIPIENT, RecipientsField, type RecipientDraft } from './RecipientsField';
import { FormActions } from '../../ui/FormActions';
import { RadioGroup } from '../../ui/RadioGroup';

type DataCategory = (typeof DATA_CATEGORIES)[number];
type Exchange = (typeof EXCHANGE_DIRECTIONS)[number];

interface ConsentDraft {
  recipients: RecipientDraft[];
  purposes: string[];
  dataCategories: DataCategory[];
  healthData: boolean;
  exchange: Exchange;
  signedOn: string;
  validUntil: string;
  explainedIn: string;
  interpreter: string;
  notes: string;
}

const MAX_RECIPIENTS = 20;
const MAX_PURPOSES = 10;

const EMPTY: ConsentDraft = {
  recipients: [EMPTY_RECIPIENT],
  purposes: [''],
  dataCategories: [],
  healthData: false,
  exchange: 'one-way',
  signedOn: '',
  validUntil: '',
  explainedIn: '',
  interpreter: '',
  notes: '',
};

/**
 * `recipients.1` → the select of row 2, `recipients.1.name` → its text input
 * (where "Andere Stelle" is chosen); other paths → `consent-<path>`.
 */
export function consentInputId(path: string): string {
  const recipient = /^recipients\.(\d+)(\.name)?$/.exec(path);
  if (recipient) return `consent-recipients-${recipient[1]}${recipient[2] ? '-name' : ''}`;
  return `consent-${path.replace(/\./g, '-')}`;
}

/** Where focus goes when a path's own input is not there: a recipient's select, or the group. */
function fallbackInputId(path: string): string {
  const recipient = /^recipients\.(\d+)/.exec(path);
  return recipient ? `consent-recipients-${recipient[1]}` : `${consentInputId(path)}-group`;
}

function fieldOrder(draft: ConsentDraft): string[] {
  return [
    'recipients',
    ...draft.recipients.flatMap((_, index) => [`recipients.${index}`, `recipients.${index}.partnerId`, `recipients.${index}.name`]),
    'purposes',
    ...draft.purposes.map((_, index) => `purposes.${index}`),
    'dataCategories',
    'healthData',
    'exchange',
    'signedOn',
    'validUntil',
    'explainedIn',
    'interpreter',
    'notes',
  ];
}

function toInput(clientId: string, draft: ConsentDraft): { input: ConsentInput; rowMaps: RowMaps } {
  const recipientMap: number[] = [];
  const recipients = draft.recipients
    .filter((recipient, index) => {
      const keep = recipient.name.trim() !== '' || recipient.partnerId !== null;
      if (keep) recipientMap.push(index);
      return keep;
    })
    .map(({ partnerId, name }) => ({ partnerId, name }));
  const purposeMap: number[] = [];
  const purposes = draft.purposes.filter((purpose, index) => {
    const keep = purpose.trim() !== '';
    if (keep) purposeMap.push(index);
    return keep;
  });
  return {
    input: {
      clientId,
      recipients,
      purposes,
      dataCategories: draft.dataCategories,
      healthData: draft.healthData,
      exchange: draft.exchange,
      signedOn: draft.signedOn || null,
      validUntil: draft.validUntil || null,
      explainedIn: draft.explainedIn,
      interpreter: draft.interpreter,
      notes: draft.notes,
    },
    rowMaps: { recipients: recipientMap, purposes: purposeMap },
  };
}

interface ConsentFormProps {
  clientId: string;
  onCreated(consent: Consent): void;
  onCancel(): void;
}

/** "Einwilligung erfassen": what the signed form says, recorded as it is (DOMAIN.md: consent). */
export function ConsentForm({ clientId, onCreated, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ConsentDraft>(EMPTY);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const update = (patch: Partial<ConsentDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errorOf = (path: string) => fieldError(error, path);
  const order = fieldOrder(draft);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const { input, rowMaps } = toInput(clientId, draft);
    setSaving(true);
    setError(null);
    try {
      onCreated(await call('consents.create', input));
    } catch (caught) {
      setSaving(false);
      const mapped = pathsToFormRows(caught, rowMaps);
      setError(mapped);
      const first = firstErrorField(mapped, order);
      if (first) focusSoon(consentInputId(first), fallbackInputId(first));
    }
  }

  const dataError = errorOf('dataCategories');
  const exchangeError = errorOf('exchange');

  return (
    <form noValidate onSubmit={submit} className="form consent-form" aria-labelledby="consent-form-heading">
      <h3 id="consent-form-heading">{t('consents.formHeading')}</h3>
      <p className="muted">{t('consents.formIntro')}</p>
      <p className="muted">{t('common.requiredNote')}</p>
      {error ? <ErrorAlert error={error} shownFields={order} /> : null}
      <RecipientsField
        id="consent-recipients"
        value={draft.recipients}
        onChange={(recipients) => update({ recipients })}
        onRemove={(index) => setError((current: unknown) => withoutRow(current, 'recipients', index))}
        errorOf={errorOf}
        max={MAX_RECIPIENTS}
      />
      <TextRows
        id="consent-purposes"
        legend={t('consents.purposesLegend')}
        hint={t('consents.purposesHint')}
        itemLabel={(n) => t('consents.purpose', { n })}
        addLabel={t('consents.addPurpose')}
        values={draft.purposes}
        onChange={(purposes) => update({ purposes })}
        onRemove={(index) => setError((current: unknown) => withoutRow(current, 'purposes', index))}
        rowError={(index) => errorOf(`purposes.${index}`)}
        groupError={errorOf('purposes')}
        max={MAX_PURPOSES}
        maxLength={500}
        size="full"
      />
      <fieldset
        id="consent-dataCategories-group"
        className={`fieldset${dataError ? ' fieldset--invalid' : ''}`}
        aria-describedby={dataError ? 'consent-dataCategories-error' : undefined}
        tabIndex={-1}
      >
        <legend>
          {t('consents.dataLegend')}
          <span className="field-required" aria-hidden="true">
            {' '}
            {t('common.requiredMark')}
          </span>
        </legend>
        {dataError ? (
          <p id="consent-dataCategories-error" className="field-error">
            {dataError}
          </p>
        ) : null}
        {DATA_CATEGORIES.map((category) => (
          <Checkbox
            key={category}
            id={`consent-dataCategories-${category}`}
            label={t(`dataCategories.${category}`)}
            checked={draft.dataCategories.includes(category)}
            onChange={(checked) =>
              update({
                dataCategories: DATA_CATEGORIES.filter((candidate) => (candidate === category ? checked : draft.dataCategories.includes(candidate))),
              })
            }
          />
        ))}
      </fieldset>
      <fieldset id="consent-healthData-group" className="fieldset fieldset--health" tabIndex={-1}>
        <legend>{t('consents.healthLegend')}</legend>
        <p id="consent-health-note" className="field-hint">
          {t('consents.healthNote')}
        </p>
        <Checkbox
          id="consent-healthData"
          label={t('consents.healthLabel')}
          checked={draft.healthData}
          onChange={(healthData) => update({ healthData })}
          error={errorOf('healthData')}
          describedBy="consent-health-note"
        />
      </fieldset>
      <RadioGroup
        id="consent-exchange"
        legend={t('consents.exchangeLegend')}
        value={draft.exchange}
        options={EXCHANGE_DIRECTIONS.map((direction) => ({ value: direction, label: t(`exchange.${direction}`) }))}
        onChange={(exchange) => update({ exchange })}
        error={exchangeError}
      />
      <div className="form-grid">
        <DateField
          id="consent-signedOn"
          label={t('consents.signedOn')}
          hint={t('consents.signedOnHint')}
          value={draft.signedOn}
          onChange={(signedOn) => update({ signedOn })}
          error={errorOf('signedOn')}
        />
        <DateField
          id="consent-validUntil"
          label={t('consents.validUntil')}
          hint={t('consents.validUntilHint')}
          value={draft.validUntil}
          onChange={(validUntil) => update({ validUntil })}
          error={errorOf('validUntil')}
        />
        <Field
          id="consent-explainedIn"
          label={t('consents.explainedIn')}
          value={draft.explainedIn}
          onChange={(explainedIn) => update({ explainedIn })}
          error={errorOf('explainedIn')}
          maxLength={100}
        />
        <Field
          id="consent-interpreter"
          label={t('consents.interpreter')}
          value={draft.interpreter}
          onChange={(interpreter) => update({ interpreter })}
          error={errorOf('interpreter')}
          maxLength={200}
          dir="auto"
        />
      </div>
      <Field
        id="consent-notes"
        label={t('consents.notes')}
        value={draft.notes}
        onChange={(notes) => update({ notes })}
        error={errorOf('notes')}
        multiline
        rows={3}
        maxLength={2000}
        dir="auto"
      />
      <FormActions submitLabel={t('consents.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}
