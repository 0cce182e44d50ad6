import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { forgetUnsavedDraft, useUnsavedDrafts, type UnsavedDraft } from './unsaved-drafts';

/**
 * On every screen but the form itself: which forms hold edits not saved yet,
 * whether they have errors, a way back to each and a way to discard it.
 */
export function UnsavedDraftsReminder() {
  const { t } = useTranslation();
  const elsewhere = useUnsavedDrafts().filter((draft) => !draft.shown);
  const [discarding, setDiscarding] = useState<UnsavedDraft | null>(null);
  if (elsewhere.length === 0 && discarding === null) return null;
  return (
    <section className="alert alert--warning unsaved-drafts" aria-labelledby="unsaved-drafts-heading">
      <h2 id="unsaved-drafts-heading" className="unsaved-drafts-heading">
        {t('unsaved.heading')}
      </h2>
      <ul className="unsaved-drafts-list">
        {elsewhere.map((draft) => (
          <li key={draft.key}>
            <span dir="auto">{t('unsaved.item', { label: draft.label })}</span>
            {draft.hasErrors ? <strong className="unsaved-drafts-errors"> {t('unsaved.hasErrors')}</strong> : null}{' '}
            <a href={draft.href} className="button button--secondary button--small">
              {t('unsaved.continue', { label: draft.label })}
            </a>{' '}
            <button
              type="button"
              id={`unsaved-discard-${draft.key.replace(/[^a-zA-Z0-9-]/g, '-')}`}
              className="button button--secondary button--small"
              onClick={() => setDiscarding(draft)}
            >
              {t('unsaved.discard', { label: draft.label })}
            </button>
          </li>
        ))}
      </ul>
      {discarding ? (
        <ConfirmDialog
          id="unsaved-discard-dialog"
          title={t('unsaved.discardTitle')}
          text={t('unsaved.discardText', { label: discarding.label })}
          confirmLabel={t('unsaved.discardConfirm')}
          busyLabel={t('unsaved.discarding')}
          onConfirm={async () => {
            forgetUnsavedDraft(discarding.key);
            setDiscarding(null);
            document.getElementById('main')?.focus();
          }}
          onCancel={() => {
            const opener = `unsaved-discard-${discarding.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
            setDiscarding(null);
            window.setTimeout(() => document.getElementById(opener)?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
