import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, GERMAN_LEVELS, SEXES, type Client } from '../../../../shared/api/contract';
import { COUNSELING_FIELDS, type CounselingField } from '../../../../shared/domain/counseling-fields';
import { ApiCallError, call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { pathsToFormRows, withoutRow } from '../../ui/field-errors';
import { focusSoon } from '../../ui/focus';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { RepeatedGroups } from '../../ui/RepeatedGroups';
import { SelectField } from '../../ui/SelectField';
import { TextRows } from '../../ui/TextRows';
import {
  draftFromClient,
  draftToInput,
  EMPTY_QUALIFICATION,
  emptyDraft,
  fieldOrder,
  inputId,
  QUALIFICATION_TEXT_KEYS,
  type ClientDraft,
  type LanguageDraft,
  type QualificationDraft,
  type Regulated,
} from './client-draft';
import { useResidenceStatuses } from './residence-statuses';
import { FormActions } from '../../ui/FormActions';
import { AddressFields } from '../../ui/AddressFields';
import { FormSection } from '../../ui/FormSection';

const MAX_OTHER_NAMES = 10;
const MAX_NATIONALITIES = 5;
const MAX_LANGUAGES = 10;
const MAX_QUALIFICATIONS = 10;

interface ClientFormProps {
  /** The client to edit; null makes a new one. */
  initial: Client | null;
  /** Level of the section headings: 2 on a screen of its own, 3 inside a panel with an h2. */
  headingLevel: 2 | 3;
  /** Each increase moves focus to the first field (the "Neue Klient*in" button). */
  focusRequest?: number;
  onSaved(client: Client): void;
  onCancel(): void;
}

/**
 * One form for creating and editing a client: every field of the contract,
 * in three sections. The core checks the input; its messages appear at
 * their fields and focus goes to the first of them.
 */
export function ClientForm({ initial, headingLevel, focusRequest = 0, onSaved, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ClientDraft>(() => (initial ? draftFromClient(initial) : emptyDraft()));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [statuses, reloadStatuses] = useResidenceStatuses();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      formRef.current?.scrollIntoView({ block: 'nearest' });
      document.getElementById(inputId('familyName'))?.focus();
    }
  }, [focusRequest]);

  const update = (patch: Partial<ClientDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errorOf = (path: string) => fieldError(error, path);
  const removeRowErrors = (group: string) => (index: number) => setError((current: unknown) => withoutRow(current, group, index));
  const order = fieldOrder(draft);

  function showError(caught: unknown) {
    setError(caught);
    const first = firstErrorField(caught, order);
    if (first) focusSoon(inputId(first), `${inputId(first)}-group`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const { input, rowMaps, invalidYears } = draftToInput(draft);
    if (invalidYears.length > 0) {
      const fields = Object.fromEntries(invalidYears.map((row) => [`qualifications.${row}.year`, t('clientForm.yearInvalid')]));
      showError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = initial ? await call('clients.update', { ...input, id: initial.id }) : await call('clients.create', input);
      onSaved(saved);
    } catch (caught) {
      setSaving(false);
      showError(pathsToFormRows(caught, rowMaps));
    }
  }

  const statusOptions = [
    { value: '', label: t('common.notRecorded') },
    ...(statuses.status === 'ready' ? statuses.value.map((status) => ({ value: status.code, label: status.label })) : []),
  ];
  if (draft.residenceStatus !== '' && !statusOptions.some((option) => option.value === draft.residenceStatus)) {
    statusOptions.push({ value: draft.residenceStatus, label: draft.residenceStatus });
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="form client-form">
      <p className="muted">{t('common.requiredNote')}</p>
      {error ? <ErrorAlert error={error} shownFields={order} /> : null}

      <FormSection id="client-form-base" title={t('clientForm.baseLegend')} headingLevel={headingLevel}>
        <div className="form-grid">
          <Field
            id={inputId('familyName')}
            label={t('clientFields.familyName')}
            value={draft.familyName}
            onChange={(familyName) => update({ familyName })}
            error={errorOf('familyName')}
            required
            maxLength={200}
            dir="auto"
          />
          <Field
            id={inputId('givenName')}
            label={t('clientFields.givenName')}
            value={draft.givenName}
            onChange={(givenName) => update({ givenName })}
            error={errorOf('givenName')}
            maxLength={200}
            dir="auto"
          />
        </div>
        <TextRows
          id={inputId('otherNames')}
          legend={t('clientFields.otherNames')}
          hint={t('clientForm.otherNamesHint')}
          itemLabel={(n) => t('clientForm.otherName', { n })}
          addLabel={t('clientForm.addOtherName')}
          values={draft.otherNames}
          onChange={(otherNames) => update({ otherNames })}
          onRemove={removeRowErrors('otherNames')}
          rowError={(index) => errorOf(`otherNames.${index}`)}
          groupError={errorOf('otherNames')}
          max={MAX_OTHER_NAMES}
          maxLength={200}
          dir="auto"
        />
        <div className="form-grid form-grid--three">
          <SelectField
            id={inputId('sex')}
            label={t('clientFields.sex')}
            value={draft.sex}
            options={[{ value: '', label: t('common.notRecorded') }, ...SEXES.map((sex) => ({ value: sex, label: t(`sexes.${sex}`) }))]}
            onChange={(sex) => update({ sex })}
            error={errorOf('sex')}
            size="full"
          />
          <Field
            id={inputId('birthDate')}
            type="date"
            label={t('clientFields.birthDate')}
            value={draft.birthDate}
            onChange={(birthDate) => update({ birthDate })}
            error={errorOf('birthDate')}
          />
          <Field
            id={inputId('birthPlace')}
            label={t('clientForm.birthPlaceLabel')}
            hint={t('clientForm.birthPlaceHint')}
            value={draft.birthPlace}
            onChange={(birthPlace) => update({ birthPlace })}
            error={errorOf('birthPlace')}
            maxLength={200}
            dir="auto"
          />
        </div>
        <TextRows
          id={inputId('nationalities')}
          legend={t('clientFields.nationalities')}
          itemLabel={(n) => t('clientForm.nationality', { n })}
          addLabel={t('clientForm.addNationality')}
          values={draft.nationalities}
          onChange={(nationalities) => update({ nationalities })}
          onRemove={removeRowErrors('nationalities')}
          rowError={(index) => errorOf(`nationalities.${index}`)}
          groupError={errorOf('nationalities')}
          max={MAX_NATIONALITIES}
          maxLength={100}
        />
        <AddressFields idOf={inputId} legend={t('clientFields.address')} value={draft.address} onChange={(address) => update({ address })} errorOf={errorOf} />
        <div className="form-grid form-grid--three">
          <Field
            id={inputId('phone')}
            type="tel"
            label={t('clientFields.phone')}
            value={draft.phone}
            onChange={(phone) => update({ phone })}
            error={errorOf('phone')}
            maxLength={60}
          />
          <Field
            id={inputId('email')}
            type="email"
            label={t('clientFields.email')}
            value={draft.email}
            onChange={(email) => update({ email })}
            error={errorOf('email')}
            maxLength={200}
          />
          <SelectField
            id={inputId('preferredContact')}
            label={t('clientFields.preferredContact')}
            value={draft.preferredContact}
            options={[
              { value: '', label: t('common.notRecorded') },
              ...CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t(`contactChannels.${channel}`) })),
            ]}
            onChange={(preferredContact) => update({ preferredContact })}
            error={errorOf('preferredContact')}
            size="full"
          />
        </div>
        <div className="form-grid form-grid--three">
          <Field
            id={inputId('customerNumber')}
            label={t('clientFields.customerNumber')}
            value={draft.customerNumber}
            onChange={(customerNumber) => update({ customerNumber })}
            error={errorOf('customerNumber')}
            maxLength={30}
          />
          <Field
            id={inputId('bgNumber')}
            label={t('clientFields.bgNumber')}
            value={draft.bgNumber}
            onChange={(bgNumber) => update({ bgNumber })}
            error={errorOf('bgNumber')}
            maxLength={30}
          />
          <Field
            id={inputId('fileNumber')}
            label={t('clientFields.fileNumber')}
            value={draft.fileNumber}
            onChange={(fileNumber) => update({ fileNumber })}
            error={errorOf('fileNumber')}
            maxLength={50}
          />
        </div>
        <GroupFieldset id={inputId('counselingFields')} legend={t('clientFields.counselingFields')} error={errorOf('counselingFields')}>
          {COUNSELING_FIELDS.map((field) => (
            <Checkbox
              key={field}
              id={inputId(`counselingFields.${field}`)}
              label={t(`counselingFields.${field}`)}
              checked={draft.counselingFields.includes(field)}
              onChange={(checked) =>
                update({
                  counselingFields: COUNSELING_FIELDS.filter((candidate: CounselingField) =>
                    candidate === field ? checked : draft.counselingFields.includes(candidate),
                  ),
                })
              }
            />
          ))}
        </GroupFieldset>
        <Field
          id={inputId('notes')}
          label={t('clientFields.notes')}
          value={draft.notes}
          onChange={(notes) => update({ notes })}
          error={errorOf('notes')}
          multiline
          rows={6}
          maxLength={20000}
          dir="auto"
        />
      </FormSection>

      <FormSection id="client-form-residence" title={t('clientForm.residenceLegend')} headingLevel={headingLevel}>
        {statuses.status === 'error' ? <ErrorAlert error={statuses.error} onRetry={reloadStatuses} /> : null}
        <div className="form-grid">
          <SelectField
            id={inputId('residenceStatus')}
            label={t('clientFields.residenceStatus')}
            hint={statuses.status === 'loading' ? t('common.loading') : undefined}
            value={draft.residenceStatus}
            options={statusOptions}
            onChange={(residenceStatus) => update({ residenceStatus })}
            error={errorOf('residenceStatus')}
            size="full"
          />
          <Field
            id={inputId('residenceValidUntil')}
            type="date"
            label={t('clientFields.residenceValidUntil')}
            value={draft.residenceValidUntil}
            onChange={(residenceValidUntil) => update({ residenceValidUntil })}
            error={errorOf('residenceValidUntil')}
          />
        </div>
      </FormSection>

      <FormSection id="client-form-language" title={t('clientForm.languageLegend')} headingLevel={headingLevel}>
        <LanguageRows rows={draft.languages} onChange={(languages) => update({ languages })} onRemove={removeRowErrors('languages')} errorOf={errorOf} />
        <GroupFieldset id={inputId('germanLevel')} legend={t('clientForm.germanLegend')} error={errorOf('germanLevel')}>
          <div className="form-grid form-grid--three">
            <SelectField
              id={inputId('germanLevel.level')}
              label={t('clientFields.germanLevel')}
              value={draft.germanLevel.level}
              options={[{ value: '', label: t('common.notRecorded') }, ...GERMAN_LEVELS.map((level) => ({ value: level, label: level }))]}
              onChange={(level) => update({ germanLevel: { ...draft.germanLevel, level } })}
              error={errorOf('germanLevel.level')}
              size="full"
            />
            <Field
              id={inputId('germanLevel.certificate')}
              label={t('clientFields.germanCertificate')}
              value={draft.germanLevel.certificate}
              onChange={(certificate) => update({ germanLevel: { ...draft.germanLevel, certificate } })}
              error={errorOf('germanLevel.certificate')}
              maxLength={200}
            />
            <Field
              id={inputId('germanLevel.certificateDate')}
              type="date"
              label={t('clientFields.germanCertificateDate')}
              value={draft.germanLevel.certificateDate}
              onChange={(certificateDate) => update({ germanLevel: { ...draft.germanLevel, certificateDate } })}
              error={errorOf('germanLevel.certificateDate')}
            />
          </div>
        </GroupFieldset>
        <Field
          id={inputId('education')}
          label={t('clientFields.education')}
          value={draft.education}
          onChange={(education) => update({ education })}
          error={errorOf('education')}
          multiline
          rows={4}
          maxLength={2000}
          dir="auto"
        />
        <QualificationRows
          rows={draft.qualifications}
          onChange={(qualifications) => update({ qualifications })}
          onRemove={removeRowErrors('qualifications')}
          errorOf={errorOf}
        />
      </FormSection>

      <FormActions submitLabel={t('common.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}

interface RowsProps<T> {
  rows: readonly T[];
  onChange(rows: T[]): void;
  onRemove(index: number): void;
  errorOf(path: string): string | undefined;
}

function replaceRow<T>(rows: readonly T[], index: number, row: T): T[] {
  return rows.map((old, at) => (at === index ? row : old));
}

/** Focus after a removal: the row that moved up, the one above, or the add button. */
function focusAfterRemoval(group: string, index: number, count: number, firstKey: string) {
  const next = index < count - 1 ? index : index - 1;
  const addId = `${inputId(group)}-add`;
  focusSoon(next >= 0 ? inputId(`${group}.${next}.${firstKey}`) : addId, addId);
}

function LanguageRows({ rows, onChange, onRemove, errorOf }: RowsProps<LanguageDraft>) {
  const { t } = useTranslation();
  const id = inputId('languages');
  const groupError = errorOf('languages');
  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset fieldset--rows${groupError ? ' fieldset--invalid' : ''}`}
      aria-describedby={groupError ? `${id}-error` : undefined}
      tabIndex={-1}
    >
      <legend>{t('clientFields.languages')}</legend>
      {groupError ? (
        <p id={`${id}-error`} className="field-error">
          {groupError}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ol className="rows">
          {rows.map((row, index) => {
            const item = t('clientForm.language', { n: index + 1 });
            return (
              <li key={index} className="row">
                <Field
                  id={inputId(`languages.${index}.language`)}
                  label={item}
                  value={row.language}
                  onChange={(language) => onChange(replaceRow(rows, index, { ...row, language }))}
                  error={errorOf(`languages.${index}.language`)}
                  maxLength={100}
                  size="medium"
                  className="row-field"
                />
                <div className="row-check">
                  <Checkbox
                    id={inputId(`languages.${index}.interpreterNeeded`)}
                    label={t('clientFields.interpreterNeeded')}
                    labelSuffix={`(${item})`}
                    checked={row.interpreterNeeded}
                    onChange={(interpreterNeeded) => onChange(replaceRow(rows, index, { ...row, interpreterNeeded }))}
                    error={errorOf(`languages.${index}.interpreterNeeded`)}
                  />
                </div>
                <button
                  type="button"
                  className="button button--secondary button--small row-remove"
                  onClick={() => {
                    onRemove(index);
                    onChange(rows.filter((_, at) => at !== index));
                    focusAfterRemoval('languages', index, rows.length, 'language');
                  }}
                >
                  {t('common.removeRow', { item })}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {rows.length < MAX_LANGUAGES ? (
        <button
          id={`${id}-add`}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onChange([...rows, { language: '', interpreterNeeded: false }]);
            focusSoon(inputId(`languages.${rows.length}.language`));
          }}
        >
          {t('clientForm.addLanguage')}
        </button>
      ) : (
        <p id={`${id}-add`} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: MAX_LANGUAGES })}
        </p>
      )}
    </fieldset>
  );
}

function QualificationRows({ rows, onChange, onRemove, errorOf }: RowsProps<QualificationDraft>) {
  const { t } = useTranslation();
  const id = inputId('qualifications');
  const groupError = errorOf('qualifications');
  const regulatedOptions: ReadonlyArray<{ value: Regulated; label: string }> = [
    { value: '', label: t('regulated.unknown') },
    { value: 'yes', label: t('regulated.yes') },
    { value: 'no', label: t('regulated.no') },
  ];
  const sizes: Record<(typeof QUALIFICATION_TEXT_KEYS)[number], { max: number; numeric?: boolean; dir?: 'auto' }> = {
    titleOriginal: { max: 300, dir: 'auto' },
    titleGerman: { max: 300 },
    country: { max: 100 },
    year: { max: 4, numeric: true },
    kind: { max: 100 },
    referenceOccupation: { max: 200 },
  };
  return (
    <RepeatedGroups
      id={id}
      legend={t('clientFields.qualifications')}
      hint={t('clientForm.qualificationsHint')}
      groupError={groupError}
      itemLabel={(n) => t('clientForm.qualification', { n })}
      addLabel={t('clientForm.addQualification')}
      items={rows}
      max={MAX_QUALIFICATIONS}
      firstControlId={(index) => inputId(`qualifications.${index}.titleOriginal`)}
      onAdd={() => onChange([...rows, { ...EMPTY_QUALIFICATION }])}
      onRemove={(index) => {
        onRemove(index);
        onChange(rows.filter((_, at) => at !== index));
      }}
      renderItem={(row, index, item) => (
        <div className="form-grid form-grid--three">
          {QUALIFICATION_TEXT_KEYS.map((key) => (
            <Field
              key={key}
              id={inputId(`qualifications.${index}.${key}`)}
              label={t(`clientFields.${key}`)}
              labelSuffix={`(${item})`}
              value={row[key]}
              onChange={(value) => onChange(replaceRow(rows, index, { ...row, [key]: value }))}
              error={errorOf(`qualifications.${index}.${key}`)}
              maxLength={sizes[key].max}
              inputMode={sizes[key].numeric ? 'numeric' : undefined}
              dir={sizes[key].dir}
            />
          ))}
          <SelectField
            id={inputId(`qualifications.${index}.regulated`)}
            label={t('clientFields.regulated')}
            labelSuffix={`(${item})`}
            value={row.regulated}
            options={regulatedOptions}
            onChange={(regulated) => onChange(replaceRow(rows, index, { ...row, regulated }))}
            error={errorOf(`qualifications.${index}.regulated`)}
            size="full"
          />
        </div>
      )}
    />
  );
}
