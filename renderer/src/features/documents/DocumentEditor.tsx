import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { BilingualLayout, LanguageCode, LotseDocument, RenderedPdf } from '../../../../shared/api/contract';
import type { FieldErrors } from '../../../../shared/api/errors';
import { fillText } from '../../../../shared/forms/fill';
import { withComputedValues, type FieldValue } from '../../../../shared/forms/values';
import { call } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { ModalDialog } from '../../ui/ModalDialog';
import { useMediaQuery } from '../../ui/use-media-query';
import { PdfPreview } from '../../ui/pdf/PdfPreview';
import { useAppContext } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { type DocumentSources } from './document-sources';
import {
  editorValues,
  inputIdOfPath,
  partnerFollowingFields,
  pathsInFormOrder,
  sameValue,
  shownErrors,
  valueErrors,
  withoutFieldErrors,
} from './document-form';
import { pdfFileName } from './document-labels';
import { DocumentSections, shownSections } from './DocumentSections';
import { SectionJumps } from './SectionJumps';
import { FinalizeDialog } from './FinalizeDialog';
import { CONTACT_INPUT_ID, LetterAddressing, SALUTATION_INPUT_ID } from './LetterAddressing';
import { RECIPIENT_INPUT_ID, RecipientPicker } from './RecipientPicker';
import { SaveState } from './SaveState';
import { reviewOf, TranslationChoice, TranslationState } from './TranslationChoice';
import { useDocumentContext } from './use-document-context';
import { useDraftAutosave, type DraftSnapshot } from './use-draft-autosave';

interface DocumentEditorProps {
  document: LotseDocument;
  sources: DocumentSources;
  onFinalized(document: LotseDocument): void;
}

/** From this width (1200 px at the default font size) the preview stands beside the form. */
const WIDE_EDITOR = '(min-width: 75em)';
const PREVIEW_DIALOG_ID = 'editor-preview';
const PREVIEW_HEADING_ID = `${PREVIEW_DIALOG_ID}-heading`;

type Preview = { status: 'none' } | { status: 'busy' } | { status: 'ready'; pdf: RenderedPdf } | { status: 'error'; error: unknown };

