import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, GERMAN_LEVELS, LANGUAGE_CODES, LANGUAGES, SEXES, type Client } from '../../../../shared/api/contract';
import { ClientInputSchema } from '../../../../shared/api/schemas/client';
import { COUNSELING_FIELDS } from '../../../../shared/domain/counseling-fields';
import { call, isApiCallError } from '../../api';
import { routeHref } from '../../app/routes';
import { messagesBeforeCall } from '../../ui/contract-form';
import { pathsToFormRows } from '../../ui/field-errors';
import { forgetUnsavedDraft, unsavedDraft, useKeepUnsavedDraft } from '../../ui/unsaved-drafts';
import { fullName } from '../../ui/format';
import { AddressFields } from '../../ui/AddressFields';
import { Checkbox } from '../../ui/Checkbox';
import { useContractForm, type ContractForm } from '../../ui/contract-form';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { focusSoon } from '../../ui/focus';
import { FormActions } from '../../ui/FormActions';
import { FormSection } from '../../ui/FormSection';
import { GroupFieldset } from '../../ui/GroupFieldset';
import { RepeatedGroups } from '../../ui/RepeatedGroups';
import { SelectField } from '../../ui/SelectField';
import { TextRows } from '../../ui/TextRows';
import { draftFromClient, draftToInput, EMPTY_QUALIFICATION, emptyDraft, fieldOrder, inputId, QUALIFICATION_TEXT_KEYS, type ClientDraft } from './client-draft';
import { birthDateOf, DuplicateCandidates, useSimilarClients, type SimilarInput } from './DuplicateCandidates';
import { useResidenceStatuses } from './residence-statuses';

/** The fields clients.similar compares, from the form; null when there is nothing to compare (no name, no number) or, editing, nothing of it changed. */
function identityOf(draft: ClientDraft, pristine: ClientDraft, excludeId: string | undefined): SimilarInput | null {
  const input = {
    familyName: draft.familyName.trim(),
    givenName: draft.givenName.trim(),
    otherNames: draft.otherNames.map((name) => name.trim()).filter((name) => name !== ''),
    birthDate: birthDateOf(draft.birthDate),
    customerNumber: draft.customerNumber.trim(),
    fileNumber: draft.fileNumber.trim(),
  };
  if (input.familyName === '' && input.givenName === '' && input.customerNumber === '' && input.fileNumber === '') return null;
  if (excludeId !== undefined) {
    const unchanged = (['familyName', 'givenName', 'birthDate', 'customerNumber', 'fileNumber'] as const).every(
      (key) => draft[key].trim() === pristine[key].trim(),
    );
    if (unchanged && JSON.stringify(draft.otherNames) === JSON.stringify(pristine.otherNames)) return null;
    return { ...input, excludeId };
  }
  return input;
}

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
 * in three sections. The contract's schema checks the input; its messages
 * and the core's appear at their fields and focus goes to the first of them.
 */
