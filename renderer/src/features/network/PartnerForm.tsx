import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_STATUSES, type Partner } from '../../../../shared/api/contract';
import { COUNSELING_FIELDS, type CounselingField } from '../../../../shared/domain/counseling-fields';
import { ApiCallError, call } from '../../api';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { pathsToFormRows, withoutRow } from '../../ui/field-errors';
import { focusSoon } from '../../ui/focus';
import { FormActions } from '../../ui/FormActions';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { RepeatedGroups } from '../../ui/RepeatedGroups';
import { SelectField } from '../../ui/SelectField';
import { AddressFields } from '../../ui/AddressFields';
import {
  draftFromPartner,
  draftToInput,
  emptyContact,
  emptyPartnerDraft,
  emptyService,
  fieldOrder,
  foldLanguagePaths,
  inputId,
  type ContactDraft,
  type PartnerDraft,
  type ServiceDraft,
} from './partner-draft';
import { FormSection } from '../../ui/FormSection';

const MAX_SERVICES = 30;
const MAX_CONTACTS = 30;

interface PartnerFormProps {
  /** The partner to edit; null makes a new one. */
  initial: Partner | null;
  onSaved(partner: Partner): void;
  onCancel(): void;
}

function replaceRow<T>(rows: readonly T[], index: number, row: T): T[] {
  return rows.map((old, at) => (at === index ? row : old));
}

/** The ticked fields in the order of COUNSELING_FIELDS, whatever order they were ticked in. */
function toggleField(current: readonly CounselingField[], field: CounselingField, checked: boolean): CounselingField[] {
  return COUNSELING_FIELDS.filter((candidate) => (candidate === field ? checked : current.includes(candidate)));
}

/**
 * One form for creating and editing a partner agency: every field of the
 * contract, services and contacts as repeatable groups. The core checks the
 * input; its messages appear at their fields and focus goes to the first.
 */