/** A draft as an input screen built from its form; every change is saved on its own. */
export function DocumentEditor({ document, sources, onFinalized }: DocumentEditorProps) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const form = sources.template.definition;
  const [draft, setDraft] = useState<DraftSnapshot>(() => ({
    values: editorValues(form, document.values),
    partnerId: document.partnerId,
    contactId: document.contactId,
    salutationOverride: document.salutationOverride,
    translationLanguage: document.translationLanguage,
    bilingualLayout: document.bilingualLayout,
  }));
  const latest = useRef(draft);
  const [prefilled, setPrefilled] = useState<ReadonlySet<string>>(() => new Set(document.prefilled));
  // Once finalizing was tried, required fields are checked as they are filled in.
  const [complete, setComplete] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [preview, setPreview] = useState<Preview>({ status: 'none' });
  const [dialog, setDialog] = useState<'finalize' | 'discard' | null>(null);
  const finalizeButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const previewButton = useRef<HTMLButtonElement>(null);
  const previewPanel = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  // Wide windows show the preview beside the form; narrow ones over it, as a dialog.
  const wide = useMediaQuery(WIDE_EDITOR);
  const savedPartner = useRef(document.partnerId);
  const { autosave, status, serverErrors, setServerErrors } = useDraftAutosave(document.id, (saved, sent) => {
    // A new recipient brings its own prefilled values (address, consent date); take them where nothing was typed since.
    if (sent.partnerId === savedPartner.current) return;
    savedPartner.current = sent.partnerId;
    const follows = partnerFollowingFields(form);
    const current = latest.current;
    const adopted = follows.filter((id) => sameValue(current.values[id], sent.values[id]) && id in saved.values);
    if (adopted.length > 0) {
      latest.current = { ...current, values: { ...current.values, ...Object.fromEntries(adopted.map((id) => [id, saved.values[id] as FieldValue])) } };
      setDraft(latest.current);
    }
    setPrefilled((previous) => new Set([...[...previous].filter((id) => !follows.includes(id)), ...saved.prefilled.filter((id) => follows.includes(id))]));
  });

  const values = useMemo(() => withComputedValues(form, draft.values), [form, draft.values]);
  const errors: FieldErrors = useMemo(() => {
    const live = valueErrors(form, draft.values, complete);
    const recipient: FieldErrors =
      complete && form.recipient === 'partner' && draft.partnerId === null ? { partnerId: t('documentEditor.recipientMissing') } : {};
    return shownErrors(form, values, { ...live, ...recipient, ...serverErrors });
  }, [form, draft, values, complete, serverErrors, t]);
  const [context, reloadContext] = useDocumentContext(document.id, draft.partnerId, draft.contactId);
  const partnerName = (id: string) => sources.partners.find((partner) => partner.id === id)?.name ?? '';
  const defaultSalutation =
    form.letter && context.status === 'ready' ? fillText(form.letter.salutation, { form, values, context: context.value, partnerName }) : '';

  const commit = (next: DraftSnapshot) => {
    latest.current = next;
    setDraft(next);
    autosave.change(next);
  };

  const changeField = (fieldId: string, value: FieldValue) => {
    setPrefilled((current) => (current.has(fieldId) ? new Set([...current].filter((id) => id !== fieldId)) : current));
    setServerErrors((current) => withoutFieldErrors(current, fieldId));
    commit({ ...latest.current, values: { ...latest.current.values, [fieldId]: value } });
  };

  const changeRecipient = (partnerId: string | null) => {
    setServerErrors(({ partnerId: _dropped, contactId: _contact, ...rest }) => rest);
    // A contact person belongs to the partner they were chosen from.
    commit({ ...latest.current, partnerId, contactId: null });
    void autosave.flush();
  };

  const changeContact = (contactId: string | null) => {
    setServerErrors(({ contactId: _dropped, ...rest }) => rest);
    commit({ ...latest.current, contactId });
    void autosave.flush();
  };

  const changeTranslation = (change: { translationLanguage?: LanguageCode | null; bilingualLayout?: BilingualLayout }) => {
    commit({ ...latest.current, ...change });
    void autosave.flush();
  };
  // The version's translation in the chosen language: an unchecked one is said before previewing, printing and finalizing.
  const translationReview = reviewOf(sources.template, draft.translationLanguage);
  const uncheckedTranslation = draft.translationLanguage !== null && translationReview === null;

  const changeSalutation = (salutationOverride: string | null) => {
    setServerErrors(({ salutationOverride: _dropped, ...rest }) => rest);
    commit({ ...latest.current, salutationOverride });
  };

  const focusFirst = (found: FieldErrors) => {
    const [first] = pathsInFormOrder(form, found);
    const target = found.partnerId
      ? RECIPIENT_INPUT_ID
      : found.contactId
        ? CONTACT_INPUT_ID
        : found.salutationOverride
          ? SALUTATION_INPUT_ID
          : first
            ? inputIdOfPath(form, first)
            : null;
    if (target) focusSoon(target);
  };

  const startFinalize = () => {
    setComplete(true);
    const missing = valueErrors(form, latest.current.values, true);
    if (form.recipient === 'partner' && latest.current.partnerId === null) missing.partnerId = t('documentEditor.recipientMissing');
    const found = shownErrors(form, withComputedValues(form, latest.current.values), { ...missing, ...serverErrors });
    if (Object.keys(found).length > 0) {
      setBlocked(true);
      focusFirst(found);
      return;
    }
    setBlocked(false);
    setDialog('finalize');
  };

  async function showPreview() {
    if (preview.status === 'busy') return;
    setPreviewOpen(true);
    setPreview({ status: 'busy' });
    try {
      await autosave.settle();
      setPreview({ status: 'ready', pdf: await call('documents.render', { id: document.id }) });
    } catch (caught) {
      setPreview({ status: 'error', error: caught });
    }
  }

  const closePreview = () => {
    setPreviewOpen(false);
    setPreview({ status: 'none' });
    window.setTimeout(() => previewButton.current?.focus(), 0);
  };

  // Opened beside the form, the preview comes into view (its column sticks below the bar) and its heading takes focus.
  useEffect(() => {
    if (!previewOpen || !wide) return;
    previewPanel.current?.scrollIntoView({ block: 'nearest' });
    window.document.getElementById(PREVIEW_HEADING_ID)?.focus({ preventScroll: true });
  }, [previewOpen, wide]);

  // The bar's height, for the sticky preview and the place a section's heading scrolls to.
  useLayoutEffect(() => {
    const bar = barRef.current;
    const editor = editorRef.current;
    if (!bar || !editor) return;
    const measure = () => editor.style.setProperty('--editor-bar-height', `${bar.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const closeDialog = (button: RefObject<HTMLButtonElement | null>) => {
    setDialog(null);
    window.setTimeout(() => button.current?.focus(), 0);
  };

  // Rendered while the preview is open, also after a failed attempt: its heading names the panel or dialog and takes focus.
  const previewPdf = previewOpen ? (
    <PdfPreview
      busy={preview.status === 'busy'}
      pdf={preview.status === 'ready' ? preview.pdf : null}
      fileName={pdfFileName(document, t('documentEditor.draftFileSuffix'))}
      edition={{ text: t('documentEditor.previewEdition'), draft: true }}
      headingId={PREVIEW_HEADING_ID}
    />
  ) : null;
  const previewError = (
    <>
      {draft.translationLanguage !== null && translationReview === null ? <TranslationState review={null} /> : null}
      {preview.status === 'error' ? <ErrorAlert error={preview.error} onRetry={showPreview} /> : null}
    </>
  );

  return (
    <div className={`editor${previewOpen && wide ? ' editor--previewing' : ''}`} ref={editorRef}>
      <div className="editor-bar" ref={barRef} role="region" aria-label={t('editorLayout.bar')}>
        <span className="status status--draft">{t('documents.statusDraft')}</span>
        <SaveState status={status} onRetry={() => void autosave.flush()} />
        <div className="editor-bar-actions">
          {context.status === 'ready' ? <SectionJumps sections={shownSections(form, values)} /> : null}
          {uncheckedTranslation ? (
            // Said with Vorschau and Fertigstellen too; the whole warning stands in the form and in the finalize dialog.
            <span id="editor-translation-unchecked" className="status status--warning editor-translation-badge">
              {t('translations.uncheckedShort')}
            </span>
          ) : null}
          <button
            ref={previewButton}
            type="button"
            className="button button--secondary"
            onClick={showPreview}
            aria-disabled={preview.status === 'busy'}
            aria-describedby={uncheckedTranslation ? 'editor-translation-unchecked' : undefined}
          >
            {t('documentEditor.preview')}
          </button>
          {previewOpen && wide ? (
            <button type="button" className="button button--secondary" onClick={closePreview}>
              {t('editorLayout.closePreview')}
            </button>
          ) : null}
          <button
            ref={finalizeButton}
            type="button"
            className="button button--primary"
            onClick={startFinalize}
            aria-describedby={uncheckedTranslation ? 'editor-translation-unchecked' : undefined}
          >
            {t('documentEditor.finalize')}
          </button>
        </div>
      </div>
      {document.correctsId ? (
        <p className="editor-corrects">
          {t('documentEditor.corrects')} <a href={routeHref({ name: 'document', id: document.correctsId })}>{t('finalDocument.openCorrected')}</a>
        </p>
      ) : null}
      <div className="editor-columns">
        <div className="editor-main">
          <form
            noValidate
            className="form editor-form"
            onSubmit={(event) => event.preventDefault()}
            // Leaving a field saves at once, not only after the pause.
            onBlur={() => void autosave.flush()}
          >
            <p className="muted">{t('documentEditor.requiredNote')}</p>
            {blocked && Object.keys(errors).length > 0 ? (
              <div className="alert alert--error" role="alert">
                <p className="alert-title">{t('documentEditor.incompleteTitle')}</p>
                <p>{t('documentEditor.incomplete', { count: Object.keys(errors).length })}</p>
              </div>
            ) : null}
            <RecipientPicker
              recipient={form.recipient}
              clientName={document.clientName}
              partners={sources.partners}
              partnerId={draft.partnerId}
              partnerName={document.partnerName}
              onChange={changeRecipient}
              error={errors.partnerId}
            />
            <TranslationChoice
              available={document.translationsAvailable}
              language={draft.translationLanguage}
              layout={draft.bilingualLayout}
              review={translationReview}
              onLanguage={(translationLanguage) => changeTranslation({ translationLanguage })}
              onLayout={(bilingualLayout) => changeTranslation({ bilingualLayout })}
            />
            {context.status === 'ready' && form.letter ? (
              <LetterAddressing
                partner={context.value.partner}
                contactId={context.value.contactId}
                salutationOverride={draft.salutationOverride}
                defaultSalutation={defaultSalutation}
                onContactChange={changeContact}
                onSalutationChange={changeSalutation}
                errorAt={(path) => errors[path]}
              />
            ) : null}
            {context.status === 'ready' ? (
              <DocumentSections
                form={form}
                values={values}
                onChange={changeField}
                errorAt={(path) => errors[path]}
                prefilled={prefilled}
                partners={sources.partners}
                context={context.value}
              />
            ) : context.status === 'error' ? (
              <ErrorAlert error={context.error} onRetry={reloadContext} />
            ) : (
              <p className="busy">{t('common.loading')}</p>
            )}
          </form>
          <div className="toolbar toolbar--wrap editor-actions">
            <button ref={discardButton} type="button" className="button button--danger-outline toolbar-end" onClick={() => setDialog('discard')}>
              {t('documentEditor.discard')}
            </button>
          </div>
        </div>
        {previewOpen && wide ? (
          <div className="editor-preview" ref={previewPanel}>
            {previewError}
            {previewPdf}
          </div>
        ) : null}
      </div>
      {previewOpen && !wide ? (
        <ModalDialog id={PREVIEW_DIALOG_ID} className="dialog--neutral dialog--preview" onCancel={closePreview} initialFocusId={PREVIEW_HEADING_ID}>
          {previewError}
          {previewPdf}
          <div className="form-actions editor-preview-actions">
            <p id={`${PREVIEW_DIALOG_ID}-text`} className="muted">
              {t('editorLayout.previewDialogText')}
            </p>
            <button type="button" className="button button--primary" onClick={closePreview}>
              {t('editorLayout.backToForm')}
            </button>
          </div>
        </ModalDialog>
      ) : null}
      {dialog === 'finalize' ? (
        <FinalizeDialog
          document={{
            ...document,
            partnerId: draft.partnerId,
            partnerName: (context.status === 'ready' ? context.value.partner?.name : undefined) ?? document.partnerName,
          }}
          saveDraft={() => autosave.settle()}
          translation={draft.translationLanguage === null ? null : { language: draft.translationLanguage, review: translationReview }}
          onFinalized={onFinalized}
          onFieldErrors={(found) => {
            setDialog(null);
            setServerErrors(found);
            setBlocked(true);
            focusFirst(found);
          }}
          onCancel={() => closeDialog(finalizeButton)}
        />
      ) : null}
      {dialog === 'discard' ? (
        <ConfirmDialog
          id="discard-dialog"
          title={t('discard.title')}
          text={t('discard.text')}
          confirmLabel={t('discard.confirm')}
          busyLabel={t('discard.busy')}
          onConfirm={async () => {
            await call('documents.discard', { id: document.id });
            autosave.abandon();
            navigateWithNotice({ name: 'client', id: document.clientId }, t('discard.done'));
          }}
          onCancel={() => closeDialog(discardButton)}
        />
      ) : null}
    </div>
  );
}