export function ClientForm({ initial, headingLevel, focusRequest = 0, onSaved, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  // Edits not saved when the counselor went elsewhere come back (ui/unsaved-drafts.ts).
  const draftKey = initial ? `client:${initial.id}` : 'client:new';
  const [pristine] = useState(() => (initial ? draftFromClient(initial) : emptyDraft()));
  const [kept] = useState(() => unsavedDraft<ClientDraft>(draftKey));
  // The people "trotzdem speichern" confirmed as others, for the one save it starts.
  const confirmed = useRef<string[]>([]);
  const duplicatesRef = useRef<HTMLElement>(null);
  const form = useContractForm({
    schema: ClientInputSchema,
    defaultValues: kept ?? pristine,
    toInput: draftToInput,
    notANumber: t('clientForm.yearInvalid'),
    fieldOrder,
    inputId,
    save: async (input) => {
      const confirmedNotDuplicateOf = confirmed.current;
      confirmed.current = [];
      try {
        return await (initial
          ? call('clients.update', { ...input, id: initial.id, confirmedNotDuplicateOf })
          : call('clients.create', { ...input, confirmedNotDuplicateOf }));
      } catch (caught) {
        // The core found someone the list did not show yet (or not confirmed): list them now and go there.
        if (isApiCallError(caught) && caught.code === 'duplicate_suspected') {
          await similar.refresh().catch(() => undefined);
          window.setTimeout(() => duplicatesRef.current?.focus(), 0);
        }
        throw caught;
      }
    },
    onSaved: (saved) => {
      forgetUnsavedDraft(draftKey);
      onSaved(saved);
    },
  });
  const { draft, text, choice, errorOf } = form;
  const similar = useSimilarClients(identityOf(draft, pristine, initial?.id));
  const invalidNow = Object.keys(messagesBeforeCall(ClientInputSchema, draftToInput(draft), pathsToFormRows, t('clientForm.yearInvalid'))).length > 0;
  useKeepUnsavedDraft({
    key: draftKey,
    label: initial ? fullName(initial) || initial.familyName : t('unsaved.newClient'),
    href: initial ? routeHref({ name: 'clientEdit', id: initial.id }) : routeHref({ name: 'clientNew' }),
    draft,
    pristine,
    hasErrors: Boolean(form.error) || invalidNow,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [statuses, reloadStatuses] = useResidenceStatuses();

  useEffect(() => {
    if (focusRequest > 0) {
      formRef.current?.scrollIntoView({ block: 'nearest' });
      document.getElementById(inputId('familyName'))?.focus();
    }
  }, [focusRequest]);

  const notRecorded = { value: '', label: t('common.notRecorded') };
  const statusOptions = [notRecorded, ...(statuses.status === 'ready' ? statuses.value.map((status) => ({ value: status.code, label: status.label })) : [])];
  if (draft.residenceStatus !== '' && !statusOptions.some((option) => option.value === draft.residenceStatus)) {
    statusOptions.push({ value: draft.residenceStatus, label: draft.residenceStatus });
  }

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit} className="form client-form">
      <p className="muted">{t('common.requiredNote')}</p>
      {kept ? <p className="notice">{t('unsaved.restored')}</p> : null}
      {form.error ? <ErrorAlert error={form.error} shownFields={form.order} /> : null}

      <FormSection id="client-form-base" title={t('clientForm.baseLegend')} headingLevel={headingLevel}>
        <div className="form-grid">
          <Field label={t('clientFields.familyName')} {...text('familyName')} required dir="auto" />
          <Field label={t('clientFields.givenName')} {...text('givenName')} dir="auto" />
        </div>
        <TextRows
          legend={t('clientFields.otherNames')}
          hint={t('clientForm.otherNamesHint')}
          itemLabel={(n) => t('clientForm.otherName', { n })}
          addLabel={t('clientForm.addOtherName')}
          {...form.rows('otherNames')}
          dir="auto"
        />
        {/* Sex and title together: they decide how letters address the client. */}
        <div className="form-grid">
          <SelectField
            label={t('clientFields.sex')}
            hint={t('clientForm.sexHint')}
            options={[notRecorded, ...SEXES.map((sex) => ({ value: sex, label: t(`sexes.${sex}`) }))]}
            {...choice('sex')}
            size="full"
          />
          <Field label={t('clientFields.title')} hint={t('clientForm.titleHint')} {...text('title')} />
        </div>
        <div className="form-grid">
          <DateField label={t('clientFields.birthDate')} {...text('birthDate')} />
          <Field label={t('clientForm.birthPlaceLabel')} hint={t('clientForm.birthPlaceHint')} {...text('birthPlace')} dir="auto" />
        </div>
        <DuplicateCandidates
          ref={duplicatesRef}
          items={similar.items}
          headingLevel={headingLevel}
          saving={form.saving}
          onSaveAnyway={() => {
            if (form.saving) return;
            confirmed.current = similar.items.map((item) => item.client.id);
            formRef.current?.requestSubmit();
          }}
        />
        <TextRows
          legend={t('clientFields.nationalities')}
          itemLabel={(n) => t('clientForm.nationality', { n })}
          addLabel={t('clientForm.addNationality')}
          {...form.rows('nationalities')}
        />
        <AddressFields id={inputId('address')} legend={t('clientFields.address')} error={errorOf('address')} text={text} />
        <div className="form-grid form-grid--three">
          <Field type="tel" label={t('clientFields.phone')} {...text('phone')} />
          <Field type="email" label={t('clientFields.email')} {...text('email')} />
          <SelectField
            label={t('clientFields.preferredContact')}
            options={[notRecorded, ...CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t(`contactChannels.${channel}`) }))]}
            {...choice('preferredContact')}
            size="full"
          />
        </div>
        <div className="form-grid form-grid--three">
          <Field label={t('clientFields.customerNumber')} {...text('customerNumber')} />
          <Field label={t('clientFields.bgNumber')} {...text('bgNumber')} />
          <Field label={t('clientFields.fileNumber')} {...text('fileNumber')} />
        </div>
        <GroupFieldset id={inputId('counselingFields')} legend={t('clientFields.counselingFields')} error={errorOf('counselingFields')}>
          {COUNSELING_FIELDS.map((field) => (
            <Checkbox key={field} label={t(`counselingFields.${field}`)} {...form.member('counselingFields', field, COUNSELING_FIELDS)} />
          ))}
        </GroupFieldset>
        <Field label={t('clientFields.notes')} {...text('notes')} multiline rows={6} dir="auto" />
      </FormSection>

      <FormSection id="client-form-residence" title={t('clientForm.residenceLegend')} headingLevel={headingLevel}>
        {statuses.status === 'error' ? <ErrorAlert error={statuses.error} onRetry={reloadStatuses} /> : null}
        <div className="form-grid">
          <SelectField
            label={t('clientFields.residenceStatus')}
            hint={statuses.status === 'loading' ? t('common.loading') : undefined}
            options={statusOptions}
            {...choice('residenceStatus')}
            size="full"
          />
          <DateField label={t('clientFields.residenceValidUntil')} {...text('residenceValidUntil')} />
        </div>
      </FormSection>

      <FormSection id="client-form-language" title={t('clientForm.languageLegend')} headingLevel={headingLevel}>
        <LanguageRows form={form} />
        <GroupFieldset id={inputId('germanLevel')} legend={t('clientForm.germanLegend')} error={errorOf('germanLevel')}>
          <div className="form-grid form-grid--three">
            <SelectField
              label={t('clientFields.germanLevel')}
              options={[notRecorded, ...GERMAN_LEVELS.map((level) => ({ value: level, label: level }))]}
              {...choice('germanLevel.level')}
              size="full"
            />
            <Field label={t('clientFields.germanCertificate')} {...text('germanLevel.certificate')} />
            <DateField label={t('clientFields.germanCertificateDate')} {...text('germanLevel.certificateDate')} />
          </div>
        </GroupFieldset>
        <Field label={t('clientFields.education')} {...text('education')} multiline rows={4} dir="auto" />
        <QualificationRows form={form} />
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

