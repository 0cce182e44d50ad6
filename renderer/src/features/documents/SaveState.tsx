import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../../api';
import type { SaveStatus } from '../../ui/autosave';

const TIME_FORMAT = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });

/** Where the draft stands, said politely: "Gespeichert 14:03", "Wird gespeichert …", or why it was not. */
export function SaveState({ status, onRetry }: { status: SaveStatus; onRetry(): void }) {
  const { t } = useTranslation();
  let text: string = t('documentEditor.autosaveIdle');
  if (status.state === 'pending' || status.state === 'saving') text = t('common.saving');
  else if (status.state === 'saved') text = t('documentEditor.savedAt', { time: TIME_FORMAT.format(status.at) });
  else if (status.state === 'failed') {
    const reason = isApiCallError(status.error) ? status.error.message : t('common.unexpected');
    text = t('documentEditor.saveFailed', { reason });
  }
  return (
    <div className={`save-state${status.state === 'failed' ? ' save-state--failed' : ''}`}>
      <p role="status" className="save-state-text">
        {text}
      </p>
      {status.state === 'failed' ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('documentEditor.saveRetry')}
        </button>
      ) : null}
    </div>
  );
}
