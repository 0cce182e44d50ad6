import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SERVICE_STATUSES, type Partner } from '../../../../shared/api/contract';
import { PartnerInputSchema } from '../../../../shared/api/schemas/partner';
import { COUNSELING_FIELDS } from '../../../../shared/domain/counseling-fields';
import { FORMS_OF_ADDRESS } from '../../../../shared/domain/salutation';
import { call } from '../../api';
import { AddressFields } from '../../ui/AddressFields';
import { Checkbox } from '../../ui/Checkbox';
import { routeHref } from '../../app/routes';
import { messagesBeforeCall, useContractForm, type ContractForm } from '../../ui/contract-form';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { FormSection } from '../../ui/FormSection';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { RepeatedGroups } from '../../ui/RepeatedGroups';
import { SelectField } from '../../ui/SelectField';
import { forgetUnsavedDraft, unsavedDraft, useKeepUnsavedDraft } from '../../ui/unsaved-drafts';
import {
  draftFromPartner,
  draftToInput,
  emptyContact,
  emptyPartnerDraft,
  emptyService,
  fieldOrder,
  inputId,
  toFormPaths,
  type PartnerDraft,
} from './partner-draft';

interface PartnerFormProps {
  /** The partner to edit; null makes a new one. */
  initial: Partner | null;
  onSaved(partner: Partner): void;
  onCancel(): void;
}

type PartnerForm = ContractForm<PartnerDraft>;

/**
 * One form for creating and editing a partner agency: every field of the
 * contract, services and contacts as repeatable groups. The contract's
 * schema checks the input; its messages and the core's appear at their
 * fields and focus goes to the first.
 */