/** Each language in a row of its own, with its "interpreter needed" box beside it. */
function LanguageRows({ form }: { form: ContractForm<ClientDraft> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'languages' });
  const id = inputId('languages');
  const addId = `${id}-add`;
  const max = form.limits.maxItems('languages');
  const groupError = form.errorOf('languages');
  const removeErrors = form.removeRowErrors('languages');
  // Known languages are offered while typing (German names, with the endonym beside them); any other text is kept as typed.
  const suggestions = `${id}-known`;
  return (
    <fieldset
      id={`${id}-group`}
      className={`fieldset fieldset--rows${groupError ? ' fieldset--invalid' : ''}`}
      aria-describedby={[groupError ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
      tabIndex={-1}
    >
      <legend>{t('clientFields.languages')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('translations.clientLanguageHint')}
      </p>
      <datalist id={suggestions}>
        {LANGUAGE_CODES.map((code) => (
          <option key={code} value={LANGUAGES[code].german}>
            {LANGUAGES[code].native}
          </option>
        ))}
      </datalist>
      {groupError ? (
        <p id={`${id}-error`} className="field-error">
          {groupError}
        </p>
      ) : null}
      {fields.length > 0 ? (
        <ol className="rows">
          {fields.map((row, index) => {
            const item = t('clientForm.language', { n: index + 1 });
            return (
              <li key={row.id} className="row">
                <Field label={item} {...form.text(`languages.${index}.language`)} size="medium" className="row-field" list={suggestions} />
                <div className="row-check">
                  <Checkbox label={t('clientFields.interpreterNeeded')} labelSuffix={`(${item})`} {...form.flag(`languages.${index}.interpreterNeeded`)} />
                </div>
                <button
                  type="button"
                  className="button button--secondary button--small row-remove"
                  onClick={() => {
                    removeErrors(index);
                    remove(index);
                    // Focus goes to the row that moved up, the one above, or the add button.
                    const next = index < fields.length - 1 ? index : index - 1;
                    focusSoon(next >= 0 ? inputId(`languages.${next}.language`) : addId, addId);
                  }}
                >
                  {t('common.removeRow', { item })}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {fields.length < max ? (
        <button
          id={addId}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            append({ language: '', interpreterNeeded: false });
            focusSoon(inputId(`languages.${fields.length}.language`));
          }}
        >
          {t('clientForm.addLanguage')}
        </button>
      ) : (
        <p id={addId} className="field-hint" tabIndex={-1}>
          {t('common.maxRows', { count: max })}
        </p>
      )}
    </fieldset>
  );
}

function QualificationRows({ form }: { form: ContractForm<ClientDraft> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'qualifications' });
  const removeErrors = form.removeRowErrors('qualifications');
  const regulatedOptions = [
    { value: '', label: t('regulated.unknown') },
    { value: 'yes', label: t('regulated.yes') },
    { value: 'no', label: t('regulated.no') },
  ];
  return (
    <RepeatedGroups
      id={inputId('qualifications')}
      legend={t('clientFields.qualifications')}
      hint={t('clientForm.qualificationsHint')}
      groupError={form.errorOf('qualifications')}
      itemLabel={(n) => t('clientForm.qualification', { n })}
      addLabel={t('clientForm.addQualification')}
      items={fields}
      max={form.limits.maxItems('qualifications')}
      firstControlId={(index) => inputId(`qualifications.${index}.titleOriginal`)}
      onAdd={() => append({ ...EMPTY_QUALIFICATION })}
      onRemove={(index) => {
        removeErrors(index);
        remove(index);
      }}
      renderItem={(_, index, item) => (
        <div className="form-grid form-grid--three">
          {QUALIFICATION_TEXT_KEYS.map((key) => (
            <Field
              key={key}
              label={t(`clientFields.${key}`)}
              labelSuffix={`(${item})`}
              {...form.text(`qualifications.${index}.${key}`)}
              inputMode={key === 'year' ? 'numeric' : undefined}
              dir={key === 'titleOriginal' ? 'auto' : undefined}
            />
          ))}
          <SelectField
            label={t('clientFields.regulated')}
            labelSuffix={`(${item})`}
            options={regulatedOptions}
            {...form.choice(`qualifications.${index}.regulated`)}
            size="full"
          />
        </div>
      )}
    />
  );
}