export function PartnerForm({ initial, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PartnerDraft>(() => (initial ? draftFromPartner(initial) : emptyPartnerDraft()));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const update = (patch: Partial<PartnerDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errorOf = (path: string) => fieldError(error, path);
  const order = fieldOrder(draft);

  function showError(caught: unknown) {
    setError(caught);
    const first = firstErrorField(caught, order);
    if (first) focusSoon(inputId(first), `${inputId(first)}-group`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const { input, rowMaps, invalidAges } = draftToInput(draft);
    if (invalidAges.length > 0) {
      const fields = Object.fromEntries(invalidAges.map((path) => [path, t('partnerForm.ageInvalid')]));
      showError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = initial ? await call('partners.update', { ...input, id: initial.id }) : await call('partners.create', input);
      onSaved(saved);
    } catch (caught) {
      setSaving(false);
      showError(foldLanguagePaths(pathsToFormRows(caught, rowMaps)));
    }
  }

  return (
    <form noValidate onSubmit={submit} className="form partner-form">
      <p className="muted">{t('common.requiredNote')}</p>
      {error ? <ErrorAlert error={error} shownFields={order} /> : null}

      <FormSection id="partner-form-base" title={t('partnerForm.baseLegend')}>
        <div className="form-grid">
          <Field
            id={inputId('name')}
            label={t('partnerFields.name')}
            value={draft.name}
            onChange={(name) => update({ name })}
            error={errorOf('name')}
            required
            maxLength={200}
            dir="auto"
          />
          <Field
            id={inputId('department')}
            label={t('partnerFields.department')}
            hint={t('partnerForm.departmentHint')}
            value={draft.department}
            onChange={(department) => update({ department })}
            error={errorOf('department')}
            maxLength={200}
            dir="auto"
          />
        </div>
        <Field
          id={inputId('description')}
          label={t('partnerFields.description')}
          value={draft.description}
          onChange={(description) => update({ description })}
          error={errorOf('description')}
          multiline
          rows={4}
          maxLength={2000}
          dir="auto"
        />
        <GroupFieldset id={inputId('counselingFields')} legend={t('partnerFields.counselingFields')} error={errorOf('counselingFields')}>
          {COUNSELING_FIELDS.map((field) => (
            <Checkbox
              key={field}
              id={inputId(`counselingFields.${field}`)}
              label={t(`counselingFields.${field}`)}
              checked={draft.counselingFields.includes(field)}
              onChange={(checked) => update({ counselingFields: toggleField(draft.counselingFields, field, checked) })}
            />
          ))}
        </GroupFieldset>
        <Field
          id={inputId('notes')}
          label={t('partnerFields.notes')}
          value={draft.notes}
          onChange={(notes) => update({ notes })}
          error={errorOf('notes')}
          multiline
          rows={5}
          maxLength={5000}
          dir="auto"
        />
      </FormSection>

      <FormSection id="partner-form-reach" title={t('partnerForm.reachLegend')}>
        <AddressFields idOf={inputId} legend={t('partnerFields.address')} value={draft.address} onChange={(address) => update({ address })} errorOf={errorOf} />
        <Checkbox
          id={inputId('usePostbox')}
          label={t('partnerForm.usePostbox')}
          checked={draft.usePostbox}
          onChange={(usePostbox) => update({ usePostbox })}
          describedBy="partner-postbox-hint"
        />
        <p id="partner-postbox-hint" className="field-hint checkbox-hint">
          {t('partnerForm.usePostboxHint')}
        </p>
        {draft.usePostbox ? (
          <GroupFieldset id={inputId('postbox')} legend={t('partnerFields.postbox')} error={errorOf('postbox')}>
            <Field
              id={inputId('postbox.label')}
              label={t('partnerFields.postboxLabel')}
              value={draft.postbox.label}
              onChange={(label) => update({ postbox: { ...draft.postbox, label } })}
              error={errorOf('postbox.label')}
              required
              maxLength={100}
              size="medium"
            />
            <div className="form-row">
              <Field
                id={inputId('postbox.postalCode')}
                label={t('partnerFields.postboxPostalCode')}
                value={draft.postbox.postalCode}
                onChange={(postalCode) => update({ postbox: { ...draft.postbox, postalCode } })}
                error={errorOf('postbox.postalCode')}
                inputMode="numeric"
                maxLength={5}
                size="short"
              />
              <Field
                id={inputId('postbox.city')}
                label={t('partnerFields.postboxCity')}
                value={draft.postbox.city}
                onChange={(city) => update({ postbox: { ...draft.postbox, city } })}
                error={errorOf('postbox.city')}
                required
                maxLength={100}
                size="medium"
              />
            </div>
          </GroupFieldset>
        ) : null}
        <Field
          id={inputId('openingHours')}
          label={t('partnerFields.openingHours')}
          value={draft.openingHours}
          onChange={(openingHours) => update({ openingHours })}
          error={errorOf('openingHours')}
          maxLength={500}
        />
        <div className="form-grid form-grid--three">
          <Field
            id={inputId('email')}
            type="email"
            label={t('partnerFields.email')}
            value={draft.email}
            onChange={(email) => update({ email })}
            error={errorOf('email')}
            maxLength={200}
          />
          <Field
            id={inputId('phone')}
            type="tel"
            label={t('partnerFields.phone')}
            value={draft.phone}
            onChange={(phone) => update({ phone })}
            error={errorOf('phone')}
            maxLength={60}
          />
          <Field
            id={inputId('website')}
            type="url"
            label={t('partnerFields.website')}
            value={draft.website}
            onChange={(website) => update({ website })}
            error={errorOf('website')}
            maxLength={300}
          />
        </div>
      </FormSection>

      <FormSection id="partner-form-services" title={t('partnerForm.servicesLegend')}>
        <ServiceGroups
          rows={draft.services}
          onChange={(services) => update({ services })}
          onRemove={(index) => setError((current: unknown) => withoutRow(current, 'services', index))}
          errorOf={errorOf}
        />
      </FormSection>

      <FormSection id="partner-form-contacts" title={t('partnerForm.contactsLegend')}>
        <ContactGroups
          rows={draft.contacts}
          onChange={(contacts) => update({ contacts })}
          onRemove={(index) => setError((current: unknown) => withoutRow(current, 'contacts', index))}
          errorOf={errorOf}
        />
      </FormSection>

      <FormSection id="partner-form-verification" title={t('partnerForm.verificationLegend')}>
        <div className="form-grid">
          <Field
            id={inputId('assuredDate')}
            type="date"
            label={t('partnerFields.assuredDate')}
            hint={t('partnerForm.assuredHint')}
            value={draft.assuredDate}
            onChange={(assuredDate) => update({ assuredDate })}
            error={errorOf('assuredDate')}
          />
          <Field
            id={inputId('assuredBy')}
            label={t('partnerFields.assuredBy')}
            value={draft.assuredBy}
            onChange={(assuredBy) => update({ assuredBy })}
            error={errorOf('assuredBy')}
            maxLength={200}
          />
        </div>
      </FormSection>

      <FormActions submitLabel={t('common.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}

interface GroupsProps<T> {
  rows: readonly T[];
  onChange(rows: T[]): void;
  /** Before a row is taken out: its messages go with it. */
  onRemove(index: number): void;
  errorOf(path: string): string | undefined;
}

function ServiceGroups({ rows, onChange, onRemove, errorOf }: GroupsProps<ServiceDraft>) {
  const { t } = useTranslation();
  const statusOptions = SERVICE_STATUSES.map((status) => ({ value: status, label: t(`serviceStatuses.${status}`) }));
  return (
    <RepeatedGroups
      id={inputId('services')}
      legend={t('partnerFields.services')}
      legendHidden
      hint={t('partnerForm.servicesHint')}
      groupError={errorOf('services')}
      itemLabel={(n) => t('partnerForm.service', { n })}
      addLabel={t('partnerForm.addService')}
      items={rows}
      max={MAX_SERVICES}
      firstControlId={(index) => inputId(`services.${index}.name`)}
      onAdd={() => onChange([...rows, emptyService()])}
      onRemove={(index) => {
        onRemove(index);
        onChange(rows.filter((_, at) => at !== index));
      }}
      renderItem={(row, index, item) => {
        const path = (key: string) => `services.${index}.${key}`;
        const set = (patch: Partial<ServiceDraft>) => onChange(replaceRow(rows, index, { ...row, ...patch }));
        const suffix = `(${item})`;
        const text = (key: 'eligibility' | 'fees', max: number) => (
          <Field
            id={inputId(path(key))}
            label={t(`partnerFields.${key}`)}
            labelSuffix={suffix}
            value={row[key]}
            onChange={(value) => set({ [key]: value })}
            error={errorOf(path(key))}
            maxLength={max}
            dir="auto"
          />
        );
        const ageField = (key: 'minimumAge' | 'maximumAge') => (
          <Field
            id={inputId(path(key))}
            label={t(`partnerFields.${key}`)}
            labelSuffix={suffix}
            value={row[key]}
            onChange={(value) => set({ [key]: value })}
            error={errorOf(path(key))}
            inputMode="numeric"
            maxLength={3}
            size="short"
          />
        );
        return (
          <>
            <div className="form-grid">
              <Field
                id={inputId(path('name'))}
                label={t('partnerFields.serviceName')}
                labelSuffix={suffix}
                value={row.name}
                onChange={(name) => set({ name })}
                error={errorOf(path('name'))}
                required
                maxLength={200}
                dir="auto"
              />
              <SelectField
                id={inputId(path('status'))}
                label={t('partnerFields.serviceStatus')}
                labelSuffix={suffix}
                value={row.status}
                options={statusOptions}
                onChange={(status) => set({ status })}
                error={errorOf(path('status'))}
                size="full"
              />
            </div>
            <Field
              id={inputId(path('description'))}
              label={t('partnerFields.serviceDescription')}
              labelSuffix={suffix}
              value={row.description}
              onChange={(description) => set({ description })}
              error={errorOf(path('description'))}
              multiline
              rows={3}
              maxLength={2000}
              dir="auto"
            />
            <GroupFieldset
              id={inputId(path('counselingFields'))}
              legend={
                <>
                  {t('partnerFields.counselingFields')}
                  <span className="visually-hidden"> {suffix}</span>
                </>
              }
              error={errorOf(path('counselingFields'))}
            >
              {COUNSELING_FIELDS.map((field) => (
                <Checkbox
                  key={field}
                  id={inputId(`${path('counselingFields')}.${field}`)}
                  label={t(`counselingFields.${field}`)}
                  labelSuffix={suffix}
                  checked={row.counselingFields.includes(field)}
                  onChange={(checked) => set({ counselingFields: toggleField(row.counselingFields, field, checked) })}
                />
              ))}
            </GroupFieldset>
            {text('eligibility', 1000)}
            <div className="form-row">
              {ageField('minimumAge')}
              {ageField('maximumAge')}
            </div>
            <div className="form-grid">
              <Field
                id={inputId(path('languages'))}
                label={t('partnerFields.languages')}
                labelSuffix={suffix}
                hint={t('partnerForm.languagesHint')}
                value={row.languages}
                onChange={(languages) => set({ languages })}
                error={errorOf(path('languages'))}
                maxLength={3000}
              />
              {text('fees', 500)}
            </div>
            <Field
              id={inputId(path('applicationProcess'))}
              label={t('partnerFields.applicationProcess')}
              labelSuffix={suffix}
              value={row.applicationProcess}
              onChange={(applicationProcess) => set({ applicationProcess })}
              error={errorOf(path('applicationProcess'))}
              multiline
              rows={3}
              maxLength={1000}
              dir="auto"
            />
          </>
        );
      }}
    />
  );
}

function ContactGroups({ rows, onChange, onRemove, errorOf }: GroupsProps<ContactDraft>) {
  const { t } = useTranslation();
  return (
    <RepeatedGroups
      id={inputId('contacts')}
      legend={t('partnerFields.contacts')}
      legendHidden
      groupError={errorOf('contacts')}
      itemLabel={(n) => t('partnerForm.contact', { n })}
      addLabel={t('partnerForm.addContact')}
      items={rows}
      max={MAX_CONTACTS}
      firstControlId={(index) => inputId(`contacts.${index}.name`)}
      onAdd={() => onChange([...rows, emptyContact()])}
      onRemove={(index) => {
        onRemove(index);
        onChange(rows.filter((_, at) => at !== index));
      }}
      renderItem={(row, index, item) => {
        const path = (key: string) => `contacts.${index}.${key}`;
        const set = (patch: Partial<ContactDraft>) => onChange(replaceRow(rows, index, { ...row, ...patch }));
        const suffix = `(${item})`;
        return (
          <div className="form-grid">
            <Field
              id={inputId(path('name'))}
              label={t('partnerFields.contactName')}
              labelSuffix={suffix}
              value={row.name}
              onChange={(name) => set({ name })}
              error={errorOf(path('name'))}
              required
              maxLength={200}
              dir="auto"
            />
            <Field
              id={inputId(path('role'))}
              label={t('partnerFields.role')}
              labelSuffix={suffix}
              value={row.role}
              onChange={(role) => set({ role })}
              error={errorOf(path('role'))}
              maxLength={200}
            />
            <Field
              id={inputId(path('phone'))}
              type="tel"
              label={t('partnerFields.phone')}
              labelSuffix={suffix}
              value={row.phone}
              onChange={(phone) => set({ phone })}
              error={errorOf(path('phone'))}
              maxLength={60}
            />
            <Field
              id={inputId(path('email'))}
              type="email"
              label={t('partnerFields.email')}
              labelSuffix={suffix}
              value={row.email}
              onChange={(email) => set({ email })}
              error={errorOf(path('email'))}
              maxLength={200}
            />
          </div>
        );
      }}
    />
  );
}