export function PartnerForm({ initial, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  // Edits not saved when the counselor went elsewhere come back (ui/unsaved-drafts.ts).
  const draftKey = initial ? `partner:${initial.id}` : 'partner:new';
  const [pristine] = useState(() => (initial ? draftFromPartner(initial) : emptyPartnerDraft()));
  const [kept] = useState(() => unsavedDraft<PartnerDraft>(draftKey));
  const form = useContractForm({
    schema: PartnerInputSchema,
    defaultValues: kept ?? pristine,
    toInput: draftToInput,
    notANumber: t('partnerForm.ageInvalid'),
    toFormPaths,
    fieldOrder,
    inputId,
    save: (input) => (initial ? call('partners.update', { ...input, id: initial.id }) : call('partners.create', input)),
    onSaved: (saved) => {
      forgetUnsavedDraft(draftKey);
      onSaved(saved);
    },
  });
  const { text, errorOf } = form;
  const invalidNow = Object.keys(messagesBeforeCall(PartnerInputSchema, draftToInput(form.draft), toFormPaths, t('partnerForm.ageInvalid'))).length > 0;
  useKeepUnsavedDraft({
    key: draftKey,
    label: initial ? initial.name : t('unsaved.newPartner'),
    href: initial ? routeHref({ name: 'partnerEdit', id: initial.id }) : routeHref({ name: 'partnerNew' }),
    draft: form.draft,
    pristine,
    hasErrors: Boolean(form.error) || invalidNow,
  });

  return (
    <form noValidate onSubmit={form.onSubmit} className="form partner-form">
      <p className="muted">{t('common.requiredNote')}</p>
      {kept ? <p className="notice">{t('unsaved.restored')}</p> : null}
      {form.error ? <ErrorAlert error={form.error} shownFields={form.order} /> : null}

      <FormSection id="partner-form-base" title={t('partnerForm.baseLegend')}>
        <div className="form-grid">
          <Field label={t('partnerFields.name')} {...text('name')} required dir="auto" />
          <Field label={t('partnerFields.department')} hint={t('partnerForm.departmentHint')} {...text('department')} dir="auto" />
        </div>
        <Field label={t('partnerFields.description')} {...text('description')} multiline rows={4} dir="auto" />
        <GroupFieldset id={inputId('counselingFields')} legend={t('partnerFields.counselingFields')} error={errorOf('counselingFields')}>
          {COUNSELING_FIELDS.map((field) => (
            <Checkbox key={field} label={t(`counselingFields.${field}`)} {...form.member('counselingFields', field, COUNSELING_FIELDS)} />
          ))}
        </GroupFieldset>
        <Field label={t('partnerFields.notes')} {...text('notes')} multiline rows={5} dir="auto" />
      </FormSection>

      <FormSection id="partner-form-reach" title={t('partnerForm.reachLegend')}>
        <AddressFields id={inputId('address')} legend={t('partnerFields.address')} error={errorOf('address')} text={text} />
        <Checkbox label={t('partnerForm.usePostbox')} {...form.flag('usePostbox')} describedBy="partner-postbox-hint" />
        <p id="partner-postbox-hint" className="field-hint checkbox-hint">
          {t('partnerForm.usePostboxHint')}
        </p>
        {form.draft.usePostbox ? (
          <GroupFieldset id={inputId('postbox')} legend={t('partnerFields.postbox')} error={errorOf('postbox')}>
            <Field label={t('partnerFields.postboxLabel')} {...text('postbox.label')} required size="medium" />
            <div className="form-row">
              {/* The contract states a postcode as a pattern of five digits. */}
              <Field label={t('partnerFields.postboxPostalCode')} {...text('postbox.postalCode')} inputMode="numeric" maxLength={5} size="short" />
              <Field label={t('partnerFields.postboxCity')} {...text('postbox.city')} required size="medium" />
            </div>
          </GroupFieldset>
        ) : null}
        <Field label={t('partnerFields.openingHours')} {...text('openingHours')} />
        <div className="form-grid form-grid--three">
          <Field type="email" label={t('partnerFields.email')} {...text('email')} />
          <Field type="tel" label={t('partnerFields.phone')} {...text('phone')} />
          <Field type="url" label={t('partnerFields.website')} {...text('website')} />
        </div>
      </FormSection>

      <FormSection id="partner-form-services" title={t('partnerForm.servicesLegend')}>
        <ServiceGroups form={form} />
      </FormSection>

      <FormSection id="partner-form-contacts" title={t('partnerForm.contactsLegend')}>
        <ContactGroups form={form} />
      </FormSection>

      <FormSection id="partner-form-verification" title={t('partnerForm.verificationLegend')}>
        <div className="form-grid">
          <DateField label={t('partnerFields.assuredDate')} hint={t('partnerForm.assuredHint')} {...text('assuredDate')} />
          <Field label={t('partnerFields.assuredBy')} {...text('assuredBy')} />
        </div>
      </FormSection>

      <FormActions
        submitLabel={t('common.save')}
        saving={form.saving}
        onCancel={() => {
          forgetUnsavedDraft(draftKey);
          onCancel();
        }}
      />
    </form>
  );
}

function ServiceGroups({ form }: { form: PartnerForm }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'services' });
  const removeErrors = form.removeRowErrors('services');
  const statusOptions = SERVICE_STATUSES.map((status) => ({ value: status, label: t(`serviceStatuses.${status}`) }));
  // One field holds a service's languages: room for all of them at their longest, with ", " between them.
  const languagesLength = form.limits.maxItems('services.0.languages') * ((form.limits.maxLength('services.0.languages.0') ?? 0) + ', '.length);
  return (
    <RepeatedGroups
      id={inputId('services')}
      legend={t('partnerFields.services')}
      legendHidden
      hint={t('partnerForm.servicesHint')}
      groupError={form.errorOf('services')}
      itemLabel={(n) => t('partnerForm.service', { n })}
      addLabel={t('partnerForm.addService')}
      items={fields}
      max={form.limits.maxItems('services')}
      firstControlId={(index) => inputId(`services.${index}.name`)}
      onAdd={() => append(emptyService())}
      onRemove={(index) => {
        removeErrors(index);
        remove(index);
      }}
      renderItem={(_, index, item) => {
        const suffix = `(${item})`;
        return (
          <>
            <div className="form-grid">
              <Field label={t('partnerFields.serviceName')} labelSuffix={suffix} {...form.text(`services.${index}.name`)} required dir="auto" />
              <SelectField
                label={t('partnerFields.serviceStatus')}
                labelSuffix={suffix}
                options={statusOptions}
                {...form.choice(`services.${index}.status`)}
                size="full"
              />
            </div>
            <Field
              label={t('partnerFields.serviceDescription')}
              labelSuffix={suffix}
              {...form.text(`services.${index}.description`)}
              multiline
              rows={3}
              dir="auto"
            />
            <GroupFieldset
              id={inputId(`services.${index}.counselingFields`)}
              legend={
                <>
                  {t('partnerFields.counselingFields')}
                  <span className="visually-hidden"> {suffix}</span>
                </>
              }
              error={form.errorOf(`services.${index}.counselingFields`)}
            >
              {COUNSELING_FIELDS.map((field) => (
                <Checkbox
                  key={field}
                  label={t(`counselingFields.${field}`)}
                  labelSuffix={suffix}
                  {...form.member(`services.${index}.counselingFields`, field, COUNSELING_FIELDS)}
                />
              ))}
            </GroupFieldset>
            <Field label={t('partnerFields.eligibility')} labelSuffix={suffix} {...form.text(`services.${index}.eligibility`)} dir="auto" />
            <div className="form-row">
              <Field
                label={t('partnerFields.minimumAge')}
                labelSuffix={suffix}
                {...form.text(`services.${index}.minimumAge`)}
                inputMode="numeric"
                size="short"
              />
              <Field
                label={t('partnerFields.maximumAge')}
                labelSuffix={suffix}
                {...form.text(`services.${index}.maximumAge`)}
                inputMode="numeric"
                size="short"
              />
            </div>
            <div className="form-grid">
              <Field
                label={t('partnerFields.languages')}
                labelSuffix={suffix}
                hint={t('partnerForm.languagesHint')}
                {...form.text(`services.${index}.languages`)}
                maxLength={languagesLength}
              />
              <Field label={t('partnerFields.fees')} labelSuffix={suffix} {...form.text(`services.${index}.fees`)} dir="auto" />
            </div>
            <Field
              label={t('partnerFields.applicationProcess')}
              labelSuffix={suffix}
              {...form.text(`services.${index}.applicationProcess`)}
              multiline
              rows={3}
              dir="auto"
            />
          </>
        );
      }}
    />
  );
}

