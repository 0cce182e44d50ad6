import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logo, RenderedPdf, Settings } from '../../../../shared/api/contract';
import { ApiCallError, call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { FieldFrame } from '../../ui/FieldFrame';
import { FormActions } from '../../ui/FormActions';
import { PdfPreview } from '../../ui/pdf/PdfPreview';

type OfficeKey = Exclude<keyof Settings['office'], 'postbox' | 'logo'>;
type CounselorKey = keyof Settings['counselor'];
type PostboxKey = keyof NonNullable<Settings['office']['postbox']>;

type LabelKey =
  | 'organization'
  | 'department'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'room'
  | 'officePhone'
  | 'officeEmail'
  | 'web'
  | 'hours'
  | 'contact'
  | 'postboxLabel'
  | 'postboxPostalCode'
  | 'postboxCity'
  | 'counselorName'
  | 'counselorTitle'
  | 'counselorPhone'
  | 'counselorEmail';

interface FieldSpec<K extends string> {
  key: K;
  label: LabelKey;
  type?: 'text' | 'email' | 'tel' | 'url';
  size?: 'short' | 'medium' | 'full';
  required?: boolean;
  max?: number;
  numeric?: boolean;
  /** Optional and seldom needed: not asked in the first-run setup, only in Einstellungen. */
  settingsOnly?: boolean;
}

const OFFICE_FIELDS: ReadonlyArray<FieldSpec<OfficeKey>> = [
  { key: 'organization', label: 'organization', required: true, max: 200 },
  { key: 'department', label: 'department', max: 200 },
  { key: 'street', label: 'street', max: 200, size: 'medium' },
  { key: 'postalCode', label: 'postalCode', size: 'short', max: 5, numeric: true },
  { key: 'city', label: 'city', max: 100, size: 'medium' },
  { key: 'room', label: 'room', max: 100, size: 'medium' },
  { key: 'phone', label: 'officePhone', type: 'tel', max: 60, size: 'medium' },
  { key: 'email', label: 'officeEmail', type: 'email', max: 200, size: 'medium' },
  { key: 'web', label: 'web', type: 'url', max: 200, size: 'medium', settingsOnly: true },
  { key: 'hours', label: 'hours', max: 300 },
  { key: 'contact', label: 'contact', max: 200, size: 'medium', settingsOnly: true },
];

const POSTBOX_FIELDS: ReadonlyArray<FieldSpec<PostboxKey>> = [
  { key: 'label', label: 'postboxLabel', max: 100, size: 'medium' },
  { key: 'postalCode', label: 'postboxPostalCode', size: 'short', max: 5, numeric: true },
  { key: 'city', label: 'postboxCity', max: 100, size: 'medium' },
];

const COUNSELOR_FIELDS: ReadonlyArray<FieldSpec<CounselorKey>> = [
  { key: 'name', label: 'counselorName', required: true, max: 200, size: 'medium' },
  { key: 'title', label: 'counselorTitle', max: 200, size: 'medium' },
  { key: 'phone', label: 'counselorPhone', type: 'tel', max: 60, size: 'medium' },
  { key: 'email', label: 'counselorEmail', type: 'email', max: 200, size: 'medium' },
];

const LEAD_DAYS_PATH = 'deadlines.consentLeadDays';
const LOGO_PATH = 'office.logo';
/** What the core accepts (main/core/pdf/logo.ts); checked here too, to say so before sending the file. */
const LOGO_MAX_BYTES = 500 * 1024;
const LOGO_TYPES: ReadonlyArray<Logo['mimeType']> = ['image/png', 'image/jpeg'];

/** Every field path in form order, for moving focus to the first error. */
const FIELD_ORDER = [
  ...OFFICE_FIELDS.map((field) => `office.${field.key}`),
  ...POSTBOX_FIELDS.map((field) => `office.postbox.${field.key}`),
  LOGO_PATH,
  `${LOGO_PATH}.mimeType`,
  `${LOGO_PATH}.dataBase64`,
  ...COUNSELOR_FIELDS.map((field) => `counselor.${field.key}`),
  LEAD_DAYS_PATH,
];

const inputId = (path: string) => `settings-${path.replace(/\./g, '-')}`;

/** Bytes as base64, in slices: a spread of half a megabyte of arguments would overflow the stack. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

type PreviewState = { status: 'none' } | { status: 'busy' } | { status: 'ready'; pdf: RenderedPdf };

/**
 * The letterhead and sender as every letter prints them, the one form behind
 * Einstellungen and the first-run setup (`variant: 'setup'`): the setup asks
 * only what a letter needs and its usual companions, leaves out the deadlines
 * and, once saved, goes to Start. Saving is refused until what the setup
 * needs is there (shared/domain/setup.ts); the core marks each empty field.
 */
export function LetterheadForm({ initial, variant }: { initial: Settings; variant: 'settings' | 'setup' }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Settings>(initial);
  // Kept while the box is unticked, so ticking it again brings the entries back.
  const [postbox, setPostbox] = useState(initial.office.postbox ?? { label: 'Postfach', postalCode: '', city: '' });
  const [usePostbox, setUsePostbox] = useState(initial.office.postbox !== null);
  // As typed; checked for digits before the call.
  const [leadDays, setLeadDays] = useState(String(initial.deadlines.consentLeadDays));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<PreviewState>({ status: 'none' });
  const { refreshInfo, navigateWithNotice } = useAppContext();
  const inSetup = variant === 'setup';
  const officeFields = inSetup ? OFFICE_FIELDS.filter((field) => !field.settingsOnly) : OFFICE_FIELDS;

  const setOffice = (key: OfficeKey) => (value: string) => {
    setSaved(false);
    setValues((current) => ({ ...current, office: { ...current.office, [key]: value } }));
  };
  const setCounselor = (key: CounselorKey) => (value: string) => {
    setSaved(false);
    setValues((current) => ({ ...current, counselor: { ...current.counselor, [key]: value } }));
  };
  const setPostboxField = (key: PostboxKey) => (value: string) => {
    setSaved(false);
    setPostbox((current) => ({ ...current, [key]: value }));
  };

  const setLogo = (logo: Logo | null) => {
    setSaved(false);
    setValues((current) => ({ ...current, office: { ...current.office, logo } }));
  };

  /** The entries as they stand, as settings.update and the preview take them. */
  function entries(consentLeadDays: number): Settings {
    return {
      office: { ...values.office, postbox: usePostbox ? postbox : null },
      counselor: values.counselor,
      deadlines: { consentLeadDays },
    };
  }

  function showError(caught: unknown) {
    setError(caught);
    const first = firstErrorField(caught, FIELD_ORDER);
    if (first) window.setTimeout(() => document.getElementById(inputId(first))?.focus(), 0);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    if (!/^\d{1,3}$/.test(leadDays.trim())) {
      showError(new ApiCallError({ code: 'invalid_input', message: t('common.checkInput'), fields: { [LEAD_DAYS_PATH]: t('settings.leadDaysInvalid') } }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const next = await call('settings.update', entries(Number(leadDays.trim())));
      // Saved settings always complete the setup: the app stops reminding of it.
      refreshInfo();
      if (inSetup) {
        navigateWithNotice({ name: 'start' }, t('setup.done'));
        return;
      }
      setValues(next);
      if (next.office.postbox) setPostbox(next.office.postbox);
      setLeadDays(String(next.deadlines.consentLeadDays));
      setSaved(true);
    } catch (caught) {
      showError(caught);
    } finally {
      setSaving(false);
    }
  }

  async function showPreview() {
    if (preview.status === 'busy') return;
    setPreview({ status: 'busy' });
    setError(null);
    try {
      // The deadlines play no part in a letter: an unfinished entry there must not stop the preview.
      const days = /^\d{1,3}$/.test(leadDays.trim()) ? Number(leadDays.trim()) : initial.deadlines.consentLeadDays;
      const pdf = await call('settings.previewLetterhead', { settings: entries(days) });
      setPreview({ status: 'ready', pdf });
    } catch (caught) {
      setPreview({ status: 'none' });
      showError(caught);
    }
  }

  function renderField<K extends string>(prefix: string, spec: FieldSpec<K>, value: string, onChange: (value: string) => void) {
    const path = `${prefix}.${spec.key}`;
    return (
      <Field
        key={path}
        id={inputId(path)}
        label={t(`settings.${spec.label}`)}
        type={spec.type ?? 'text'}
        value={value}
        onChange={onChange}
        error={fieldError(error, path)}
        required={spec.required ?? false}
        maxLength={spec.max}
        size={spec.size ?? 'full'}
        inputMode={spec.numeric ? 'numeric' : undefined}
      />
    );
  }

  return (
    <>
      <p className="muted">{t('common.requiredNote')}</p>
      <form noValidate onSubmit={submit} className="form">
        {error ? <ErrorAlert error={error} shownFields={FIELD_ORDER} /> : null}
        <fieldset className="fieldset">
          <legend>{t('settings.officeLegend')}</legend>
          <p className="muted">{t('settings.addressNote')}</p>
          <div className="form-grid">{officeFields.map((spec) => renderField('office', spec, values.office[spec.key], setOffice(spec.key)))}</div>
          <div className="checkbox">
            <input
              id="settings-use-postbox"
              type="checkbox"
              checked={usePostbox}
              onChange={(event) => {
                setSaved(false);
                setUsePostbox(event.target.checked);
              }}
            />
            <label htmlFor="settings-use-postbox">{t('settings.usePostbox')}</label>
          </div>
          {usePostbox ? (
            <fieldset className="fieldset fieldset--nested">
              <legend>{t('settings.postboxLegend')}</legend>
              <div className="form-grid form-grid--three">
                {POSTBOX_FIELDS.map((spec) => renderField('office.postbox', spec, postbox[spec.key], setPostboxField(spec.key)))}
              </div>
            </fieldset>
          ) : null}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('settings.letterheadLegend')}</legend>
          <LogoField
            logo={values.office.logo}
            onChange={setLogo}
            error={fieldError(error, LOGO_PATH) ?? fieldError(error, `${LOGO_PATH}.mimeType`) ?? fieldError(error, `${LOGO_PATH}.dataBase64`)}
          />
          <div className="letterhead-preview">
            <p className="muted">{t('settings.previewIntro')}</p>
            <button type="button" className="button button--secondary" onClick={() => void showPreview()} aria-disabled={preview.status === 'busy'}>
              {t('settings.previewButton')}
            </button>
            {preview.status !== 'none' ? (
              <PdfPreview busy={preview.status === 'busy'} pdf={preview.status === 'ready' ? preview.pdf : null} fileName={t('settings.previewFileName')} />
            ) : null}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('settings.counselorLegend')}</legend>
          <p className="muted">{t('settings.contactNote')}</p>
          <div className="form-grid">{COUNSELOR_FIELDS.map((spec) => renderField('counselor', spec, values.counselor[spec.key], setCounselor(spec.key)))}</div>
        </fieldset>
        {inSetup ? null : (
          <fieldset className="fieldset">
            <legend>{t('settings.deadlinesLegend')}</legend>
            <Field
              id={inputId(LEAD_DAYS_PATH)}
              label={t('settings.consentLeadDays')}
              hint={t('settings.consentLeadDaysHint')}
              value={leadDays}
              onChange={(value) => {
                setSaved(false);
                setLeadDays(value);
              }}
              error={fieldError(error, LEAD_DAYS_PATH)}
              inputMode="numeric"
              maxLength={3}
              size="short"
            />
          </fieldset>
        )}
        <FormActions submitLabel={inSetup ? t('setup.submit') : t('common.save')} saving={saving} doneMessage={saved && t('settings.saved')} />
      </form>
    </>
  );
}

/**
 * The letterhead logo: a file input for PNG or JPEG, the chosen image and a
 * button to remove it. What is obviously wrong (type, size) is said at once;
 * the core reads the file itself when saving or previewing.
 */
function LogoField({ logo, onChange, error }: { logo: Logo | null; onChange(logo: Logo | null): void; error: string | undefined }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const id = inputId(LOGO_PATH);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared, so that picking the same file again (after fixing it) reads it again.
    event.target.value = '';
    if (!file) return;
    const type = LOGO_TYPES.find((candidate) => candidate === file.type);
    if (!type) {
      setLocalError(t('settings.logoWrongType'));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setLocalError(t('settings.logoTooLarge', { size: Math.ceil(file.size / 1024) }));
      return;
    }
    setLocalError(null);
    onChange({ mimeType: type, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
  }

  return (
    <div className="logo-field">
      <FieldFrame id={id} label={t('settings.logo')} hint={t('settings.logoHint')} error={localError ?? error}>
        {(control) => <input {...control} ref={input} type="file" accept="image/png,image/jpeg" onChange={(event) => void choose(event)} />}
      </FieldFrame>
      {logo ? (
        <div className="logo-preview">
          <img src={`data:${logo.mimeType};base64,${logo.dataBase64}`} alt={t('settings.logoPreviewAlt')} />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setLocalError(null);
              onChange(null);
              input.current?.focus();
            }}
          >
            {t('settings.logoRemove')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('settings.logoNone')}</p>
      )}
    </div>
  );
}