function ContactGroups({ form }: { form: PartnerForm }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const removeErrors = form.removeRowErrors('contacts');
  const formOfAddressOptions = [
    { value: '', label: t('common.notRecorded') },
    ...FORMS_OF_ADDRESS.map((formOfAddress) => ({ value: formOfAddress, label: t(`formsOfAddress.${formOfAddress}`) })),
  ];
  return (
    <RepeatedGroups
      id={inputId('contacts')}
      legend={t('partnerFields.contacts')}
      legendHidden
      groupError={form.errorOf('contacts')}
      itemLabel={(n) => t('partnerForm.contact', { n })}
      addLabel={t('partnerForm.addContact')}
      items={fields}
      max={form.limits.maxItems('contacts')}
      firstControlId={(index) => inputId(`contacts.${index}.name`)}
      onAdd={() => append(emptyContact())}
      onRemove={(index) => {
        removeErrors(index);
        remove(index);
      }}
      renderItem={(_, index, item) => {
        const suffix = `(${item})`;
        return (
          <div className="form-grid">
            <Field label={t('partnerFields.contactName')} labelSuffix={suffix} {...form.text(`contacts.${index}.name`)} required dir="auto" />
            <SelectField
              label={t('partnerFields.formOfAddress')}
              labelSuffix={suffix}
              hint={t('partnerForm.formOfAddressHint')}
              options={formOfAddressOptions}
              {...form.choice(`contacts.${index}.formOfAddress`)}
              size="full"
            />
            <Field
              label={t('partnerFields.contactTitle')}
              labelSuffix={suffix}
              hint={t('partnerForm.contactTitleHint')}
              {...form.text(`contacts.${index}.title`)}
            />
            <Field label={t('partnerFields.role')} labelSuffix={suffix} {...form.text(`contacts.${index}.role`)} />
            <Field type="tel" label={t('partnerFields.phone')} labelSuffix={suffix} {...form.text(`contacts.${index}.phone`)} />
            <Field type="email" label={t('partnerFields.email')} labelSuffix={suffix} {...form.text(`contacts.${index}.email`)} />
          </div>
        );
      }}
    />
  );
}
